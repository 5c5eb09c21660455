// The Dexie side of the outbox: implements the sync engine's OutboxStore over the device database,
// for one person: pending() hands over only the entries `ownerId` submitted (issue 14), so another
// person's held work is never sent under this session.
// Invariant: an entry and its record change state in one transaction, and an entry is deleted
// only by markSent (after the server answered 2xx; a batch of them in one transaction).
import { db, type StoredOutboxEntry, type StoredRecord } from '../storage/database';
import type { OutboxEntry, Problem } from '../../shared/sync/schema';
import type { OutboxStore } from './engine';
import { attachmentSizes, openOutboxBody, progressOf } from './outbox-body';

/** The engine's view of a stored entry, its body opened (sealed at rest: outbox-body.ts). */
function toEntry(row: StoredOutboxEntry, body: OutboxEntry['body']): OutboxEntry {
  return {
    seq: row.seq ?? 0,
    recordId: row.recordId,
    revision: row.revision,
    body,
    attempts: row.attempts,
    uploaded: row.uploaded ?? [],
  };
}

/**
 * Whose entry this is: its own ownerId (schema v5), else its record's. An entry with neither is
 * nobody's and is never sent (it could be anyone's work).
 */
async function authorOf(row: StoredOutboxEntry): Promise<string | undefined> {
  const own = row.ownerId as string | undefined;
  if (own !== undefined) return own;
  return (await db().records.get(row.recordId))?.ownerId;
}

/**
 * Writes where each sent revision stands onto its record, in the caller's transaction; a newer
 * revision is left alone. One pass over the records, however many entries.
 */
function settleRecords(
  entries: readonly OutboxEntry[],
  change: (entry: OutboxEntry) => Partial<Pick<StoredRecord, 'status' | 'receivedAt' | 'problem'>>,
) {
  const byRecord = new Map(entries.map((entry) => [entry.recordId, entry]));
  return db()
    .records.where('id')
    .anyOf([...byRecord.keys()])
    .modify((record) => {
      const entry = byRecord.get(record.id);
      if (!entry || record.revision !== entry.revision) return false;
      Object.assign(record, change(entry));
    });
}

/** The outbox of `ownerId`, the signed-in person whose server session the sync service has just checked. */
export function createOutboxStore(ownerId: string): OutboxStore {
  return {
    async pending(): Promise<OutboxEntry[]> {
      const rows = await db().outbox.where('state').equals('pending').sortBy('seq');
      const mine: StoredOutboxEntry[] = [];
      for (const row of rows) if ((await authorOf(row)) === ownerId) mine.push(row);
      // Opened after reading, outside any transaction. While the app is locked no body opens, so
      // nothing is handed over: sending pauses, and resumes when the person unlocks.
      // Opened together, not one after another: a long queue is handed over at once (issue 16).
      const bodies = await Promise.all(mine.map((row) => openOutboxBody(row)));
      const entries: OutboxEntry[] = [];
      mine.forEach((row, at) => {
        const body = bodies[at];
        if (body) entries.push(toEntry(row, body));
      });
      return entries;
    },

    async markSent(sent) {
      const database = db();
      const receipts = new Map(sent.map(({ entry, receipt }) => [entry.seq, receipt]));
      await database.transaction('rw', database.records, database.outbox, async () => {
        await database.outbox.bulkDelete([...receipts.keys()]);
        await settleRecords(
          sent.map(({ entry }) => entry),
          (entry) => ({ status: 'sent', receivedAt: receipts.get(entry.seq)?.receivedAt ?? null, problem: null }),
        );
      });
    },

    async markAttention(entry, problem: Problem) {
      const database = db();
      await database.transaction('rw', database.records, database.outbox, async () => {
        await database.outbox.update(entry.seq, {
          state: 'attention',
          lastProblem: problem,
          attempts: entry.attempts + 1,
        });
        await settleRecords([entry], () => ({ status: 'attention', problem }));
      });
    },

    async markUploaded(entry, sha256) {
      const database = db();
      // The entry remembers what is stored (a cut connection resumes from it); the record's summary
      // shows the progress (the queued record itself is not rewritten).
      await database.transaction('rw', database.outbox, database.summaries, async () => {
        const row = await database.outbox.get(entry.seq);
        if (!row || (row.uploaded ?? []).includes(sha256)) return;
        const uploaded = [...(row.uploaded ?? []), sha256];
        await database.outbox.update(entry.seq, { uploaded });
        const summary = await database.summaries.get(entry.recordId);
        if (summary && summary.revision === entry.revision)
          await database.summaries.update(entry.recordId, {
            progress: progressOf(attachmentSizes(entry.body), uploaded),
          });
      });
    },

    async recordFailure(entry, problem: Problem) {
      await db().outbox.update(entry.seq, { attempts: entry.attempts + 1, lastProblem: problem });
    },
  };
}
