// Where attachment bytes live, behind a small interface so an S3-compatible store can replace the
// disk one. Content-addressed: a file's name is its SHA-256, so storing the same bytes twice is a
// no-op and nothing is ever overwritten with different content. The disk store writes to a
// temporary file and renames it into place, so a crash never leaves half a file under a hash.
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface AttachmentStorage {
  has(sha256: string): Promise<boolean>;
  put(sha256: string, bytes: Uint8Array): Promise<void>;
  /** The bytes, or null when not held. */
  get(sha256: string): Promise<Uint8Array | null>;
}

const HASH = /^[0-9a-f]{64}$/;

export function diskAttachmentStorage(root: string): AttachmentStorage {
  const pathOf = (sha256: string) => {
    if (!HASH.test(sha256)) throw new Error('not a SHA-256 name');
    return join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  };
  return {
    async has(sha256) {
      try {
        return (await stat(pathOf(sha256))).isFile();
      } catch {
        return false;
      }
    },
    async put(sha256, bytes) {
      const final = pathOf(sha256);
      const dir = join(final, '..');
      await mkdir(dir, { recursive: true });
      const temp = join(dir, `.${sha256}.${randomUUID()}.tmp`);
      try {
        await writeFile(temp, bytes, { flag: 'wx' });
        await rename(temp, final);
      } finally {
        await rm(temp, { force: true });
      }
    },
    async get(sha256) {
      try {
        return new Uint8Array(await readFile(pathOf(sha256)));
      } catch {
        return null;
      }
    },
  };
}
