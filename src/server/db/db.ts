// The one database interface the server uses, so PGlite (embedded) and PostgreSQL (pg Pool) are
// interchangeable. Invariant: every statement is a single SQL statement with $n parameters, in the
// dialect both engines share; a transaction runs on one connection and rolls back on any throw.

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
