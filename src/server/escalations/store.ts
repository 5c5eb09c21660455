// Escalations in the database (seed 004 §22; the rules are in src/shared/escalations/rules.ts). A
// write runs in one transaction: it locks what it changes (the provider row when opening, so two
// people opening at once queue and the second is refused; the escalation row when adding a step or
// closing), applies the shared rule, stores the whole escalation, marks the provider's briefing
// changed so devices receive it, and is audited by id. A unique index keeps one open per provider
// whatever happens.
import { randomUUID } from 'node:crypto';
import type { SessionUser } from '../../shared/auth/schema';
import { calendarDay } from '../../shared/calendar';
import { type Acting, type Ruled, startEscalation } from '../../shared/escalations/rules';
import type { Escalation, NewEscalation } from '../../shared/escalations/schema';
import { type AuditAction, recordAudit } from '../audit';
import type { Db, Queryable } from '../db';
import { touchBriefing } from '../providers/store';

const acting = (user: SessionUser, now: Date): Acting => ({
  by: user.name,
  at: now.toISOString(),
  today: calendarDay(now),
});

/** Stores a new escalation inside the caller's transaction (also how the demo history is seeded). */
export async function insertEscalation(tx: Queryable, e: Escalation, userId: string | null, at: Date): Promise<void> {
  await tx.query(
    `INSERT INTO escalations (id, provider_id, status, opened_on, closed_on, body, opened_by, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8)`,
    [e.id, e.providerId, e.status, e.openedOn, e.closure?.closedOn ?? null, JSON.stringify(e), userId, at],
  );
  await touchBriefing(tx, e.providerId);
}

/** Replaces a stored escalation's body (a step added, or closed) inside the caller's transaction. */
export async function saveEscalation(tx: Queryable, e: Escalation, at: Date): Promise<void> {
  await tx.query(
    'UPDATE escalations SET status = $2, closed_on = $3, body = $4::jsonb, updated_at = $5 WHERE id = $1',
    [e.id, e.status, e.closure?.closedOn ?? null, JSON.stringify(e), at],
  );
  await touchBriefing(tx, e.providerId);
}

/** Escalations, newest first (by the day opened), of one provider and/or one status when asked. */
export async function listEscalations(
  q: Queryable,
  only: { providerId?: string | undefined; status?: Escalation['status'] | undefined } = {},
): Promise<Escalation[]> {
  const rows = await q.query<{ body: Escalation }>(
    `SELECT body FROM escalations WHERE ($1::text IS NULL OR provider_id = $1) AND ($2::text IS NULL OR status = $2)
      ORDER BY opened_on DESC, updated_at DESC, id`,
    [only.providerId ?? null, only.status ?? null],
  );
  return rows.map((r) => r.body);
}

/** A provider's open escalation, or null. */
export async function openEscalationOf(q: Queryable, providerId: string): Promise<Escalation | null> {
  const [row] = await q.query<{ body: Escalation }>(
    `SELECT body FROM escalations WHERE provider_id = $1 AND status = 'open'`,
    [providerId],
  );
  return row?.body ?? null;
}

/** Opens an escalation of a provider on the register; null when there is no such provider. */
export async function openProviderEscalation(
  db: Db,
  providerId: string,
  request: NewEscalation,
  user: SessionUser,
  now: Date,
): Promise<Ruled<Escalation> | null> {
  return db.transaction(async (tx) => {
    const [provider] = await tx.query('SELECT id FROM providers WHERE id = $1 AND removed_at IS NULL FOR UPDATE', [
      providerId,
    ]);
    if (provider === undefined) return null;
    const current = await openEscalationOf(tx, providerId);
    const ruled = startEscalation(request, { id: randomUUID(), providerId }, current, acting(user, now));
    if (!ruled.ok) return ruled;
    await insertEscalation(tx, ruled.value, user.id, now);
    await recordAudit(tx, now, user.id, 'escalation.open', `${providerId}/${ruled.value.id}`);
    return ruled;
  });
}

/**
 * Changes one escalation by a shared rule (a step, a closure) and audits it; null when there is no
 * such escalation. `subject` names what changed for the audit log, by id and code only.
 */
export async function changeEscalation(
  db: Db,
  id: string,
  user: SessionUser,
  now: Date,
  action: Extract<AuditAction, 'escalation.step' | 'escalation.close'>,
  change: (e: Escalation, acting: Acting) => Ruled<Escalation>,
  subject: (e: Escalation) => string,
): Promise<Ruled<Escalation> | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ body: Escalation }>('SELECT body FROM escalations WHERE id = $1 FOR UPDATE', [id]);
    if (row === undefined) return null;
    const ruled = change(row.body, acting(user, now));
    if (!ruled.ok) return ruled;
    await saveEscalation(tx, ruled.value, now);
    await recordAudit(tx, now, user.id, action, subject(ruled.value));
    return ruled;
  });
}
