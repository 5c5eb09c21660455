// Allocation of change_seq numbers for reference data, and the matching lock for pulls.
// Why a lock: a sequence number taken by a transaction that commits late could be lower than a
// cursor already handed out, and that change would never reach clients. So every writer takes the
// lock before its number and holds it to commit, and a pull takes it exclusively before it reads
// the high-water mark: then no number at or below that mark can still be in flight, and nothing a
// pull's cursor covers is committed later.
// - The record store statement (records/effects.ts statementEffects), the ingest hot path, takes
//   it shared, so concurrent records neither queue behind each other nor lose group commit;
//   their effects are single UPDATEs whose WHERE PostgreSQL re-checks against the newest row.
// - Every other writer (nextChangeSeq, lockForChanges) takes it exclusively, as before, so those
//   writers stay serialised among themselves and with record stores. A transaction that will ask
//   for it exclusively must do so before anything it runs takes it shared (lockForChanges): two
//   shared holders that both ask to upgrade deadlock.
// - A pull (readHighWater) takes it exclusively in a transaction of its own that ends at once:
//   it waits only for the writers in flight, and holds up new ones only for that moment.
import type { Db, Queryable } from './db';

/** Also taken (shared) inside the record store statement (records/effects.ts statementEffects), which cannot call nextChangeSeq. */
export const REFERENCE_DATA_LOCK = 4_711_020_251;

/** The exclusive change lock, held to commit: call first in a transaction that will take numbers both ways. */
export async function lockForChanges(tx: Queryable): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(${REFERENCE_DATA_LOCK})`);
}

/** Call inside the writing transaction; the lock is held until it commits. */
export async function nextChangeSeq(tx: Queryable): Promise<number> {
  await lockForChanges(tx);
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

/**
 * A pull's high-water mark: the last change_seq drawn, once every writer that drew one at or below
 * it has committed (the exclusive lock waits for them; it is released when this short transaction
 * ends). Read the changes after it in a later transaction: they include everything up to the mark,
 * and perhaps later changes too, which the next pull sends again.
 */
export async function readHighWater(db: Db): Promise<number> {
  return db.transaction(async (tx) => {
    await lockForChanges(tx);
    const [top] = await tx.query<{ last_value: string | number; is_called: boolean }>(
      'SELECT last_value, is_called FROM change_seq',
    );
    return top?.is_called ? Number(top.last_value) : 0;
  });
}
