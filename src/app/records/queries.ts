// Read-side hooks for records: the device's records and the reference data they need, over live
// Dexie queries. The council's copy of a record (which needs a connection) is in council-copy.ts.
// Records are sealed at rest (sealed-record.ts): each querier reads through Dexie first and only
// then opens what it read, so every read is observed before any WebCrypto promise is awaited.
import type { Subject, Template } from '../../shared/templates/schema';
import { unlockedUserId, vaultState } from '../crypto/vault';
import { useLiveQuery } from '../lib/use-live-query';
import { db, type LocalRecord, type StoredOutboxEntry, type StoredRecord } from '../storage/database';
import { openOutboxBody } from '../sync/outbox-body';
import { isSealedRow, openRecord, openSummary, type RecordSummary } from './sealed-record';

export type { RecordSummary } from './sealed-record';

/** Whether this tab can open the row: in the clear, or sealed under the key in memory. */
const openable = (row: StoredRecord) => !isSealedRow(row) || row.ownerId === unlockedUserId();

/** The record, opened; null when the device does not hold it or it is someone else's (sealed under their key). */
export function useVisit(id: string): LocalRecord | null | undefined {
  return useLiveQuery(async () => {
    const row = await db().records.get(id);
    return row && openable(row) ? Promise.resolve(openRecord(row)) : null;
  }, [id]);
}

/** This person's records, newest first, as lists show them (their heads opened, not their answers). */
export function useVisits(ownerId: string): RecordSummary[] | undefined {
  return useLiveQuery(async () => {
    const rows = await db().records.where('ownerId').equals(ownerId).reverse().sortBy('updatedAt');
    return Promise.resolve(Promise.all(rows.filter(openable).map(openSummary)));
  }, [ownerId]);
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

export type UploadProgress = { filesSent: number; files: number; bytesSent: number; bytes: number };

/**
 * The files an outbox entry's body names, hash → bytes; null when it cannot be opened here. An
 * entry's body never changes, so each is opened once (not again on every change the outbox sees
 * while a long queue drains); forgotten when the app locks.
 */
const entryFiles = new Map<number, Map<string, number> | null>();
vaultState.subscribe((state) => {
  if (state.status === 'locked') entryFiles.clear();
});

async function fileSizes(row: StoredOutboxEntry): Promise<Map<string, number> | null> {
  const known = row.seq === undefined ? undefined : entryFiles.get(row.seq);
  if (known !== undefined) return known;
  const body = await openOutboxBody(row);
  const sizes = body && new Map<string, number>();
  if (body && sizes) {
    for (const answer of Object.values(body.answers)) {
      for (const a of answer.attachments ?? []) sizes.set(a.sha256, a.bytes);
      for (const r of answer.rows ?? [])
        for (const cell of Object.values(r.answers))
          for (const a of cell.attachments ?? []) sizes.set(a.sha256, a.bytes);
    }
    for (const s of body.signatures ?? []) sizes.set(s.sha256, s.bytes);
  }
  if (row.seq !== undefined && sizes) entryFiles.set(row.seq, sizes);
  if (entryFiles.size > 5000) entryFiles.clear();
  return sizes;
}

/** For each queued record with files: how many of its files (and bytes) the server has acknowledged. */
export function useUploadProgress(): Map<string, UploadProgress> | undefined {
  return useLiveQuery(async () => {
    const progress = new Map<string, UploadProgress>();
    const rows = await db().outbox.toArray();
    const sizes = await Promise.resolve(Promise.all(rows.map(fileSizes)));
    rows.forEach((row, at) => {
      const files = sizes[at];
      if (!files || files.size === 0) return;
      const sent = (row.uploaded ?? []).filter((h) => files.has(h));
      progress.set(row.recordId, {
        filesSent: sent.length,
        files: files.size,
        bytesSent: sent.reduce((n, h) => n + (files.get(h) ?? 0), 0),
        bytes: [...files.values()].reduce((n, b) => n + b, 0),
      });
    });
    return progress;
  }, []);
}
