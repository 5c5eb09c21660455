// Sign in. Needs the network; afterwards the person can keep working offline on this device.
import { useState } from 'preact/hooks';
import { TextInput, useField } from '../components/fields';
import { ErrorSummary, Page } from '../components/Page';
import { navigate } from '../lib/router';
import { signedInAgain } from '../sync/control';
import { signIn } from './session';

export function SignInPage(props: { returning?: string }) {
  const email = useField('email', props.returning ?? '');
  const password = useField('password', '');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: Event) {
    event.preventDefault();
    if (!email.value.trim() || !password.value) {
      setError(!email.value.trim() ? 'Enter your email address' : 'Enter your password');
      return;
    }
    setBusy(true);
    const result = await signIn(email.value.trim(), password.value);
    setBusy(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    signedInAgain();
    // The council allows PINs and this person has none here: offer one (issue 14).
    navigate(result.offerPin ? '/choose-pin' : '/', { replace: true });
  }

  return (
    <Page title="Sign in">
      {props.returning && (
        <p>Your sign-in has ended. Sign in again to send the visits waiting on this device — nothing has been lost.</p>
      )}
      <ErrorSummary errors={error ? [{ href: '#email', message: error }] : []} />
      <form onSubmit={onSubmit} noValidate>
        <TextInput {...email} label="Email address" type="email" autocomplete="username" spellcheck={false} />
        <TextInput {...password} label="Password" type="password" autocomplete="current-password" />
        <button type="submit" class="button" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </Page>
  );
}
