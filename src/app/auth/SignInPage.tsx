// Sign in. Needs the network; afterwards the person can keep working offline on this device.
import { useState } from 'preact/hooks';
import { ErrorSummary, Page } from '../components/Page';
import { navigate } from '../lib/router';
import { signedInAgain } from '../sync/control';
import { signIn } from './session';

export function SignInPage(props: { returning?: string }) {
  const [email, setEmail] = useState(props.returning ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: Event) {
    event.preventDefault();
    if (!email.trim() || !password) {
      setError(!email.trim() ? 'Enter your email address' : 'Enter your password');
      return;
    }
    setBusy(true);
    const result = await signIn(email.trim(), password);
    setBusy(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    signedInAgain();
    navigate('/', { replace: true });
  }

  return (
    <Page title="Sign in">
      {props.returning && (
        <p>Your sign-in has ended. Sign in again to send the visits waiting on this device — nothing has been lost.</p>
      )}
      <ErrorSummary errors={error ? [{ href: '#email', message: error }] : []} />
      <form onSubmit={onSubmit} noValidate>
        <div class="form-group">
          <label class="label" for="email">
            Email address
          </label>
          <input
            id="email"
            class="input"
            type="email"
            autocomplete="username"
            spellcheck={false}
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
        </div>
        <div class="form-group">
          <label class="label" for="password">
            Password
          </label>
          <input
            id="password"
            class="input"
            type="password"
            autocomplete="current-password"
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </div>
        <button type="submit" class="button" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </Page>
  );
}
