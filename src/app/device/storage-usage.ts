// How much of the device's storage the app uses, and for what: drafts, photos and signatures,
// records waiting to send. Also whether the browser has made the storage persistent (not evicted
// under pressure) and the 80% warning shown across the app. Reads only; freeing space is explicit.
import { observable } from '../lib/observable';
import { db, type StoredFile } from '../storage/database';

export const WARN_AT = 0.8;

export type StorageReport = {
  usage: number | null;
  quota: number | null;
  persisted: boolean | null;
  drafts: number;
  files: number;
  /** Bytes of photos and signatures that belong to records the council has received. */
  sentFiles: number;
  queued: number;
};

/** True when the device is at or above WARN_AT of its quota; checked at start and after photos. */
export const storageNearlyFull = observable<boolean>(false);

/** Bytes a stored value takes, roughly: its JSON, and sealed parts (issue 14) by their ciphertext's size. */
function storedBytes(value: unknown): number {
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return value.byteLength;
  if (typeof value !== 'object' || value === null) return value === undefined ? 0 : JSON.stringify(value).length;
  let n = 0;
  for (const item of Object.values(value)) n += storedBytes(item);
  return n;
}

/** A file's thumbnail, in the clear (before v6) or sealed. */
const thumbnailBytes = (f: StoredFile) => f.thumbnail?.size ?? storedBytes(f.sealed?.thumbnail ?? undefined);

export async function storageReport(): Promise<StorageReport> {
  const database = db();
  const [records, outbox, files] = await Promise.all([
    database.records.toArray(),
    database.outbox.toArray(),
    database.files.toArray(),
  ]);
  const sentIds = new Set(records.filter((r) => r.status === 'sent').map((r) => r.id));
  const estimate = await navigator.storage?.estimate?.().catch(() => null);
  const persisted = await navigator.storage?.persisted?.().catch(() => null);
  return {
    usage: estimate?.usage ?? null,
    quota: estimate?.quota ?? null,
    persisted: persisted ?? null,
    drafts: records.filter((r) => r.status === 'draft').reduce((n, r) => n + storedBytes(r), 0),
    files: files.reduce((n, f) => n + f.bytes + thumbnailBytes(f), 0),
    sentFiles: files.filter((f) => sentIds.has(f.recordId)).reduce((n, f) => n + f.bytes + thumbnailBytes(f), 0),
    queued: outbox.reduce((n, row) => n + storedBytes(row.sealedBody ?? row.body), 0),
  };
}

export async function checkStorage(): Promise<void> {
  const estimate = await navigator.storage?.estimate?.().catch(() => null);
  storageNearlyFull.set(!!estimate?.quota && (estimate.usage ?? 0) / estimate.quota >= WARN_AT);
}

/**
 * Frees space by deleting the photos and signatures of records the council has already received;
 * a file that unsent work also names (the same bytes in a draft) stays.
 */
export async function removeSentFiles(): Promise<number> {
  const { deleteUnnamedFiles } = await import('./kept-files');
  const database = db();
  return database.transaction('rw', database.records, database.outbox, database.files, async () => {
    const sent = new Set((await database.records.where('status').equals('sent').primaryKeys()) as string[]);
    return deleteUnnamedFiles(
      database,
      (file) => sent.has(file.recordId),
      (record) => record.status !== 'sent',
    );
  });
}
