// The life of a record of any kind (visit, observation or audit) on the device: start it, edit its
// details, submit it into the outbox, reopen it after a rejection, amend it once sent, and resolve
// a stale amendment (re-base it, or take the council's copy). Answers, ratings and actions are
// written by answer-store.ts through `updateDraft`; photos and signatures by evidence/ (each in
// one transaction with its file).
// Invariants: every change is written to IndexedDB as it is made; a submit changes the record's
// status and adds its outbox entry in the same transaction; only drafts can be edited.
import { KIND_FOR_SUBJECT, type RecordDetails, type StoredSubmission } from '../../shared/records/schema';
import { type Template } from '../../shared/templates/schema';
import type { Briefing } from '../../shared/briefings/register';
import { db, type LocalRecord, type QaDatabase } from '../storage/database';
import { fromRecordBody, toRecordBody } from './record-body';

export class NotEditableError extends Error {
  constructor() {
    super('This visit has been submitted and can no longer be changed on this device.');
  }
}

function nowIso(): string {
  return new Date().toISOString();
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
  const briefingSnapshot: Briefing | null =
    providerId === null ? null : ((await db().briefings.get(providerId)) ?? null);
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
  await db().records.add(record);
  return id;
}

/**
 * The record as stored once every write already issued has landed (IndexedDB runs transactions on
 * one store in the order they were made): pages check this, not their last render, before moving on.
 */
export async function storedRecord(id: string): Promise<LocalRecord | undefined> {
  return db().records.get(id);
}

/** Applies a change to a draft inside one read-write transaction, so two writers never lose each other's edits. */
export async function updateDraft(id: string, change: (record: LocalRecord) => void): Promise<void> {
  const database = db();
  await database.transaction('rw', database.records, async () => {
    const record = await database.records.get(id);
    if (!record) throw new Error('This visit is no longer on this device.');
    if (record.status !== 'draft') throw new NotEditableError();
    change(record);
    record.updatedAt = Date.now();
    await database.records.put(record);
  });
}

export function saveDetails(id: string, details: RecordDetails, subjectName: string): Promise<void> {
  return updateDraft(id, (r) => {
    r.details = details;
    r.subjectName = subjectName;
  });
}

/** Queues the draft for sending: status and outbox entry change together or not at all. */
export async function submitRecord(id: string): Promise<void> {
  const database = db();
  const submittedAt = nowIso();
  await database.transaction('rw', database.records, database.outbox, database.templates, async () => {
    const record = await database.records.get(id);
    if (!record) throw new Error('This visit is no longer on this device.');
    if (record.status !== 'draft') throw new NotEditableError();
    const template = await database.templates.get([record.templateId, record.templateVersion]);
    record.status = 'queued';
    record.submittedAt = submittedAt;
    record.problem = null;
    record.updatedAt = Date.now();
    await database.records.put(record);
    await database.outbox.add({
      recordId: id,
      revision: record.revision,
      body: toRecordBody(record, submittedAt, template ?? null),
      state: 'pending',
      attempts: 0,
      lastProblem: null,
      enqueuedAt: Date.now(),
    });
  });
}

/**
 * Takes a record the server turned down back to a draft so the officer can correct it. After a
 * conflict the id is already taken on the server, so the draft continues under a new id.
 */
export function returnToDraft(id: string): Promise<string> {
  return resolveAttention(id, 'Only a visit that needs attention can be reopened.', async (record, database) => {
    const conflict = record.problem?.code === 'conflict';
    const next: LocalRecord = { ...record, status: 'draft', submittedAt: null, updatedAt: Date.now() };
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
export async function amendRecord(id: string): Promise<void> {
  const database = db();
  await database.transaction('rw', database.records, async () => {
    const record = await database.records.get(id);
    if (!record || record.status !== 'sent') throw new Error('Only a record the council has received can be amended.');
    await database.records.put({
      ...record,
      status: 'draft',
      baseRevision: record.revision,
      revision: record.revision + 1,
      submittedAt: null,
      problem: null,
      updatedAt: Date.now(),
    });
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
    });
  });
}

/** Resolves a stale amendment by taking the council's current copy; this device's changes are dropped. */
export function adoptServerCopy(id: string, server: Pick<StoredSubmission, 'receivedAt' | 'body'>): Promise<void> {
  return resolveAttention(id, 'Only an amendment that needs attention can be replaced.', async (record, database) => {
    await database.records.put({
      ...record,
      ...fromRecordBody(server.body),
      status: 'sent',
      problem: null,
      receivedAt: server.receivedAt,
      updatedAt: Date.now(),
    });
  });
}

/**
 * Takes a record that needs attention out of the outbox (its entry for this revision) and changes
 * it, in one transaction; refuses, with `refusal`, a record in any other state.
 */
async function resolveAttention<T>(
  id: string,
  refusal: string,
  change: (record: LocalRecord, database: QaDatabase) => Promise<T>,
): Promise<T> {
  const database = db();
  return database.transaction('rw', database.records, database.outbox, async () => {
    const record = await database.records.get(id);
    if (!record || record.status !== 'attention') throw new Error(refusal);
    await database.outbox.where({ recordId: id, revision: record.revision }).delete();
    return change(record, database);
  });
}
