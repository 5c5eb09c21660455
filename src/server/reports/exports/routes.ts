// GET /api/exports/{submissions,answers,actions}.csv: the office's spreadsheets (issue 6), for
// managers and QA. Rows are exactly what the same person sees through GET /api/submissions (with
// the same filter query) and GET /api/actions. Nothing about the filter or the rows is logged: the
// access log records the route pattern only, and a person's name can be in the filter.
import { calendarDay } from '../../../shared/calendar';
import { RecordFilter } from '../../../shared/records/record-filter';
import { recordAudit } from '../../audit';
import type { AppContext, Deps } from '../../http/env';
import { csv, defineRoute, type ApiRoute } from '../../http/route';
import { submissionFilterOf } from '../../records/routes';
import { listSubmissions } from '../../records/store';
import { visibleActions } from '../inputs';
import { ACTION_COLUMNS } from './actions-csv';
import { ANSWER_COLUMNS, answerLines } from './answers-csv';
import { writeTable } from './csv';
import { SUBMISSION_COLUMNS } from './submissions-csv';

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

const download = (columns: readonly { name: string }[], what: string) => ({
  description: 'A UTF-8 CSV file with a BOM',
  body: csv(
    columns.map((c) => c.name),
    what,
  ),
});

const FILTERED =
  "The records this person may see, with the same filter as GET /api/submissions. Cells that a spreadsheet would run as a formula start with an added '.";

export const exportRoutes: readonly ApiRoute[] = [
  defineRoute({
    method: 'get',
    path: '/api/exports/submissions.csv',
    tag: 'reports',
    access: ['manager', 'qa'],
    summary: 'Download submissions as CSV',
    description: FILTERED,
    query: RecordFilter,
    responses: { 200: download(SUBMISSION_COLUMNS, 'The submissions') },
    errors: { 400: 'The filter is not valid' },
    handler: async (c, deps) => {
      const records = await listSubmissions(deps.db, c.get('user'), submissionFilterOf(c));
      return csvReply(c, deps, 'submissions', writeTable(SUBMISSION_COLUMNS, records));
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/exports/answers.csv',
    tag: 'reports',
    access: ['manager', 'qa'],
    summary: 'Download answers as CSV',
    description: FILTERED,
    query: RecordFilter,
    responses: { 200: download(ANSWER_COLUMNS, 'The answers') },
    errors: { 400: 'The filter is not valid' },
    handler: async (c, deps) => {
      const records = await listSubmissions(deps.db, c.get('user'), submissionFilterOf(c));
      return csvReply(c, deps, 'answers', writeTable(ANSWER_COLUMNS, answerLines(records)));
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/exports/actions.csv',
    tag: 'reports',
    access: ['manager', 'qa'],
    summary: 'Download actions as CSV',
    description: 'Every action this person may see, in the order of GET /api/actions.',
    responses: { 200: download(ACTION_COLUMNS, 'The actions') },
    // The order and visibility of GET /api/actions, without its status filter.
    handler: async (c, deps) =>
      csvReply(c, deps, 'actions', writeTable(ACTION_COLUMNS, await visibleActions(deps.db, c.get('user')))),
  }),
];
