// Sign out, which removes this person's data from the device (shared tablets). With unsent visits
// it explains what would be lost and needs an explicit confirmation. Another person's unsent work
// held on the device stays, and the page says so (issue 14).
import { useState } from 'preact/hooks';
import { Checkbox } from '../components/choices';
import { BackLink, Page } from '../components/Page';
import { useLiveQuery } from '../lib/use-live-query';
import { heldCount, unsentCount, signOut } from './session';
import { navigate } from '../lib/router';

export function SignOutPage() {
  const unsent = useLiveQuery(() => unsentCount(), []);
  const held = useLiveQuery(() => heldCount(), []) ?? 0;
  const [confirmed, setConfirmed] = useState(false);
  const [message, setMessage] = useState('');
  if (unsent === undefined) return <p>Loading…</p>;

  async function onSubmit(event: Event) {
    event.preventDefault();
    const result = await signOut({ confirmLosingUnsent: confirmed });
    if (result.ok) navigate('/', { replace: true });
    else
      setMessage(
        `There ${result.unsent === 1 ? 'is 1 visit' : `are ${result.unsent} visits`} not yet sent. Tick the box to confirm you want to lose them.`,
      );
  }

  return (
    <>
      <BackLink href="/">Back</BackLink>
      <Page title="Sign out">
        {held === 0 ? (
          <p>Signing out removes all QA Visits data from this device, so the next person cannot see it.</p>
        ) : (
          <p>
            Signing out removes your QA Visits data from this device, so the next person cannot see it. Another person’s
            unsent work ({held === 1 ? '1 record' : `${held} records`}) stays held on this device until they sign in
            here.
          </p>
        )}
        {unsent > 0 && (
          <div class="warning-text" role="alert">
            <strong>
              {unsent === 1 ? '1 visit on this device has' : `${unsent} visits on this device have`} not been sent to
              the council. Signing out now will delete {unsent === 1 ? 'it' : 'them'} for good.
            </strong>
            <p>Connect to the internet and wait until nothing is waiting to send, then sign out.</p>
          </div>
        )}
        {message && (
          <p class="error-message" role="alert">
            {message}
          </p>
        )}
        <form onSubmit={onSubmit}>
          {unsent > 0 && (
            <Checkbox
              id="confirm-loss"
              label="I understand that the unsent visits will be deleted"
              checked={confirmed}
              onChange={setConfirmed}
            />
          )}
          <button type="submit" class={`button${unsent > 0 ? ' warning' : ''}`}>
            Sign out and clear this device
          </button>
        </form>
      </Page>
    </>
  );
}
