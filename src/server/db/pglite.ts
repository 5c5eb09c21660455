// Embedded PostgreSQL (PGlite, WebAssembly): a data folder on disk, or in memory for tests.
// PGlite is a single connection, so its own transaction() already serialises writers.
import { PGlite } from '@electric-sql/pglite';
import type { Db, Queryable } from './db';

/** `dataDir` undefined means in-memory. */
export async function openPglite(dataDir?: string): Promise<Db> {
  const pg = dataDir === undefined ? await PGlite.create() : await PGlite.create(dataDir);
  const wrap = (q: { query: PGlite['query'] }): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const result = await q.query<T>(sql, [...params]);
      return result.rows;
    },
  });
  const root = wrap(pg);
  return {
    kind: 'pglite',
    query: root.query,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    close: () => pg.close(),
  };
}
