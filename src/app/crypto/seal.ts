// Sealing (issue 14): AES-GCM under the owner's data key held by the vault (vault.ts, which also
// opens), a fresh random 96-bit IV per write, the additional data naming the purpose and owner.
// Loaded with what writes; never called inside a Dexie transaction.
import type { Sealed } from '../storage/database';
import { aad, encoder, keyFor, randomBytes } from './vault';

/**
 * Test-only switch, read once at start: with `globalThis.__QA_VISITS_PLAINTEXT_FOR_TEST__ = true`
 * set by a browser test's init script before the app loads, sealing stores plaintext, so the
 * sentinel scan's control run proves the scan can find what it looks for. Not a weakening: a
 * script able to set it runs inside the page already, where it could read every decrypted value
 * from the DOM or the running app; nothing the app loads sets it, and an attacker with only the
 * disk cannot set it for data already sealed.
 */
const PLAINTEXT_FOR_TEST =
  (globalThis as { __QA_VISITS_PLAINTEXT_FOR_TEST__?: unknown }).__QA_VISITS_PLAINTEXT_FOR_TEST__ === true;

export async function encrypt(key: CryptoKey, data: BufferSource, ad: Uint8Array<ArrayBuffer>): Promise<Sealed> {
  const iv = randomBytes(12);
  return { iv, data: await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: ad }, key, data) };
}

/** Seals text (JSON) under its owner's key; `purpose` names what it is (e.g. 'record-body'). */
export async function sealText(ownerId: string, purpose: string, text: string): Promise<Sealed> {
  const key = keyFor(ownerId);
  if (PLAINTEXT_FOR_TEST) return { plain: text };
  return encrypt(key, encoder.encode(text), aad(purpose, ownerId));
}

export function sealJson(ownerId: string, purpose: string, value: unknown): Promise<Sealed> {
  return sealText(ownerId, purpose, JSON.stringify(value));
}

export async function sealBlob(ownerId: string, purpose: string, blob: Blob): Promise<Sealed> {
  const key = keyFor(ownerId);
  if (PLAINTEXT_FOR_TEST) return { plain: blob };
  return encrypt(key, await blob.arrayBuffer(), aad(purpose, ownerId));
}
