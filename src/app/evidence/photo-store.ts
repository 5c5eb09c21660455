// Photos on a draft, on an item or on an item in a row of a repeating group: compressed and hashed,
// then sealed and written with the answer's reference in one transaction (draft-file.ts), so a
// record never names a file the device does not hold. A full disk fails the whole write and
// leaves the draft as it was.
import type { Answer, AttachmentRef } from '../../shared/records/schema';
import { checkStorage } from '../device/storage-usage';
import type { LocalRecord } from '../storage/database';
import { updateDraft } from '../records/record-store';
import { compressPhoto, sha256Hex } from './compress';
import { addFileToDraft, type NewFile } from './draft-file';

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
  const photo: NewFile = { sha256, type: 'image/jpeg', blob: full.blob, thumbnail: thumbnail.blob };
  await addFileToDraft(recordId, photo, (record) => {
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
    return added;
  });
  await checkStorage();
}

function changeAttachments(
  recordId: string,
  place: PhotoPlace,
  change: (list: AttachmentRef[]) => AttachmentRef[],
  also?: Parameters<typeof updateDraft>[2],
): Promise<void> {
  return updateDraft(
    recordId,
    (record) => {
      withAnswer(record, place, (answer) => ({ ...answer, attachments: change(answer.attachments ?? []) }));
    },
    also,
  );
}

export function saveCaption(recordId: string, place: PhotoPlace, sha256: string, caption: string): Promise<void> {
  return changeAttachments(recordId, place, (list) => list.map((a) => (a.sha256 === sha256 ? { ...a, caption } : a)));
}

/** Removes a photo; the file goes too (in the same transaction) unless another answer of this record still names it. */
export function removePhoto(recordId: string, place: PhotoPlace, sha256: string): Promise<void> {
  return changeAttachments(recordId, place, (list) => list.filter((a) => a.sha256 !== sha256), {
    tables: (database) => [database.files],
    write: async (database, record) => {
      if (JSON.stringify(record.answers).includes(sha256)) return;
      const file = await database.files.get(sha256);
      if (file?.recordId === recordId) await database.files.delete(sha256);
    },
  });
}
