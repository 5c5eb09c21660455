// Pin or unpin a provider's briefing to this device (needs a connection; says so when offline).
import { useState } from 'preact/hooks';
import { setPinned } from './pins';

export function PinButton(props: { providerId: string; pinned: boolean }) {
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  async function toggle() {
    setBusy(true);
    const result = await setPinned(props.providerId, !props.pinned);
    setBusy(false);
    setMessage(
      result.ok
        ? props.pinned
          ? 'Unpinned. The briefing leaves this device at the next sync.'
          : 'Pinned. The briefing comes to this device with the next sync.'
        : result.message,
    );
  }
  return (
    <>
      <button type="button" class="button secondary" disabled={busy} onClick={toggle} aria-pressed={props.pinned}>
        {props.pinned ? 'Unpin from this device' : 'Keep briefing on this device'}
      </button>
      {message && (
        <span class="hint" role="status">
          {' '}
          {message}
        </span>
      )}
    </>
  );
}
