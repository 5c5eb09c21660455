// GET /api/exports/{submissions,answers,actions}.csv: the office's spreadsheets (issue 6), for
// managers and QA. Rows are exactly what the same person sees through GET /api/submissions (with
// the same filter query) and GET /api/actions. Nothing about the filter or the rows is logged: the
// access log records the route pattern only, and a person's name can be in the filter.
import type { Hono } from 'hono';
import { recordAudit } from '../../audit';
import { requireRole } from '../../auth/access';
import { requireUser } from '../../auth/middleware';
import type { AppContext, AppEnv, Deps } from '../../http/env';
import { visibleActions } from '../inputs';
import { submissionFilterOf } from '../../records/routes';
import { listSubmissions } from '../../records/store';
import { ACTION_COLUMNS } from './actions-csv';
import { ANSWER_COLUMNS, answerLines } from './answers-csv';
import { writeTable } from './csv';
import { SUBMISSION_COLUMNS } from './submissions-csv';
import { calendarDay } from '../../../shared/calendar';

/**
 * A download, never cached (it holds personal data), named by what it is and the council's day.
 * Who downloaded what goes in the audit log (the export's name only, never the filter).
 */
export async function csvReply(c: AppContext, deps: Deps, name: string, text: string): Promise<Response> {
  const now = deps.now();
  await recordAudit(deps.db, now, c.get('user').id, 'export.download', name);
  return c.body(text, 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="qa-visits-${name}-${calendarDay(now)}.csv"`,
    'Cache-Control': 'no-store',
  });
}

export function registerExportRoutes(app: Hono<AppEnv>, deps: Deps): void {
  const office = [requireUser(deps), requireRole('manager', 'qa')] as const;

  app.get('/api/exports/submissions.csv', ...office, async (c) => {
    const records = await listSubmissions(deps.db, c.get('user'), submissionFilterOf(c));
    return csvReply(c, deps, 'submissions', writeTable(SUBMISSION_COLUMNS, records));
  });

  app.get('/api/exports/answers.csv', ...office, async (c) => {
    const records = await listSubmissions(deps.db, c.get('user'), submissionFilterOf(c));
    return csvReply(c, deps, 'answers', writeTable(ANSWER_COLUMNS, answerLines(records)));
  });

  app.get('/api/exports/actions.csv', ...office, async (c) => {
    // The order and visibility of GET /api/actions, without its status filter.
    return csvReply(c, deps, 'actions', writeTable(ACTION_COLUMNS, await visibleActions(deps.db, c.get('user'))));
  });
}
