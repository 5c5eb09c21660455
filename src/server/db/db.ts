// The one database interface the server uses, so PGlite (embedded) and PostgreSQL (pg Pool) are
// interchangeable. Invariant: every statement is a single SQL statement with $n parameters, in the
// dialect both engines share; a transaction runs on one connection and rolls back on any throw.

export interface Queryable {
  /**
   * `name` asks for a prepared statement where the engine keeps them (PostgreSQL: planned once per
   * connection, then only bound and run); give it only to a fixed SQL text on a hot path, one name
   * per text. PGlite ignores it.
   */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[], name?: string): Promise<T[]>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
