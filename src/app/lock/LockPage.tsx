// The lock screen (issue 14): the only thing App shows while the app is locked, so nothing of the
// person's data is in the page behind it. Asks the signed-in person for their password, or their
// PIN if they chose one (with a way back to the password), warns from the 5th wrong try how many
// are left before the device is wiped, and offers to sign in as someone else.
import { useEffect, useState } from 'preact/hooks';
import type { SessionUser } from '../../shared/auth/schema';
import { TextInput } from '../components/fields';
import { ErrorSummary, Page } from '../components/Page';
import { lockScreenFacts, unlock, type UnlockOutcome } from './unlock';

const FIELD = 'unlock-secret';

export function LockPage(props: { user: SessionUser }) {
  const { user } = props;
  const [pin, setPin] = useState<boolean | null>(null);
  const [secret, setSecret] = useState('');
  const [error, setError] = useState('');
  const [warning, setWarning] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void lockScreenFacts(user.id).then((facts) => {
      if (!live) return;
      setPin(facts.pin);
      setWarning(facts.warning);
    });
    return () => {
      live = false;
    };
  }, [user.id]);

  // The field has focus once the screen is up (and again after each wrong try).
  useEffect(() => {
    if (pin !== null && !busy) document.getElementById(FIELD)?.focus();
  }, [pin, busy, error]);

  const kind = pin ? 'pin' : 'password';
  const label = pin ? 'PIN' : 'Password';

  async function onSubmit(event: Event) {
    event.preventDefault();
    if (busy) return;
    if (!secret) {
      setError(pin ? 'Enter your PIN' : 'Enter your password');
      return;
    }
    setBusy(true);
    const outcome = await unlock(user, kind, secret).catch((): UnlockOutcome => ({
      ok: false,
      message: 'QA Visits could not be unlocked. Try again.',
      triesLeft: null,
    }));
    setSecret('');
    setBusy(false);
    if (outcome.ok || 'wiped' in outcome) return; // App shows what comes next
    setError(outcome.message);
    setWarning(null);
  }

  if (pin === null) return <p>Loading…</p>;
  return (
    <Page title="QA Visits is locked">
      <p>
        Signed in as <strong>{user.name}</strong> ({user.email}). Enter your {pin ? 'PIN' : 'password'} to carry on —
        your work is saved on this device.
      </p>
      {warning && !error && (
        <div class="warning-text" role="status">
          <strong>{warning}</strong>
        </div>
      )}
      <ErrorSummary errors={error ? [{ href: `#${FIELD}`, message: error }] : []} />
      <form onSubmit={onSubmit} noValidate autocomplete="off" data-testid="lock-screen">
        <TextInput
          id={FIELD}
          label={label}
          type="password"
          inputMode={pin ? 'numeric' : undefined}
          autocomplete={pin ? 'off' : 'current-password'}
          value={secret}
          error={error || undefined}
          onChange={setSecret}
        />
        <button type="submit" class="button" disabled={busy}>
          {busy ? 'Unlocking…' : 'Unlock'}
        </button>
      </form>
      {pin && (
        <p>
          <button
            type="button"
            class="button secondary"
            onClick={() => {
              setPin(false);
              setError('');
              setSecret('');
            }}
          >
            Forgotten your PIN? Unlock with your password
          </button>
        </p>
      )}
      <p>
        <a href="/sign-in">Sign in as someone else</a>
      </p>
    </Page>
  );
}
