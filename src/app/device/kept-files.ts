// Which photos and signatures the device must keep: every file a record or outbox entry still on
// the device names. Files are stored once per SHA-256 and two records can name the same bytes, so
// a file goes only when nothing left names it — never because one record that named it went.
// What a record names is read from its clear `fileHashes` when the row has them, else from its
// answers and signatures when they are readable (not sealed). A record whose files cannot be
// read keeps the files it added and, when it is unsent work, every file of its person.
import { attachmentHashes } from '../../shared/records/record-rules';
import type { QaDatabase, StoredFile } from '../storage/database';

/** The fields of a stored record or entry body that say which files it names. */
type Naming = { fileHashes?: unknown; answers?: unknown; signatures?: unknown } | null | undefined;
/** What this module reads of a stored record. */
type RecordRow = { id: string; ownerId: string; status: string } & NonNullable<Naming>;

const UNSENT = new Set(['draft', 'queued', 'attention']);

/** The files a record or an entry's body names, or null when they cannot be read (stored sealed). */
export function namedFiles(value: Naming): string[] | null {
  if (!value) return null;
  if (Array.isArray(value.fileHashes))
    return value.fileHashes.filter((hash): hash is string => typeof hash === 'string');
  if (typeof value.answers !== 'object' || value.answers === null) return null;
  if (value.signatures !== undefined && value.signatures !== null && !Array.isArray(value.signatures)) return null;
  try {
    return attachmentHashes(value as Parameters<typeof attachmentHashes>[0]);
  } catch {
    return null;
  }
}

/**
 * Deletes the files `candidate` picks (given the file and its person, when known) that no record
 * and no outbox entry left on the device names. Run it inside a read-write transaction over
 * records, outbox and files, after deleting the records that go. `keeps` says which records
 * count (all unless told). Returns how many files went.
 */
export async function deleteUnnamedFiles(
  database: QaDatabase,
  candidate: (file: StoredFile, owner: string | undefined) => boolean,
  keeps: (record: RecordRow) => boolean = () => true,
): Promise<number> {
  const named = new Set<string>();
  const owners = new Map<string, string>();
  /** Records whose files cannot be read: the files they added stay. */
  const unreadable = new Set<string>();
  /** People with unsent work whose files cannot be read (undefined: someone unknown): all their files stay. */
  const guarded = new Set<string | undefined>();
  await database.records.each((row) => {
    const record = row as unknown as RecordRow;
    owners.set(record.id, record.ownerId);
    if (!keeps(record)) return;
    const files = namedFiles(record);
    if (files) for (const sha256 of files) named.add(sha256);
    else {
      unreadable.add(record.id);
      if (UNSENT.has(record.status)) guarded.add(record.ownerId);
    }
  });
  await database.outbox.each((entry) => {
    const files = namedFiles(entry.body as Naming);
    if (files) for (const sha256 of files) named.add(sha256);
    // An entry whose record is on the device names what its record names.
    else if (!owners.has(entry.recordId)) guarded.add(entry.ownerId as string | undefined);
  });
  const going: string[] = [];
  await database.files.each((file) => {
    const owner = (file.ownerId as string | undefined) ?? owners.get(file.recordId);
    if (named.has(file.sha256) || unreadable.has(file.recordId) || guarded.has(owner)) return;
    if (owner === undefined && guarded.size > 0) return;
    if (candidate(file, owner)) going.push(file.sha256);
  });
  await database.files.bulkDelete(going);
  return going.length;
}
