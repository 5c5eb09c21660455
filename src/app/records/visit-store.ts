// The life of a record on the device: start (visit, observation or audit), edit its details,
// submit into the outbox, reopen after a rejection, discard. Answers, ratings and actions are
// written by answer-store.ts through `updateDraft`.
// Invariants: every change is written to IndexedDB as it is made; a submit changes the record's
// status and adds its outbox entry in the same transaction; only drafts can be edited.
import { suggestOverallRating, suggestSectionRating } from '../../shared/records/scoring';
import { KIND_FOR_SUBJECT, OVERALL, type RecordDetails, type RecordBody, type Template } from '../../shared/schemas';
import type { Briefing } from '../../shared/briefings/register';
import { db, type LocalRecord } from '../storage/database';

export class NotEditableError extends Error {
  constructor() {
    super('This visit has been submitted and can no longer be changed on this device.');
  }
}

function nowIso(): string {
  return new Date().toISOString();
}

export async function startVisit(input: {
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

/** Overrides that still differ from what the rules suggest; one made needless by later answers is dropped. */
function liveOverrides(record: LocalRecord, template: Template | null): RecordBody['ratingOverrides'] {
  if (template === null) return record.ratingOverrides;
  const kept: NonNullable<RecordBody['ratingOverrides']> = {};
  for (const [key, override] of Object.entries(record.ratingOverrides)) {
    const section = template.sections.find((s) => s.id === key);
    const suggestion =
      key === OVERALL
        ? suggestOverallRating(template, record.sectionRatings)
        : section
          ? suggestSectionRating(template, section, record.answers)
          : null;
    const given = key === OVERALL ? record.overallRating : record.sectionRatings[key];
    if (suggestion?.rating != null && given != null && given !== suggestion.rating) kept[key] = override;
  }
  return kept;
}

export function submissionBody(record: LocalRecord, submittedAt: string, template: Template | null): RecordBody {
  // `kind` and `details` are written together by startVisit and saveDetails, so they always agree.
  const kindAndDetails = { kind: record.kind, details: record.details } as Pick<RecordBody, 'kind' | 'details'>;
  return {
    id: record.id,
    revision: record.revision,
    baseRevision: record.baseRevision,
    ...kindAndDetails,
    templateId: record.templateId,
    templateVersion: record.templateVersion,
    answers: record.answers,
    sectionRatings: record.sectionRatings,
    overallRating: record.overallRating,
    ratingOverrides: liveOverrides(record, template),
    actions: record.actions,
    ...(record.kind === 'visit' && record.actionChecks.length > 0 ? { actionChecks: record.actionChecks } : {}),
    ...((record.signatures ?? []).length > 0 ? { signatures: record.signatures } : {}),
    assignmentId: record.assignmentId ?? null,
    briefingSnapshot: record.briefingSnapshot ?? null,
    startedAt: record.startedAt,
    submittedAt,
  } as RecordBody;
}

/** Queues the draft for sending: status and outbox entry change together or not at all. */
export async function submitVisit(id: string): Promise<void> {
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
      body: submissionBody(record, submittedAt, template ?? null),
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
export async function returnToDraft(id: string): Promise<string> {
  const database = db();
  return database.transaction('rw', database.records, database.outbox, async () => {
    const record = await database.records.get(id);
    if (!record || record.status !== 'attention') throw new Error('Only a visit that needs attention can be reopened.');
    await database.outbox.where({ recordId: id, revision: record.revision }).delete();
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

export async function discardDraft(id: string): Promise<void> {
  const database = db();
  await database.transaction('rw', database.records, async () => {
    const record = await database.records.get(id);
    if (record && record.status === 'draft') await database.records.delete(id);
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
export async function rebaseAmendment(id: string, serverRevision: number): Promise<void> {
  const database = db();
  await database.transaction('rw', database.records, database.outbox, async () => {
    const record = await database.records.get(id);
    if (!record || record.status !== 'attention')
      throw new Error('Only an amendment that needs attention can be re-based.');
    await database.outbox.where({ recordId: id, revision: record.revision }).delete();
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
export async function adoptServerCopy(
  id: string,
  server: { revision: number; receivedAt: string; body: RecordBody },
): Promise<void> {
  const database = db();
  await database.transaction('rw', database.records, database.outbox, async () => {
    const record = await database.records.get(id);
    if (!record || record.status !== 'attention')
      throw new Error('Only an amendment that needs attention can be replaced.');
    await database.outbox.where({ recordId: id, revision: record.revision }).delete();
    const { body } = server;
    await database.records.put({
      ...record,
      status: 'sent',
      revision: server.revision,
      baseRevision: body.baseRevision,
      details: body.details,
      answers: body.answers,
      sectionRatings: body.sectionRatings,
      overallRating: body.overallRating ?? null,
      ratingOverrides: body.ratingOverrides ?? {},
      actions: body.actions ?? [],
      actionChecks: body.actionChecks ?? [],
      signatures: body.signatures ?? [],
      problem: null,
      submittedAt: body.submittedAt,
      receivedAt: server.receivedAt,
      updatedAt: Date.now(),
    });
  });
}
