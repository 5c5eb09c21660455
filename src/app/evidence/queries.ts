// Read-side hooks for photos and signatures held on this device (views never query the database
// themselves: they read through hooks like these and write through photo-store / signature-store).
// Files are sealed at rest (file-open.ts): read first, opened after.
import { useLiveQuery } from '../lib/use-live-query';
import { db } from '../storage/database';
import { openFile } from './file-open';

/**
 * The thumbnail (or the whole file) of the stored file named by this hash, opened; undefined while
 * loading, null when the device does not hold it (or holds it under someone else's key).
 */
export function useStoredFile(sha256: string, which: 'thumbnail' | 'full'): Blob | null | undefined {
  return useLiveQuery(async () => {
    const file = await db().files.get(sha256);
    return file ? Promise.resolve(openFile(file, which)) : null;
  }, [sha256, which]);
}
