// The light, always-loaded face of sync: its observable status and the calls pages make. The
// engine, transport and zod schemas load on demand (see sync-service.ts), keeping them out of
// the bytes the field app needs before its first usable input.
import { getValue } from '../storage/device-keyval';
import { observable } from '../lib/observable';
import type { SyncState } from './scheduler';

const NOT_SYNCED: SyncState = {
  phase: 'idle',
  consecutiveFailures: 0,
  nextAttemptAt: null,
  lastSuccessAt: null,
  lastProblem: null,
};
export const syncState = observable<SyncState>(NOT_SYNCED);
export const LAST_SYNC_KEY = 'last-sync-at';

/** Shows when this device last synced from the first paint, before any sync has run. */
export async function restoreLastSync(): Promise<void> {
  const at = await getValue<number>(LAST_SYNC_KEY);
  if (at && syncState.get().lastSuccessAt === null) syncState.set({ ...syncState.get(), lastSuccessAt: at });
}

export const online = observable<boolean>(typeof navigator === 'undefined' ? true : navigator.onLine);

let service: Promise<typeof import('./sync-service')> | null = null;
const load = () => (service ??= import('./sync-service'));

export function startSync(): void {
  void load().then((s) => s.startSync());
}
export function syncNow(): void {
  void load().then((s) => s.syncNow());
}
export function syncAfterSubmit(): void {
  void load().then((s) => s.syncAfterSubmit());
}
export function signedInAgain(): void {
  void load().then((s) => s.signedInAgain());
}
/** Stops syncing (sign-out): nothing may recreate the device database afterwards. */
export async function stopSync(): Promise<void> {
  if (service) (await service).stopSync();
  syncState.set(NOT_SYNCED);
}
