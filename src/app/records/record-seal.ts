// Sealing a record for writing (issue 14; how a record is kept at rest is in sealed-record.ts):
// both parts under the owner's key, a part left as it was (same ciphertext) when its text did not
// change, and this tab's cache of opened records told what was written.
import { sealText } from '../crypto/seal';
import type { LocalRecord, RecordContent, RecordHead, StoredRecord } from '../storage/database';
import { CONTENT_KEYS, clearPart, compose, opened, remember, type Opened } from './sealed-record';

/** A record's head as sealed: the listed name, the details and the reviewer's comment. */
function headOf(record: LocalRecord): RecordHead {
  return { subjectName: record.subjectName, details: record.details, reviewComment: record.review?.comment ?? null };
}

function pick<K extends string>(value: Record<string, unknown>, keys: readonly K[]): Record<K, unknown> {
  const out = {} as Record<K, unknown>;
  for (const key of keys) if (value[key] !== undefined) out[key] = value[key];
  return out;
}

/**
 * The row for `record` as it will be stored after `edits`: its clear fields and both parts sealed,
 * a part left as it was (same ciphertext) when its text did not change. Remembered once written
 * (call `written`), so the next save starts from it.
 */
export async function sealRecord(
  record: LocalRecord,
  edits: number,
): Promise<{ row: StoredRecord; written: () => void }> {
  const before = opened.get(record.id);
  const same = before && before.ownerId === record.ownerId ? before : undefined;
  const headValue = headOf(record);
  const content = pick(record as unknown as Record<string, unknown>, CONTENT_KEYS) as RecordContent;
  const headText = JSON.stringify(headValue);
  const bodyText = JSON.stringify(content);
  const [head, body] = await Promise.all([
    same?.headText === headText ? same.head : sealText(record.ownerId, 'record-head', headText),
    same?.bodyText === bodyText ? same.body : sealText(record.ownerId, 'record-body', bodyText),
  ]);
  const row: StoredRecord = { ...clearPart(record), edits, head, body };
  const entry: Opened = {
    edits,
    clear: clearPart(record),
    ownerId: record.ownerId,
    head,
    body,
    headText,
    bodyText,
    headValue,
    content,
  };
  return { row, written: () => remember(record.id, entry) };
}

/**
 * The record as this tab last wrote or opened it, with the edit count it had then, or null; the
 * writer's transaction checks the row still has that count before writing over it.
 */
export function lastOpened(id: string, ownerId: string): { record: LocalRecord; edits: number } | null {
  const entry = opened.get(id);
  return entry && entry.ownerId === ownerId ? { record: compose(entry.clear, entry), edits: entry.edits } : null;
}

/** Forgets what the cache holds of a record (a write failed, or another writer changed it). */
export function forgetOpened(id: string): void {
  opened.delete(id);
}
