// Signatures on a draft: the drawn (or typed) signature as a PNG file and, in one transaction
// with it, the record's reference naming the signer, their role and the time. Hashing and sealing
// (under the owner's key) happen before the transaction, never inside it.
import type { Signature } from '../../shared/records/schema';
import { updateDraft } from '../records/record-store';
import { LockedError, unlockedUserId } from '../crypto/vault';
import { sha256Hex } from './compress';
import { sealFile } from './file-open';

/** The signatures a record of this kind asks for: the registered manager on a visit; the practitioner and observer on an observation. */
export function signatureRoles(kind: 'visit' | 'observation' | 'audit'): Array<Signature['role']> {
  return kind === 'visit' ? ['provider-manager'] : kind === 'observation' ? ['practitioner', 'observer'] : [];
}

export async function saveSignature(
  recordId: string,
  png: Blob,
  signer: Pick<Signature, 'role' | 'name'>,
): Promise<void> {
  const sha256 = await sha256Hex(png);
  const signature: Signature = {
    sha256,
    type: 'image/png',
    bytes: png.size,
    role: signer.role,
    name: signer.name,
    signedAt: new Date().toISOString(),
  };
  // Only the person unlocked edits their drafts: the signature is sealed under their key.
  const ownerId = unlockedUserId();
  if (ownerId === null) throw new LockedError();
  const sealed = await sealFile(ownerId, png, null);
  await updateDraft(
    recordId,
    (record) => {
      if (record.ownerId !== ownerId) throw new LockedError();
      // One signature per role: signing again replaces the earlier one.
      record.signatures = [...(record.signatures ?? []).filter((s) => s.role !== signer.role), signature];
    },
    {
      tables: (database) => [database.files],
      write: async (database) => {
        await database.files.put({
          sha256,
          sealed,
          type: 'image/png',
          bytes: png.size,
          recordId,
          ownerId,
          addedAt: Date.now(),
        });
      },
    },
  );
}

export function removeSignature(recordId: string, role: Signature['role']): Promise<void> {
  return updateDraft(recordId, (record) => {
    record.signatures = (record.signatures ?? []).filter((s) => s.role !== role);
  });
}
