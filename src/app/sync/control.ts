// The light, always-loaded face of sync: the calls pages make (its observable status is in
// sync-state.ts, which the service also writes, so neither imports the other). The
// engine, transport and zod schemas load on demand (see sync-service.ts), keeping them out of
// the bytes the field app needs before its first usable input.
import { syncState, NOT_SYNCED } from './sync-state';
import { setOwner } from './sync-owner';

export { pauseSending } from './sync-owner';

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
/**
 * Who is signed in (null: nobody). The outbox sends only this person's entries, and only after the
 * server confirms its session is theirs; everyone else's stay held on the device (issue 14).
 */
export function setSyncOwner(id: string | null): void {
  setOwner(id);
}
/** Stops syncing (sign-out): nothing may recreate the device database afterwards. */
export async function stopSync(): Promise<void> {
  if (service) (await service).stopSync();
  syncState.set(NOT_SYNCED);
}
