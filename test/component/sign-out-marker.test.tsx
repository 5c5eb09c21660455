// Sign-out that holds offline (issue 14): the device forgets the person at once and keeps a
// "server session to end" marker through the wipe. While it is set, DELETE /api/session goes
// before any other request — on start, on `online`, before a sign-in — and GET /api/session is
// never asked, so a surviving cookie cannot sign the person back in. 2xx or 401 clears it.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { getValue, setValue } from '../../src/app/storage/device-keyval';
import { loadSession, session, signIn, signOut } from '../../src/app/auth/session';
import { END_SESSION_KEY, endServerSession, serverSessionToEnd } from '../../src/app/auth/server-session-end';
import type { SessionUser } from '../../src/shared/auth/schema';
import { resetDevice } from './helpers';
import { B, databaseNames, putRecord } from './device-fixtures';

const person: SessionUser = { id: B, email: 'b@example.gov.uk', name: 'Bea Birch', role: 'officer' };

/**
 * A server that still knows the old cookie until DELETE /api/session reaches it (as after an
 * offline sign-out); `up` false is no network at all; `deleteStatus` how it answers DELETE.
 */
function fakeServer() {
  const state = { up: false, cookie: true, deleteStatus: 204, calls: [] as string[] };
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      if (!state.up) throw new TypeError('Failed to fetch');
      state.calls.push(`${method} ${url}`);
      const reply = (status: number, body?: unknown) =>
        new Response(body === undefined ? null : JSON.stringify(body), {
          status,
          headers: { 'Content-Type': 'application/json' },
        });
      if (method === 'DELETE') {
        if (state.deleteStatus < 300) state.cookie = false;
        return reply(state.deleteStatus);
      }
      if (method === 'GET')
        return state.cookie ? reply(200, { user: person }) : reply(401, { error: 'unauthenticated' });
      if (method === 'POST') {
        state.cookie = true;
        return reply(200, { user: person });
      }
      return reply(404);
    }),
  );
  return state;
}

beforeEach(async () => {
  await resetDevice();
  session.set({ status: 'signed-in', user: person, verified: true, expired: false });
});
afterEach(() => {
  vi.unstubAllGlobals();
  session.set({ status: 'loading' });
});

it('signing out offline keeps the marker; the next start asks nothing but DELETE while there is no network', async () => {
  const server = fakeServer();
  await putRecord('b-sent', B, { status: 'sent' });

  expect(await signOut({ confirmLosingUnsent: false })).toEqual({ ok: true });
  expect(session.get()).toEqual({ status: 'signed-out' });
  await endServerSession(); // the background attempt, done
  expect(await serverSessionToEnd()).toBe(true);
  expect(await getValue('last-user')).toBeUndefined();
  expect(await databaseNames()).toEqual(['qa-visits-device']);

  // A cold start, still offline: nobody is signed in, and nothing but DELETE is tried.
  session.set({ status: 'loading' });
  await loadSession();
  expect(session.get()).toEqual({ status: 'signed-out' });
  expect(await serverSessionToEnd()).toBe(true);

  // The network comes back with the old cookie still valid on the server.
  server.up = true;
  await loadSession();
  expect(server.calls).toEqual(['DELETE /api/session', 'GET /api/session']);
  expect(session.get()).toEqual({ status: 'signed-out' });
  expect(await serverSessionToEnd()).toBe(false);
});

it('coming back online sends DELETE at once, whatever page is open', async () => {
  const server = fakeServer();
  await signOut({ confirmLosingUnsent: false });
  await endServerSession();
  expect(await serverSessionToEnd()).toBe(true);

  server.up = true;
  window.dispatchEvent(new Event('online'));
  await vi.waitFor(() => expect(server.calls).toEqual(['DELETE /api/session']));
  expect(server.cookie).toBe(false);
  // Once the server has been told, nothing at all is left on the device.
  await vi.waitFor(async () => expect(await databaseNames()).toEqual([]));
  expect(await serverSessionToEnd()).toBe(false);
});

it('a start never signs the person back in from the surviving cookie, even when the marker outlived a crash', async () => {
  const server = fakeServer();
  server.up = true;
  // As if the browser died mid-sign-out: the person is still remembered, and the marker is set.
  await setValue('last-user', person);
  await setValue(END_SESSION_KEY, 1);
  session.set({ status: 'loading' });

  await loadSession();

  expect(server.calls[0]).toBe('DELETE /api/session');
  expect(session.get()).toEqual({ status: 'signed-out' });
});

it('keeps the marker while the server answers DELETE with an error, and asks no GET meanwhile', async () => {
  const server = fakeServer();
  server.up = true;
  server.deleteStatus = 503;
  await setValue(END_SESSION_KEY, 1);
  session.set({ status: 'loading' });

  await loadSession();
  expect(server.calls).toEqual(['DELETE /api/session']);
  expect(session.get()).toEqual({ status: 'signed-out' });
  expect(await serverSessionToEnd()).toBe(true);

  // 401: the session had already ended, which is as good.
  server.deleteStatus = 401;
  expect(await endServerSession()).toBe(true);
  expect(await serverSessionToEnd()).toBe(false);
});

it('ends the old session before a sign-in request, then forgets the marker', async () => {
  const server = fakeServer();
  await signOut({ confirmLosingUnsent: false });
  await endServerSession();
  server.up = true;

  const result = await signIn(person.email, 'correct horse battery');

  expect(result).toMatchObject({ ok: true });
  expect(server.calls).toEqual(['DELETE /api/session', 'POST /api/session']);
  expect(await serverSessionToEnd()).toBe(false);
});
