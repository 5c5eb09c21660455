// Photos on a draft, on an item or on an item in a row of a repeating group: compressed and
// hashed first (never inside a database transaction), then the file and the answer's reference
// written together in one transaction, so a record never names a file the device does not hold.
// A full disk fails the whole write and leaves the draft as it was.
import type { Answer, AttachmentRef } from '../../shared/records/schema';
import { checkStorage } from '../device/storage-usage';
import { db, type LocalRecord } from '../storage/database';
import { NotEditableError } from '../records/record-store';
import { compressPhoto, sha256Hex } from './compress';

export const MAX_PHOTOS_PER_ITEM = 10;

/** Where a photo belongs: an item's answer, or an item's answer in one row of a group. */
export type PhotoPlace =
  { itemId: string; groupId?: undefined; rowId?: undefined } | { itemId: string; groupId: string; rowId: string };

export class PhotoError extends Error {}

type Leaf = Pick<Answer, 'value' | 'note' | 'attachments'>;

/** Reads and replaces the answer at `place` inside a record (false when the row is gone). */
function withAnswer(record: LocalRecord, place: PhotoPlace, change: (answer: Leaf) => Leaf): boolean {
  if (place.groupId === undefined) {
    record.answers[place.itemId] = change(record.answers[place.itemId] ?? { value: null, note: '' }) as Answer;
    return true;
  }
  const row = record.answers[place.groupId]?.rows?.find((r) => r.id === place.rowId);
  if (!row) return false;
  row.answers[place.itemId] = change(row.answers[place.itemId] ?? { value: null, note: '' });
  return true;
}

async function draft(recordId: string): Promise<LocalRecord> {
  const record = await db().records.get(recordId);
  if (!record) throw new Error('This record is no longer on this device.');
  if (record.status !== 'draft') throw new NotEditableError();
  return record;
}

export async function addPhoto(recordId: string, place: PhotoPlace, file: Blob): Promise<void> {
  if (!file.type.startsWith('image/'))
    throw new PhotoError('That file is not a photo. Choose a JPEG, PNG or HEIC image.');
  let compressed;
  try {
    compressed = await compressPhoto(file);
  } catch {
    throw new PhotoError('That photo could not be read. Try taking it again, or choose a JPEG or PNG.');
  }
  const { full, thumbnail } = compressed;
  const sha256 = await sha256Hex(full.blob);
  const ref: AttachmentRef = { sha256, type: 'image/jpeg', bytes: full.blob.size, caption: '' };
  const database = db();
  await database.transaction('rw', database.records, database.files, async () => {
    const record = await draft(recordId);
    let added = false;
    const found = withAnswer(record, place, (answer) => {
      const attachments = answer.attachments ?? [];
      if (attachments.some((a) => a.sha256 === sha256)) return answer; // the same photo twice
      if (attachments.length >= MAX_PHOTOS_PER_ITEM)
        throw new PhotoError(`An item can have up to ${MAX_PHOTOS_PER_ITEM} photos.`);
      added = true;
      return { ...answer, attachments: [...attachments, ref] };
    });
    if (!found) throw new PhotoError('That row was removed, so the photo was not added.');
    if (!added) return;
    await database.files.put({
      sha256,
      blob: full.blob,
      type: 'image/jpeg',
      bytes: full.blob.size,
      thumbnail: thumbnail.blob,
      recordId,
      addedAt: Date.now(),
    });
    record.updatedAt = Date.now();
    await database.records.put(record);
  });
  await checkStorage();
}

async function changeAttachments(
  recordId: string,
  place: PhotoPlace,
  change: (list: AttachmentRef[]) => AttachmentRef[],
): Promise<void> {
  const database = db();
  await database.transaction('rw', database.records, async () => {
    const record = await draft(recordId);
    withAnswer(record, place, (answer) => ({ ...answer, attachments: change(answer.attachments ?? []) }));
    record.updatedAt = Date.now();
    await database.records.put(record);
  });
}

export function saveCaption(recordId: string, place: PhotoPlace, sha256: string, caption: string): Promise<void> {
  return changeAttachments(recordId, place, (list) => list.map((a) => (a.sha256 === sha256 ? { ...a, caption } : a)));
}

/** Removes a photo; the file goes too unless another answer of this record still names it. */
export async function removePhoto(recordId: string, place: PhotoPlace, sha256: string): Promise<void> {
  await changeAttachments(recordId, place, (list) => list.filter((a) => a.sha256 !== sha256));
  const database = db();
  await database.transaction('rw', database.records, database.files, async () => {
    const record = await database.records.get(recordId);
    const named = JSON.stringify(record?.answers ?? {}).includes(sha256);
    const file = await database.files.get(sha256);
    if (!named && file?.recordId === recordId) await database.files.delete(sha256);
  });
}
