// Sealing a record for writing (issue 14; how a record is kept at rest is in sealed-record.ts):
// both parts under the owner's key, a part left as it was (same ciphertext) when its text did not
// change, and this tab's cache of opened records told what was written.
import { sealText } from '../crypto/seal';
import type { Answer } from '../../shared/records/schema';
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

/** The answers are sealed in this many parts, each holding the items whose id falls in it. */
const ANSWER_PARTS = 8;
const partByItem = new Map<string, number>();

/** Which part an item's answer is sealed in (a stable hash of its id). */
function partOf(itemId: string): number {
  let part = partByItem.get(itemId);
  if (part === undefined) {
    let hash = 0;
    for (let i = 0; i < itemId.length; i++) hash = (hash * 31 + itemId.charCodeAt(i)) | 0;
    part = Math.abs(hash) % ANSWER_PARTS;
    partByItem.set(itemId, part);
  }
  return part;
}

/** The answers split into their parts (the same answer objects). */
function answerParts(answers: Record<string, Answer>): Array<Record<string, Answer>> {
  const parts = Array.from({ length: ANSWER_PARTS }, () => ({}) as Record<string, Answer>);
  for (const [itemId, answer] of Object.entries(answers)) parts[partOf(itemId)]![itemId] = answer;
  return parts;
}

/** Whether two answer parts hold the very same answers (a change replaces the answers it changes). */
function sameAnswers(a: Record<string, Answer> | undefined, b: Record<string, Answer>): boolean {
  if (!a) return false;
  const keys = Object.keys(b);
  return keys.length === Object.keys(a).length && keys.every((key) => a[key] === b[key]);
}

/**
 * The row for `record` as it will be stored after `edits`: its clear fields and every part sealed,
 * a part left as it was (same ciphertext) when it did not change: the head and the rest of the body
 * by their text, each part of the answers by holding the same answers as this tab last knew.
 * Remembered once written (call `written`), so the next save starts from it.
 */
export async function sealRecord(
  record: LocalRecord,
  edits: number,
): Promise<{ row: StoredRecord; written: () => void }> {
  const before = opened.get(record.id);
  const same = before && before.ownerId === record.ownerId ? before : undefined;
  const headValue = headOf(record);
  const { answers, ...rest } = pick(record as unknown as Record<string, unknown>, CONTENT_KEYS) as RecordContent;
  const headText = JSON.stringify(headValue);
  const bodyText = JSON.stringify(rest);
  const partAnswers = answerParts(answers ?? {});
  const [head, body, ...parts] = await Promise.all([
    same?.headText === headText ? same.head : sealText(record.ownerId, 'record-head', headText),
    same?.bodyText === bodyText ? same.body : sealText(record.ownerId, 'record-body', bodyText),
    ...partAnswers.map((part, at) =>
      same?.parts[at] && sameAnswers(same.partAnswers[at], part)
        ? same.parts[at]
        : sealText(record.ownerId, 'record-answers', JSON.stringify(part)),
    ),
  ]);
  const row: StoredRecord = { ...clearPart(record), edits, head: head!, body: body!, answerParts: parts };
  const entry: Opened = {
    edits,
    clear: clearPart(record),
    ownerId: record.ownerId,
    head: head!,
    body: body!,
    parts,
    partAnswers,
    headText,
    bodyText,
    headValue,
    content: { ...rest, answers } as RecordContent,
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
