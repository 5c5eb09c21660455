// Signatures on a draft: the drawn (or typed) signature as a PNG file and, in one transaction
// with it, the record's reference naming the signer, their role and the time. Hashing happens
// before the transaction, never inside it.
import type { Signature } from '../../shared/records/schema';
import { db } from '../storage/database';
import { NotEditableError } from '../records/record-store';
import { sha256Hex } from './compress';

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
  const database = db();
  await database.transaction('rw', database.records, database.files, async () => {
    const record = await database.records.get(recordId);
    if (!record) throw new Error('This record is no longer on this device.');
    if (record.status !== 'draft') throw new NotEditableError();
    await database.files.put({
      sha256,
      blob: png,
      type: 'image/png',
      bytes: png.size,
      thumbnail: null,
      recordId,
      addedAt: Date.now(),
    });
    // One signature per role: signing again replaces the earlier one.
    record.signatures = [...(record.signatures ?? []).filter((s) => s.role !== signer.role), signature];
    record.updatedAt = Date.now();
    await database.records.put(record);
  });
}

export async function removeSignature(recordId: string, role: Signature['role']): Promise<void> {
  const database = db();
  await database.transaction('rw', database.records, async () => {
    const record = await database.records.get(recordId);
    if (!record || record.status !== 'draft') throw new NotEditableError();
    record.signatures = (record.signatures ?? []).filter((s) => s.role !== role);
    record.updatedAt = Date.now();
    await database.records.put(record);
  });
}
