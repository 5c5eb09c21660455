// Visit assignments and pins. QA assigns a visit to any officer, a manager to officers of the team
// they manage; the assigned officer, QA and that manager may change its status. Records a person
// may not see answer 404, ones they see but may not assign 403. Pins are each person's own: a
// pinned provider's briefing is kept on their device. A stored visit marks assignments done (see
// records/effects.ts).
import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import * as z from 'zod/mini';
import { Assignment } from '../../shared/briefings/register';
import type { SessionUser } from '../../shared/schemas';
import { toIssues } from '../../shared/records/record-rules';
import { recordAudit } from '../audit';
import { requireRole } from '../auth/access';
import { requireUser } from '../auth/middleware';
import { findUserRole } from '../auth/users';
import type { Queryable } from '../db';
import { nextChangeSeq } from '../db/change-seq';
import { readJsonBody } from '../http/body';
import type { AppEnv, Deps } from '../http/env';
import { forbidden, invalid, notFound } from '../http/errors';
import { findProviderRow } from '../providers/store';

const NewAssignment = z.omit(Assignment, { id: true, status: true });
const StatusChange = z.object({ status: Assignment.shape.status });

async function managesOfficer(q: Queryable, managerId: string, officerId: string): Promise<boolean> {
  const rows = await q.query(
    'SELECT 1 FROM users u JOIN teams t ON t.id = u.team_id WHERE u.id = $1 AND t.manager_id = $2',
    [officerId, managerId],
  );
  return rows.length > 0;
}

/** Whether the person may see (and so update) this assignment. */
async function canSee(
  q: Queryable,
  user: SessionUser,
  row: { officer_id: string; created_by: string | null },
): Promise<boolean> {
  if (user.role === 'qa' || row.officer_id === user.id || row.created_by === user.id) return true;
  return user.role === 'manager' && managesOfficer(q, user.id, row.officer_id);
}

export function registerAssignmentRoutes(app: Hono<AppEnv>, deps: Deps): void {
  const signedIn = requireUser(deps);

  app.get('/api/assignments', signedIn, async (c) => {
    const user = c.get('user');
    const rows = await deps.db.query<{ body: Assignment; officer_id: string; created_by: string | null }>(
      "SELECT body, officer_id, created_by FROM assignments ORDER BY body->>'dueDate', id",
    );
    const visible: Assignment[] = [];
    for (const r of rows) if (await canSee(deps.db, user, r)) visible.push(r.body);
    return c.json({ assignments: visible });
  });

  app.post('/api/assignments', signedIn, requireRole('qa', 'manager'), async (c) => {
    const parsed = NewAssignment.safeParse(await readJsonBody(c, 16 * 1024));
    if (!parsed.success) throw invalid(toIssues(parsed.error.issues));
    const body = parsed.data;
    const issues = [];
    if ((await findUserRole(deps.db, body.officerId)) !== 'officer')
      issues.push({ path: 'officerId', message: 'Assign the visit to a person with the officer role' });
    if ((await findProviderRow(deps.db, body.providerId)) === null)
      issues.push({ path: 'providerId', message: 'The provider is not on the register' });
    const templates = await deps.db.query('SELECT 1 FROM templates WHERE id = $1 LIMIT 1', [body.templateId]);
    if (templates.length === 0) issues.push({ path: 'templateId', message: 'No such template' });
    if (issues.length > 0) throw invalid(issues);
    const user = c.get('user');
    if (user.role === 'manager' && !(await managesOfficer(deps.db, user.id, body.officerId))) {
      throw forbidden('You can assign visits only to officers in the team you manage');
    }
    const assignment: Assignment = { ...body, id: randomUUID(), status: 'open' };
    const now = deps.now();
    await deps.db.transaction(async (tx) => {
      const seq = await nextChangeSeq(tx);
      await tx.query(
        `INSERT INTO assignments (id, provider_id, officer_id, status, body, created_by, created_at, change_seq)
         VALUES ($1, $2, $3, 'open', $4::jsonb, $5, $6, $7)`,
        [assignment.id, assignment.providerId, assignment.officerId, JSON.stringify(assignment), user.id, now, seq],
      );
      await recordAudit(tx, now, user.id, 'assignment.create', assignment.id);
    });
    return c.json(assignment, 201);
  });

  app.patch('/api/assignments/:id', signedIn, async (c) => {
    const parsed = StatusChange.safeParse(await readJsonBody(c, 4 * 1024));
    if (!parsed.success) throw invalid(toIssues(parsed.error.issues));
    const id = c.req.param('id');
    const user = c.get('user');
    const now = deps.now();
    const updated = await deps.db.transaction(async (tx) => {
      const [row] = await tx.query<{ body: Assignment; officer_id: string; created_by: string | null }>(
        'SELECT body, officer_id, created_by FROM assignments WHERE id = $1 FOR UPDATE',
        [id],
      );
      if (row === undefined || !(await canSee(tx, user, row))) return null;
      const next: Assignment = { ...row.body, status: parsed.data.status };
      if (next.status === row.body.status) return next;
      const seq = await nextChangeSeq(tx);
      await tx.query('UPDATE assignments SET status = $2, body = $3::jsonb, change_seq = $4 WHERE id = $1', [
        id,
        next.status,
        JSON.stringify(next),
        seq,
      ]);
      await recordAudit(tx, now, user.id, 'assignment.update', id);
      return next;
    });
    if (updated === null) throw notFound('No such assignment');
    return c.json(updated);
  });

  app.put('/api/pins/:providerId', signedIn, async (c) => {
    const providerId = c.req.param('providerId');
    if ((await findProviderRow(deps.db, providerId)) === null) throw notFound('No such provider');
    const user = c.get('user');
    await deps.db.query(
      'INSERT INTO pins (user_id, provider_id, pinned_at) VALUES ($1, $2, $3) ON CONFLICT (user_id, provider_id) DO NOTHING',
      [user.id, providerId, deps.now()],
    );
    return c.body(null, 204);
  });

  app.delete('/api/pins/:providerId', signedIn, async (c) => {
    await deps.db.query('DELETE FROM pins WHERE user_id = $1 AND provider_id = $2', [
      c.get('user').id,
      c.req.param('providerId'),
    ]);
    return c.body(null, 204);
  });
}
