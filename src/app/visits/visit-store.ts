// Writes to visit records: start, autosave answers, rate areas, submit into the outbox.
// Invariants: every change is written to IndexedDB as it is made; a submit changes the record's
// status and adds its outbox entry in the same transaction; only drafts can be edited.
import type { Answer, SubmissionBody, VisitDetails } from '../../shared/schemas';
import type { Briefing } from '../../shared/register';
import { db, type VisitRecord } from '../storage/database';

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
  templateId: string;
  templateVersion: number;
  providerName: string;
  details: VisitDetails;
  assignmentId?: string | null;
}): Promise<string> {
  const id = crypto.randomUUID();
  // What the officer knew when the visit started travels with the record.
  const briefingSnapshot: Briefing | null = (await db().briefings.get(input.details.providerId)) ?? null;
  const record: VisitRecord = {
    id,
    ownerId: input.ownerId,
    status: 'draft',
    revision: 1,
    baseRevision: null,
    templateId: input.templateId,
    templateVersion: input.templateVersion,
    details: input.details,
    providerName: input.providerName,
    assignmentId: input.assignmentId ?? null,
    briefingSnapshot,
    answers: {},
    sectionRatings: {},
    startedAt: nowIso(),
    updatedAt: Date.now(),
    submittedAt: null,
    receivedAt: null,
    problem: null,
  };
  await db().records.add(record);
  return id;
}

/** Applies a change to a draft inside one read-write transaction, so two writers never lose each other's edits. */
async function updateDraft(id: string, change: (record: VisitRecord) => void): Promise<void> {
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

export function saveAnswer(id: string, itemId: string, answer: Answer): Promise<void> {
  return updateDraft(id, (r) => {
    r.answers[itemId] = answer;
  });
}

export function saveSectionRating(id: string, sectionId: string, rating: string | null): Promise<void> {
  return updateDraft(id, (r) => {
    if (rating === null) delete r.sectionRatings[sectionId];
    else r.sectionRatings[sectionId] = rating;
  });
}

export function saveDetails(id: string, details: VisitDetails, providerName: string): Promise<void> {
  return updateDraft(id, (r) => {
    r.details = details;
    r.providerName = providerName;
  });
}

export function submissionBody(record: VisitRecord, submittedAt: string): SubmissionBody {
  return {
    id: record.id,
    revision: record.revision,
    baseRevision: record.baseRevision,
    kind: 'visit',
    templateId: record.templateId,
    templateVersion: record.templateVersion,
    details: record.details,
    answers: record.answers,
    sectionRatings: record.sectionRatings,
    assignmentId: record.assignmentId ?? null,
    briefingSnapshot: record.briefingSnapshot ?? null,
    startedAt: record.startedAt,
    submittedAt,
  };
}

/** Queues the draft for sending: status and outbox entry change together or not at all. */
export async function submitVisit(id: string): Promise<void> {
  const database = db();
  const submittedAt = nowIso();
  await database.transaction('rw', database.records, database.outbox, async () => {
    const record = await database.records.get(id);
    if (!record) throw new Error('This visit is no longer on this device.');
    if (record.status !== 'draft') throw new NotEditableError();
    record.status = 'queued';
    record.submittedAt = submittedAt;
    record.problem = null;
    record.updatedAt = Date.now();
    await database.records.put(record);
    await database.outbox.add({
      recordId: id,
      revision: record.revision,
      body: submissionBody(record, submittedAt),
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
    const next: VisitRecord = { ...record, status: 'draft', submittedAt: null, updatedAt: Date.now() };
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
