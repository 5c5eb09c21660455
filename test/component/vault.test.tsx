// The vault (issue 14): a person's data key made at sign-in, wrapped by their password (PBKDF2)
// and by the server's unlock key; unlocked offline with the password or a PIN; re-wrapped when
// the password changed on the server; wrong tries counted on the device; values sealed with
// AES-GCM under their owner's key only. PBKDF2 runs with a small work factor here (the real one
// is asserted below and measured in Chromium, test/e2e/lock.test.ts).
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../src/app/storage/database';
import {
  LockedError,
  forgetKeys,
  lockVault,
  openBlob,
  openJson,
  unlockedUserId,
  vaultState,
} from '../../src/app/crypto/vault';
import { sealBlob, sealJson } from '../../src/app/crypto/seal';
import {
  PBKDF2_ITERATIONS,
  pinPending,
  choosePin,
  keyringEntry,
  unlockAfterSignIn,
  unlockWithSecret,
} from '../../src/app/crypto/keyring';

const ITERATIONS = 1_000;
const SAM = 'officer-1';
const JO = 'officer-2';
const serverKey = () => btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))));

async function signIn(userId: string, password: string, deviceKey: string | null = null, offerPin = false) {
  return unlockAfterSignIn(userId, password, deviceKey, { offerPin, iterations: ITERATIONS });
}

/** Every byte of a stored value as text, so a test can look for plaintext in it. */
function asText(value: unknown): string {
  if (value instanceof ArrayBuffer) return new TextDecoder('latin1').decode(value);
  if (ArrayBuffer.isView(value)) return new TextDecoder('latin1').decode(value);
  if (Array.isArray(value)) return value.map(asText).join('|');
  if (value && typeof value === 'object') return Object.values(value).map(asText).join('|');
  return String(value);
}

beforeEach(async () => {
  forgetKeys();
  await db().keyring.clear();
});

describe('the data key', () => {
  it('uses a PBKDF2 work factor calibrated in Chromium: far above OWASP’s 600,000', () => {
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(2_000_000);
  });

  it('is made at the first sign-in, wrapped by the password and the server key, and never stored raw', async () => {
    await signIn(SAM, 'first password', serverKey());
    expect(unlockedUserId()).toBe(SAM);
    expect(vaultState.get()).toEqual({ status: 'unlocked', userId: SAM });
    const entry = (await keyringEntry(SAM))!;
    expect(entry.wraps.map((w) => w.kind).sort()).toEqual(['password', 'server']);
    expect(entry.wraps.find((w) => w.kind === 'password')).toMatchObject({ iterations: ITERATIONS });
    expect(entry.failedTries).toBe(0);
    // 32 key bytes + a 16-byte tag each; the IVs differ.
    for (const wrap of entry.wraps) expect(wrap.data.byteLength).toBe(48);
    expect(entry.wraps[0]!.iv).not.toEqual(entry.wraps[1]!.iv);
  });

  it('unlocks offline with the password after a lock, and opens what was sealed before', async () => {
    await signIn(SAM, 'first password');
    const sealed = await sealJson(SAM, 'record-body', { note: 'Two night shifts short' });
    await lockVault();
    expect(unlockedUserId()).toBeNull();
    await expect(openJson(SAM, 'record-body', sealed)).rejects.toBeInstanceOf(LockedError);

    expect(await unlockWithSecret(SAM, 'password', 'first password')).toEqual({ ok: true });
    expect(await openJson(SAM, 'record-body', sealed)).toEqual({ note: 'Two night shifts short' });
  });

  it('counts wrong tries on the device and clears the count on the right one', async () => {
    await signIn(SAM, 'first password');
    await lockVault();
    expect(await unlockWithSecret(SAM, 'password', 'nope')).toEqual({ ok: false, reason: 'wrong', failedTries: 1 });
    expect(await unlockWithSecret(SAM, 'password', 'nope again')).toMatchObject({ failedTries: 2 });
    expect((await keyringEntry(SAM))?.failedTries).toBe(2);
    expect(unlockedUserId()).toBeNull();
    expect(await unlockWithSecret(SAM, 'password', 'first password')).toEqual({ ok: true });
    expect((await keyringEntry(SAM))?.failedTries).toBe(0);
  });

  it('after a password change on the server, opens the key with the server key and re-wraps it under the new password', async () => {
    const deviceKey = serverKey();
    await signIn(SAM, 'old password', deviceKey);
    const sealed = await sealJson(SAM, 'record-body', { answer: 'kept' });
    await lockVault();

    await signIn(SAM, 'new password', deviceKey);
    expect(await openJson(SAM, 'record-body', sealed)).toEqual({ answer: 'kept' });
    await lockVault();
    expect(await unlockWithSecret(SAM, 'password', 'old password')).toMatchObject({ ok: false });
    expect(await unlockWithSecret(SAM, 'password', 'new password')).toEqual({ ok: true });
    expect(await openJson(SAM, 'record-body', sealed)).toEqual({ answer: 'kept' });
  });

  it('keeps the same key across sign-ins with the same password', async () => {
    await signIn(SAM, 'first password', serverKey());
    const sealed = await sealJson(SAM, 'briefing', { summary: 'Safeguarding referral open' });
    await lockVault();
    await signIn(SAM, 'first password', serverKey());
    expect(await openJson(SAM, 'briefing', sealed)).toEqual({ summary: 'Safeguarding referral open' });
  });

  it('has no offline way in without a key on the device', async () => {
    expect(await unlockWithSecret(SAM, 'password', 'anything')).toEqual({ ok: false, reason: 'no-key' });
  });
});

describe('a PIN', () => {
  it('is offered only when the council allows one, and then unlocks instead of the password', async () => {
    expect(await signIn(SAM, 'first password', null, false)).toEqual({ offerPin: false });
    expect(pinPending()).toBe(false);
    await lockVault();

    expect(await signIn(SAM, 'first password', null, true)).toEqual({ offerPin: true });
    expect(pinPending()).toBe(true);
    await choosePin('482913', { iterations: ITERATIONS });
    expect(pinPending()).toBe(false);
    expect((await keyringEntry(SAM))?.wraps.map((w) => w.kind).sort()).toEqual(['password', 'pin']);
    const sealed = await sealJson(SAM, 'record-body', { a: 1 });
    await lockVault();

    expect(await unlockWithSecret(SAM, 'pin', '000000')).toMatchObject({ ok: false, failedTries: 1 });
    expect(await unlockWithSecret(SAM, 'pin', '482913')).toEqual({ ok: true });
    expect(await openJson(SAM, 'record-body', sealed)).toEqual({ a: 1 });
    // A forgotten PIN: the password still opens the same key.
    await lockVault();
    expect(await unlockWithSecret(SAM, 'password', 'first password')).toEqual({ ok: true });
    // Not offered again once set.
    await lockVault();
    expect(await signIn(SAM, 'first password', null, true)).toEqual({ offerPin: false });
  });

  it('cannot be chosen once the app has locked (the raw key is gone)', async () => {
    await signIn(SAM, 'first password', null, true);
    await lockVault();
    await expect(choosePin('123456', { iterations: ITERATIONS })).rejects.toBeInstanceOf(LockedError);
  });
});

describe('sealing', () => {
  it('round-trips JSON and files, with a fresh IV each time and no plaintext at rest', async () => {
    await signIn(SAM, 'first password');
    const value = { note: 'SENTINEL resident fell twice', n: 3 };
    const first = await sealJson(SAM, 'record-body', value);
    const second = await sealJson(SAM, 'record-body', value);
    expect('iv' in first && 'iv' in second && first.iv).not.toEqual('iv' in second && second.iv);
    expect(asText(first)).not.toContain('SENTINEL');
    expect(await openJson(SAM, 'record-body', first)).toEqual(value);

    const photo = new Blob([new TextEncoder().encode('JPEG SENTINEL bytes')], { type: 'image/jpeg' });
    const sealedPhoto = await sealBlob(SAM, 'file', photo);
    expect(asText(sealedPhoto)).not.toContain('SENTINEL');
    const opened = await openBlob(SAM, 'file', sealedPhoto, 'image/jpeg');
    expect(opened.type).toBe('image/jpeg');
    expect(new TextDecoder().decode(await opened.arrayBuffer())).toBe('JPEG SENTINEL bytes');
  });

  it('opens only under the owner’s key and for the purpose it was sealed for; a changed byte is refused', async () => {
    await signIn(SAM, 'sam password');
    const sams = await sealJson(SAM, 'record-body', { mine: true });
    await expect(sealJson(JO, 'record-body', {})).rejects.toBeInstanceOf(LockedError);
    await expect(openJson(SAM, 'record-head', sams)).rejects.toThrow();

    const tampered = { ...(sams as { iv: Uint8Array; data: ArrayBuffer }) };
    const bytes = new Uint8Array(tampered.data.slice(0));
    bytes[0] = bytes[0]! ^ 1;
    await expect(openJson(SAM, 'record-body', { iv: tampered.iv, data: bytes.buffer })).rejects.toThrow();

    // Another person on the same device has another key: Sam's data stays closed to them.
    await lockVault();
    await signIn(JO, 'jo password');
    await expect(openJson(SAM, 'record-body', sams)).rejects.toBeInstanceOf(LockedError);
  });

  it('lets a write that started before a lock finish sealing, then drops the key', async () => {
    await signIn(SAM, 'first password');
    const { holdWhileWriting } = await import('../../src/app/crypto/vault');
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const write = holdWhileWriting(gate.then(() => sealJson(SAM, 'record-body', { late: 'keystroke' })));
    const locking = lockVault();
    expect(vaultState.get().status).toBe('locked');
    release();
    const sealed = await write;
    await locking;
    expect(unlockedUserId()).toBeNull();
    await unlockWithSecret(SAM, 'password', 'first password');
    expect(await openJson(SAM, 'record-body', sealed)).toEqual({ late: 'keystroke' });
  });
});
