// record-store and outbox-store together over the real Dexie (fake-indexeddb): submit queues the
// record and its outbox entry atomically; reopening after a rejection. What the outbox store does
// with each server answer is the OutboxStore contract (outbox-contract.ts).
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../src/app/storage/database';
import { createOutboxStore } from '../../src/app/sync/outbox-store';
import type { Problem } from '../../src/shared/sync/schema';
import type { OutboxEntry } from '../../src/shared/sync/schema';
import { amendRecord, NotEditableError, returnToDraft, submitRecord } from '../../src/app/records/record-store';
import { saveAnswer, saveRating } from '../../src/app/records/answer-store';
import { answerEverything, officer, outboxFor, record, resetDevice, startQmfVisit } from './helpers';
import { invalid } from './outbox-contract';

const store = createOutboxStore(officer.id);
const conflict: Problem = {
  status: 409,
  code: 'conflict',
  message: 'This visit was already received with different answers.',
};

async function onlyPending(): Promise<OutboxEntry> {
  const pending = await store.pending();
  expect(pending).toHaveLength(1);
  return pending[0]!;
}

async function submittedVisit(): Promise<string> {
  const id = await startQmfVisit();
  await answerEverything(id);
  await submitRecord(id);
  return id;
}

beforeEach(resetDevice);

describe('submitting a visit', () => {
  it('starts a draft, autosaves an answer, then queues the record with exactly one outbox entry', async () => {
    const id = await startQmfVisit();
    expect(await record(id)).toMatchObject({ id, ownerId: officer.id, status: 'draft', revision: 1, answers: {} });

    await saveAnswer(id, 'staffing-rota', { value: 'partly-met', note: 'Two nights short' });
    expect((await record(id))?.answers['staffing-rota']).toEqual({ value: 'partly-met', note: 'Two nights short' });

    await submitRecord(id);
    const queued = await record(id);
    expect(queued?.status).toBe('queued');
    expect(queued?.submittedAt).toEqual(expect.any(String));
    const rows = await outboxFor(id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ recordId: id, revision: 1, state: 'pending', attempts: 0, lastProblem: null });
    expect(rows[0]?.body).toMatchObject({
      id,
      revision: 1,
      baseRevision: null,
      kind: 'visit',
      submittedAt: queued?.submittedAt,
      answers: { 'staffing-rota': { value: 'partly-met', note: 'Two nights short' } },
    });
    expect((await onlyPending()).recordId).toBe(id);
  });

  it('marks it complete at the first submit and keeps that moment through a reopen and an amendment', async () => {
    const id = await submittedVisit();
    const first = await record(id);
    expect(first?.completedAt).toBe(first?.submittedAt);
    expect((await outboxFor(id))[0]?.body?.completedAt).toBe(first?.submittedAt);

    // Turned down (422), corrected and submitted again a minute later: still complete since the first submit.
    await store.markAttention(await onlyPending(), invalid);
    await returnToDraft(id);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await submitRecord(id);
    const again = await record(id);
    expect(again?.submittedAt).not.toBe(first?.submittedAt);
    expect(again?.completedAt).toBe(first?.submittedAt);
    expect((await outboxFor(id)).at(-1)?.body?.completedAt).toBe(first?.submittedAt);

    // Sent, then amended as revision 2: the amendment carries the first completion too.
    await db().outbox.clear();
    await db().records.update(id, { status: 'sent', receivedAt: '2026-03-04T10:00:00.000Z' });
    await amendRecord(id);
    await submitRecord(id);
    const amended = (await outboxFor(id)).at(-1)?.body;
    expect(amended).toMatchObject({ revision: 2, completedAt: first?.submittedAt });
  });

  it('changes the status and adds the entry in one transaction: if the entry cannot be added, the record stays a draft', async () => {
    const id = await startQmfVisit();
    const draft = await record(id);
    // An entry already holding this (id, revision) makes the outbox add fail its unique index.
    await db().outbox.add({
      recordId: id,
      ownerId: officer.id,
      revision: 1,
      body: {} as never,
      state: 'attention',
      attempts: 0,
      lastProblem: null,
      enqueuedAt: 0,
    });

    await expect(submitRecord(id)).rejects.toThrow();
    expect(await record(id)).toEqual(draft);
    expect(await outboxFor(id)).toHaveLength(1);
  });

  it('refuses a second submit of the same visit and leaves one outbox entry', async () => {
    const id = await submittedVisit();
    await expect(submitRecord(id)).rejects.toBeInstanceOf(NotEditableError);
    expect(await outboxFor(id)).toHaveLength(1);
    expect((await record(id))?.status).toBe('queued');
  });

  it('refuses to change the answers or ratings of a visit that is no longer a draft', async () => {
    const id = await submittedVisit();
    const before = await record(id);
    await expect(saveAnswer(id, 'staffing-rota', { value: 'not-met', note: 'late edit' })).rejects.toBeInstanceOf(
      NotEditableError,
    );
    await expect(saveRating(id, 'staffing', 'red', false)).rejects.toBeInstanceOf(NotEditableError);
    expect(await record(id)).toEqual(before);
  });
});

describe('reopening a visit the server turned down', () => {
  it('after a 422 keeps the id, makes it a draft again and removes the outbox entry', async () => {
    const id = await submittedVisit();
    await store.markAttention(await onlyPending(), invalid);
    const before = await record(id);

    expect(await returnToDraft(id)).toBe(id);
    const draft = await record(id);
    expect(draft).toMatchObject({
      status: 'draft',
      submittedAt: null,
      answers: before?.answers,
      sectionRatings: before?.sectionRatings,
    });
    expect(await db().outbox.count()).toBe(0);

    // It can be corrected and submitted again, once.
    await saveAnswer(id, 'staffing-rota', { value: 'met', note: 'Rotas checked again' });
    await submitRecord(id);
    expect(await outboxFor(id)).toHaveLength(1);
  });

  it('after a conflict continues under a new id and the old record is gone', async () => {
    const id = await submittedVisit();
    await store.markAttention(await onlyPending(), conflict);
    const before = await record(id);

    const newId = await returnToDraft(id);
    expect(newId).not.toBe(id);
    expect(newId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await record(id)).toBeUndefined();
    expect(await record(newId)).toMatchObject({
      id: newId,
      status: 'draft',
      problem: null,
      submittedAt: null,
      ownerId: officer.id,
      answers: before?.answers,
      sectionRatings: before?.sectionRatings,
    });
    expect(await db().outbox.count()).toBe(0);
  });

  it('refuses to reopen a visit that does not need attention', async () => {
    const id = await submittedVisit();
    await expect(returnToDraft(id)).rejects.toThrow('Only a visit that needs attention can be reopened.');
    expect(await outboxFor(id)).toHaveLength(1);
    expect((await record(id))?.status).toBe('queued');
  });
});
