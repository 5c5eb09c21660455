// Whose data is on a shared device (issue 14). Every record, outbox entry and file names its
// person. When someone else signs in, the earlier people's unsent work — drafts, queued records,
// records needing attention, with their outbox entries and the files those records name — is
// held: kept, not shown and not sent, until its author signs in here again. Everything else of
// theirs goes (sent records, other files, the reference data and settings pulled for them).
// Sign-out removes the person's own data and keeps others' held work; the whole database is
// deleted only when nothing of anyone else is held.
import {
  db,
  deleteDatabase,
  type LocalRecord,
  type QaDatabase,
  type RecordStatus,
  type StoredOutboxEntry,
} from '../storage/database';
import { deleteKeyValues, getValue, setValue } from '../storage/device-keyval';
import { resetSettings } from '../sync/settings';

// Loaded when needed (it reads record bodies with the shared rules), before any transaction:
// this module is on the first load, through the session.
const keptFiles = () => import('./kept-files');

/** Statuses of work the server does not hold yet: never removed but by its author's confirmed sign-out. */
export const UNSENT: readonly RecordStatus[] = ['draft', 'queued', 'attention'];
const isUnsent = (record: Pick<LocalRecord, 'status'>) => UNSENT.includes(record.status);

/** Device key-values that held work needs (e.g. what unlocks it): kept when others' work is held. */
const heldWorkKeys = new Set<string>();

/** Registers a device key-value to keep through a sign-out or sign-in while others' work is held. */
export function keepWithHeldWork(key: string): void {
  heldWorkKeys.add(key);
}

/** This person's records on the device that the server does not hold yet. */
export function unsentOf(ownerId: string): Promise<number> {
  return db()
    .records.where('[ownerId+status]')
    .anyOf(UNSENT.map((status) => [ownerId, status]))
    .count();
}

/** Other people's unsent records held on this device (`ownerId` null: everyone's). */
export async function heldFor(ownerId: string | null): Promise<number> {
  // Every key, made unique here: WebKitGTK cannot open the 'nextunique' cursor uniqueKeys() needs.
  const people = new Set((await db().records.orderBy('ownerId').keys()) as string[]);
  let held = 0;
  for (const person of people) if (person !== ownerId) held += await unsentOf(person);
  return held;
}

/** The person an outbox entry belongs to: its own ownerId, else its record's (undefined: unknown). */
async function authorOf(database: QaDatabase, entry: StoredOutboxEntry): Promise<string | undefined> {
  return (entry.ownerId as string | undefined) ?? (await database.records.get(entry.recordId))?.ownerId;
}

/** Whether anything of someone other than `ownerId` must stay: their unsent records or outbox entries. */
export async function holdsOthersWork(ownerId: string): Promise<boolean> {
  const database = db();
  if ((await heldFor(ownerId)) > 0) return true;
  // An entry of unknown person counts too: it could be anyone's.
  for (const entry of await database.outbox.toArray()) {
    if ((await authorOf(database, entry)) !== ownerId) return true;
  }
  return false;
}

function referenceTables(database: QaDatabase) {
  return [database.providers, database.briefings, database.assignments];
}

/**
 * Before `userId` uses the device, signing in after `previousId` (null: nobody was signed in).
 * Keeps `userId`'s own data and everyone's unsent work; removes the rest of other people's data.
 * With no unsent work of anyone on the device and a different person, the device is wiped
 * outright. `keep`: device key-values that must survive (the pending sign-out marker).
 */
export async function prepareDeviceFor(userId: string, previousId: string | null, keep: string[]): Promise<void> {
  const database = db();
  const personChanges = previousId !== userId;
  const unsentAnywhere =
    (await database.records
      .where('status')
      .anyOf([...UNSENT])
      .count()) > 0 || (await database.outbox.count()) > 0;
  if (personChanges && !unsentAnywhere) {
    // The registered keys stay: they name the device (its id went with this very sign-in), not a person.
    await wipeDevice([...keep, ...heldWorkKeys]);
    return;
  }
  const { deleteUnnamedFiles } = await keptFiles();
  const tables = [database.records, database.outbox, database.files, ...referenceTables(database)];
  await database.transaction('rw', tables, async () => {
    await database.records.filter((r) => r.ownerId !== userId && !isUnsent(r)).delete();
    await deleteUnnamedFiles(database, (_file, owner) => owner !== userId);
    if (personChanges) for (const table of referenceTables(database)) await table.clear();
  });
  if (personChanges) await wipeKeyValues([...keep, ...heldWorkKeys]);
}

/**
 * Sign-out of `userId` (who has confirmed losing any unsent work of theirs): removes all of their
 * data, keeping other people's held work; deletes the whole database when none is held.
 */
export async function removePersonData(userId: string, keep: string[]): Promise<void> {
  if (!(await holdsOthersWork(userId))) {
    await wipeDevice(keep);
    return;
  }
  const database = db();
  const { deleteUnnamedFiles } = await keptFiles();
  const tables = [database.records, database.outbox, database.files, ...referenceTables(database)];
  await database.transaction('rw', tables, async () => {
    const theirs: number[] = [];
    for (const entry of await database.outbox.toArray())
      if ((await authorOf(database, entry)) === userId && entry.seq !== undefined) theirs.push(entry.seq);
    await database.outbox.bulkDelete(theirs);
    await database.records.where('ownerId').equals(userId).delete();
    await deleteUnnamedFiles(database, () => true);
    for (const table of referenceTables(database)) await table.clear();
  });
  await wipeKeyValues([...keep, ...heldWorkKeys]);
}

/** Deletes the device database and key-values, keeping only the key-values named in `keep`. */
export async function wipeDevice(keep: string[]): Promise<void> {
  await deleteDatabase();
  await wipeKeyValues(keep);
}

/** Deletes the key-value store outright (nothing lingers in it) and writes back the values in `keep`. */
async function wipeKeyValues(keep: string[]): Promise<void> {
  const saved: Array<[string, unknown]> = [];
  for (const key of new Set(keep)) {
    const value = await getValue(key);
    if (value !== undefined) saved.push([key, value]);
  }
  await deleteKeyValues();
  for (const [key, value] of saved) await setValue(key, value);
  resetSettings();
}
