// Devices as earlier releases left them, for the upgrade tests and the fixtures that write rows
// in the clear: the device database opened at an old schema version (each version's stores as its
// release declared them, src/app/storage/database.ts keeps the history) and records, outbox
// entries and files in the shape those releases stored, with nothing sealed.
import Dexie from 'dexie';
import { deleteDatabase, type LocalRecord, type StoredFile } from '../../src/app/storage/database';

/** The stores each old schema version declared, oldest first. */
const OLD_SCHEMAS: Array<[number, Record<string, string>]> = [
  [
    1,
    {
      records: 'id, status, updatedAt, ownerId',
      outbox: '++seq, &[recordId+revision], state',
      templates: '[id+version], id',
      providers: 'id, name',
    },
  ],
  [2, { briefings: 'providerId', assignments: 'id, providerId, dueDate' }],
  [3, {}],
  [4, { files: 'sha256, recordId' }],
  [5, { outbox: '++seq, &[recordId+revision], state, ownerId, [ownerId+state]', files: 'sha256, recordId, ownerId' }],
];

/** A fresh device database at `version`, open so a test can write that release's rows (close it to upgrade). */
export async function openOldDevice(version: 2 | 4 | 5): Promise<Dexie> {
  await deleteDatabase();
  const old = new Dexie('qa-visits');
  for (const [v, stores] of OLD_SCHEMAS) if (v <= version) old.version(v).stores(stores);
  await old.open();
  return old;
}

/** A visit as v4 onwards stored it in the clear: a draft-like row of the QMF, `more` replacing any field. */
export function clearRecord(
  id: string,
  ownerId: string,
  status: LocalRecord['status'],
  more: Partial<LocalRecord> = {},
): LocalRecord {
  return {
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
    ...more,
  };
}

/** A pending outbox entry as v4 onwards stored it (no person before v5), `more` replacing any field. */
export function clearEntry(recordId: string, more: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    recordId,
    revision: 1,
    body: { id: recordId },
    state: 'pending',
    attempts: 0,
    lastProblem: null,
    enqueuedAt: 1,
    uploaded: [],
    ...more,
  };
}

/** A photo row as v4 onwards stored it (no person before v5), `more` replacing any field. */
export function clearFile(
  sha256: string,
  recordId: string,
  more: Partial<StoredFile> = {},
): Omit<StoredFile, 'ownerId'> & Partial<StoredFile> {
  return {
    sha256,
    blob: new Blob(['x']),
    type: 'image/jpeg',
    bytes: 1,
    thumbnail: null,
    recordId,
    addedAt: 1,
    ...more,
  };
}
