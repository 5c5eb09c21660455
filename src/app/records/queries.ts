// Read-side hooks for records: the device's records and the reference data they need, over live
// Dexie queries. The council's copy of a record (which needs a connection) is in council-copy.ts.
// Records are sealed at rest (sealed-record.ts): each querier reads through Dexie first and only
// then opens what it read, so every read is observed before any WebCrypto promise is awaited.
// Lists read records' summaries (storage/summaries.ts, issue 16), never whole records.
import Dexie from 'dexie';
import type { Subject, Template } from '../../shared/templates/schema';
import { unlockedUserId, vaultState } from '../crypto/vault';
import { useLiveQuery, useThrottledQuery } from '../lib/use-live-query';
import { db, summaryOf, type LocalRecord, type StoredOutboxEntry, type StoredRecord } from '../storage/database';
import { attachmentSizes, openOutboxBody, progressOf } from '../sync/outbox-body';
import { isSealedRow, openListed, openRecord, type ListedRecord } from './sealed-record';
import { repairSummaries } from './record-store';

export type { ListedRecord, RecordSummary } from './sealed-record';
export type { UploadProgress } from '../storage/database';

/** Whether this tab can open the row: in the clear, or sealed under the key in memory. */
const openable = (row: StoredRecord) => !isSealedRow(row) || row.ownerId === unlockedUserId();

/** The record, opened; null when the device does not hold it or it is someone else's (sealed under their key). */
export function useVisit(id: string): LocalRecord | null | undefined {
  return useLiveQuery(async () => {
    const row = await db().records.get(id);
    return row && openable(row) ? Promise.resolve(openRecord(row)) : null;
  }, [id]);
}

/**
 * How often, at most, a long list re-reads while the device keeps writing (a sync commits a record
 * at a time). A change after a quiet second is read at once; a long sync moves the list once a
 * second, which keeps the page's work off the sync's path (issue 16: each re-read and re-render of
 * a 500-record list delayed the next send).
 */
const LIST_EVERY_MS = 1000;

/**
 * This person's records, newest first, as lists show them: from their summaries (storage/
 * summaries.ts; their heads opened, nothing else), with the upload progress of those queued.
 * Re-read at most once a second while writes keep coming (a long sync commits one record at a time).
 */
export function useVisits(ownerId: string): ListedRecord[] | undefined {
  return useThrottledQuery(() => listVisits(ownerId), [ownerId], {
    tables: ['summaries', 'records'],
    everyMs: LIST_EVERY_MS,
  });
}

/**
 * Reads this person's summaries and their record keys (keys only, from an index). A record put
 * behind Dexie's back has no summary yet, and a summary may outlive a record so deleted: both are
 * put right (repairSummaries), and meanwhile listed from the record.
 */
export async function listVisits(ownerId: string): Promise<ListedRecord[]> {
  const database = db();
  const [summaries, keys] = await Promise.all([
    database.summaries.where('[ownerId+updatedAt]').between([ownerId, Dexie.minKey], [ownerId, Dexie.maxKey]).toArray(),
    database.records.where('ownerId').equals(ownerId).primaryKeys() as Promise<string[]>,
  ]);
  summaries.reverse();
  const held = new Set(keys);
  const listed = summaries.filter((s) => held.has(s.id));
  const have = new Set(listed.map((s) => s.id));
  const missing = keys.filter((id) => !have.has(id));
  if (missing.length > 0 || listed.length !== summaries.length) {
    const orphans = summaries.filter((s) => !held.has(s.id)).map((s) => s.id);
    setTimeout(() => void repairSummaries(missing, orphans).catch(() => undefined), 0);
  }
  // Rows from before encryption (and those without a summary yet) are read whole: rare.
  const whole = [...missing, ...listed.filter((s) => s.head === undefined).map((s) => s.id)];
  const rows = new Map<string, StoredRecord>();
  if (whole.length > 0) for (const row of await database.records.bulkGet(whole)) if (row) rows.set(row.id, row);
  for (const id of missing) {
    const row = rows.get(id);
    if (row) listed.push(summaryOf(row));
  }
  if (missing.length > 0) listed.sort((a, b) => b.updatedAt - a.updatedAt);
  const mine = listed.filter((s) => (s.head === undefined ? rows.has(s.id) : s.ownerId === unlockedUserId()));
  const opened = await Promise.resolve(Promise.all(mine.map((s) => openListed(s, rows.get(s.id)))));
  await progressOfOlderEntries(opened);
  return opened;
}

export function useTemplate(id: string | undefined, version: number | undefined) {
  return useLiveQuery(
    async () => (id && version ? ((await db().templates.get([id, version])) ?? null) : null),
    [id, version],
  );
}

/** The newest version of every template for this subject, by title: what new records start on. */
export function useLatestTemplates(subject: Subject) {
  return useLiveQuery(async () => {
    const all = await db().templates.toArray();
    const latest = new Map<string, Template>();
    for (const t of all) if (t.subject === subject && (latest.get(t.id)?.version ?? 0) < t.version) latest.set(t.id, t);
    return [...latest.values()].sort((a, b) => a.title.localeCompare(b.title));
  }, [subject]);
}

export function useProviders() {
  return useLiveQuery(() => db().providers.orderBy('name').toArray(), []);
}

/**
 * The files an outbox entry's body names, hash → bytes; null when it cannot be opened here. Only
 * for entries queued before summaries (schema v7) held their upload progress. An entry's body never
 * changes, so each is opened once; forgotten when the app locks.
 */
const entryFiles = new Map<number, Map<string, number> | null>();
vaultState.subscribe((state) => {
  if (state.status === 'locked') entryFiles.clear();
});

async function fileSizes(row: StoredOutboxEntry): Promise<Map<string, number> | null> {
  const known = row.seq === undefined ? undefined : entryFiles.get(row.seq);
  if (known !== undefined) return known;
  const body = await openOutboxBody(row);
  const sizes = body && new Map<string, number>(attachmentSizes(body));
  if (row.seq !== undefined && sizes) entryFiles.set(row.seq, sizes);
  if (entryFiles.size > 5000) entryFiles.clear();
  return sizes;
}

/**
 * Upload progress of queued records whose summary does not know it (queued before schema v7):
 * worked out from their outbox entries, as before summaries, for those records only.
 */
async function progressOfOlderEntries(listed: ListedRecord[]): Promise<void> {
  const unknown = listed.filter((v) => v.status === 'queued' && v.progress === undefined);
  if (unknown.length === 0) return;
  const rows = await db()
    .outbox.where('[recordId+revision]')
    .anyOf(unknown.map((v) => [v.id, v.revision]))
    .toArray();
  const sizes = await Promise.resolve(Promise.all(rows.map(fileSizes)));
  const byId = new Map(unknown.map((v) => [v.id, v]));
  rows.forEach((row, at) => {
    const files = sizes[at];
    const listedRecord = byId.get(row.recordId);
    if (!files || !listedRecord) return;
    listedRecord.progress = progressOf(files, row.uploaded ?? []);
  });
}
