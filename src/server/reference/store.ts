// Reference data the clients pull: template versions and the provider register. Every write takes
// a fresh change_seq (see db/change-seq.ts) so incremental pulls see it; template versions are
// insert-only, providers are upserted and "removed" by flag, never deleted.
import type { Provider } from '../../shared/sync/schema';
import type { Template } from '../../shared/templates/schema';
import type { Db, Queryable } from '../db';
import { nextChangeSeq } from '../db/change-seq';
import { type RegisterRow, writeProvider } from '../providers/store';
import { calendarDay } from '../../shared/calendar';

/** Inserts each template version that is not stored yet; an existing version is never touched. */
export async function ensureTemplates(db: Db, templates: readonly Template[]): Promise<number> {
  let inserted = 0;
  for (const t of templates) {
    const existing = await db.query('SELECT 1 FROM templates WHERE id = $1 AND version = $2', [t.id, t.version]);
    if (existing.length > 0) continue;
    await db.transaction(async (tx) => {
      const seq = await nextChangeSeq(tx);
      const rows = await tx.query(
        `INSERT INTO templates (id, version, body, change_seq) VALUES ($1, $2, $3::jsonb, $4)
         ON CONFLICT (id, version) DO NOTHING RETURNING id`,
        [t.id, t.version, JSON.stringify(t), seq],
      );
      inserted += rows.length;
    });
  }
  return inserted;
}

/** The largest number an int column holds (template versions, revisions): a larger one is never stored. */
export const MAX_INT_COLUMN = 2_147_483_647;

export async function findTemplate(q: Queryable, id: string, version: number): Promise<Template | null> {
  // Asked for as a parameter, a version the column cannot hold is an SQL error (a 500), not "not found".
  if (version > MAX_INT_COLUMN) return null;
  const [row] = await q.query<{ body: Template }>('SELECT body FROM templates WHERE id = $1 AND version = $2', [
    id,
    version,
  ]);
  return row?.body ?? null;
}

/** Adds or replaces a provider (and brings back a removed one). */
export async function upsertProvider(
  db: Db,
  provider: RegisterRow | Provider,
  today: string = calendarDay(new Date()),
): Promise<void> {
  await db.transaction((tx) => writeProvider(tx, provider, today));
}

/** Inserts a provider only if its id is new (demo seeding must not overwrite edits). */
export async function insertProviderIfMissing(
  db: Db,
  provider: RegisterRow | Provider,
  today: string = calendarDay(new Date()),
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const existing = await tx.query('SELECT 1 FROM providers WHERE id = $1', [provider.id]);
    if (existing.length > 0) return false;
    return (await writeProvider(tx, provider, today)) === 'created';
  });
}

export async function removeProvider(db: Db, id: string, at: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const seq = await nextChangeSeq(tx);
    await tx.query('UPDATE providers SET removed_at = $2, change_seq = $3 WHERE id = $1 AND removed_at IS NULL', [
      id,
      at,
      seq,
    ]);
  });
}

/**
 * Whether a submission may name this provider. A removed provider still counts: a visit done
 * offline before the removal must not be lost.
 */
export async function providerExists(q: Queryable, id: string): Promise<boolean> {
  const rows = await q.query('SELECT 1 FROM providers WHERE id = $1', [id]);
  return rows.length > 0;
}
