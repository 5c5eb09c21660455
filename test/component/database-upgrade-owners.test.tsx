// The device database upgrade to v5 (issue 14) gives every outbox entry and file the person of
// its record, and keeps every draft, outbox entry and file — those whose record is gone too.
import { expect, it } from 'vitest';
import Dexie from 'dexie';
import { db, deleteDatabase } from '../../src/app/storage/database';

const record = (id: string, ownerId: string, status: string) => ({
  id,
  ownerId,
  status,
  revision: 1,
  baseRevision: null,
  templateId: 'qmf-care-home',
  templateVersion: 1,
  kind: 'visit',
  details: { providerId: 'p1', date: '2026-06-04', announced: true, spokeWith: '' },
  subjectName: 'Oakwood House',
  answers: { 'staffing-rota': { value: 'partly-met', note: 'Two night shifts short' } },
  sectionRatings: {},
  overallRating: null,
  ratingOverrides: {},
  actions: [],
  actionChecks: [],
  review: null,
  startedAt: '2026-06-04T09:00:00Z',
  updatedAt: 1,
  submittedAt: null,
  receivedAt: null,
  problem: null,
});
const entry = (recordId: string) => ({
  recordId,
  revision: 1,
  body: { id: recordId },
  state: 'pending',
  attempts: 0,
  lastProblem: null,
  enqueuedAt: 1,
  uploaded: [],
});
const file = (sha256: string, recordId: string) => ({
  sha256,
  blob: new Blob(['x']),
  type: 'image/jpeg',
  bytes: 1,
  thumbnail: null,
  recordId,
  addedAt: 1,
});

async function openV4(): Promise<Dexie> {
  await deleteDatabase();
  const old = new Dexie('qa-visits');
  old.version(1).stores({
    records: 'id, status, updatedAt, ownerId',
    outbox: '++seq, &[recordId+revision], state',
    templates: '[id+version], id',
    providers: 'id, name',
  });
  old.version(2).stores({ briefings: 'providerId', assignments: 'id, providerId, dueDate' });
  old.version(3).stores({});
  old.version(4).stores({ files: 'sha256, recordId' });
  await old.open();
  return old;
}

it("upgrades v4 entries and files to name their record's person, losing nothing", async () => {
  const old = await openV4();
  await old.table('records').bulkAdd([record('a1', 'u-a', 'queued'), record('b1', 'u-b', 'draft')]);
  await old.table('outbox').bulkAdd([entry('a1'), entry('gone')]);
  await old.table('files').bulkAdd([file('1'.repeat(64), 'a1'), file('2'.repeat(64), 'b1'), file('3'.repeat(64), 'x')]);
  old.close();

  const database = db();
  expect(await database.records.count()).toBe(2);
  expect((await database.outbox.toArray()).map((e) => [e.recordId, e.ownerId])).toEqual([
    ['a1', 'u-a'],
    ['gone', undefined], // two people on the device: an entry without its record keeps no person
  ]);
  expect((await database.files.toArray()).map((f) => [f.recordId, f.ownerId])).toEqual([
    ['a1', 'u-a'],
    ['b1', 'u-b'],
    ['x', undefined],
  ]);
  expect(await database.outbox.where('[ownerId+state]').equals(['u-a', 'pending']).count()).toBe(1);
  expect(database.verno).toBeGreaterThanOrEqual(5);
});

it('gives an entry without its record the one person on the device, when there is only one', async () => {
  const old = await openV4();
  await old.table('records').add(record('a1', 'u-a', 'draft'));
  await old.table('outbox').add(entry('gone'));
  old.close();

  expect((await db().outbox.toArray()).map((e) => e.ownerId)).toEqual(['u-a']);
});
