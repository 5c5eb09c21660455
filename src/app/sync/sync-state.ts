// What the app shows about sync, as observables: the scheduler's state (written by sync-service.ts,
// read by SyncStatus and the session wiring in main.tsx), whether the browser says it is online, and
// the last successful sync remembered across page loads. Always loaded; imports nothing of the engine.
import { getValue } from '../storage/device-keyval';
import { observable } from '../lib/observable';
import type { SyncState } from './scheduler';

export const NOT_SYNCED: SyncState = {
  phase: 'idle',
  consecutiveFailures: 0,
  nextAttemptAt: null,
  lastSuccessAt: null,
  lastProblem: null,
};
export const syncState = observable<SyncState>(NOT_SYNCED);
export const LAST_SYNC_KEY = 'last-sync-at';
/** Where the last pull got to (sync/pull.ts); here so retention can clear it without loading pull. */
export const CURSOR_KEY = 'pull-cursor';

/** Shows when this device last synced from the first paint, before any sync has run. */
export async function restoreLastSync(): Promise<void> {
  const at = await getValue<number>(LAST_SYNC_KEY);
  if (at && syncState.get().lastSuccessAt === null) syncState.set({ ...syncState.get(), lastSuccessAt: at });
}

export const online = observable<boolean>(typeof navigator === 'undefined' ? true : navigator.onLine);
