// GET /api/deadlines: what is due or overdue for the people this person oversees (issue 4):
// open actions they may see, overdue first; observations and audits waiting for their sign-off;
// and records that reached the council after their deadline (written up late). "Today" is the
// council's day (Europe/London), from the server's clock.
import type { Hono } from 'hono';
import { recordDeadlines } from '../../shared/deadlines';
import { recordSubject } from '../../shared/records/record-rules';
import type { VisitAction } from '../../shared/briefings/register';
import type { SessionUser, RecordBody } from '../../shared/schemas';
import { submitterVisible } from '../auth/access';
import { requireUser } from '../auth/middleware';
import type { AppEnv, Deps } from '../http/env';
import { calendarDay } from '../../shared/calendar';

export type DeadlineRecord = {
  id: string;
  kind: RecordBody['kind'];
  subject: string;
  submitterName: string;
  date: string;
  receivedAt: string;
  /** The last deadline the record carries (write-up, or audit form to QA). */
  dueDate: string | null;
};

const LATE_WINDOW_DAYS = 92;

export function registerDeadlineRoutes(app: Hono<AppEnv>, deps: Deps): void {
  app.get('/api/deadlines', requireUser(deps), async (c) => {
    const user: SessionUser = c.get('user');
    const now = deps.now();
    const today = calendarDay(now);
    const actions = await deps.db.query<{ body: VisitAction }>(
      `SELECT a.body FROM actions a
        WHERE a.status IN ('open', 'in-progress')
          AND (a.provider_id IS NOT NULL OR ${submitterVisible('a.raised_by', '$1', '$2')})
          AND ($2 <> 'officer' OR a.raised_by = $1)
        ORDER BY a.due_date, a.id`,
      [user.id, user.role],
    );
    const records = await deps.db.query<{
      id: string;
      body: RecordBody;
      submitter_name: string;
      received_at: Date;
      review_status: string;
      submitter_id: string;
    }>(
      `SELECT s.id, s.body, u.name AS submitter_name, s.received_at, h.review_status, h.submitter_id
         FROM submission_heads h JOIN submissions s ON s.id = h.id AND s.revision = h.current_revision
         JOIN users u ON u.id = s.submitter_id
        WHERE s.kind IN ('observation', 'audit') AND ${submitterVisible('h.submitter_id', '$1', '$2')}
          AND s.received_at > $3
        ORDER BY s.received_at`,
      [user.id, user.role, new Date(now.getTime() - LATE_WINDOW_DAYS * 86_400_000)],
    );
    const toRecord = (r: (typeof records)[number]): DeadlineRecord => ({
      id: r.id,
      kind: r.body.kind,
      subject: recordSubject(r.body),
      submitterName: r.submitter_name,
      date: r.body.details.date,
      receivedAt: new Date(r.received_at).toISOString(),
      dueDate: recordDeadlines(r.body.kind, r.body.details.date).at(-1)?.dueDate ?? null,
    });
    const awaitingSignOff =
      user.role === 'officer'
        ? []
        : records.filter((r) => r.review_status === 'submitted' && r.submitter_id !== user.id).map(toRecord);
    const late = records
      .map(toRecord)
      .filter((r) => r.dueDate !== null && calendarDay(new Date(r.receivedAt)) > r.dueDate);
    return c.json({ today, actions: actions.map((a) => a.body), awaitingSignOff, late });
  });
}
