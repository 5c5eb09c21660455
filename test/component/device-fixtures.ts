// Rows for the device-ownership, sign-out and retention tests (issue 14), written straight into
// the device database in the clear (as rows from before encryption are), so these tests check
// who keeps what without depending on how a record is sealed (rows shaped by old-device.ts).
import { db, type LocalRecord, type StoredFile, type StoredOutboxEntry } from '../../src/app/storage/database';
import type { AttachmentRef, RecordBody, Signature } from '../../src/shared/records/schema';
import { toRecordBody } from '../../src/app/records/record-body';
import { clearEntry, clearFile, clearRecord } from './old-device';

export const A = 'person-a';
export const B = 'person-b';

export const hash = (c: string) => c.repeat(64);

type Options = {
  status?: LocalRecord['status'];
  receivedAt?: string | null;
  photos?: string[];
  signatures?: string[];
  review?: LocalRecord['review'];
};

/** A visit of `ownerId` in `status`, naming the photos and signatures given (by hash), stored in the clear. */
export async function putRecord(id: string, ownerId: string, options: Options = {}): Promise<LocalRecord> {
  const status = options.status ?? 'draft';
  const photos: AttachmentRef[] = (options.photos ?? []).map((sha256) => ({
    sha256,
    type: 'image/jpeg',
    bytes: 10,
    caption: '',
  }));
  const signatures: Signature[] = (options.signatures ?? []).map((sha256) => ({
    sha256,
    type: 'image/png',
    bytes: 10,
    role: 'provider-manager',
    name: 'Jane Smith',
    signedAt: '2026-06-04T10:00:00.000Z',
  }));
  const record = clearRecord(id, ownerId, status, {
    details: { providerId: 'prov-oakwood', date: '2026-06-04', announced: true, spokeWith: 'Manager' },
    subjectName: `Visit ${id}`,
    assignmentId: null,
    briefingSnapshot: null,
    answers: { 'staffing-rota': { value: 'met', note: 'Seen', attachments: photos } },
    signatures,
    review: options.review ?? null,
    startedAt: '2026-06-04T09:00:00.000Z',
    submittedAt: status === 'draft' ? null : '2026-06-04T12:00:00.000Z',
    receivedAt: options.receivedAt ?? (status === 'sent' ? '2026-06-04T12:00:05.000Z' : null),
  });
  await db().records.put(record as never);
  if (status === 'queued' || status === 'attention')
    await putEntry(record, status === 'queued' ? 'pending' : 'attention');
  for (const sha256 of [...(options.photos ?? []), ...(options.signatures ?? [])]) await putFile(sha256, record);
  return record;
}

/** The record's outbox entry, as submit leaves it (`ownerId` false: as a hand-written row without one). */
export async function putEntry(
  record: LocalRecord,
  state: StoredOutboxEntry['state'] = 'pending',
  ownerId: string | false = record.ownerId,
): Promise<void> {
  const body: RecordBody = toRecordBody(record, record.submittedAt ?? '2026-06-04T12:00:00.000Z', null);
  const row = clearEntry(record.id, { revision: record.revision, body, state });
  if (ownerId !== false) row.ownerId = ownerId;
  await db().outbox.add(row as unknown as StoredOutboxEntry);
}

/** A file the record added (the same bytes added again by another record replace the row, as on a device). */
export async function putFile(sha256: string, record: Pick<LocalRecord, 'id' | 'ownerId'>): Promise<void> {
  const file = clearFile(sha256, record.id, { blob: new Blob([sha256]), bytes: 64, ownerId: record.ownerId });
  await db().files.put(file as StoredFile);
}

/** Reference data as a pull leaves it: one provider, its briefing and an assignment. */
export async function putReferenceData(): Promise<void> {
  const database = db();
  await database.providers.put({
    id: 'prov-oakwood',
    name: 'Oakwood House',
  } as never);
  await database.briefings.put({ providerId: 'prov-oakwood', compiledAt: '2026-06-01T00:00:00.000Z' } as never);
  await database.assignments.put({ id: 'asg-1', providerId: 'prov-oakwood', dueDate: '2026-07-01' } as never);
}

export const ids = async (table: 'records' | 'files') =>
  ((await db()[table].toCollection().primaryKeys()) as string[]).sort();

export const databaseNames = async () => (await indexedDB.databases()).map((d) => d.name ?? '').sort();
