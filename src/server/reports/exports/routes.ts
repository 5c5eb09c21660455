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
import { streamTable, type Column } from './csv';
import { SUBMISSION_COLUMNS } from './submissions-csv';

const route = routeDeclarer('reports');

/**
 * A streamed body from chunks of text. The first chunk is made before the answer starts, so a
 * failure reading the first rows is still an error answer; a failure later ends the connection
 * mid-file, which the browser reports as a failed download (never a short file that looks whole).
 */
async function streamed(chunks: AsyncIterator<string>): Promise<ReadableStream<Uint8Array>> {
  const encoder = new TextEncoder();
  let first: IteratorResult<string> | null = await chunks.next();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = first ?? (await chunks.next());
      first = null;
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return?.(undefined);
    },
  });
}

/**
 * A download, never cached (it holds personal data), named by what it is and the council's day.
 * Who downloaded what goes in the audit log (the export's name only, never the filter). `text` is
 * the whole file, or its chunks as they are made (streamTable).
 */
export async function csvReply(
  c: AppContext,
  deps: Deps,
  name: string,
  text: string | AsyncGenerator<string>,
): Promise<Response> {
  const now = deps.now();
  const body = typeof text === 'string' ? text : await streamed(text);
  await recordAudit(deps.db, now, c.get('user').id, 'export.download', name);
  return c.body(body, 200, {
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
  /** The rows, as they are read (the file is streamed: streamTable). */
  rows: (c: AppContext, deps: Deps) => Promise<Iterable<T>> | AsyncIterable<T>;
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
    handler: async (c, deps) => csvReply(c, deps, spec.name, streamTable(spec.columns, await spec.rows(c, deps))),
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
    // Read in keyset batches and written as they come: at most a batch of records is held.
    rows: (c, deps) => linesOf(everyListed(deps.db, c.get('user'), submissionFilterOf(c)), lines),
  });

async function* linesOf<T>(
  records: AsyncIterable<StoredSubmission>,
  lines: (records: StoredSubmission[]) => Iterable<T>,
): AsyncGenerator<T> {
  for await (const record of records) yield* lines([record]);
}

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
