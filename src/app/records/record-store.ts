// The life of a record of any kind (visit, observation or audit) on the device: start it, edit its
// details, submit it into the outbox, reopen it after a rejection, amend it once sent, and resolve
// a stale amendment (re-base it, or take the council's copy). Answers, ratings and actions are
// written by answer-store.ts through `updateDraft`; photos and signatures by evidence/ (each in
// one transaction with its file).
// Invariants: every change is written to IndexedDB as it is made; a submit changes the record's
// status and adds its outbox entry in the same transaction; only drafts can be edited.
//
// At rest a record is sealed under its owner's key (sealed-record.ts, issue 14). Crypto never
// runs inside a Dexie transaction, so a change is optimistic: the record is opened (or taken from
// the cache of what this tab last wrote), changed and sealed first; then one transaction checks
// the row's `edits` count is still the one it started from and writes, or the change starts again
// from the newer row. Writes to one record from this tab also go one at a time, in call order.
import { KIND_FOR_SUBJECT, type RecordDetails, type StoredSubmission } from '../../shared/records/schema';
import { type Template } from '../../shared/templates/schema';
import type { Table } from 'dexie';
import { holdWhileWriting, unlockedUserId } from '../crypto/vault';
import { sealJson } from '../crypto/seal';
import { openBriefing } from '../briefings/sealed-briefing';
import { db, summaryOf, type LocalRecord, type QaDatabase, type StoredRecord } from '../storage/database';
import { attachmentSizes, progressOf } from '../sync/outbox-body';
import { fromRecordBody, toRecordBody } from './record-body';
import { editsOf, openRecord } from './sealed-record';
import { forgetOpened, lastOpened, sealRecord } from './record-seal';

export class NotEditableError extends Error {
  constructor() {
    super('This visit has been submitted and can no longer be changed on this device.');
  }
}

const GONE = 'This visit is no longer on this device.';
/** Another writer (another tab) changed the record this many times in a row: give up. */
const MAX_ATTEMPTS = 8;

function nowIso(): string {
  return new Date().toISOString();
}

const queues = new Map<string, Promise<unknown>>();

/** Runs `task` after every write to this record already asked for in this tab; holds the key meanwhile. */
function inTurn<T>(id: string, task: () => Promise<T>): Promise<T> {
  const run = (queues.get(id) ?? Promise.resolve()).then(task, task);
  const tail = run.catch(() => undefined);
  queues.set(id, tail);
  void tail.then(() => {
    if (queues.get(id) === tail) queues.delete(id);
  });
  return holdWhileWriting(run);
}

export async function startRecord(input: {
  ownerId: string;
  template: Pick<Template, 'id' | 'version' | 'subject'>;
  subjectName: string;
  details: RecordDetails;
  assignmentId?: string | null;
}): Promise<string> {
  const id = crypto.randomUUID();
  const kind = KIND_FOR_SUBJECT[input.template.subject];
  // What the officer knew when the visit started travels with the record.
  const providerId = kind === 'visit' && 'providerId' in input.details ? input.details.providerId : null;
  const briefingSnapshot = providerId === null ? null : await openBriefing(await db().briefings.get(providerId));
  const record: LocalRecord = {
    id,
    ownerId: input.ownerId,
    status: 'draft',
    revision: 1,
    baseRevision: null,
    templateId: input.template.id,
    templateVersion: input.template.version,
    kind,
    details: input.details,
    subjectName: input.subjectName,
    assignmentId: input.assignmentId ?? null,
    briefingSnapshot,
    answers: {},
    sectionRatings: {},
    overallRating: null,
    ratingOverrides: {},
    actions: [],
    actionChecks: [],
    review: null,
    startedAt: nowIso(),
    updatedAt: Date.now(),
    submittedAt: null,
    receivedAt: null,
    problem: null,
  };
  await inTurn(id, async () => {
    const { row, written } = await sealRecord(record, 1);
    await db().records.add(row);
    written();
  });
  return id;
}

/**
 * The record as stored once every write already issued from this tab has landed: pages check
 * this, not their last render, before moving on.
 */
export async function storedRecord(id: string): Promise<LocalRecord | undefined> {
  await queues.get(id);
  const row = await db().records.get(id);
  return row ? openRecord(row) : undefined;
}

/** Other tables a change writes in the same transaction as the record (a photo's file). */
export type AlsoWrite = {
  tables: (database: QaDatabase) => Table[];
  write: (database: QaDatabase, record: LocalRecord) => Promise<void>;
};

/**
 * A copy of a record for a change to work on, sharing what a change never alters in place: the
 * containers a change may add to, remove from or replace entries of (answers, ratings, override
 * reasons, actions, checks, signatures) are new; an answer with rows is copied whole (rows are
 * changed in place); every other answer, action and the details are shared (changes replace them).
 * Far cheaper than a deep copy of a 300-item draft on every keystroke; test/component/
 * sealed-records.test.tsx holds every store's changes to it.
 */
function copyForChange(record: LocalRecord): LocalRecord {
  const answers: LocalRecord['answers'] = {};
  for (const [key, answer] of Object.entries(record.answers))
    answers[key] = answer.rows ? structuredClone(answer) : answer;
  return {
    ...record,
    answers,
    sectionRatings: { ...record.sectionRatings },
    ratingOverrides: { ...record.ratingOverrides },
    actions: [...record.actions],
    actionChecks: [...record.actionChecks],
    ...(record.signatures ? { signatures: [...record.signatures] } : {}),
  };
}

/** The draft to change: this tab's last copy if it has one, else read and opened. */
async function draftToChange(id: string): Promise<{ record: LocalRecord; edits: number }> {
  const known = lastOpened(id, unlockedUserId() ?? '');
  if (known && known.record.status === 'draft') return { record: copyForChange(known.record), edits: known.edits };
  const row = await db().records.get(id);
  if (!row) throw new Error(GONE);
  if (row.status !== 'draft') throw new NotEditableError();
  return { record: copyForChange(await openRecord(row)), edits: editsOf(row) };
}

/** Thrown inside a write's transaction to abort it: another writer changed the row first. */
class Changed extends Error {}

/**
 * Applies a change to a draft, so two writers never lose each other's edits: the change is made on
 * a copy and sealed outside any transaction, then written in one transaction only if the row is
 * still the one it was made on; otherwise it is made again on the newer row. `change` may return
 * false to write nothing. It may replace any field of the record, and add, remove or replace
 * entries of its answers, ratings, override reasons, actions, checks and signatures, and change the
 * rows of a repeating group in place; nothing else in place (see copyForChange).
 */
export function updateDraft(
  id: string,
  change: (record: LocalRecord) => void | boolean,
  also?: AlsoWrite,
): Promise<void> {
  return inTurn(id, async () => {
    const database = db();
    for (let attempt = 1; ; attempt++) {
      const { record, edits } = await draftToChange(id);
      if (change(record) === false) return;
      record.updatedAt = Date.now();
      const { row, written } = await sealRecord(record, edits + 1);
      // The check and the write go to IndexedDB together (no round trip between them): should the
      // row turn out not to be the one the change was made on, the transaction aborts, the write
      // with it. The clear fields written are those read at that same edit count.
      const landed = await database
        .transaction('rw', [database.records, ...(also?.tables(database) ?? [])], async () => {
          const reading = database.records.get(id);
          const writing = database.records.put(row);
          writing.catch(() => undefined); // settled by the abort below when it comes to that
          const fresh = await reading;
          if (!fresh) throw new Error(GONE);
          if (fresh.status !== 'draft') throw new NotEditableError();
          if (editsOf(fresh) !== edits) throw new Changed();
          await writing;
          await also?.write(database, record);
        })
        .then(
          () => true,
          (error: unknown) => {
            if (error instanceof Changed) return false;
            throw error;
          },
        );
      if (landed) {
        written();
        return;
      }
      forgetOpened(id);
      if (attempt >= MAX_ATTEMPTS) throw new Error('This visit kept changing in another tab. Try again.');
    }
  });
}

export function saveDetails(id: string, details: RecordDetails, subjectName: string): Promise<void> {
  return updateDraft(id, (r) => {
    r.details = details;
    r.subjectName = subjectName;
  });
}

/** Queues the draft for sending: status and outbox entry change together or not at all. */
export function submitRecord(id: string): Promise<void> {
  return inTurn(id, async () => {
    const database = db();
    for (let attempt = 1; ; attempt++) {
      const row = await database.records.get(id);
      if (!row) throw new Error(GONE);
      if (row.status !== 'draft') throw new NotEditableError();
      const record = await openRecord(row);
      const template = await database.templates.get([record.templateId, record.templateVersion]);
      const submittedAt = nowIso();
      const body = toRecordBody(record, submittedAt, template ?? null);
      // The entry's body, sealed under the same person's key as the record.
      const sealedBody = await sealJson(record.ownerId, 'outbox-body', body);
      // Upload progress lives in the summary only (nothing on the queued record changes as it is sent).
      const progress = progressOf(attachmentSizes(body), []);
      const tables = [database.records, database.outbox, database.summaries];
      const landed = await database.transaction('rw', tables, async () => {
        const fresh = await database.records.get(id);
        if (!fresh) throw new Error(GONE);
        if (fresh.status !== 'draft') throw new NotEditableError();
        if (editsOf(fresh) !== editsOf(row)) return false;
        await database.records.put({
          ...fresh,
          status: 'queued',
          submittedAt,
          completedAt: body.completedAt ?? submittedAt,
          problem: null,
          updatedAt: Date.now(),
          edits: editsOf(fresh) + 1,
        });
        await database.outbox.add({
          recordId: id,
          revision: record.revision,
          ownerId: record.ownerId,
          sealedBody,
          state: 'pending',
          attempts: 0,
          lastProblem: null,
          enqueuedAt: Date.now(),
        });
        await database.summaries.update(id, { progress });
        return true;
      });
      forgetOpened(id);
      if (landed) return;
      if (attempt >= MAX_ATTEMPTS) throw new Error('This visit kept changing in another tab. Try again.');
    }
  });
}

/**
 * Takes a record the server turned down back to a draft so the officer can correct it. After a
 * conflict the id is already taken on the server, so the draft continues under a new id (its
 * sealed parts move with it: they are bound to their owner, not to the id).
 */
export function returnToDraft(id: string): Promise<string> {
  return resolveAttention(id, 'Only a visit that needs attention can be reopened.', async (record, database) => {
    const conflict = record.problem?.code === 'conflict';
    const next: StoredRecord = {
      ...record,
      status: 'draft',
      submittedAt: null,
      updatedAt: Date.now(),
      edits: editsOf(record) + 1,
    };
    if (!conflict) {
      await database.records.put(next);
      return id;
    }
    // A new record: revision numbering starts again under the new id.
    next.id = crypto.randomUUID();
    next.revision = 1;
    next.baseRevision = null;
    next.problem = null;
    await database.records.add(next);
    await database.records.delete(id);
    return next.id;
  });
}

/**
 * Starts an amendment of a sent record (returned by the reviewer, or the person's own correction):
 * a draft of the next revision, based on the one the server holds.
 */
export function amendRecord(id: string): Promise<void> {
  return inTurn(id, async () => {
    const database = db();
    await database.transaction('rw', database.records, async () => {
      const record = await database.records.get(id);
      if (!record || record.status !== 'sent')
        throw new Error('Only a record the council has received can be amended.');
      await database.records.put({
        ...record,
        status: 'draft',
        baseRevision: record.revision,
        revision: record.revision + 1,
        submittedAt: null,
        problem: null,
        updatedAt: Date.now(),
        edits: editsOf(record) + 1,
      });
    });
    forgetOpened(id);
  });
}

/**
 * Resolves a stale amendment (409) by keeping this device's answers: the draft is re-based on the
 * council's current revision, to be checked and submitted as the revision after it.
 */
export function rebaseAmendment(id: string, serverRevision: number): Promise<void> {
  return resolveAttention(id, 'Only an amendment that needs attention can be re-based.', async (record, database) => {
    await database.records.put({
      ...record,
      status: 'draft',
      revision: serverRevision + 1,
      baseRevision: serverRevision,
      problem: null,
      submittedAt: null,
      updatedAt: Date.now(),
      edits: editsOf(record) + 1,
    });
  });
}

/** Resolves a stale amendment by taking the council's current copy; this device's changes are dropped. */
export function adoptServerCopy(id: string, server: Pick<StoredSubmission, 'receivedAt' | 'body'>): Promise<void> {
  return inTurn(id, async () => {
    const row = await db().records.get(id);
    if (!row || row.status !== 'attention') throw new Error('Only an amendment that needs attention can be replaced.');
    const record: LocalRecord = {
      ...(await openRecord(row)),
      ...fromRecordBody(server.body),
      status: 'sent',
      problem: null,
      receivedAt: server.receivedAt,
      updatedAt: Date.now(),
    };
    const { row: sealed } = await sealRecord(record, editsOf(row) + 1);
    await resolveAttentionNow(id, 'This amendment changed meanwhile. Try again.', async (fresh, database) => {
      if (editsOf(fresh) !== editsOf(row)) throw new Error('This amendment changed meanwhile. Try again.');
      await database.records.put(sealed);
    });
  });
}

/**
 * Takes a record that needs attention out of the outbox (its entry for this revision) and changes
 * it, in one transaction; refuses, with `refusal`, a record in any other state. The change works
 * on the row as stored (clear fields only; nothing is opened or sealed inside the transaction).
 */
function resolveAttention<T>(
  id: string,
  refusal: string,
  change: (record: StoredRecord, database: QaDatabase) => Promise<T>,
): Promise<T> {
  return inTurn(id, () => resolveAttentionNow(id, refusal, change));
}

async function resolveAttentionNow<T>(
  id: string,
  refusal: string,
  change: (record: StoredRecord, database: QaDatabase) => Promise<T>,
): Promise<T> {
  const database = db();
  const result = await database.transaction('rw', database.records, database.outbox, async () => {
    const record = await database.records.get(id);
    if (!record || record.status !== 'attention') throw new Error(refusal);
    await database.outbox.where({ recordId: id, revision: record.revision }).delete();
    return change(record, database);
  });
  forgetOpened(id);
  return result;
}

/**
 * Puts summaries right where records were written behind Dexie's back (storage/summaries.ts keeps
 * them in step otherwise): builds those of `missing` records, and deletes those of `orphans` whose
 * record is gone. Each checked again inside the transaction.
 */
export async function repairSummaries(missing: string[], orphans: string[]): Promise<void> {
  const database = db();
  await database.transaction('rw', database.records, database.summaries, async () => {
    const [rows, known, gone] = await Promise.all([
      database.records.bulkGet(missing),
      database.summaries.bulkGet(missing),
      database.records.bulkGet(orphans),
    ]);
    await database.summaries.bulkPut(rows.flatMap((row, at) => (row && !known[at] ? [summaryOf(row)] : [])));
    await database.summaries.bulkDelete(orphans.filter((_, at) => gone[at] === undefined));
  });
}
