// An outbox entry's body at rest (issue 14): sealed under its owner's key when it is queued
// (records/record-store.ts submitRecord); entries queued before encryption hold it in the clear
// until their owner next unlocks. Opened only outside Dexie transactions.
import type { RecordBody } from '../../shared/records/schema';
import { LockedError, openJson } from '../crypto/vault';
import type { StoredOutboxEntry } from '../storage/database';

/** The entry's body, or null when it is sealed under a key not in memory (locked, or another person's). */
export async function openOutboxBody(row: StoredOutboxEntry): Promise<RecordBody | null> {
  if (!row.sealedBody) return row.body ?? null;
  try {
    return await openJson<RecordBody>(row.ownerId, 'outbox-body', row.sealedBody);
  } catch (error) {
    if (error instanceof LockedError) return null;
    throw error;
  }
}
