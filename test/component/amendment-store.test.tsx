// Returned records and amendments on the device (real Dexie over fake-indexeddb): a pull brings
// records returned for amendment, even ones this device no longer holds; amending makes the next
// revision on the server's base; a stale amendment is re-based or replaced by the council's copy.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Review, StoredSubmission, RecordBody } from '../../src/shared/records/schema';
import { qmfCareHomeV1 } from '../../src/shared/templates/qmf-care-home';
import { applyPull } from '../../src/app/sync/pull';
import { db } from '../../src/app/storage/database';
import { saveAnswer } from '../../src/app/records/answer-store';
import { adoptServerCopy, amendRecord, rebaseAmendment } from '../../src/app/records/record-store';
import { toRecordBody } from '../../src/app/records/record-body';
import { officer, pullOf, record, resetDevice, startQmfVisit } from './helpers';

const review: Review = {
  status: 'returned',
  revision: 1,
  comment: 'Add the evidence for medicines.',
  reviewerId: 'qa-1',
  reviewerName: 'Gareth Lloyd',
  at: '2026-03-05T10:00:00.000Z',
};

function stored(body: RecordBody, over: Partial<StoredSubmission> = {}): StoredSubmission {
  return {
    id: body.id,
    revision: body.revision,
    submitterId: officer.id,
    submitterName: 'Sam',
    receivedAt: '2026-03-04T10:00:00.000Z',
    body,
    reviewStatus: 'returned',
    review,
    ...over,
  };
}
const pullWith = (returned: StoredSubmission[]) => applyPull(pullOf({ templates: [qmfCareHomeV1], returned }));

async function sentVisit(): Promise<RecordBody> {
  const id = await startQmfVisit();
  await saveAnswer(id, 'staffing-levels', { value: 'met', note: '' });
  await db().records.update(id, { status: 'sent', receivedAt: '2026-03-04T10:00:00.000Z' });
  return toRecordBody((await record(id))!, '2026-03-04T09:00:00.000Z', qmfCareHomeV1);
}

describe('returned records and amendments', () => {
  beforeEach(resetDevice);

  it('flags a held record as returned, amends it as revision 2 on base 1, and clears the flag when no longer returned', async () => {
    const body = await sentVisit();
    await pullWith([stored(body)]);
    expect((await record(body.id))?.review?.comment).toBe('Add the evidence for medicines.');
    await amendRecord(body.id);
    expect(await record(body.id)).toMatchObject({ status: 'draft', revision: 2, baseRevision: 1 });
    await pullWith([stored(body)]); // still returned on the server while being amended: the draft is kept
    expect(await record(body.id)).toMatchObject({ status: 'draft', revision: 2 });
    await pullWith([]);
    expect((await record(body.id))?.review).toBeNull();
  });

  it('brings back a returned record this device no longer holds', async () => {
    const body = await sentVisit();
    await db().records.delete(body.id);
    await pullWith([stored(body)]);
    expect(await record(body.id)).toMatchObject({
      status: 'sent',
      revision: 1,
      kind: 'visit',
      ownerId: officer.id,
      answers: body.answers,
    });
  });

  it('re-bases a stale amendment on the council’s revision, or takes the council’s copy', async () => {
    const body = await sentVisit();
    await amendRecord(body.id);
    await db().records.update(body.id, {
      status: 'attention',
      problem: { status: 409, code: 'conflict', message: 'stale' },
    });
    await rebaseAmendment(body.id, 3);
    expect(await record(body.id)).toMatchObject({ status: 'draft', revision: 4, baseRevision: 3, problem: null });

    await db().records.update(body.id, { status: 'attention' });
    const theirs = {
      ...body,
      revision: 3,
      baseRevision: 2,
      answers: { 'staffing-levels': { value: 'not-met', note: 'Rota gaps' } },
    };
    await adoptServerCopy(body.id, { receivedAt: '2026-03-06T10:00:00.000Z', body: theirs });
    expect(await record(body.id)).toMatchObject({ status: 'sent', revision: 3, answers: theirs.answers });
  });
});
