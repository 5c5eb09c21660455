// How a record is kept at rest (issue 14): the fields indexes, lists and sync need in the clear;
// what the person wrote in two sealed parts under the owner's key: a small `head` (who or what it
// is about, the details, the reviewer's comment: what lists show) and the `body` (answers, notes,
// ratings, actions, signatures, the briefing snapshot; the answers in parts by item id, so saving
// one answer re-seals an eighth of them: record-seal.ts). The reviewer's decision stays in the clear
// with its comment blanked (retention keeps returned records), the comment itself in the head. Opening and sealing happen outside any
// Dexie transaction; the `edits` counter on the row tells a write, inside its transaction, whether
// the row is still the one it opened.
//
// A small cache keeps what was last opened or written of a few records, keyed by (id, edits), so
// saving an answer into a long draft neither reads nor decrypts it again and only re-seals the
// part that changed (record-seal.ts). Whatever the cache hands out is shared and never changed:
// writers change a copy. It is emptied when the vault locks. Opening is on the first load;
// sealing loads with what writes.
import { openText, vaultState } from '../crypto/vault';
import type { Answer } from '../../shared/records/schema';
import type {
  LocalRecord,
  RecordContent,
  RecordHead,
  Sealed,
  StoredRecord,
  StoredSummary,
  UploadProgress,
} from '../storage/database';

export const HEAD_KEYS = ['subjectName', 'details', 'reviewComment'] as const satisfies ReadonlyArray<keyof RecordHead>;
export const CONTENT_KEYS = [
  'answers',
  'sectionRatings',
  'overallRating',
  'ratingOverrides',
  'actions',
  'actionChecks',
  'signatures',
  'briefingSnapshot',
] as const satisfies ReadonlyArray<keyof RecordContent>;

/** What lists need of a record: everything but the sealed body. */
export type RecordSummary = Omit<LocalRecord, keyof RecordContent>;

/** A record as My visits lists it: its summary opened, and its upload progress while queued (null: no files). */
export type ListedRecord = RecordSummary & { progress?: UploadProgress | null };

export type Opened = {
  edits: number;
  /** The clear fields as last read or written (status may have moved on since: writers check). */
  clear: StoredRecord;
  ownerId: string;
  head: Sealed;
  body: Sealed;
  /** The answers' sealed parts, and what each holds (the very answer objects of `content`). */
  parts: Sealed[];
  partAnswers: Array<Record<string, Answer>>;
  headText: string;
  /** The body's text, without the answers. */
  bodyText: string;
  headValue: RecordHead;
  content: RecordContent;
};

const MAX_OPENED = 8;
/** Shared with sealing (record-seal.ts), which remembers what it writes. */
export const opened = new Map<string, Opened>();
/** Heads of every listed record (small), so a list re-read after each change decrypts nothing new. */
const heads = new Map<string, { edits: number; ownerId: string; value: RecordHead }>();

vaultState.subscribe((state) => {
  if (state.status === 'locked') {
    opened.clear();
    heads.clear();
  }
});

export function remember(id: string, entry: Opened): void {
  // A write that finishes after the app locked leaves nothing of the record in memory.
  const state = vaultState.get();
  if (state.status !== 'unlocked' || state.userId !== entry.ownerId) return;
  opened.delete(id);
  opened.set(id, entry);
  if (opened.size > MAX_OPENED) opened.delete(opened.keys().next().value as string);
  heads.set(id, { edits: entry.edits, ownerId: entry.ownerId, value: entry.headValue });
}

export const editsOf = (row: Pick<StoredRecord, 'edits'>) => row.edits ?? 0;

/** The clear fields of a row or record: no sealed part, no edit count, no field of head or body. */
export function clearPart(row: StoredRecord | LocalRecord): StoredRecord {
  const clear: Record<string, unknown> = { ...row };
  for (const key of ['head', 'body', 'answerParts', 'edits', 'legacy', 'progress', ...HEAD_KEYS, ...CONTENT_KEYS])
    delete clear[key];
  if (row.review) clear.review = { ...row.review, comment: '' };
  return clear as StoredRecord;
}

/** A row from before encryption: every field in the clear. */
function legacyRecord(row: StoredRecord): LocalRecord {
  const record: Record<string, unknown> = { ...row };
  for (const key of ['head', 'body', 'answerParts', 'edits']) delete record[key];
  return record as unknown as LocalRecord;
}

/** A sealed row's sealed parts and edit count, to write over another row's clear fields. */
export function sealedPartsOf(row: StoredRecord): Pick<StoredRecord, 'edits' | 'head' | 'body' | 'answerParts'> {
  return { edits: row.edits, head: row.head, body: row.body, answerParts: row.answerParts };
}

export function isSealedRow(row: StoredRecord): row is StoredRecord & { head: Sealed; body: Sealed } {
  return row.head !== undefined && row.body !== undefined;
}

/** The clear fields and the opened head, as a record's fields (the review's comment put back). */
function withHead(row: StoredRecord, head: RecordHead): Omit<LocalRecord, keyof RecordContent> {
  const { reviewComment, ...named } = head;
  const clear = clearPart(row);
  const review = clear.review ? { ...clear.review, comment: reviewComment ?? '' } : clear.review;
  return { ...clear, ...named, review } as Omit<LocalRecord, keyof RecordContent>;
}

export function compose(row: StoredRecord, entry: Pick<Opened, 'headValue' | 'content'>): LocalRecord {
  return { ...withHead(row, entry.headValue), ...entry.content } as LocalRecord;
}

async function openEntry(row: StoredRecord & { head: Sealed; body: Sealed }): Promise<Opened> {
  const cached = opened.get(row.id);
  if (cached && cached.edits === editsOf(row) && cached.ownerId === row.ownerId) return cached;
  const parts = row.answerParts ?? [];
  const [headText, bodyText, ...partTexts] = await Promise.all([
    openText(row.ownerId, 'record-head', row.head),
    openText(row.ownerId, 'record-body', row.body),
    ...parts.map((part) => openText(row.ownerId, 'record-answers', part)),
  ]);
  const rest = JSON.parse(bodyText) as RecordContent;
  // Rows sealed before answers were split keep them in the body; the next save splits them.
  const partAnswers = partTexts.map((text) => JSON.parse(text) as Record<string, Answer>);
  const entry: Opened = {
    edits: editsOf(row),
    clear: clearPart(row),
    ownerId: row.ownerId,
    head: row.head,
    body: row.body,
    parts,
    partAnswers,
    headText,
    bodyText,
    headValue: JSON.parse(headText) as RecordHead,
    content: {
      ...rest,
      answers: row.answerParts ? (Object.assign({}, ...partAnswers) as Record<string, Answer>) : rest.answers,
    },
  };
  remember(row.id, entry);
  return entry;
}

/** The record a row holds, opened with its owner's key (throws LockedError when that key is not in memory). */
export async function openRecord(row: StoredRecord): Promise<LocalRecord> {
  if (!isSealedRow(row)) return legacyRecord(row);
  return compose(row, await openEntry(row));
}

/** What lists show of a row: its head only. */
export async function openSummary(row: StoredRecord): Promise<RecordSummary> {
  if (!isSealedRow(row)) return legacyRecord(row);
  const known = heads.get(row.id);
  let value = known && known.edits === editsOf(row) && known.ownerId === row.ownerId ? known.value : null;
  if (!value) {
    value = JSON.parse(await openText(row.ownerId, 'record-head', row.head)) as RecordHead;
    heads.set(row.id, { edits: editsOf(row), ownerId: row.ownerId, value });
  }
  return withHead(row, value);
}

/** The head a summary (storage/summaries.ts) carries, opened once per (id, edits). */
async function headOf(row: StoredSummary & { head: Sealed }): Promise<RecordHead> {
  const known = heads.get(row.id);
  if (known && known.edits === editsOf(row) && known.ownerId === row.ownerId) return known.value;
  const value = JSON.parse(await openText(row.ownerId, 'record-head', row.head)) as RecordHead;
  heads.set(row.id, { edits: editsOf(row), ownerId: row.ownerId, value });
  return value;
}

/**
 * What lists show of a record, from its summary (sealed head opened with its owner's key), or, for
 * a row from before encryption (`legacy`: its name and details only on the record, in the clear),
 * from the record itself, which the caller read (`record`).
 */
export async function openListed(summary: StoredSummary, record?: StoredRecord): Promise<ListedRecord> {
  const { head, progress } = summary;
  let listed: ListedRecord;
  if (head !== undefined) listed = withHead(summary as StoredRecord, await headOf({ ...summary, head }));
  else if (record) listed = legacyRecord(record);
  else throw new Error(`Record ${summary.id} has no head to list`);
  if (progress !== undefined) listed.progress = progress;
  return listed;
}
