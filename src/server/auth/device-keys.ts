// Unlock keys (issue 14): one random 32-byte key per person and device (table device_keys), made on
// the first password sign-in that names the device and the same ever after. The device wraps its
// data key with it beside the password or PIN, so a forgotten PIN while online loses no work. It is
// answered only to a correct password (auth/routes.ts), and on its own opens nothing: the data is
// on the device, the key on the server.
import { randomBytes } from 'node:crypto';
import { recordAudit } from '../audit';
import type { Db } from '../db';

const KEY_BYTES = 32;

/** This person's key for this device, base64; made (and audited) when there is none yet. */
export async function deviceKeyFor(db: Db, userId: string, deviceId: string, now: Date): Promise<string> {
  return db.transaction(async (tx) => {
    // ON CONFLICT rather than look-then-insert: two sign-ins from one device at once get one key.
    const [made] = await tx.query<{ key: Uint8Array }>(
      `INSERT INTO device_keys (user_id, device_id, key, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id, device_id) DO NOTHING RETURNING key`,
      [userId, deviceId, randomBytes(KEY_BYTES), now],
    );
    if (made !== undefined) {
      await recordAudit(tx, now, userId, 'device-key.create', deviceId);
      return Buffer.from(made.key).toString('base64');
    }
    const [kept] = await tx.query<{ key: Uint8Array }>(
      'SELECT key FROM device_keys WHERE user_id = $1 AND device_id = $2',
      [userId, deviceId],
    );
    if (kept === undefined) throw new Error('device key vanished after a conflicting insert');
    return Buffer.from(kept.key).toString('base64');
  });
}
