// Who is using the app. The last signed-in person is remembered on the device (idb-keyval) so
// they can keep working with no signal; the server session (an HttpOnly cookie) is checked
// whenever the network allows. An expired session never blocks local work: it pauses sending.
import { getValue, setValue, deleteKeyValues } from '../storage/device-keyval';
import type { SessionUser } from '../../shared/auth/schema';
import { observable } from '../lib/observable';
import { errorMessage, requestJson } from '../lib/http';
import { db, deleteDatabase } from '../storage/database';
import { stopSync } from '../sync/control';
import { resetSettings } from '../sync/settings';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out' }
  /** `verified: false` while offline or after the server said the session has ended. */
  | { status: 'signed-in'; user: SessionUser; verified: boolean; expired: boolean };

export const session = observable<SessionState>({ status: 'loading' });

const USER_KEY = 'last-user';

/** Validates a user from the server; zod loads on demand so it is not in the first bytes. */
async function parseUser(body: unknown): Promise<SessionUser | null> {
  const { SessionUser } = await import('../../shared/auth/schema');
  const parsed = SessionUser.safeParse((body as { user?: unknown } | null)?.user);
  return parsed.success ? parsed.data : null;
}

export async function loadSession(): Promise<void> {
  // The remembered user was validated when it was stored, so the app can open without zod.
  const cached = (await getValue<SessionUser>(USER_KEY)) ?? null;
  // Nobody remembered on this device: show the sign-in form now rather than after a round trip
  // (a server session without a remembered person is rare; the check below still picks it up).
  session.set(
    cached ? { status: 'signed-in', user: cached, verified: false, expired: false } : { status: 'signed-out' },
  );
  const result = await requestJson('GET', '/api/session', undefined, { timeoutMs: 8000 });
  if (result.kind === 'network-error') {
    if (!cached) session.set({ status: 'signed-out' });
    return;
  }
  const fresh = result.status === 200 ? await parseUser(result.body) : null;
  if (fresh) {
    await rememberUser(fresh);
  } else if (cached) {
    session.set({ status: 'signed-in', user: cached, verified: false, expired: result.status === 401 });
  } else {
    session.set({ status: 'signed-out' });
  }
}

async function rememberUser(user: SessionUser): Promise<void> {
  await setValue(USER_KEY, user);
  session.set({ status: 'signed-in', user, verified: true, expired: false });
}

/** Marks the server session as ended (a 401 while syncing): keep working, ask to sign in again. */
export function sessionExpired(): void {
  const current = session.get();
  if (current.status === 'signed-in') session.set({ ...current, verified: false, expired: true });
}

export async function signIn(email: string, password: string): Promise<{ ok: true } | { ok: false; message: string }> {
  const result = await requestJson('POST', '/api/session', { email, password });
  if (result.kind === 'network-error') {
    return {
      ok: false,
      message:
        'Cannot reach the server. Check the connection and try again — signing in needs a network the first time.',
    };
  }
  const user = result.status === 200 ? await parseUser(result.body) : null;
  if (user) {
    const previous = session.get();
    if (previous.status === 'signed-in' && previous.user.id !== user.id && (await unsentCount()) === 0) {
      // A different person on a shared device never sees the last person's data.
      await wipeDevice();
    }
    await rememberUser(user);
    return { ok: true };
  }
  if (result.status === 429)
    return { ok: false, message: errorMessage(result.body, 'Too many attempts. Wait a few minutes and try again.') };
  if (result.status === 401) return { ok: false, message: 'Email or password is not right.' };
  return { ok: false, message: errorMessage(result.body, `Sign-in failed (status ${result.status}). Try again.`) };
}

/** Visits on this device that the server does not hold yet. */
export async function unsentCount(): Promise<number> {
  return db().records.where('status').anyOf('draft', 'queued', 'attention').count();
}

async function wipeDevice(): Promise<void> {
  await deleteDatabase();
  await deleteKeyValues();
  resetSettings();
}

/**
 * Signs out and wipes this device (shared tablets). Refuses while work is unsent unless the
 * person has explicitly confirmed that it will be lost.
 */
export async function signOut(options: {
  confirmLosingUnsent: boolean;
}): Promise<{ ok: true } | { ok: false; unsent: number }> {
  const unsent = await unsentCount();
  if (unsent > 0 && !options.confirmLosingUnsent) return { ok: false, unsent };
  await stopSync();
  await requestJson('DELETE', '/api/session', undefined, { timeoutMs: 5000 });
  await wipeDevice();
  session.set({ status: 'signed-out' });
  return { ok: true };
}
