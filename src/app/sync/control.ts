// The light, always-loaded face of sync: the calls pages make (its observable status is in
// sync-state.ts, which the service also writes, so neither imports the other). The
// engine, transport and zod schemas load on demand (see sync-service.ts), keeping them out of
// the bytes the field app needs before its first usable input.
import { syncState, NOT_SYNCED } from './sync-state';

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
