// The device database upgrade from v2 (issue 3) to the current version keeps every draft and
// outbox entry: a v2 record gains its kind, the kind-neutral listed name and the judgement fields.
import { expect, it } from 'vitest';
import { db } from '../../src/app/storage/database';
import { openOldDevice } from './old-device';

it('upgrades a v2 draft and its outbox entry to v3 without losing anything', async () => {
  const old = await openOldDevice(2);
  const answers = { 'staffing-rota': { value: 'partly-met', note: 'Two night shifts short' } };
  await old.table('records').add({
    id: 'r1',
    ownerId: 'u1',
    status: 'draft',
    revision: 1,
    baseRevision: null,
    templateId: 'qmf-care-home',
    templateVersion: 1,
    details: { providerId: 'p1', date: '2026-06-04', announced: true, spokeWith: '' },
    providerName: 'Oakwood House',
    answers,
    sectionRatings: { staffing: 'amber' },
    startedAt: '2026-06-04T09:00:00Z',
    updatedAt: 1,
    submittedAt: null,
    receivedAt: null,
    problem: null,
  });
  await old.table('outbox').add({
    recordId: 'r0',
    revision: 1,
    body: { id: 'r0' },
    state: 'pending',
    attempts: 0,
    lastProblem: null,
    enqueuedAt: 1,
  });
  old.close();

  const record = await db().records.get('r1');
  expect(record).toMatchObject({
    kind: 'visit',
    subjectName: 'Oakwood House',
    answers,
    sectionRatings: { staffing: 'amber' },
    overallRating: null,
    ratingOverrides: {},
    actions: [],
    actionChecks: [],
    review: null,
  });
  expect(record).not.toHaveProperty('providerName');
  expect(await db().outbox.count()).toBe(1);
  expect(db().verno).toBeGreaterThanOrEqual(3);
});
