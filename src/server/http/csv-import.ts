// The all-or-nothing CSV import route (the provider register, intelligence), declared once: a POST
// of a text/csv file (415 for any other type, 413 over the size limit), parsed whole against what
// the database holds, refused with 422 naming every bad row and column when anything is wrong (and
// then nothing is written), else written in one go by the feature's store with the importing
// person and the server's clock. Feature routes supply the file's columns, the parse and the write.
import type * as z from 'zod/mini';
import { calendarDay } from '../../shared/calendar';
import type { Role, SessionUser } from '../../shared/auth/schema';
import type { Db } from '../db';
import { readTextBody } from './body';
import type { ImportFile, TableIssue } from './csv-table';
import type { AppContext } from './env';
import { ApiError, invalid } from './errors';
import { csv, routeDeclarer, reply, type ApiRoute, type Tag } from './route';

/** What an import may answer besides 401 and 403. */
const CSV_IMPORT_ERRORS: Record<number, string> = {
  413: 'The file is over the size limit',
  415: 'The body is not text/csv',
  422: 'Nothing imported: every bad row and column is listed in issues',
};

interface CsvImport<Row, Answer extends z.ZodMiniType> {
  path: `/api/${string}`;
  tag: Tag;
  access: readonly Role[];
  summary: string;
  /** The file (its columns and size limit), what its rows are for the document, and how the 415 names it. */
  file: ImportFile<string> & { describe: string; called: string };
  /** The 200 answer. */
  answer: { description: string; schema: Answer };
  /** Every row read and checked (lookups against `db` are made here); `today` is the server's day. */
  parse: (text: string, db: Db, today: string) => Promise<{ rows: Row[]; issues: readonly TableIssue[] }>;
  /** Writes every row in one transaction, attributed to `user` at `now`. */
  write: (db: Db, rows: Row[], user: SessionUser, now: Date) => Promise<z.output<Answer>>;
}

/** The declaration of one CSV import route. */
export function csvImportRoute<Row, Answer extends z.ZodMiniType>(spec: CsvImport<Row, Answer>): ApiRoute {
  return routeDeclarer(spec.tag)(`POST ${spec.path}`, spec.access, {
    summary: spec.summary,
    body: csv(spec.file.columns, spec.file.describe),
    responses: { 200: reply(spec.answer.description, spec.answer.schema), ...CSV_IMPORT_ERRORS },
    handler: async (c, deps) => {
      const text = await csvText(c, spec.file.maxBytes, spec.file.called);
      const now = deps.now();
      const parsed = await spec.parse(text, deps.db, calendarDay(now));
      if (parsed.issues.length > 0) throw importRefused(parsed.issues);
      return c.json(await spec.write(deps.db, parsed.rows, c.get('user'), now));
    },
  });
}

/** An imported file as text: 415 unless sent as text/csv (`what` names it: "the register"), 413 over `limit`. */
async function csvText(c: AppContext, limit: number, what: string): Promise<string> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'text/csv')
    throw new ApiError(415, 'unsupported-type', `Send ${what} as CSV with Content-Type: text/csv`);
  return readTextBody(c, limit, 'Send the CSV file as the request body');
}

/** 422 naming every bad row and column of an import (row 0: the file); nothing was imported. */
function importRefused(issues: readonly TableIssue[]): ApiError {
  const path = (i: TableIssue) =>
    i.row === 0 ? 'file' : i.column === null ? `row ${i.row}` : `row ${i.row} column ${i.column}`;
  const rows = new Set(issues.map((i) => i.row)).size;
  return invalid(
    issues.map((i) => ({ path: path(i), message: i.message })),
    `Nothing was imported: ${rows} row(s) need correcting`,
  );
}
