// Opens the configured database: PostgreSQL when DATABASE_URL is set, else PGlite under DATA_DIR.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config';
import type { Db } from './db';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';

export type { Db, Queryable } from './db';
export { migrate } from './migrate';

export async function openDb(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Db> {
  if (config.databaseUrl !== null) return openPostgres({ connectionString: config.databaseUrl });
  const dir = join(config.dataDir, 'db');
  mkdirSync(dir, { recursive: true });
  return openPglite(dir);
}
