// Provider intelligence in the database. Writing an entry marks the provider's briefing changed.
// An imported entry's id is a hash of what its row says, so importing the same log again (say,
// next month's export that repeats last month's rows) skips what is already recorded instead of
// counting a complaint twice. An import is written in one transaction, all or nothing.
import { createHash } from 'node:crypto';
import { IntelligenceEntry } from '../../shared/briefings/register';
import type { IntelligenceImportResult } from '../../shared/briefings/api-schemas';
import { canonicalJson } from '../../shared/records/record-rules';
import type { SessionUser } from '../../shared/auth/schema';
import { recordAudit } from '../audit';
import type { Db, Queryable } from '../db';
import { touchBriefing } from '../providers/store';
import type { ImportedEntry } from './csv';

export async function insertIntelligence(
  tx: Queryable,
  entry: IntelligenceEntry,
  userId: string | null,
): Promise<void> {
  await tx.query(
    `INSERT INTO intelligence (id, provider_id, kind, date, body, recorded_by, recorded_at)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7)`,
    [entry.id, entry.providerId, entry.kind, entry.date, JSON.stringify(entry), userId, entry.recordedAt],
  );
  await touchBriefing(tx, entry.providerId);
}

/** Records one entry entered in the office, audited. */
export async function recordIntelligence(db: Db, entry: IntelligenceEntry, userId: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await insertIntelligence(tx, entry, userId);
    await recordAudit(tx, now, userId, 'intelligence.create', `${entry.providerId}/${entry.id}`);
  });
}

/** A provider's intelligence, newest first (by the date it happened, then when it was recorded). */
export async function listIntelligence(q: Queryable, providerId: string): Promise<IntelligenceEntry[]> {
  const rows = await q.query<{ body: IntelligenceEntry }>(
    'SELECT body FROM intelligence WHERE provider_id = $1 ORDER BY date DESC, recorded_at DESC, id',
    [providerId],
  );
  return rows.map((r) => r.body);
}

/** The ids of the providers on the register (not removed): what an import may name. */
export async function registeredProviderIds(q: Queryable): Promise<Set<string>> {
  const rows = await q.query<{ id: string }>('SELECT id FROM providers WHERE removed_at IS NULL');
  return new Set(rows.map((p) => p.id));
}

/** The same row always gets the same id (at most 64 characters, as the schema allows). */
const importedEntryId = (entry: ImportedEntry) =>
  `csv-${createHash('sha256').update(canonicalJson(entry)).digest('hex').slice(0, 40)}`;

/** Writes an import's rows, each attributed to `user` and dated `now`, skipping rows already recorded. */
export async function writeIntelligenceImport(
  db: Db,
  rows: readonly ImportedEntry[],
  user: SessionUser,
  now: Date,
): Promise<IntelligenceImportResult> {
  return db.transaction(async (tx) => {
    const out: IntelligenceImportResult = { imported: 0, alreadyRecorded: 0, byKind: {}, providerIds: [] };
    const touched = new Set<string>();
    for (const row of rows) {
      const id = importedEntryId(row);
      if ((await tx.query('SELECT 1 FROM intelligence WHERE id = $1', [id])).length > 0) {
        out.alreadyRecorded += 1;
        continue;
      }
      const entry = IntelligenceEntry.parse({ ...row, id, recordedBy: user.name, recordedAt: now.toISOString() });
      await insertIntelligence(tx, entry, user.id);
      out.imported += 1;
      out.byKind[entry.kind] = (out.byKind[entry.kind] ?? 0) + 1;
      touched.add(entry.providerId);
    }
    out.providerIds = [...touched].sort();
    await recordAudit(tx, now, user.id, 'intelligence.import', `${out.imported}+${out.alreadyRecorded}`);
    return out;
  });
}
