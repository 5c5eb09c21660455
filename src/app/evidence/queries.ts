// Read-side hooks for photos and signatures held on this device (views never query the database
// themselves: they read through hooks like these and write through photo-store / signature-store).
import { useLiveQuery } from '../lib/use-live-query';
import { db, type StoredFile } from '../storage/database';

/** The stored file named by this hash; undefined while loading, null when the device does not hold it. */
export function useStoredFile(sha256: string): StoredFile | null | undefined {
  return useLiveQuery(async () => (await db().files.get(sha256)) ?? null, [sha256]);
}
