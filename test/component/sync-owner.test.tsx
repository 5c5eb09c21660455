// The sync service sends an entry only under its author's server session (issue 14): each run
// ends a signed-out person's session first, checks GET /api/session is the signed-in person's,
// sends only their entries, and sends nothing while a sign-in switches the session.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { getValue, setValue } from '../../src/app/storage/device-keyval';
import { REFERENCE_REFRESHED_KEY } from '../../src/app/device/retention';
import { forgetKeys } from '../../src/app/crypto/vault';
import { pauseSending, setSyncOwner } from '../../src/app/sync/control';
import { startSync, stopSync, syncNow } from '../../src/app/sync/sync-service';
import { syncState } from '../../src/app/sync/sync-state';
import { END_SESSION_KEY } from '../../src/app/auth/server-session-end';
import { resetDevice } from './helpers';
import { A, B, putRecord } from './device-fixtures';

/** The server: who the session cookie is (null: none), and every request in order. */
function fakeServer(who: string | null) {
  const state = { who, calls: [] as string[] };
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      state.calls.push(`${method} ${url.replace(/\?.*$/, '')}`);
      const reply = (status: number, body: unknown) =>
        new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
      if (url === '/api/session' && method === 'DELETE') {
        state.who = null;
        return new Response(null, { status: 204 });
      }
      if (state.who === null) return reply(401, { error: 'unauthenticated', message: 'Sign in' });
      if (url === '/api/session')
        return reply(200, { user: { id: state.who, email: 'x@y', name: 'X', role: 'officer' } });
      if (method === 'PUT' && url.startsWith('/api/submissions/')) {
        const body = JSON.parse(String(init?.body)) as { id: string; revision: number };
        return reply(201, {
          id: body.id,
          revision: body.revision,
          receivedAt: '2026-12-07T10:00:00.000Z',
          created: true,
        });
      }
      return reply(503, { error: 'unavailable', message: 'not in this test' });
    }),
  );
  return state;
}

/** Starts sync and waits until its runs have ended. */
async function run(): Promise<void> {
  startSync();
  await syncNow();
  await vi.waitFor(() => expect(syncState.get().phase).not.toBe('syncing'));
}
const puts = (calls: string[]) => calls.filter((c) => c.startsWith('PUT'));

beforeEach(async () => {
  await resetDevice();
  await putRecord('a1', A, { status: 'queued' });
  await putRecord('b1', B, { status: 'queued' });
});
afterEach(() => {
  stopSync();
  setSyncOwner(null);
  vi.unstubAllGlobals();
});

it("sends only the signed-in person's entries, after the server confirms the session is theirs", async () => {
  const server = fakeServer(A);
  setSyncOwner(A);
  await run();
  expect(server.calls.slice(0, 2)).toEqual(['GET /api/session', 'PUT /api/submissions/a1']);
  expect(puts(server.calls)).toEqual(['PUT /api/submissions/a1']);
});

it("sends nothing when the server session is someone else's, and asks the person to sign in again", async () => {
  const server = fakeServer(B);
  setSyncOwner(A);
  await run();
  expect(new Set(server.calls)).toEqual(new Set(['GET /api/session']));
  expect(syncState.get().phase).toBe('auth-required');
});

it("ends a signed-out person's session before any other request, then sends nothing under no session", async () => {
  await setValue(END_SESSION_KEY, 1);
  const server = fakeServer(A);
  setSyncOwner(A);
  await run();
  expect(server.calls[0]).toBe('DELETE /api/session');
  expect(server.calls.slice(1).every((c) => c === 'GET /api/session')).toBe(true);
  expect(puts(server.calls)).toEqual([]);
});

it('sends nothing while sending is paused (a sign-in switching the session)', async () => {
  const server = fakeServer(A);
  setSyncOwner(A);
  const resume = pauseSending();
  await run();
  expect(puts(server.calls)).toEqual([]);
  resume();
  await syncNow();
  expect(puts(server.calls)).toEqual(['PUT /api/submissions/a1']);
});

it('does not count a sync that pulled nothing (the app locked) as a refresh of the reference data', async () => {
  await setValue(REFERENCE_REFRESHED_KEY, undefined);
  forgetKeys(); // locked: the pull stores nothing, so it asks nothing
  const server = fakeServer(A);
  setSyncOwner(A);
  await run();
  expect(server.calls.some((c) => c.startsWith('GET /api/sync/pull'))).toBe(false);
  expect(await getValue(REFERENCE_REFRESHED_KEY)).toBeUndefined();
});
