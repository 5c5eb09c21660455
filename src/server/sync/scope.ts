// Which briefings and assignments a person may hold on their device, decided afresh on every pull
// from the server's clock: an officer holds their open assignments, the briefings of those
// providers, of providers allocated to them that are due within 28 days or overdue, and of the
// providers they pinned; managers and QA hold their pins plus any assignments they hold.
// Snapshots of a scope are stored content-addressed so the next pull knows what is new to a device.
import { createHash } from 'node:crypto';
import type { SessionUser } from '../../shared/auth/schema';
import { type VisitFrequencies } from '../../shared/briefings/visit-due';
import type { Queryable } from '../db';
import { PROVIDER_COLUMNS, type ProviderRow, toRecord } from '../providers/store';
import { addDays } from '../../shared/calendar';

const DUE_WINDOW_DAYS = 28;

interface Scope {
  briefings: string[];
  assignments: Array<{ id: string; change_seq: number }>;
  pinned: string[];
}

export async function scopeFor(
  q: Queryable,
  user: SessionUser,
  today: string,
  frequencies: VisitFrequencies,
): Promise<Scope> {
  const assignments = await q.query<{ id: string; provider_id: string; change_seq: string | number }>(
    `SELECT a.id, a.provider_id, a.change_seq FROM assignments a JOIN providers p ON p.id = a.provider_id
      WHERE a.officer_id = $1 AND a.status = 'open' AND p.removed_at IS NULL ORDER BY a.id`,
    [user.id],
  );
  const pins = await q.query<{ provider_id: string }>(
    `SELECT x.provider_id FROM pins x JOIN providers p ON p.id = x.provider_id
      WHERE x.user_id = $1 AND p.removed_at IS NULL ORDER BY x.provider_id`,
    [user.id],
  );
  const ids = new Set([...assignments.map((a) => a.provider_id), ...pins.map((p) => p.provider_id)]);
  if (user.role === 'officer') {
    const allocated = await q.query<ProviderRow>(
      `SELECT ${PROVIDER_COLUMNS} FROM providers p WHERE p.removed_at IS NULL AND p.body->>'allocatedOfficerId' = $1`,
      [user.id],
    );
    const horizon = addDays(today, DUE_WINDOW_DAYS);
    for (const row of allocated) {
      const due = toRecord(row, frequencies).nextVisitDue;
      if (due !== null && due <= horizon) ids.add(row.id);
    }
  }
  return {
    briefings: [...ids].sort(),
    assignments: assignments.map((a) => ({ id: a.id, change_seq: Number(a.change_seq) })),
    pinned: pins.map((p) => p.provider_id),
  };
}

export const scopeKey = (userId: string, scope: Scope): string =>
  createHash('sha256')
    .update(JSON.stringify([userId, scope.briefings, scope.assignments.map((a) => a.id)]))
    .digest('hex')
    .slice(0, 16);

/** Scope snapshots unused for this long are deleted; a cursor naming one just gets a larger pull. */
const SCOPE_RETENTION_DAYS = 30;

/**
 * Records the scope a new cursor is issued for (created_at is when it was last issued) and
 * deletes this person's snapshots that no cursor has named for SCOPE_RETENTION_DAYS.
 */
export async function saveScope(q: Queryable, userId: string, key: string, scope: Scope, now: Date): Promise<void> {
  await q.query(
    `INSERT INTO pull_scopes (user_id, key, briefing_ids, assignment_ids, created_at)
     VALUES ($1, $2, $3::jsonb, $4::jsonb, $5) ON CONFLICT (user_id, key) DO UPDATE SET created_at = EXCLUDED.created_at`,
    [userId, key, JSON.stringify(scope.briefings), JSON.stringify(scope.assignments.map((a) => a.id)), now],
  );
  const cutoff = new Date(now.getTime() - SCOPE_RETENTION_DAYS * 86_400_000);
  await q.query('DELETE FROM pull_scopes WHERE user_id = $1 AND created_at < $2', [userId, cutoff]);
}

/** The scope a cursor was issued for, or null when unknown (then everything in scope is sent). */
export async function loadScope(
  q: Queryable,
  userId: string,
  key: string,
): Promise<{ briefings: Set<string>; assignments: Set<string> } | null> {
  const [row] = await q.query<{ briefing_ids: string[]; assignment_ids: string[] }>(
    'SELECT briefing_ids, assignment_ids FROM pull_scopes WHERE user_id = $1 AND key = $2',
    [userId, key],
  );
  return row === undefined ? null : { briefings: new Set(row.briefing_ids), assignments: new Set(row.assignment_ids) };
}
