// Re-queues a sent record the server no longer holds (issue 16 item 5: a PGlite server that lost
// what it had not written to disk, or one restored from a backup; sync/reconcile.ts finds them).
// The outbox entry is built from the stored record as submitRecord builds it (record-body.ts, the
// same submittedAt, so the same body), sealed under the owner's key, and added in one transaction
// with the record's change back to queued; the sync engine then sends it, files first, like any
// other. The server stores (id, revision) once, so a record re-sent that it did hold after all is
// answered 200 as a replay.
import { holdWhileWriting } from '../crypto/vault';
import { sealJson } from '../crypto/seal';
import { db } from '../storage/database';
import { attachmentSizes, progressOf } from '../sync/outbox-body';
import { toRecordBody } from './record-body';
import { forgetOpened } from './record-seal';
import { editsOf, openRecord } from './sealed-record';

/**
 * Queues revision `revision` of `owner`'s sent record `id` again. False when there is nothing to
 * do: the record is gone, not `owner`'s, no longer that sent revision (amended meanwhile), or that
 * revision is already in the outbox. Needs the owner's key (the app unlocked).
 */
export function requeueSent(id: string, revision: number, owner: string): Promise<boolean> {
  return holdWhileWriting(
    (async () => {
      const database = db();
      const row = await database.records.get(id);
      if (!row || row.ownerId !== owner || row.status !== 'sent' || row.revision !== revision) return false;
      const record = await openRecord(row);
      const template = await database.templates.get([record.templateId, record.templateVersion]);
      const submittedAt = record.submittedAt ?? new Date().toISOString();
      const body = toRecordBody(record, submittedAt, template ?? null);
      const sealedBody = await sealJson(owner, 'outbox-body', body);
      const progress = progressOf(attachmentSizes(body), []);
      const landed = await database.transaction(
        'rw',
        [database.records, database.outbox, database.summaries],
        async () => {
          const fresh = await database.records.get(id);
          if (!fresh || fresh.status !== 'sent' || fresh.revision !== revision || editsOf(fresh) !== editsOf(row))
            return false;
          if ((await database.outbox.where('[recordId+revision]').equals([id, revision]).count()) > 0) return false;
          await database.records.put({
            ...fresh,
            status: 'queued',
            // Not acknowledged now: the next 2xx gives the receipt time again.
            receivedAt: null,
            problem: null,
            edits: editsOf(fresh) + 1,
          });
          await database.outbox.add({
            recordId: id,
            revision,
            ownerId: owner,
            sealedBody,
            state: 'pending',
            attempts: 0,
            lastProblem: null,
            enqueuedAt: Date.now(),
          });
          await database.summaries.update(id, { progress });
          return true;
        },
      );
      forgetOpened(id);
      return landed;
    })(),
  );
}
