// PostgreSQL through a pg Pool. A transaction holds one client from BEGIN to COMMIT/ROLLBACK.
// The optional `schema` pins search_path on every new connection, which is how the test suite
// gets a private, disposable schema per run.
import pg from 'pg';
import type { Db, Queryable } from './db';

interface PostgresOptions {
  connectionString: string;
  schema?: string;
  max?: number;
}

export async function openPostgres(options: PostgresOptions): Promise<Db> {
  const { schema } = options;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Unsafe schema name: ${schema}`);
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    // search_path travels as a startup parameter, so it is set before any query on the connection.
    ...(schema !== undefined ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client that loses its connection emits 'error'; without a listener that kills the process.
  pool.on('error', (err) => console.error(`database pool: ${err.message}`));
  if (schema !== undefined) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  else await pool.query('SELECT 1');

  const run = (client: { query: pg.Pool['query'] }): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = [], name?: string) {
      const result =
        name === undefined
          ? await client.query(sql, [...params])
          : await client.query({ name, text: sql, values: [...params] });
      return result.rows as T[];
    },
  });
  const root = run(pool);
  return {
    kind: 'postgres',
    query: root.query,
    async transaction(fn) {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const value = await fn(run(client));
        await client.query('COMMIT');
        return value;
      } catch (err) {
        // A connection that cannot even roll back is discarded rather than returned to the pool.
        await client.query('ROLLBACK').catch(() => {
          broken = true;
        });
        throw err;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
