// Allocation of change_seq numbers for reference data, and the matching read lock for pulls.
// Why a lock: a sequence number taken by a transaction that commits late could be lower than a
// cursor already handed out, and that change would never reach clients. Writers take the lock
// exclusively and pulls take it shared, so a pull never sees a gap that is later filled.
import type { Queryable } from './db';

/** Also taken inside the record store statement (records/effects.ts statementEffects), which cannot call nextChangeSeq. */
export const REFERENCE_DATA_LOCK = 4_711_020_251;

/** Call inside the writing transaction; the lock is held until it commits. */
export async function nextChangeSeq(tx: Queryable): Promise<number> {
  await tx.query(`SELECT pg_advisory_xact_lock(${REFERENCE_DATA_LOCK})`);
  const [row] = await tx.query<{ seq: string | number }>(`SELECT nextval('change_seq') AS seq`);
  if (row === undefined) throw new Error('nextval returned no row');
  return Number(row.seq);
}

/**
 * Saves the new body of an action or assignment (its status is also a column, for queries) under a
 * fresh change_seq, so devices receive it. Call inside the writing transaction.
 */
export async function saveStatusBody(
  tx: Queryable,
  table: 'actions' | 'assignments',
  id: string,
  body: { status: string },
): Promise<void> {
  const seq = await nextChangeSeq(tx);
  await tx.query(`UPDATE ${table} SET status = $2, body = $3::jsonb, change_seq = $4 WHERE id = $1`, [
    id,
    body.status,
    JSON.stringify(body),
    seq,
  ]);
}

/** Call first inside a pull's transaction: waits for in-flight reference-data writers to commit. */
export async function lockForPull(tx: Queryable): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock_shared(${REFERENCE_DATA_LOCK})`);
}
