// Whose data is on a shared device (issue 14): the outbox hands over only the signed-in person's
// entries; when someone else signs in, the last person's unsent work is held (kept, not shown,
// not sent) and the rest of their data goes; their held work comes back to them alone; sign-out
// keeps other people's held work and deletes the whole database only when none is held.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/preact';
import { db } from '../../src/app/storage/database';
import { getValue, setValue } from '../../src/app/storage/device-keyval';
import { createOutboxStore } from '../../src/app/sync/outbox-store';
import { heldFor, holdsOthersWork, prepareDeviceFor, unsentOf } from '../../src/app/device/held-work';
import { heldCount, session, signIn, signOut, unsentCount } from '../../src/app/auth/session';
import { END_SESSION_KEY } from '../../src/app/auth/server-session-end';
import { SyncStatus } from '../../src/app/sync/SyncStatus';
import { MyVisitsPage } from '../../src/app/records/MyVisitsPage';
import { online } from '../../src/app/sync/sync-state';
import type { SessionUser } from '../../src/shared/auth/schema';
import { resetDevice } from './helpers';
import { A, B, databaseNames, hash, ids, putEntry, putRecord, putReferenceData } from './device-fixtures';

const personA: SessionUser = { id: A, email: 'a@example.gov.uk', name: 'Alex Ash', role: 'officer' };
const personB: SessionUser = { id: B, email: 'b@example.gov.uk', name: 'Bea Birch', role: 'officer' };
const signedIn = (user: SessionUser) => session.set({ status: 'signed-in', user, verified: true, expired: false });

/** The fetch the app sees: answers by method, and remembers what was asked. */
function server(answers: Partial<Record<'GET' | 'POST' | 'DELETE', () => Response>>) {
  const calls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = (init?.method ?? 'GET') as 'GET' | 'POST' | 'DELETE';
      calls.push(`${method} ${url}`);
      const answer = answers[method];
      if (!answer) throw new TypeError('Failed to fetch');
      return answer();
    }),
  );
  return calls;
}
const json = (status: number, body: unknown) => () =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** A's work on the device: a draft, a queued visit, one needing attention, and two sent (one sharing the draft's photo). */
async function personAsWork(): Promise<void> {
  await putRecord('a-draft', A, { photos: [hash('1')] });
  await putRecord('a-queued', A, { status: 'queued', signatures: [hash('2')] });
  await putRecord('a-attention', A, { status: 'attention' });
  await putRecord('a-sent', A, { status: 'sent', photos: [hash('3')] });
  await putRecord('a-sent-same-photo', A, { status: 'sent', photos: [hash('1')] });
}

beforeEach(async () => {
  await resetDevice();
  session.set({ status: 'loading' });
});
afterEach(() => {
  vi.unstubAllGlobals();
  session.set({ status: 'loading' });
});

describe('the outbox of one person', () => {
  it("hands over only the signed-in person's entries; an entry without a person goes by its record", async () => {
    const a1 = await putRecord('a1', A, { status: 'queued' });
    const b1 = await putRecord('b1', B, { status: 'queued' });
    const a2 = await putRecord('a2', A, { status: 'queued' });
    await db().outbox.where('recordId').equals('a2').delete();
    await putEntry(a2, 'pending', false); // written by hand, without a person
    const orphan = { ...a1, id: 'gone', ownerId: 'nobody' };
    await putEntry(orphan, 'pending', false); // no person and no record: nobody's, never sent

    expect((await createOutboxStore(A).pending()).map((e) => e.recordId)).toEqual([a1.id, a2.id]);
    expect((await createOutboxStore(B).pending()).map((e) => e.recordId)).toEqual([b1.id]);
    expect(await createOutboxStore('someone-else').pending()).toEqual([]);
  });
});

describe('a different person signs in', () => {
  it("holds the last person's unsent work and removes the rest of their data", async () => {
    await personAsWork();
    await putReferenceData();
    await setValue('pull-cursor', 'c1.a');
    await setValue('pulled-settings', { pinned: ['prov-oakwood'], briefingStaleDays: 7 });

    await prepareDeviceFor(B, A, []);

    expect(await ids('records')).toEqual(['a-attention', 'a-draft', 'a-queued']);
    expect((await db().outbox.toArray()).map((e) => [e.recordId, e.ownerId, e.state])).toEqual([
      ['a-queued', A, 'pending'],
      ['a-attention', A, 'attention'],
    ]);
    // The draft's photo stays although a removed sent record named it too; the sent one's goes.
    expect(await ids('files')).toEqual([hash('1'), hash('2')]);
    expect(await db().providers.count()).toBe(0);
    expect(await db().briefings.count()).toBe(0);
    expect(await db().assignments.count()).toBe(0);
    expect(await getValue('pull-cursor')).toBeUndefined();
    expect(await getValue('pulled-settings')).toBeUndefined();

    expect(await heldFor(B)).toBe(3);
    expect(await unsentOf(B)).toBe(0);
    expect(await createOutboxStore(B).pending()).toEqual([]);
  });

  it('gives the held work back to its author alone, and removes what the other person had sent', async () => {
    await personAsWork();
    await prepareDeviceFor(B, A, []);
    await putRecord('b-sent', B, { status: 'sent', photos: [hash('4')] });
    await putRecord('b-draft', B);

    await prepareDeviceFor(A, B, []);

    expect(await ids('records')).toEqual(['a-attention', 'a-draft', 'a-queued', 'b-draft']);
    expect(await ids('files')).toEqual([hash('1'), hash('2')]);
    expect((await createOutboxStore(A).pending()).map((e) => e.recordId)).toEqual(['a-queued']);
    expect(await heldFor(A)).toBe(1);
    expect(await unsentOf(A)).toBe(3);
  });

  it('wipes the device outright when nobody has unsent work on it', async () => {
    await putRecord('a-sent', A, { status: 'sent', photos: [hash('3')] });
    await putReferenceData();
    await setValue('pull-cursor', 'c1.a');

    await prepareDeviceFor(B, A, []);

    expect(await databaseNames()).not.toContain('qa-visits');
    expect(await getValue('pull-cursor')).toBeUndefined();
    expect(await db().records.count()).toBe(0);
  });

  it('leaves everything when the same person signs in again', async () => {
    await personAsWork();
    await putReferenceData();
    await prepareDeviceFor(A, A, []);
    expect(await db().records.count()).toBe(5);
    expect(await db().providers.count()).toBe(1);
  });

  it('through signIn: the other person sees only a count, and the server is asked nothing for the held work', async () => {
    await personAsWork();
    signedIn(personA);
    online.set(true);
    const calls = server({ POST: json(200, { user: personB }) });

    expect(await signIn(personB.email, 'correct horse battery')).toMatchObject({ ok: true });

    expect(calls).toEqual(['POST /api/session']);
    expect(session.get()).toMatchObject({ status: 'signed-in', user: { id: B } });
    expect(await unsentCount()).toBe(0);
    expect(await heldCount()).toBe(3);

    render(
      <>
        <SyncStatus />
        <MyVisitsPage user={personB} />
      </>,
    );
    const status = within(screen.getByRole('region', { name: 'Sync status' }));
    expect((await status.findByTestId('held')).textContent).toBe(
      'Another person’s unsent work (3 records) is held on this device and will be sent when they sign in here.',
    );
    expect(status.getByTestId('waiting').textContent).toBe('0 visits waiting to send');
    expect(status.queryByTestId('attention')).toBeNull();
    expect(screen.queryByText(/Visit a-/)).toBeNull();
  });
});

describe('sign-out', () => {
  it("removes the person's own data and keeps another person's held work", async () => {
    await personAsWork();
    await prepareDeviceFor(B, A, []);
    await putRecord('b-sent', B, { status: 'sent', photos: [hash('4')] });
    await putRecord('b-draft', B, { photos: [hash('5')] });
    await putRecord('b-shares-a-photo', B, { status: 'sent', photos: [hash('1')] });
    await putReferenceData();
    signedIn(personB);
    server({}); // no network

    expect(await signOut({ confirmLosingUnsent: false })).toEqual({ ok: false, unsent: 1 });
    expect(await signOut({ confirmLosingUnsent: true })).toEqual({ ok: true });

    expect(session.get()).toEqual({ status: 'signed-out' });
    expect(await databaseNames()).toContain('qa-visits');
    expect(await ids('records')).toEqual(['a-attention', 'a-draft', 'a-queued']);
    expect((await db().outbox.toArray()).map((e) => e.recordId)).toEqual(['a-queued', 'a-attention']);
    expect(await ids('files')).toEqual([hash('1'), hash('2')]);
    expect(await db().providers.count()).toBe(0);
    // The server could not be told: the marker survives the wipe of the key-values.
    expect(await getValue(END_SESSION_KEY)).toEqual(expect.any(Number));
    expect(await getValue('last-user')).toBeUndefined();
    expect(await holdsOthersWork(B)).toBe(true);
  });

  it('deletes the whole database when nothing of anyone else is held', async () => {
    await putRecord('b-sent', B, { status: 'sent', photos: [hash('4')] });
    signedIn(personB);
    const calls = server({ DELETE: () => new Response(null, { status: 204 }) });

    expect(await signOut({ confirmLosingUnsent: false })).toEqual({ ok: true });

    // The server is told in the background; once it has answered, no database is left at all.
    await vi.waitFor(() => expect(calls).toEqual(['DELETE /api/session']));
    await vi.waitFor(async () => expect(await databaseNames()).toEqual([]));
  });
});
