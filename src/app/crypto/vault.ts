// The vault: the key that encrypts what this device holds of the person using it (issue 14), and
// nothing else. Per person on this device, a random AES-GCM-256 data key (DK) is made once and
// kept only wrapped, in the keyring (crypto/keyring.ts, loaded when someone signs in or unlocks).
// Unwrapped, the DK is imported as a non-extractable CryptoKey held in this module's memory only
// while the app is unlocked; its raw bytes are dropped (zeroed) at once, except for the few
// moments a PIN is being chosen (kept by keyring.ts, and zeroed when the app locks).
//
// Values are sealed (seal.ts) under their OWNER's DK with a fresh random 96-bit IV per write, the
// additional data binding each ciphertext to its owner and purpose, and opened here. Neither ever
// runs inside a Dexie transaction (the IndexedDB transaction would commit while WebCrypto works):
// stores seal before a transaction and open after reading.
import { observable } from '../lib/observable';
import type { Sealed } from '../storage/database';

export type VaultState = { status: 'locked' } | { status: 'unlocked'; userId: string };

/** Locked on every page load: keys exist in memory only. */
export const vaultState = observable<VaultState>({ status: 'locked' });

/** Opening or sealing needs the owner's key, and it is not in memory (locked, or another person's data). */
export class LockedError extends Error {
  constructor() {
    super('QA Visits is locked.');
  }
}

let unlocked: { userId: string; key: CryptoKey } | null = null;
/** Writes that started while unlocked; lockVault lets them seal before the key goes. */
const writing = new Set<Promise<unknown>>();

export const encoder = new TextEncoder();
const decoder = new TextDecoder();
const additional = new Map<string, Uint8Array<ArrayBuffer>>();
/** The additional data a ciphertext is bound to: what it is, and whose. */
export const aad = (purpose: string, ownerId: string) => {
  const name = `qa-visits:${purpose}:${ownerId}`;
  let bytes = additional.get(name);
  if (!bytes) additional.set(name, (bytes = encoder.encode(name)));
  return bytes;
};
export const randomBytes = (n: number) => crypto.getRandomValues(new Uint8Array(n));

export function unlockedUserId(): string | null {
  return unlocked?.userId ?? null;
}

/** The owner's key, when it is the one in memory. */
export function keyFor(ownerId: string): CryptoKey {
  if (!unlocked || unlocked.userId !== ownerId) throw new LockedError();
  return unlocked.key;
}

export function decrypt(key: CryptoKey, sealed: { iv: Uint8Array; data: ArrayBuffer }, ad: Uint8Array<ArrayBuffer>) {
  return crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: sealed.iv as Uint8Array<ArrayBuffer>, additionalData: ad },
    key,
    sealed.data,
  );
}

/** The text a sealed JSON value holds (kept by callers that compare before sealing again). */
export async function openText(ownerId: string, purpose: string, sealed: Sealed): Promise<string> {
  const key = keyFor(ownerId);
  if ('plain' in sealed) return sealed.plain as string;
  return decoder.decode(await decrypt(key, sealed, aad(purpose, ownerId)));
}

export async function openJson<T>(ownerId: string, purpose: string, sealed: Sealed): Promise<T> {
  return JSON.parse(await openText(ownerId, purpose, sealed)) as T;
}

export async function openBlob(ownerId: string, purpose: string, sealed: Sealed, type: string): Promise<Blob> {
  const key = keyFor(ownerId);
  if ('plain' in sealed) return sealed.plain as Blob;
  return new Blob([await decrypt(key, sealed, aad(purpose, ownerId))], { type });
}

/** Keeps the key until `work` (a write that will seal) has finished, should the app lock meanwhile. */
export function holdWhileWriting<T>(work: Promise<T>): Promise<T> {
  writing.add(work);
  const done = () => writing.delete(work);
  work.then(done, done);
  return work;
}

/**
 * Locks: the key leaves memory. Callers first take every view down (so nothing of the person's
 * data stays in the DOM and unmounting fields save what they hold); writes already started are
 * let finish sealing first.
 */
export async function lockVault(): Promise<void> {
  vaultState.set({ status: 'locked' });
  await new Promise((resolve) => setTimeout(resolve, 0)); // the views' unmount saves start
  const waited = Date.now();
  while (writing.size > 0 && Date.now() - waited < 10_000)
    await Promise.race([Promise.allSettled([...writing]), new Promise((resolve) => setTimeout(resolve, 1000))]);
  unlocked = null;
}

/** Holds the DK in memory as a non-extractable key (the keyring, after unwrapping it). */
export async function adoptKey(userId: string, raw: Uint8Array<ArrayBuffer>): Promise<void> {
  const key = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
  unlocked = { userId, key };
  vaultState.set({ status: 'unlocked', userId });
}

/** Forgets every key in memory (sign-out and wipe; the keyring itself goes with the database). */
export function forgetKeys(): void {
  unlocked = null;
  vaultState.set({ status: 'locked' });
}
