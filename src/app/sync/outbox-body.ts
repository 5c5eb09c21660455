// An outbox entry's body at rest (issue 14): sealed under its owner's key when it is queued
// (records/record-store.ts submitRecord); entries queued before encryption hold it in the clear
// until their owner next unlocks. Opened only outside Dexie transactions.
import type { RecordBody } from '../../shared/records/schema';
import { LockedError, openJson } from '../crypto/vault';
import type { StoredOutboxEntry, UploadProgress } from '../storage/database';

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

/** The files a body names (photos on answers and group rows, signatures): hash → bytes. */
export function attachmentSizes(body: RecordBody): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const answer of Object.values(body.answers)) {
    for (const a of answer.attachments ?? []) sizes.set(a.sha256, a.bytes);
    for (const r of answer.rows ?? [])
      for (const cell of Object.values(r.answers)) for (const a of cell.attachments ?? []) sizes.set(a.sha256, a.bytes);
  }
  for (const s of body.signatures ?? []) sizes.set(s.sha256, s.bytes);
  return sizes;
}

/** Upload progress of a body's files (`sizes`, from attachmentSizes) once `uploaded` are stored; null when it names none. */
export function progressOf(sizes: Map<string, number>, uploaded: readonly string[]): UploadProgress | null {
  if (sizes.size === 0) return null;
  const sent = [...new Set(uploaded)].filter((h) => sizes.has(h));
  return {
    filesSent: sent.length,
    files: sizes.size,
    bytesSent: sent.reduce((n, h) => n + (sizes.get(h) ?? 0), 0),
    bytes: [...sizes.values()].reduce((n, b) => n + b, 0),
  };
}
