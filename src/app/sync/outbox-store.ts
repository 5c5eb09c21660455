// The Dexie side of the outbox: implements the sync engine's OutboxStore over the device database.
// Invariant: an entry and its record change state in one transaction, and an entry is deleted
// only by markSent (after the server answered 2xx).
import { db, type StoredOutboxEntry } from '../storage/database';
import type { OutboxEntry, Problem } from '../../shared/sync/schema';
import type { OutboxStore } from './engine';

/** The engine's view of a stored entry. */
function toEntry(row: StoredOutboxEntry): OutboxEntry {
  return {
    seq: row.seq ?? 0,
    recordId: row.recordId,
    revision: row.revision,
    body: row.body,
    attempts: row.attempts,
    uploaded: row.uploaded ?? [],
  };
}

export function createOutboxStore(): OutboxStore {
  return {
    async pending(): Promise<OutboxEntry[]> {
      const rows = await db().outbox.where('state').equals('pending').sortBy('seq');
      return rows.map(toEntry);
    },

    async markSent(entry, receipt) {
      const database = db();
      await database.transaction('rw', database.records, database.outbox, async () => {
        await database.outbox.delete(entry.seq);
        const record = await database.records.get(entry.recordId);
        if (record && record.revision === entry.revision) {
          await database.records.update(entry.recordId, {
            status: 'sent',
            receivedAt: receipt.receivedAt,
            problem: null,
          });
        }
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
        const record = await database.records.get(entry.recordId);
        if (record && record.revision === entry.revision) {
          await database.records.update(entry.recordId, { status: 'attention', problem });
        }
      });
    },

    async markUploaded(entry, sha256) {
      const database = db();
      await database.transaction('rw', database.outbox, async () => {
        const row = await database.outbox.get(entry.seq);
        if (row && !(row.uploaded ?? []).includes(sha256))
          await database.outbox.update(entry.seq, { uploaded: [...(row.uploaded ?? []), sha256] });
      });
    },

    async recordFailure(entry, problem: Problem) {
      await db().outbox.update(entry.seq, { attempts: entry.attempts + 1, lastProblem: problem });
    },
  };
}
