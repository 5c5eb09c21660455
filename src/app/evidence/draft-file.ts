// A new file (a photo, a signature) on a draft, the one way both are written: sealed under the
// unlocked person's key first (crypto never runs inside a Dexie transaction), then the file and the
// draft's change that names it written in one transaction (record-store.ts updateDraft), so a
// record never names a file the device does not hold, nor holds a file for a change that failed.
import type { LocalRecord, StoredFile } from '../storage/database';
import { updateDraft } from '../records/record-store';
import { LockedError, unlockedUserId } from '../crypto/vault';
import { sealFile } from './file-open';

export type NewFile = { sha256: string; type: StoredFile['type']; blob: Blob; thumbnail: Blob | null };

/**
 * Adds `file` to the draft `recordId` with `change`, which names it in the record; when `change`
 * returns false nothing is written, the file neither. Only the person unlocked edits their drafts,
 * so the file is sealed under their key: locked, or someone else's draft, is a LockedError.
 */
export async function addFileToDraft(
  recordId: string,
  file: NewFile,
  change: (record: LocalRecord) => void | boolean,
): Promise<void> {
  const ownerId = unlockedUserId();
  if (ownerId === null) throw new LockedError();
  const sealed = await sealFile(ownerId, file.blob, file.thumbnail);
  await updateDraft(
    recordId,
    (record) => {
      if (record.ownerId !== ownerId) throw new LockedError();
      return change(record);
    },
    {
      tables: (database) => [database.files],
      write: async (database) => {
        await database.files.put({
          sha256: file.sha256,
          sealed,
          type: file.type,
          bytes: file.blob.size,
          recordId,
          ownerId,
          addedAt: Date.now(),
        });
      },
    },
  );
}
