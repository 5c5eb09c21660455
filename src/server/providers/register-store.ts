// Changes to the provider register made in the office: add, edit, remove, and a CSV import, each
// in one transaction and audited. A RAG change is dated by the server (ragChangedAt = today unless
// an import row gives the date) and leaves a row in provider_rag_history; a level change leaves one
// in the monitoring history (not counted as a review). Removal is soft: devices
// get the id in `removed.providers`. Outcomes are returned, not thrown, so the routes word them.
import type { ProviderImportResult } from '../../shared/briefings/api-schemas';
import { calendarDay } from '../../shared/calendar';
import type { SessionUser } from '../../shared/auth/schema';
import { recordAudit } from '../audit';
import type { Db, Queryable } from '../db';
import { nextChangeSeq } from '../db/change-seq';
import type { ImportedProvider } from './csv-row';
import { findProviderRow, recordRagChange, writeProvider, type ProviderRow, type RegisterRow } from './store';
import { recordRegisterLevelChange } from './monitoring-store';

/** Adds a provider; null when the id is already on the register. */
export async function createProvider(
  db: Db,
  row: RegisterRow,
  user: SessionUser,
  now: Date,
): Promise<ProviderRow | null> {
  const today = calendarDay(now);
  return db.transaction(async (tx) => {
    if ((await findProviderRow(tx, row.id)) !== null) return null;
    await writeProvider(tx, { ...row, ragChangedAt: today }, today);
    await recordRagChange(tx, {
      providerId: row.id,
      at: now,
      userId: user.id,
      from: null,
      to: row.rag,
      reason: row.ragReason,
    });
    await recordAudit(tx, now, user.id, 'provider.create', row.id);
    return findProviderRow(tx, row.id);
  });
}

type ProviderUpdate = { kind: 'saved'; row: ProviderRow } | { kind: 'not-found' } | { kind: 'reason-needed' };

/** Replaces a provider's register row; a RAG change needs a reason. */
export async function updateProvider(db: Db, row: RegisterRow, user: SessionUser, now: Date): Promise<ProviderUpdate> {
  return db.transaction(async (tx): Promise<ProviderUpdate> => {
    const existing = await findProviderRow(tx, row.id);
    if (existing === null) return { kind: 'not-found' };
    const ragChanged = existing.body.rag !== row.rag;
    if (ragChanged && row.ragReason.trim() === '') return { kind: 'reason-needed' };
    const record = { ...row, ragChangedAt: ragChanged ? calendarDay(now) : existing.body.ragChangedAt };
    await writeProvider(tx, record, calendarDay(now));
    await recordRegisterLevelChange(tx, { before: existing.body, after: row, userId: user.id, now, how: 'edit' });
    if (ragChanged) {
      const change = { providerId: row.id, at: now, userId: user.id, from: existing.body.rag, to: row.rag };
      await recordRagChange(tx, { ...change, reason: row.ragReason });
      await recordAudit(tx, now, user.id, 'provider.rag-change', row.id);
    }
    await recordAudit(tx, now, user.id, 'provider.update', row.id);
    const saved = await findProviderRow(tx, row.id);
    return saved === null ? { kind: 'not-found' } : { kind: 'saved', row: saved };
  });
}

/** Marks a provider removed (devices drop it and its briefing); false when not on the register. */
export async function removeFromRegister(db: Db, id: string, user: SessionUser, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    if ((await findProviderRow(tx, id)) === null) return false;
    const seq = await nextChangeSeq(tx);
    await tx.query('UPDATE providers SET removed_at = $2, change_seq = $3, briefing_seq = $3 WHERE id = $1', [
      id,
      now,
      seq,
    ]);
    await recordAudit(tx, now, user.id, 'provider.remove', id);
    return true;
  });
}

/** Officers by email (lower case), for an import's allocated_officer_email column. */
export async function officerIdsByEmail(q: Queryable): Promise<Map<string, string>> {
  const officers = await q.query<{ id: string; email: string }>("SELECT id, email FROM users WHERE role = 'officer'");
  return new Map(officers.map((o) => [o.email, o.id]));
}

/** Writes an import's rows: ids on the register are updated (a RAG change recorded with the file's reason), others added. */
export async function writeRegisterImport(
  db: Db,
  rows: readonly ImportedProvider[],
  user: SessionUser,
  now: Date,
): Promise<ProviderImportResult> {
  const today = calendarDay(now);
  return db.transaction(async (tx) => {
    let imported = 0;
    let updated = 0;
    for (const row of rows) {
      const existing = await findProviderRow(tx, row.id, true);
      const ragChanged = existing === null || existing.body.rag !== row.rag;
      const ragChangedAt = row.ragChangedAt ?? (ragChanged ? today : existing.body.ragChangedAt);
      await writeProvider(tx, { ...row, ragChangedAt }, today);
      if (existing !== null)
        await recordRegisterLevelChange(tx, { before: existing.body, after: row, userId: user.id, now, how: 'import' });
      if (ragChanged) {
        const from = existing?.body.rag ?? null;
        await recordRagChange(tx, {
          providerId: row.id,
          at: now,
          userId: user.id,
          from,
          to: row.rag,
          reason: row.ragReason,
        });
      }
      if (existing === null) imported += 1;
      else updated += 1;
    }
    await recordAudit(tx, now, user.id, 'provider.import', `${imported}+${updated}`);
    return { imported, updated };
  });
}
