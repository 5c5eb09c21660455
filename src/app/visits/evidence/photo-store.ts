// Photos on a draft: compressed and hashed first (never inside a database transaction), then the
// file and the answer's reference written together in one transaction, so a record never names a
// file the device does not hold. A full disk fails the whole write and leaves the draft as it was.
import type { AttachmentRef } from '../../../shared/schemas';
import { db } from '../../storage/database';
import { NotEditableError } from '../visit-store';
import { checkStorage } from '../../device/storage-usage';
import { compressPhoto, sha256Hex } from './compress';

export const MAX_PHOTOS_PER_ITEM = 10;

export class PhotoError extends Error {}

export async function addPhoto(recordId: string, itemId: string, file: Blob): Promise<void> {
  if (!file.type.startsWith('image/')) throw new PhotoError('That file is not a photo. Choose a JPEG, PNG or HEIC image.');
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
    const record = await database.records.get(recordId);
    if (!record) throw new Error('This record is no longer on this device.');
    if (record.status !== 'draft') throw new NotEditableError();
    const answer = record.answers[itemId] ?? { value: null, note: '' };
    const attachments = answer.attachments ?? [];
    if (attachments.some((a) => a.sha256 === sha256)) return; // the same photo twice
    if (attachments.length >= MAX_PHOTOS_PER_ITEM) throw new PhotoError(`An item can have up to ${MAX_PHOTOS_PER_ITEM} photos.`);
    await database.files.put({ sha256, blob: full.blob, type: 'image/jpeg', bytes: full.blob.size, thumbnail: thumbnail.blob, recordId, addedAt: Date.now() });
    record.answers[itemId] = { ...answer, attachments: [...attachments, ref] };
    record.updatedAt = Date.now();
    await database.records.put(record);
  });
  await checkStorage();
}

async function changeAttachments(recordId: string, itemId: string, change: (list: AttachmentRef[]) => AttachmentRef[]): Promise<AttachmentRef[]> {
  const database = db();
  return database.transaction('rw', database.records, async () => {
    const record = await database.records.get(recordId);
    if (!record) throw new Error('This record is no longer on this device.');
    if (record.status !== 'draft') throw new NotEditableError();
    const answer = record.answers[itemId] ?? { value: null, note: '' };
    const before = answer.attachments ?? [];
    record.answers[itemId] = { ...answer, attachments: change(before) };
    record.updatedAt = Date.now();
    await database.records.put(record);
    return before;
  });
}

export async function saveCaption(recordId: string, itemId: string, sha256: string, caption: string): Promise<void> {
  await changeAttachments(recordId, itemId, (list) => list.map((a) => (a.sha256 === sha256 ? { ...a, caption } : a)));
}

/** Removes a photo from the item; the file goes too unless another answer of this record still names it. */
export async function removePhoto(recordId: string, itemId: string, sha256: string): Promise<void> {
  await changeAttachments(recordId, itemId, (list) => list.filter((a) => a.sha256 !== sha256));
  const database = db();
  await database.transaction('rw', database.records, database.files, async () => {
    const record = await database.records.get(recordId);
    const stillNamed = Object.values(record?.answers ?? {}).some((a) => (a.attachments ?? []).some((x) => x.sha256 === sha256));
    const file = await database.files.get(sha256);
    if (!stillNamed && file?.recordId === recordId) await database.files.delete(sha256);
  });
}
