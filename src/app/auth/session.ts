// Who is using the app. The last signed-in person is remembered on the device (idb-keyval) so
// they can keep working with no signal; the server session (an HttpOnly cookie) is checked
// whenever the network allows. An expired session never blocks local work: it pauses sending.
import { getValue, setValue } from '../storage/device-keyval';
import type { SessionUser } from '../../shared/auth/schema';
import { observable } from '../lib/observable';
import { errorMessage, requestJson } from '../lib/http';
import { pauseSending, setSyncOwner, stopSync } from '../sync/control';
import { devicePolicy, rememberDevicePolicy } from '../sync/settings';
import { forgetKeys } from '../crypto/vault';
import { deviceId } from '../crypto/device-id';
import { heldFor, prepareDeviceFor, removePersonData, unsentOf, wipeDevice } from '../device/held-work';
import {
  END_SESSION_KEY,
  endServerSession,
  forgetServerSessionToEnd,
  markServerSessionToEnd,
  serverSessionToEnd,
} from './server-session-end';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out' }
  /** `verified: false` while offline or after the server said the session has ended. */
  | { status: 'signed-in'; user: SessionUser; verified: boolean; expired: boolean };

export const session = observable<SessionState>({ status: 'loading' });
// The outbox sends only the entries of the person signed in here (issue 14).
session.subscribe((state) => setSyncOwner(state.status === 'signed-in' ? state.user.id : null));

const USER_KEY = 'last-user';

/** Validates a user from the server; zod loads on demand so it is not in the first bytes. */
async function parseUser(body: unknown): Promise<SessionUser | null> {
  const { SessionUser } = await import('../../shared/auth/schema');
  const parsed = SessionUser.safeParse((body as { user?: unknown } | null)?.user);
  return parsed.success ? parsed.data : null;
}

export async function loadSession(): Promise<void> {
  // Someone signed out while the server could not be told (issue 14): end that session before
  // any other request, and never take the person back from GET /api/session.
  const signingOut = await serverSessionToEnd();
  // The remembered user was validated when it was stored, so the app can open without zod.
  const cached = signingOut ? null : ((await getValue<SessionUser>(USER_KEY)) ?? null);
  // Nobody remembered on this device: show the sign-in form now rather than after a round trip
  // (a server session without a remembered person is rare; the check below still picks it up).
  session.set(
    cached ? { status: 'signed-in', user: cached, verified: false, expired: false } : { status: 'signed-out' },
  );
  if (signingOut && !(await endServerSession())) return;
  const result = await requestJson('GET', '/api/session', undefined, { timeoutMs: 8000 });
  if (result.kind === 'network-error') {
    if (!cached) session.set({ status: 'signed-out' });
    return;
  }
  const fresh = result.status === 200 ? await parseUser(result.body) : null;
  if (fresh) {
    await rememberDevicePolicy(result.body);
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

/**
 * A sign-in's outcome. `offerPin`: the council allows PINs and this person has none on this device
 * (the sign-in page offers to choose one). `reason` says why one failed.
 */
export type SignInResult =
  { ok: true; offerPin: boolean } | { ok: false; message: string; reason: 'network' | 'wrong' | 'throttled' | 'other' };

export async function signIn(email: string, password: string): Promise<SignInResult> {
  // A signed-out person's session is ended first; nothing is sent while the session changes hands.
  await endServerSession();
  const resume = pauseSending();
  try {
    return await signInNow(email, password);
  } finally {
    resume();
  }
}

async function signInNow(email: string, password: string): Promise<SignInResult> {
  // The device id makes the server answer this person's unlock key for this device (issue 14).
  const result = await requestJson('POST', '/api/session', { email, password, deviceId: await deviceId() });
  if (result.kind === 'network-error') {
    return {
      ok: false,
      reason: 'network',
      message:
        'Cannot reach the server. Check the connection and try again — signing in needs a network the first time.',
    };
  }
  const user = result.status === 200 ? await parseUser(result.body) : null;
  if (user) {
    await takeOverDevice(user.id);
    await rememberDevicePolicy(result.body);
    // Opens (or makes) this person's data key before anything can read or write their data.
    const deviceKey = (result.body as { deviceKey?: unknown }).deviceKey;
    const { unlockAfterSignIn } = await import('../crypto/keyring');
    const { offerPin } = await unlockAfterSignIn(user.id, password, typeof deviceKey === 'string' ? deviceKey : null, {
      offerPin: devicePolicy().allowPin,
    });
    await rememberUser(user);
    return { ok: true, offerPin };
  }
  if (result.status === 429)
    return {
      ok: false,
      reason: 'throttled',
      message: errorMessage(result.body, 'Too many attempts. Wait a few minutes and try again.'),
    };
  if (result.status === 401) return { ok: false, reason: 'wrong', message: 'Email or password is not right.' };
  return {
    ok: false,
    reason: 'other',
    message: errorMessage(result.body, `Sign-in failed (status ${result.status}). Try again.`),
  };
}

/**
 * After a sign-in as `userId` (issue 14): a different person never sees the last people's data.
 * Their unsent work is held (kept, not shown, not sent) until they sign in here again; the rest
 * of their data goes. The sign-in replaced the cookie, so a session still to be ended after a
 * sign-out can no longer be reached from this device: the marker goes.
 */
async function takeOverDevice(userId: string): Promise<void> {
  if (await serverSessionToEnd()) await forgetServerSessionToEnd();
  const previous = session.get();
  const previousId = previous.status === 'signed-in' ? previous.user.id : null;
  if (previousId !== userId) await stopSync(); // the new person's sync starts with the session
  await prepareDeviceFor(userId, previousId, []);
}

/** The signed-in person's records on this device that the server does not hold yet. */
export async function unsentCount(): Promise<number> {
  const current = session.get();
  return current.status === 'signed-in' ? unsentOf(current.user.id) : 0;
}

/** Other people's unsent records held on this device: neither shown nor sent while they are away. */
export async function heldCount(): Promise<number> {
  const current = session.get();
  return heldFor(current.status === 'signed-in' ? current.user.id : null);
}

/**
 * Signs out: this person's data leaves the device at once, other people's held work stays, and
 * the whole database goes when none is held (shared tablets). Refuses while this person's work
 * is unsent unless they have explicitly confirmed that it will be lost. The server session ends
 * now or, offline, the next time there is a network, before any other request (issue 14).
 */
export async function signOut(options: {
  confirmLosingUnsent: boolean;
}): Promise<{ ok: true } | { ok: false; unsent: number }> {
  const current = session.get();
  const unsent = await unsentCount();
  if (unsent > 0 && !options.confirmLosingUnsent) return { ok: false, unsent };
  await markServerSessionToEnd();
  await stopSync();
  if (current.status === 'signed-in') await removePersonData(current.user.id, [END_SESSION_KEY]);
  session.set({ status: 'signed-out' });
  void endServerSession();
  return { ok: true };
}

/**
 * The council's limit of wrong unlock tries was reached (issue 14, lock/lock.ts): everything on
 * the device goes, everyone's held work included, and the server session ends (now, or at the
 * next network) so the cookie cannot sign anyone back in.
 */
export async function wipeAfterFailedUnlocks(): Promise<void> {
  forgetKeys();
  await markServerSessionToEnd();
  await stopSync();
  await wipeDevice([END_SESSION_KEY]);
  session.set({ status: 'signed-out' });
  void endServerSession();
}
