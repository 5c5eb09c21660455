// Unlocking (issue 14), loaded with the lock screen: with the signed-in person's password (or PIN)
// offline, or, when that fails and there is a network, by a password sign-in that brings the
// server's unlock key (a forgotten PIN, or a password changed elsewhere, loses nothing). Wrong
// tries are counted on the device; from the 5th the lock screen warns, and at the council's limit
// everything on the device is wiped.
import type { SessionUser } from '../../shared/auth/schema';
import { signIn, wipeAfterFailedUnlocks } from '../auth/session';
import { countFailedTry, keyringEntry, unlockWithSecret } from '../crypto/keyring';
import { devicePolicy } from '../sync/settings';
import { wipedAfterTries } from './lock';

/** The lock screen warns from this wrong try on. */
export const WARN_FROM_TRY = 5;

export type UnlockOutcome =
  { ok: true } | { ok: false; message: string; triesLeft: number | null } | { ok: false; wiped: true };

const triesLeftText = (left: number) =>
  `${left} ${left === 1 ? 'try' : 'tries'} left before this device's data is wiped.`;

/**
 * Unlocks as `user` with a password or PIN: offline first; a password that does not open the key
 * here is tried with the server when there is a network. A try both refuse counts as wrong.
 */
export async function unlock(user: SessionUser, kind: 'password' | 'pin', secret: string): Promise<UnlockOutcome> {
  const offline = await unlockWithSecret(user.id, kind, secret, { countFailure: false });
  if (offline.ok) return { ok: true };
  if (kind === 'password') {
    const online = await signIn(user.email, secret);
    if (online.ok) return { ok: true };
    if (online.reason === 'throttled') return { ok: false, message: online.message, triesLeft: null };
    if (offline.reason === 'no-key' && online.reason === 'network')
      return {
        ok: false,
        message: 'Unlocking needs a connection the first time after this update. Your work is safe on this device.',
        triesLeft: null,
      };
  }
  const failed = await countFailedTry(user.id);
  const limit = devicePolicy().unlockAttempts;
  if (failed >= limit) {
    await wipeAfterFailedUnlocks();
    wipedAfterTries.set(failed);
    return { ok: false, wiped: true };
  }
  const wrong = kind === 'pin' ? 'The PIN is not right.' : 'The password is not right.';
  const left = limit - failed;
  return { ok: false, message: failed >= WARN_FROM_TRY ? `${wrong} ${triesLeftText(left)}` : wrong, triesLeft: left };
}

/** What the lock screen needs to know first: whether to ask for a PIN, and the warning of earlier wrong tries. */
export async function lockScreenFacts(userId: string): Promise<{ pin: boolean; warning: string | null }> {
  const entry = await keyringEntry(userId);
  const failed = entry?.failedTries ?? 0;
  return {
    pin: entry?.wraps.some((w) => w.kind === 'pin') ?? false,
    warning: failed >= WARN_FROM_TRY ? triesLeftText(devicePolicy().unlockAttempts - failed) : null,
  };
}
