// Read-side hooks for records: the device's records and the reference data they need, over live
// Dexie queries. The council's copy of a record (which needs a connection) is in council-copy.ts.
import type { Subject, Template } from '../../shared/templates/schema';
import { useLiveQuery } from '../lib/use-live-query';
import { db, type LocalRecord } from '../storage/database';

export function useVisit(id: string): LocalRecord | null | undefined {
  return useLiveQuery(async () => (await db().records.get(id)) ?? null, [id]);
}

export function useVisits(ownerId: string): LocalRecord[] | undefined {
  return useLiveQuery(() => db().records.where('ownerId').equals(ownerId).reverse().sortBy('updatedAt'), [ownerId]);
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

/** For each queued record with files: how many of its files (and bytes) the server has acknowledged. */
export function useUploadProgress(): Map<string, UploadProgress> | undefined {
  return useLiveQuery(async () => {
    const progress = new Map<string, UploadProgress>();
    for (const row of await db().outbox.toArray()) {
      const sizes = new Map<string, number>();
      for (const answer of Object.values(row.body.answers)) {
        for (const a of answer.attachments ?? []) sizes.set(a.sha256, a.bytes);
        for (const r of answer.rows ?? [])
          for (const cell of Object.values(r.answers))
            for (const a of cell.attachments ?? []) sizes.set(a.sha256, a.bytes);
      }
      for (const s of row.body.signatures ?? []) sizes.set(s.sha256, s.bytes);
      if (sizes.size === 0) continue;
      const sent = (row.uploaded ?? []).filter((h) => sizes.has(h));
      progress.set(row.recordId, {
        filesSent: sent.length,
        files: sizes.size,
        bytesSent: sent.reduce((n, h) => n + (sizes.get(h) ?? 0), 0),
        bytes: [...sizes.values()].reduce((n, b) => n + b, 0),
      });
    }
    return progress;
  }, []);
}
