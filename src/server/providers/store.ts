// The provider register in the database. Invariants: the body holds the register row with the
// derived fields null (or absent); lastVisitDate comes from stored visits (kept on the row by
// refreshProviderVisit) and nextVisitDue from it and the configured frequencies; lastReviewDate
// from the monitoring reviews (last_review_on, kept by monitoring-store.ts) and nextDeskReviewDue
// from it at levels 1 and 2. Any change a device must see takes a fresh change_seq (the row) and
// briefing_seq (its briefing).
import type { ProviderRecord } from '../../shared/briefings/register';
import { nextDeskReviewDue, nextVisitDue, type VisitFrequencies } from '../../shared/briefings/visit-due';
import type { Queryable } from '../db';
import { nextChangeSeq } from '../db/change-seq';
import { calendarDay } from '../../shared/calendar';

export type RegisterRow = Omit<
  ProviderRecord,
  'lastVisitDate' | 'nextVisitDue' | 'lastReviewDate' | 'nextDeskReviewDue'
>;

export interface ProviderRow {
  id: string;
  body: ProviderRecord;
  registered_on: string | null;
  last_visit_date: string | null;
  /** Absent from rows read before migration 6's column existed in a query (tests' hand-made rows). */
  last_review_on?: string | null;
  removed_at: Date | null;
}

/**
 * Joins a provider `p` to its last visit's revision `s` in submissions. `last_visit_ref` is
 * "id@revision"; comparing its parts with the key columns lets the primary key index find the row
 * (comparing the ref with `s.id || '@' || s.revision` read every submission, issue 16).
 */
export const LAST_VISIT_JOIN =
  "s.id = split_part(p.last_visit_ref, '@', 1)::uuid AND s.revision = split_part(p.last_visit_ref, '@', 2)::int";

export const PROVIDER_COLUMNS = 'p.id, p.body, p.registered_on, p.last_visit_date, p.last_review_on, p.removed_at';

export function toRecord(row: ProviderRow, frequencies: VisitFrequencies): ProviderRecord {
  const last = row.last_visit_date ?? null;
  const reviewed = row.last_review_on ?? null;
  const registered = row.registered_on ?? calendarDay(new Date(0));
  const level = row.body.monitoringLevel;
  return {
    ...row.body,
    lastVisitDate: last,
    nextVisitDue: nextVisitDue(level, last, frequencies, registered),
    lastReviewDate: reviewed,
    nextDeskReviewDue: nextDeskReviewDue(level, reviewed, registered),
  };
}

function stored(p: RegisterRow | ProviderRecord): ProviderRecord {
  const { lastReviewDate: _reviewed, nextDeskReviewDue: _desk, ...row } = p as ProviderRecord;
  return { ...row, lastVisitDate: null, nextVisitDue: null };
}

export async function findProviderRow(q: Queryable, id: string, withRemoved = false): Promise<ProviderRow | null> {
  const [row] = await q.query<ProviderRow>(
    `SELECT ${PROVIDER_COLUMNS} FROM providers p WHERE p.id = $1 ${withRemoved ? '' : 'AND p.removed_at IS NULL'}`,
    [id],
  );
  return row ?? null;
}

export async function listProviderRows(q: Queryable): Promise<ProviderRow[]> {
  return q.query<ProviderRow>(`SELECT ${PROVIDER_COLUMNS} FROM providers p WHERE p.removed_at IS NULL ORDER BY p.id`);
}

/**
 * Inserts or replaces a register row (bringing back a removed one) inside the caller's
 * transaction. `today` is the server's date, recorded as the day a new provider joined.
 */
export async function writeProvider(
  tx: Queryable,
  provider: RegisterRow | ProviderRecord,
  today: string,
): Promise<'created' | 'updated'> {
  const seq = await nextChangeSeq(tx);
  const [row] = await tx.query<{ created: boolean }>(
    `INSERT INTO providers (id, body, change_seq, briefing_seq, registered_on, removed_at)
     VALUES ($1, $2::jsonb, $3, $3, $4, NULL)
     ON CONFLICT (id) DO UPDATE SET body = EXCLUDED.body, change_seq = EXCLUDED.change_seq,
       briefing_seq = EXCLUDED.briefing_seq, removed_at = NULL
     RETURNING (xmax = 0) AS created`,
    [provider.id, JSON.stringify(stored(provider)), seq, today],
  );
  return row?.created ? 'created' : 'updated';
}

/** Marks a provider's briefing changed (intelligence, actions, assignments of it). */
export async function touchBriefing(tx: Queryable, providerId: string): Promise<void> {
  const seq = await nextChangeSeq(tx);
  await tx.query('UPDATE providers SET briefing_seq = $2 WHERE id = $1', [providerId, seq]);
}

/**
 * Recomputes a provider's last visit from the current revisions of its records; when the date or
 * the record it comes from changed, bumps the row and its briefing so devices receive it. The
 * latest visit is the greatest visit date, ties broken by record id (stable under retries).
 */
export async function refreshProviderVisit(tx: Queryable, providerId: string): Promise<boolean> {
  const [latest] = await tx.query<{ date: string; ref: string }>(
    `SELECT s.body->'details'->>'date' AS date, s.id || '@' || s.revision AS ref
       FROM submission_heads h JOIN submissions s ON s.id = h.id AND s.revision = h.current_revision
      WHERE s.provider_id = $1
      ORDER BY s.body->'details'->>'date' DESC, s.id
      LIMIT 1`,
    [providerId],
  );
  const [current] = await tx.query<{ last_visit_date: string | null; last_visit_ref: string | null }>(
    'SELECT last_visit_date, last_visit_ref FROM providers WHERE id = $1',
    [providerId],
  );
  if (current === undefined) return false;
  const date = latest?.date ?? null;
  const ref = latest?.ref ?? null;
  if (current.last_visit_date === date && current.last_visit_ref === ref) return false;
  const seq = await nextChangeSeq(tx);
  await tx.query(
    'UPDATE providers SET last_visit_date = $2, last_visit_ref = $3, change_seq = $4, briefing_seq = $4 WHERE id = $1',
    [providerId, date, ref, seq],
  );
  return true;
}

export async function recordRagChange(
  tx: Queryable,
  entry: { providerId: string; at: Date; userId: string | null; from: string | null; to: string; reason: string },
): Promise<void> {
  await tx.query(
    'INSERT INTO provider_rag_history (provider_id, at, user_id, from_rag, to_rag, reason) VALUES ($1, $2, $3, $4, $5, $6)',
    [entry.providerId, entry.at, entry.userId, entry.from, entry.to, entry.reason],
  );
}
