// GET /api/exports/{submissions,answers,actions}.csv: the office's spreadsheets (issue 6), for
// managers and QA. Rows are exactly what the same person sees through GET /api/submissions (with
// the same filter query, in its order) and GET /api/actions. Nothing about the filter or the rows is logged: the
// access log records the route pattern only, and a person's name can be in the filter.
import type * as z from 'zod/mini';
import { calendarDay } from '../../../shared/calendar';
import { RecordFilter } from '../../../shared/records/record-filter';
import type { StoredSubmission } from '../../../shared/records/schema';
import { recordAudit } from '../../audit';
import type { AppContext, Deps } from '../../http/env';
import { csv, routeDeclarer, type ApiRoute } from '../../http/route';
import { submissionFilterOf } from '../../records/routes';
import { everyListed } from '../../records/list-store';
import { visibleActions } from '../inputs';
import { ACTION_COLUMNS } from './actions-csv';
import { ANSWER_COLUMNS, answerLines } from './answers-csv';
import { writeTable, type Column } from './csv';
import { SUBMISSION_COLUMNS } from './submissions-csv';

const route = routeDeclarer('reports');

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

const FILTERED =
  "The records this person may see, with the same filter as GET /api/submissions. Cells that a spreadsheet would run as a formula start with an added '.";

interface Export<T> {
  name: string;
  summary: string;
  description: string;
  columns: readonly Column<T>[];
  /** What the rows are, for the document: "The submissions". */
  what: string;
  /** The query it reads, and its 400. */
  query?: { schema: z.ZodMiniObject; invalid: string };
  rows: (c: AppContext, deps: Deps) => Promise<Iterable<T>>;
}

/** GET /api/exports/{name}.csv, for managers and QA: a heading row and one row per item. */
function exportRoute<T>(spec: Export<T>): ApiRoute {
  const file = {
    description: 'A UTF-8 CSV file with a BOM',
    body: csv(
      spec.columns.map((c) => c.name),
      spec.what,
    ),
  };
  return route(`GET /api/exports/${spec.name}.csv`, ['manager', 'qa'], {
    summary: spec.summary,
    description: spec.description,
    ...(spec.query && { query: spec.query.schema }),
    responses: spec.query ? { 200: file, 400: spec.query.invalid } : { 200: file },
    handler: async (c, deps) => csvReply(c, deps, spec.name, writeTable(spec.columns, await spec.rows(c, deps))),
  });
}

/** An export of the records this person may see, filtered as GET /api/submissions; `lines` makes its rows. */
const recordsExport = <T>(
  spec: Pick<Export<T>, 'name' | 'summary' | 'columns' | 'what'>,
  lines: (records: StoredSubmission[]) => Iterable<T>,
): ApiRoute =>
  exportRoute({
    ...spec,
    description: FILTERED,
    query: { schema: RecordFilter, invalid: 'The filter is not valid' },
    rows: async (c, deps) => {
      // Read in keyset batches; the file itself is still assembled in memory (README: not done yet).
      const records: StoredSubmission[] = [];
      for await (const record of everyListed(deps.db, c.get('user'), submissionFilterOf(c))) records.push(record);
      return lines(records);
    },
  });

export const exportRoutes: readonly ApiRoute[] = [
  recordsExport(
    {
      name: 'submissions',
      summary: 'Download submissions as CSV',
      columns: SUBMISSION_COLUMNS,
      what: 'The submissions',
    },
    (records) => records,
  ),
  recordsExport(
    { name: 'answers', summary: 'Download answers as CSV', columns: ANSWER_COLUMNS, what: 'The answers' },
    answerLines,
  ),
  exportRoute({
    name: 'actions',
    summary: 'Download actions as CSV',
    description: 'Every action this person may see, in the order of GET /api/actions.',
    columns: ACTION_COLUMNS,
    what: 'The actions',
    // The order and visibility of GET /api/actions, without its status filter.
    rows: (c, deps) => visibleActions(deps.db, c.get('user')),
  }),
];
