// After a sign-in, when the council allows PINs (issue 14): an optional PIN of at least 6 digits
// that unlocks this device instead of the password. Skipping it keeps the password.
import type { ComponentProps } from 'preact';
import { useState } from 'preact/hooks';
import { TextInput } from '../components/fields';
import { ErrorSummary, errorLinks, Page } from '../components/Page';
import { navigate } from '../lib/router';
import { choosePin, forgetPendingPin, pinPending } from '../crypto/keyring';

const PIN = /^\d{6,12}$/;

export function ChoosePinPage() {
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<{ pin?: string; again?: string }>({});
  const [busy, setBusy] = useState(false);

  if (!pinPending()) {
    return (
      <Page title="Choose a PIN">
        <p>A PIN can be chosen only straight after signing in.</p>
        <a href="/">Go to my visits</a>
      </Page>
    );
  }

  async function onSubmit(event: Event) {
    event.preventDefault();
    const found: typeof errors = {};
    if (!PIN.test(pin)) found.pin = 'Enter a PIN of at least 6 digits, using numbers only';
    else if (again !== pin) found.again = 'The PINs do not match';
    setErrors(found);
    if (found.pin || found.again) return;
    setBusy(true);
    await choosePin(pin);
    setBusy(false);
    navigate('/', { replace: true });
  }

  function skip() {
    forgetPendingPin();
    navigate('/', { replace: true });
  }

  return (
    <Page title="Choose a PIN (at least 6 digits)">
      <p>
        Your council lets you unlock QA Visits on this device with a PIN instead of your password. You can skip this and
        keep using your password.
      </p>
      <ErrorSummary errors={errorLinks(errors, (f) => `pin-${f}`)} />
      <form onSubmit={onSubmit} noValidate autocomplete="off">
        <PinInput id="pin-pin" label="PIN" hint="At least 6 digits" value={pin} error={errors.pin} onChange={setPin} />
        <PinInput id="pin-again" label="Enter the PIN again" value={again} error={errors.again} onChange={setAgain} />
        <button type="submit" class="button" disabled={busy}>
          {busy ? 'Saving…' : 'Save PIN'}
        </button>{' '}
        <button type="button" class="button secondary" onClick={skip}>
          Skip
        </button>
      </form>
    </Page>
  );
}

/** A box for a PIN: digits only, hidden as typed, and never offered to the browser's autofill. */
function PinInput(props: Omit<ComponentProps<typeof TextInput>, 'type' | 'inputMode' | 'autocomplete' | 'short'>) {
  return <TextInput {...props} type="password" inputMode="numeric" autocomplete="off" short />;
}
