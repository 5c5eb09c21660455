// The action tracker (issue 4): actions raised on records, open until done and then verified.
// - GET /api/actions?status=open|in-progress|done|verified: the actions this person may see,
//   overdue first. Provider actions are visible to every role (they travel in briefings);
//   an observation's or audit's actions only to who raised them, their team manager and QA.
// - PATCH /api/actions/:id { status, evidence }: the same people move an action on; evidence is
//   required to mark it done or verified. The provider's briefing is refreshed.
import type { Hono } from 'hono';
import { ActionStatus, ActionUpdate, type VisitAction } from '../../shared/briefings/register';
import { toIssues } from '../../shared/records/record-rules';
import type { SessionUser } from '../../shared/schemas';
import { recordAudit } from '../audit';
import { submitterVisible } from '../auth/access';
import { requireUser } from '../auth/middleware';
import { nextChangeSeq } from '../db/change-seq';
import { readJsonBody } from '../http/body';
import type { AppEnv, Deps } from '../http/env';
import { badRequest, invalid, notFound } from '../http/errors';
import { touchBriefing } from '../providers/store';
import { calendarDay } from '../../shared/calendar';

/** SQL: "the session user ($1, role $2) may see and update action a" (also the exports and reports). */
export const ACTION_VISIBLE = `(a.provider_id IS NOT NULL OR a.raised_by IS NULL OR ${submitterVisible('a.raised_by', '$1', '$2')})`;

export function registerActionRoutes(app: Hono<AppEnv>, deps: Deps): void {
  const signedIn = requireUser(deps);

  app.get('/api/actions', signedIn, async (c) => {
    const status = c.req.query('status');
    if (status !== undefined && !ActionStatus.safeParse(status).success)
      throw badRequest('status must be open, in-progress, done or verified');
    const user: SessionUser = c.get('user');
    const rows = await deps.db.query<{ body: VisitAction }>(
      `SELECT a.body FROM actions a WHERE ${ACTION_VISIBLE} AND ($3::text IS NULL OR a.status = $3) ORDER BY a.due_date, a.id`,
      [user.id, user.role, status ?? null],
    );
    return c.json({ actions: rows.map((r) => r.body) });
  });

  app.patch('/api/actions/:id', signedIn, async (c) => {
    const parsed = ActionUpdate.safeParse(await readJsonBody(c, deps.config.jsonLimitBytes));
    if (!parsed.success) throw invalid(toIssues(parsed.error.issues));
    const update = parsed.data;
    if ((update.status === 'done' || update.status === 'verified') && update.evidence.trim() === '') {
      throw invalid([{ path: 'evidence', message: 'Say what shows the action is complete' }]);
    }
    const user: SessionUser = c.get('user');
    const now = deps.now();
    const id = c.req.param('id');
    const body = await deps.db.transaction(async (tx) => {
      const [row] = await tx.query<{ body: VisitAction; provider_id: string | null }>(
        `SELECT a.body, a.provider_id FROM actions a WHERE a.id = $3 AND ${ACTION_VISIBLE} FOR UPDATE OF a`,
        [user.id, user.role, id],
      );
      if (row === undefined) throw notFound('No such action');
      const closed = update.status === 'done' || update.status === 'verified';
      const next: VisitAction = {
        ...row.body,
        status: update.status,
        evidence: update.evidence.trim(),
        statusChangedAt: now.toISOString(),
        statusChangedBy: user.name,
        closedOn: closed ? (row.body.closedOn ?? calendarDay(now)) : null,
      };
      const seq = await nextChangeSeq(tx);
      await tx.query('UPDATE actions SET status = $2, body = $3::jsonb, change_seq = $4 WHERE id = $1', [
        id,
        next.status,
        JSON.stringify(next),
        seq,
      ]);
      if (row.provider_id !== null) await touchBriefing(tx, row.provider_id);
      await recordAudit(tx, now, user.id, 'action.update', `${id}:${next.status}`);
      return next;
    });
    return c.json(body);
  });
}
