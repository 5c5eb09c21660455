// Tracked actions in the database. Provider actions are visible to every role (they travel in
// briefings); an observation's or audit's actions only to who raised them, their team manager and
// QA. An update takes a fresh change_seq, refreshes the provider's briefing and is audited.
import type { ActionStatus, ActionUpdate, VisitAction } from '../../shared/briefings/register';
import { calendarDay } from '../../shared/calendar';
import type { SessionUser } from '../../shared/auth/schema';
import { recordAudit } from '../audit';
import { submitterVisible } from '../auth/access';
import type { Db, Queryable } from '../db';
import { saveStatusBody } from '../db/change-seq';
import { touchBriefing } from '../providers/store';

/** SQL: "the session user ($1, role $2) may see and update action a". */
const ACTION_VISIBLE = `(a.provider_id IS NOT NULL OR a.raised_by IS NULL OR ${submitterVisible('a.raised_by', '$1', '$2')})`;

/** The actions this person may see (also the exports and reports), of one status or provider when asked, soonest due first. */
export async function listActions(
  q: Queryable,
  user: SessionUser,
  only: { status?: ActionStatus | undefined; providerId?: string | undefined } = {},
): Promise<VisitAction[]> {
  const rows = await q.query<{ body: VisitAction }>(
    `SELECT a.body FROM actions a WHERE ${ACTION_VISIBLE}
        AND ($3::text IS NULL OR a.status = $3) AND ($4::text IS NULL OR a.provider_id = $4)
      ORDER BY a.due_date, a.id`,
    [user.id, user.role, only.status ?? null, only.providerId ?? null],
  );
  return rows.map((r) => r.body);
}

/** Moves an action on (closedOn is set when first closed, cleared when reopened); null when not visible. */
export async function updateAction(
  db: Db,
  user: SessionUser,
  id: string,
  update: ActionUpdate,
  now: Date,
): Promise<VisitAction | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ body: VisitAction; provider_id: string | null }>(
      `SELECT a.body, a.provider_id FROM actions a WHERE a.id = $3 AND ${ACTION_VISIBLE} FOR UPDATE OF a`,
      [user.id, user.role, id],
    );
    if (row === undefined) return null;
    const closed = update.status === 'done' || update.status === 'verified';
    const next: VisitAction = {
      ...row.body,
      status: update.status,
      evidence: update.evidence.trim(),
      statusChangedAt: now.toISOString(),
      statusChangedBy: user.name,
      closedOn: closed ? (row.body.closedOn ?? calendarDay(now)) : null,
    };
    await saveStatusBody(tx, 'actions', id, next);
    if (row.provider_id !== null) await touchBriefing(tx, row.provider_id);
    await recordAudit(tx, now, user.id, 'action.update', `${id}:${next.status}`);
    return next;
  });
}
