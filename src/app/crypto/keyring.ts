// The keyring (issue 14): each person's data key on this device, wrapped (AES-GCM) by a key
// derived from their password (or PIN) with PBKDF2-SHA-256, and by the unlock key the server
// answers to a password sign-in naming this device (so a forgotten PIN, or a password changed
// elsewhere, loses nothing while online). The rows hold no secret in the clear. Loaded on demand
// (sign-in, the lock screen), so the slow derivation code is not in the first load; the key it
// unwraps goes to the vault (vault.ts) and nowhere else.
import { db, type KeyringEntry, type KeyWrap } from '../storage/database';
import { aad, adoptKey, decrypt, encoder, LockedError, randomBytes, unlockedUserId, vaultState } from './vault';
import { encrypt } from './seal';

/** The DK's raw bytes, kept only between a sign-in and the choice of a PIN (or skipping it). */
let pendingPin: { userId: string; raw: Uint8Array } | null = null;

/** Keeps a copy of the raw DK until a PIN is chosen or skipped (never past a lock). */
function holdForPin(userId: string, raw: Uint8Array): void {
  forgetPendingPin();
  pendingPin = { userId, raw: raw.slice() };
}

function pendingPinKey(): { userId: string; raw: Uint8Array } | null {
  return pendingPin && pendingPin.userId === unlockedUserId() ? pendingPin : null;
}

/** Whether a PIN can be chosen now: straight after a sign-in that offered one. */
export function pinPending(): boolean {
  return pendingPinKey() !== null;
}

export function forgetPendingPin(): void {
  pendingPin?.raw.fill(0);
  pendingPin = null;
}

vaultState.subscribe((state) => {
  if (state.status !== 'unlocked') forgetPendingPin();
});

/**
 * PBKDF2-SHA-256 work factor for the password and PIN wraps. Calibrated so one derivation takes
 * at least 250 ms in this project's reference Chromium (Debian Chromium 156, 2 vCPU): 2,400,000
 * iterations measured at about 320 ms (README, "Encryption at rest"); OWASP's floor is 600,000.
 * Each wrap stores its own count, so raising this later re-wraps at the next sign-in.
 */
export const PBKDF2_ITERATIONS = 2_400_000;

// --- The keyring -----------------------------------------------------------------------------

type WrapKind = KeyWrap['kind'];

async function secretKey(secret: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', encoder.encode(secret), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as Uint8Array<ArrayBuffer>, iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

function serverKey(deviceKey: string): Promise<CryptoKey> {
  const raw = Uint8Array.from(atob(deviceKey), (c) => c.charCodeAt(0));
  if (raw.length !== 32) throw new Error('The server sent an unlock key of the wrong length.');
  return crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

const wrapAad = (userId: string, kind: WrapKind) => aad(`data-key:${kind}`, userId);

async function wrapWithSecret(
  userId: string,
  kind: 'password' | 'pin',
  secret: string,
  raw: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<KeyWrap> {
  const salt = randomBytes(16);
  const sealed = await encrypt(await secretKey(secret, salt, iterations), raw, wrapAad(userId, kind));
  return { kind, salt, iterations, ...(sealed as { iv: Uint8Array; data: ArrayBuffer }) };
}

async function wrapWithServer(userId: string, deviceKey: string, raw: Uint8Array<ArrayBuffer>): Promise<KeyWrap> {
  const sealed = await encrypt(await serverKey(deviceKey), raw, wrapAad(userId, 'server'));
  return { kind: 'server', ...(sealed as { iv: Uint8Array; data: ArrayBuffer }) };
}

/** The DK's raw bytes from one wrap, or null when the secret (or server key) does not open it. */
async function unwrap(userId: string, wrap: KeyWrap, key: CryptoKey): Promise<Uint8Array<ArrayBuffer> | null> {
  try {
    return new Uint8Array(await decrypt(key, wrap, wrapAad(userId, wrap.kind)));
  } catch {
    return null;
  }
}

async function unwrapWithSecret(entry: KeyringEntry, kind: 'password' | 'pin', secret: string) {
  const wrap = entry.wraps.find((w) => w.kind === kind);
  if (!wrap?.salt || !wrap.iterations) return null;
  return unwrap(entry.userId, wrap, await secretKey(secret, wrap.salt, wrap.iterations));
}

export function keyringEntry(userId: string): Promise<KeyringEntry | undefined> {
  return db().keyring.get(userId);
}

/**
 * After a password sign-in (online): opens this person's DK with the password; if the password
 * changed on the server, with the server's unlock key, and wraps it again under the new password;
 * makes one if this device has none. Leaves the vault unlocked as this person. With `offerPin`
 * (the council allows PINs and none is set), the raw DK stays in memory until choosePin or skipPin.
 */
export async function unlockAfterSignIn(
  userId: string,
  password: string,
  deviceKey: string | null,
  options: { offerPin: boolean; iterations?: number },
): Promise<{ offerPin: boolean }> {
  const iterations = options.iterations ?? PBKDF2_ITERATIONS;
  const entry = await keyringEntry(userId);
  let raw: Uint8Array<ArrayBuffer> | null = null;
  let wraps: KeyWrap[] = [];
  if (entry) {
    raw = await unwrapWithSecret(entry, 'password', password);
    if (raw) wraps = entry.wraps;
    const server = entry.wraps.find((w) => w.kind === 'server');
    if (!raw && deviceKey && server) {
      raw = await unwrap(userId, server, await serverKey(deviceKey));
      // The password changed: only its wrap is replaced (a PIN still opens the same key).
      if (raw) wraps = entry.wraps.filter((w) => w.kind !== 'password');
    }
  }
  // No key on this device (or none this person can open any more: their earlier data on this
  // device stays sealed and unreadable): a fresh one.
  raw ??= randomBytes(32);
  try {
    const password_ = wraps.find((w) => w.kind === 'password' && (w.iterations ?? 0) >= iterations);
    const next = wraps.filter((w) => w.kind === 'pin');
    next.push(password_ ?? (await wrapWithSecret(userId, 'password', password, raw, iterations)));
    if (deviceKey) next.push(await wrapWithServer(userId, deviceKey, raw));
    else {
      const server = wraps.find((w) => w.kind === 'server');
      if (server) next.push(server);
    }
    // The same key as before keeps what is known of this person's data on the device.
    const same = entry && wraps.length > 0 ? { sealedAll: entry.sealedAll } : {};
    await db().keyring.put({ userId, wraps: next, failedTries: 0, ...same });
    await adoptKey(userId, raw);
    const offer = options.offerPin && !next.some((w) => w.kind === 'pin');
    if (offer) holdForPin(userId, raw);
    return { offerPin: offer };
  } finally {
    raw.fill(0);
  }
}

export type UnlockResult =
  { ok: true } | { ok: false; reason: 'wrong'; failedTries: number } | { ok: false; reason: 'no-key' };

/**
 * Unlocks offline with the password or PIN. A wrong secret counts one failed try (kept on the
 * device, in the keyring row); the right one clears the count.
 */
export async function unlockWithSecret(
  userId: string,
  kind: 'password' | 'pin',
  secret: string,
  options: { countFailure?: boolean } = {},
): Promise<UnlockResult> {
  const entry = await keyringEntry(userId);
  if (!entry) return { ok: false, reason: 'no-key' };
  const raw = await unwrapWithSecret(entry, kind, secret);
  if (!raw) {
    if (options.countFailure === false) return { ok: false, reason: 'wrong', failedTries: entry.failedTries };
    return { ok: false, reason: 'wrong', failedTries: await countFailedTry(userId) };
  }
  try {
    // Written only when there is a count to clear (a full disk must not stop an unlock).
    if (entry.failedTries !== 0) await db().keyring.update(userId, { failedTries: 0 });
    await adoptKey(userId, raw);
    return { ok: true };
  } finally {
    raw.fill(0);
  }
}

/** Counts one wrong unlock try; returns the count so far. */
export async function countFailedTry(userId: string): Promise<number> {
  const database = db();
  return database.transaction('rw', database.keyring, async () => {
    const entry = await database.keyring.get(userId);
    const failedTries = (entry?.failedTries ?? 0) + 1;
    if (entry) await database.keyring.update(userId, { failedTries });
    return failedTries;
  });
}

/** Whether this person's key on this device can be opened with a PIN. */
export async function hasPin(userId: string): Promise<boolean> {
  return (await keyringEntry(userId))?.wraps.some((w) => w.kind === 'pin') ?? false;
}

/** Adds a PIN wrap of the key held since sign-in. */
export async function choosePin(pin: string, options: { iterations?: number } = {}): Promise<void> {
  const pending = pendingPinKey();
  if (!pending) throw new LockedError();
  const wrap = await wrapWithSecret(
    pending.userId,
    'pin',
    pin,
    pending.raw as Uint8Array<ArrayBuffer>,
    options.iterations ?? PBKDF2_ITERATIONS,
  );
  const database = db();
  await database.transaction('rw', database.keyring, async () => {
    const entry = await database.keyring.get(pending.userId);
    if (entry) await database.keyring.put({ ...entry, wraps: [...entry.wraps.filter((w) => w.kind !== 'pin'), wrap] });
  });
  forgetPendingPin();
}
