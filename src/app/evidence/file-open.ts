// Photos and signatures at rest (issue 14): a file's bytes and thumbnail are sealed under its
// owner's key; its hash, type, size, record and owner stay in the clear (uploads, retention and
// storage figures need them). Files stored before encryption are sealed at their owner's next
// unlock. Sealed before a transaction (draft-file.ts), opened after reading.
import type { StoredFile } from '../storage/database';
import { LockedError, openBlob } from '../crypto/vault';
import { sealBlob } from '../crypto/seal';

/** The file's bytes (`full`) or its thumbnail (the bytes when it has none), or null when they cannot be opened here. */
export async function openFile(file: StoredFile, which: 'thumbnail' | 'full'): Promise<Blob | null> {
  if (!file.sealed) return (which === 'thumbnail' ? (file.thumbnail ?? file.blob) : file.blob) ?? null;
  const part = which === 'thumbnail' && file.sealed.thumbnail ? 'thumbnail' : 'blob';
  const type = part === 'thumbnail' ? 'image/jpeg' : file.type;
  try {
    return await openBlob(file.ownerId, part === 'thumbnail' ? 'thumbnail' : 'file', file.sealed[part]!, type);
  } catch (error) {
    if (error instanceof LockedError) return null;
    throw error;
  }
}

/** Seals a file's bytes and thumbnail under `ownerId`'s key. */
export async function sealFile(ownerId: string, blob: Blob, thumbnail: Blob | null): Promise<StoredFile['sealed']> {
  const [sealedBlob, sealedThumbnail] = await Promise.all([
    sealBlob(ownerId, 'file', blob),
    thumbnail ? sealBlob(ownerId, 'thumbnail', thumbnail) : null,
  ]);
  return { blob: sealedBlob, thumbnail: sealedThumbnail };
}
