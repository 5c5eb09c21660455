// SyncStatus: the waiting count follows the Dexie outbox live, needing-attention entries are
// counted apart, and the connection line follows the `online` observable and the session.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/preact';
import { session } from '../../src/app/auth/session';
import { SyncStatus } from '../../src/app/sync/SyncStatus';
import { online, syncState } from '../../src/app/sync/sync-state';
import { createOutboxStore } from '../../src/app/sync/outbox-store';
import { submitRecord } from '../../src/app/records/record-store';
import { answerEverything, officer, resetDevice, startQmfVisit } from './helpers';

async function queueVisit(): Promise<void> {
  const id = await startQmfVisit();
  await answerEverything(id);
  await submitRecord(id);
}

const status = () => within(screen.getByRole('region', { name: 'Sync status' })).getByRole('status');
const syncNowButton = () => screen.getByRole('button', { name: 'Sync now' }) as HTMLButtonElement;

beforeEach(async () => {
  await resetDevice();
  online.set(true);
  session.set({ status: 'signed-in', user: officer, verified: true, expired: false });
});
afterEach(() => {
  online.set(true);
  session.set({ status: 'loading' });
});

describe('sync status', () => {
  it('counts the visits waiting to send from the live outbox', async () => {
    render(<SyncStatus />);
    await within(status()).findByText('0 visits waiting to send');

    await queueVisit();
    await within(status()).findByText('1 visit waiting to send');

    await queueVisit();
    await within(status()).findByText('2 visits waiting to send');
    expect(within(status()).getByText('Online')).toBeTruthy();
  });

  it('counts an entry the server turned down as needing attention, not as waiting', async () => {
    await queueVisit();
    await queueVisit();
    render(<SyncStatus />);
    await within(status()).findByText('2 visits waiting to send');

    const store = createOutboxStore(officer.id);
    const [first] = await store.pending();
    await store.markAttention(first!, { status: 422, code: 'invalid', message: 'Not accepted' });

    await within(status()).findByText('1 visit waiting to send');
    const link = within(status()).getByRole('link', { name: '1 needs attention' });
    expect(link.getAttribute('href')).toBe('/');
  });

  it('says "Offline" and disables Sync now while the device has no connection', async () => {
    await queueVisit();
    render(<SyncStatus />);
    await within(status()).findByText('1 visit waiting to send');
    expect(syncNowButton().disabled).toBe(false);

    online.set(false);
    await within(status()).findByText('Offline');
    expect(within(status()).getByText('1 visit waiting to send')).toBeTruthy();
    expect(syncNowButton().disabled).toBe(true);

    online.set(true);
    await within(status()).findByText('Online');
    expect(syncNowButton().disabled).toBe(false);
  });

  it('asks to sign in again when the session has ended, and keeps the work', async () => {
    await queueVisit();
    render(<SyncStatus />);
    await within(status()).findByText('1 visit waiting to send');

    session.set({ status: 'signed-in', user: officer, verified: false, expired: true });

    await screen.findByText(/Your sign-in has ended\. Your work is safe on this device\./);
    expect(screen.getByRole('link', { name: 'Sign in again' }).getAttribute('href')).toBe('/sign-in');
    expect(syncNowButton().disabled).toBe(true);
  });

  it('says a retry is being tried, not that the server cannot be reached, while it is sending (no false alarm)', async () => {
    render(<SyncStatus />);
    const base = { nextAttemptAt: null, lastSuccessAt: null, lastProblem: null };
    syncState.set({ ...base, phase: 'syncing', consecutiveFailures: 2 });
    await within(status()).findByText('Trying again…');
    syncState.set({ ...base, phase: 'waiting-to-retry', consecutiveFailures: 2 });
    await within(status()).findByText("Can't reach the server");
    syncState.set({ ...base, phase: 'syncing', consecutiveFailures: 0 });
    await within(status()).findByText('Sending…');
    syncState.set({ ...base, phase: 'idle', consecutiveFailures: 0 });
  });
});
