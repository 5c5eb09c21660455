// Signatures on a draft: the drawn (or typed) signature as a PNG file and, in one transaction
// with it, the record's reference naming the signer, their role and the time (draft-file.ts).
import type { Signature } from '../../shared/records/schema';
import { updateDraft } from '../records/record-store';
import { sha256Hex } from './compress';
import { addFileToDraft } from './draft-file';

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
  await addFileToDraft(recordId, { sha256, type: 'image/png', blob: png, thumbnail: null }, (record) => {
    // One signature per role: signing again replaces the earlier one.
    record.signatures = [...(record.signatures ?? []).filter((s) => s.role !== signer.role), signature];
  });
}

export function removeSignature(recordId: string, role: Signature['role']): Promise<void> {
  return updateDraft(recordId, (record) => {
    record.signatures = (record.signatures ?? []).filter((s) => s.role !== role);
  });
}
