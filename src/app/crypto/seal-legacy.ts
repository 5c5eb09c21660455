// Sealing what was stored in the clear (issue 14). The schema upgrade to v6 cannot encrypt (no key
// exists then), so after an unlock the person's rows still in the clear — records, outbox bodies,
// photos and signatures, briefings, assignment notes — are sealed under their key. Each batch is
// sealed outside any transaction, then written in one transaction only where the row is still the
// one that was sealed (a row changed meanwhile waits for the next unlock): drafts and outbox
// entries are never lost or rolled back by it. Once a run finds nothing left, the person's
// keyring row says so and later unlocks skip it (it reads every row of every table).
import { db, type StoredOutboxEntry, type StoredRecord } from '../storage/database';
import { clearPart, editsOf, isSealedRow, openRecord, sealedPartsOf } from '../records/sealed-record';
import { sealRecord } from '../records/record-seal';
import { sealAssignment, sealBriefing } from '../briefings/briefing-seal';
import { sealFile } from '../evidence/file-open';
import { unlockedUserId } from './vault';
import { sealJson } from './seal';

const BATCH = 50;

/** Runs `work` on batches of rows while unlocked; false when the app locked before the end. */
async function inBatches<T>(rows: T[], work: (batch: T[]) => Promise<void>): Promise<boolean> {
  for (let at = 0; at < rows.length; at += BATCH) {
    if (unlockedUserId() === null) return false; // locked meanwhile: the rest waits for the next unlock
    await work(rows.slice(at, at + BATCH));
  }
  return true;
}

export async function sealLegacyRows(userId: string): Promise<void> {
  const database = db();
  if ((await database.keyring.get(userId))?.sealedAll) return;
  /** False once a row could not be sealed this time (changed meanwhile, or the app locked). */
  let complete = true;
  const sameRow = (a: StoredRecord, b: StoredRecord) =>
    !isSealedRow(b) && editsOf(a) === editsOf(b) && a.updatedAt === b.updatedAt && a.status === b.status;

  const records = await database.records
    .where('ownerId')
    .equals(userId)
    .filter((r) => !isSealedRow(r))
    .toArray();
  const recordsDone = await inBatches(records, async (batch) => {
    const sealed = await Promise.all(
      batch.map(async (row) => (await sealRecord(await openRecord(row), editsOf(row) + 1)).row),
    );
    await database.transaction('rw', database.records, async () => {
      for (const [at, row] of batch.entries()) {
        const fresh = await database.records.get(row.id);
        const next = sealed[at]!;
        if (fresh && sameRow(row, fresh)) await database.records.put({ ...clearPart(fresh), ...sealedPartsOf(next) });
        else if (fresh && !isSealedRow(fresh)) complete = false;
      }
    });
  });
  if (!recordsDone) return;

  const entries = await database.outbox.filter((e) => e.sealedBody === undefined && e.body !== undefined).toArray();
  // Every entry names its person since v5; one that does not goes by its record's.
  const unnamed = entries.filter((e) => (e.ownerId as string | undefined) === undefined);
  const recordOwners = await database.records.bulkGet(unnamed.map((e) => e.recordId));
  const owners = new Map(unnamed.map((e, at) => [e.recordId, recordOwners[at]?.ownerId]));
  const mine = entries.filter((e) => ((e.ownerId as string | undefined) ?? owners.get(e.recordId)) === userId);
  const outboxDone = await inBatches(mine, async (batch) => {
    const bodies = await Promise.all(batch.map((e) => sealJson(userId, 'outbox-body', e.body)));
    await database.transaction('rw', database.outbox, async () => {
      for (const [at, entry] of batch.entries()) {
        const fresh = entry.seq === undefined ? undefined : await database.outbox.get(entry.seq);
        if (!fresh || fresh.sealedBody !== undefined || fresh.body === undefined) continue; // sent, or sealed
        const { body: _clear, ...rest } = fresh;
        const next: StoredOutboxEntry = { ...rest, ownerId: userId, sealedBody: bodies[at]! };
        await database.outbox.put(next);
      }
    });
  });

  if (!outboxDone) return;

  const files = await database.files
    .filter((f) => f.sealed === undefined && f.blob !== undefined && f.ownerId === userId)
    .toArray();
  // Photos are large: a few at a time.
  for (const file of files) {
    if (unlockedUserId() === null) return;
    const sealed = await sealFile(userId, file.blob!, file.thumbnail ?? null);
    await database.transaction('rw', database.files, async () => {
      const fresh = await database.files.get(file.sha256);
      if (!fresh || fresh.sealed !== undefined) return;
      if (fresh.ownerId !== userId) {
        complete = false;
        return;
      }
      const { blob: _blob, thumbnail: _thumbnail, ...rest } = fresh;
      await database.files.put({ ...rest, sealed });
    });
  }

  const briefings = await database.briefings.filter((b) => b.sealed === undefined).toArray();
  const briefingsDone = await inBatches(briefings, async (batch) => {
    const sealed = await Promise.all(batch.map((b) => sealBriefing(userId, b as Parameters<typeof sealBriefing>[1])));
    await database.transaction('rw', database.briefings, async () => {
      for (const [at, briefing] of batch.entries()) {
        const fresh = await database.briefings.get(briefing.providerId);
        if (fresh && fresh.sealed === undefined && fresh.compiledAt === briefing.compiledAt)
          await database.briefings.put(sealed[at]!);
        else if (fresh && fresh.sealed === undefined) complete = false;
      }
    });
  });

  if (!briefingsDone) return;

  const assignments = await database.assignments.filter((a) => a.notes !== undefined).toArray();
  const assignmentsDone = await inBatches(assignments, async (batch) => {
    const sealed = await Promise.all(
      batch.map((a) => sealAssignment(userId, { ...a, notes: a.notes ?? '' } as Parameters<typeof sealAssignment>[1])),
    );
    await database.transaction('rw', database.assignments, async () => {
      for (const [at, assignment] of batch.entries()) {
        const fresh = await database.assignments.get(assignment.id);
        if (fresh && fresh.notes === assignment.notes && fresh.sealedNotes === undefined)
          await database.assignments.put(sealed[at]!);
        else if (fresh && fresh.notes !== undefined) complete = false;
      }
    });
  });
  // Nothing of this person's is left in the clear: later unlocks need not read every row again.
  if (assignmentsDone && complete) await database.keyring.update(userId, { sealedAll: true });
}
