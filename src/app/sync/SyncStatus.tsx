// The sync status shown on every page: connection, visits waiting to send, visits needing
// attention, when the device last synced, and "Sync now". Announced politely to screen readers.
// On a phone it is one line (connection, what waits, what needs attention) with a "Details"
// button that opens the rest: before issue 17 it took about a fifth of the screen on every page.
// Counts are the signed-in person's; another person's unsent work held on the device is only
// counted, in plain words (issue 14).
import { useState } from 'preact/hooks';
import { useObservable } from '../lib/observable';
import { useHeldWork, useOutboxCounts } from './queries';
import { syncNow } from './control';
import { online, syncState } from './sync-state';
import { session } from '../auth/session';
import { formatDateTime } from '../components/format';

export function SyncStatus() {
  const isOnline = useObservable(online);
  const state = useObservable(syncState);
  const current = useObservable(session);
  const me = current.status === 'signed-in' ? current.user.id : '';
  const { waiting, attention } = useOutboxCounts(me);
  const held = useHeldWork(me);
  const expired = current.status === 'signed-in' && current.expired;
  // On a phone only the first line shows until "Details" opens the rest (styles.css); wider, all of it.
  const [open, setOpen] = useState(false);

  // Tell the truth on "lie-fi": the device may say it is online while the server can't be reached.
  let connection: string;
  if (!isOnline) connection = 'Offline';
  // A retry in progress may well succeed: say so, not "can't reach" (issue 17: a false alarm
  // flashed while a send was going through).
  else if (state.consecutiveFailures > 0 && state.phase === 'syncing') connection = 'Trying again…';
  else if (state.phase === 'syncing') connection = 'Sending…';
  else if (state.phase === 'waiting-to-retry') connection = "Can't reach the server";
  else connection = 'Online';

  return (
    <section
      class={`sync-status${isOnline ? '' : ' is-offline'}${open ? ' is-open' : ''}`}
      aria-label="Sync status"
      data-testid="sync-status"
    >
      <p class="sync-line" role="status" aria-live="polite">
        <strong data-testid="connection">{connection}</strong>
        <span data-testid="waiting">
          {waiting === 1 ? '1 visit waiting to send' : `${waiting} visits waiting to send`}
        </span>
        {attention > 0 && (
          <a href="/" data-testid="attention">
            {attention === 1 ? '1 needs attention' : `${attention} need attention`}
          </a>
        )}
      </p>
      <button
        type="button"
        class="sync-toggle"
        aria-expanded={open}
        aria-controls="sync-details"
        onClick={() => setOpen(!open)}
      >
        <span class="visually-hidden">Sync </span>Details
      </button>
      <div class="sync-details" id="sync-details">
        <span data-testid="last-sync">
          {state.lastSuccessAt ? `Last synced ${formatDateTime(state.lastSuccessAt)}` : 'Not synced yet on this device'}
        </span>
        <button type="button" class="button secondary small" onClick={() => syncNow()} disabled={!isOnline || expired}>
          Sync now
        </button>
        {held.records > 0 && (
          <p class="sync-held" data-testid="held">
            {held.people > 1 ? 'Other people’s' : 'Another person’s'} unsent work (
            {held.records === 1 ? '1 record' : `${held.records} records`}) is held on this device and will be sent when
            they sign in here.
          </p>
        )}
      </div>
      {expired && (
        <p class="sync-line warning">
          Your sign-in has ended. Your work is safe on this device. <a href="/sign-in">Sign in again</a> to send it.
        </p>
      )}
    </section>
  );
}
