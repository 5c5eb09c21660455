// Applies pending migrations in one transaction at every start. An advisory lock makes concurrent
// starts (several app servers on one PostgreSQL) queue up instead of racing; the second one finds
// nothing left to do.
import type { Db } from './db';
import { migrations as allMigrations, type Migration } from './migrations';

/** Arbitrary constant shared by every QA Visits process: "migrations are running". */
const MIGRATION_LOCK = 4_711_020_250;

/** Returns the versions it applied (empty when the schema was already current). */
export async function migrate(db: Db, migrations: readonly Migration[] = allMigrations): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version int PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const rows = await tx.query<{ version: number }>('SELECT version FROM schema_migrations');
    const done = new Set(rows.map((r) => Number(r.version)));
    const applied: number[] = [];
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(m.version)) continue;
      for (const statement of m.statements) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    return applied;
  });
}
