// The app lock (issue 14): locked on every page load (keys live only in memory) and after the
// council's idle time with no pointer, key or touch input. While locked, App shows only the lock
// screen (no view of the person's data stays mounted) and sync sends nothing: no outbox body can
// be opened, so sending resumes after unlocking.
// How unlocking works is in unlock.ts, loaded with the lock screen.
import { session } from '../auth/session';
import { forgetKeys, lockVault, vaultState } from '../crypto/vault';
import { observable } from '../lib/observable';
import { devicePolicy } from '../sync/settings';
import { syncNow } from '../sync/control';

/** Set after the device was wiped for too many wrong tries (the sign-in page says so). */
export const wipedAfterTries = observable<number | null>(null);

let lastInput = Date.now();
const touched = () => {
  lastInput = Date.now();
};

function lockIfIdle(): void {
  if (vaultState.get().status !== 'unlocked') return;
  if (Date.now() - lastInput >= devicePolicy().lockIdleMinutes * 60_000) void lockVault();
}

/** Wires the lock: idle timer, input listeners, and keys forgotten when nobody is signed in. */
export function startLock(): void {
  for (const type of ['pointerdown', 'keydown', 'touchstart', 'wheel'])
    window.addEventListener(type, touched, { capture: true, passive: true });
  setInterval(lockIfIdle, 10_000);
  // Timers sleep in a hidden tab: coming back after the idle time locks at once.
  document.addEventListener('visibilitychange', lockIfIdle);
  vaultState.subscribe((state) => {
    if (state.status !== 'unlocked') return;
    lastInput = Date.now();
    // Rows written in the clear before encryption (or by an older release) are sealed now, then
    // whatever waited while locked is sent.
    void import('../crypto/seal-legacy')
      .then((m) => m.sealLegacyRows(state.userId))
      .catch(() => undefined)
      .finally(() => syncNow());
  });
  session.subscribe((state) => {
    if (state.status === 'signed-out') forgetKeys();
  });
}
