// What the CSV imports (the provider register, intelligence) share in reading a file: its size and
// row limits, the heading row mapped onto known columns whatever their spelling, each data row's
// cells by column, the spellings a cell may use for a value, and dates as spreadsheets write them.
// Every problem becomes a TableIssue naming the spreadsheet row and column; none is dropped. Pure:
// no DB, no Node (the reader is ./csv-reader.ts).
import { columnLetter, isBlankRecord, readCsv, type CsvRecord, type CsvSyntaxError } from './csv-reader';

/** A problem found reading a file, as import routes report it: `row` is the spreadsheet row (the headings are row 1; 0: the file as a whole). */
export type TableIssue = { row: number; column: string | null; message: string };

/**
 * Reads an import file's heading row and its non-blank data rows, or says why it cannot: too
 * large, no headings, too many rows (`noun` names them: "providers", "entries"), or no rows at all.
 */
function readCsvTable(
  text: string,
  limits: { maxBytes: number; maxRows: number; columns: readonly string[]; noun: string },
): { header: CsvRecord; data: CsvRecord[]; errors: CsvSyntaxError[] } | { issue: TableIssue } {
  if (text.length > limits.maxBytes || new TextEncoder().encode(text).length > limits.maxBytes) {
    return {
      issue: {
        row: 0,
        column: null,
        message: 'The file is larger than 1 MB. Split it into smaller files and import each one.',
      },
    };
  }
  const { records, errors } = readCsv(text);
  const [header, ...body] = records;
  if (!header || isBlankRecord(header)) {
    const headings = `The first row must be the column headings: ${limits.columns.join(', ')}.`;
    return {
      issue: {
        row: 1,
        column: null,
        message: errors[0]?.message ?? (header ? `Row 1 is blank. ${headings}` : `The file is empty. ${headings}`),
      },
    };
  }
  const data = body.filter((r) => !isBlankRecord(r));
  if (data.length > limits.maxRows) {
    const message = `The file has ${data.length.toLocaleString('en-GB')} ${limits.noun}; one import can take at most ${limits.maxRows.toLocaleString('en-GB')}. Split it into smaller files.`;
    return { issue: { row: 0, column: null, message } };
  }
  return { header, data, errors };
}

/** Headings match columns whatever their case, spaces, dashes or underscores ("Service type" = service_type). */
const headingKey = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');

/**
 * Maps the heading row onto known columns: each known column once; an unknown or repeated
 * heading, a missing required column and each syntax error become issues (reported, never dropped).
 */
function mapHeadings<C extends string>(
  header: CsvRecord,
  errors: CsvSyntaxError[],
  columns: readonly C[],
  required: readonly C[],
): { columnAt: (C | null)[]; indexOf: Map<C, number>; missing: C[]; issues: TableIssue[] } {
  const byKey = new Map<string, C>(columns.map((c) => [headingKey(c), c]));
  const issues: TableIssue[] = [];
  const columnAt: (C | null)[] = [];
  const indexOf = new Map<C, number>();
  header.fields.forEach((heading, i) => {
    const column = byKey.get(headingKey(heading)) ?? null;
    columnAt.push(column);
    if (heading.trim() === '') return;
    if (!column) {
      issues.push({
        row: 1,
        column: heading.trim(),
        message: `"${heading.trim()}" is not a column this import knows (check the spelling). The columns are: ${columns.join(', ')}.`,
      });
    } else if (indexOf.has(column)) {
      issues.push({
        row: 1,
        column,
        message: `the heading appears twice (columns ${columnLetter(indexOf.get(column)!)} and ${columnLetter(i)})`,
      });
    } else indexOf.set(column, i);
  });
  const missing = required.filter((c) => !indexOf.has(c));
  for (const column of missing)
    issues.push({ row: 1, column, message: 'this required column is missing from the header row' });
  for (const e of errors)
    issues.push({
      row: e.row,
      column: columnAt[e.field] ?? (header.fields[e.field]?.trim() || null),
      message: e.message,
    });
  return { columnAt, indexOf, missing, issues };
}

/** What an import file is: its columns (and which are required), how large it may be, what its rows are ("providers"). */
export interface ImportFile<C extends string> {
  columns: readonly C[];
  required: readonly C[];
  maxBytes: number;
  maxRows: number;
  noun: string;
}

/** What a feature's parse of an import file gives: the rows read, and every issue (nothing is written unless it is empty). */
export type ParsedImport<Row> = { rows: Row[]; issues: TableIssue[] };

/** An import file read against its columns, its data rows left for the feature to check one by one. */
interface ImportTable<C extends string> {
  /** The non-blank data rows. */
  rows: CsvRecord[];
  /** Problems found so far (headings, syntax); row checks add theirs. */
  issues: TableIssue[];
  /** Required columns the heading row lacks. */
  missing: C[];
  /** Whether the heading row has the column. */
  has: (column: C) => boolean;
  /** A row's cells by column, trimmed (absent where the file has no such column); a value under no heading is an issue. */
  cells: (record: CsvRecord) => Partial<Record<C, string>>;
}

/** Reads an import file: its headings mapped onto `columns`, or the one issue that stops it (size, rows, no headings). */
export function readImportTable<C extends string>(
  text: string,
  file: ImportFile<C>,
): ImportTable<C> | { issue: TableIssue } {
  const table = readCsvTable(text, file);
  if ('issue' in table) return table;
  const { header, data, errors } = table;
  const { columnAt, indexOf, missing, issues } = mapHeadings(header, errors, file.columns, file.required);
  const cells = (record: CsvRecord) => {
    const out: Partial<Record<C, string>> = {};
    for (const [column, i] of indexOf) out[column] = (record.fields[i] ?? '').trim();
    record.fields.forEach((value, i) => {
      if (value.trim() !== '' && !columnAt[i] && !header.fields[i]?.trim()) {
        issues.push({
          row: record.row,
          column: null,
          message: `has "${value.trim()}" in column ${columnLetter(i)}, which has no heading`,
        });
      }
    });
    return out;
  };
  return { rows: data, issues, missing, has: (column) => indexOf.has(column), cells };
}

/** Accepted spellings of a value (letters only, lower case) → the value, and how to say what is accepted. */
export type Vocabulary<T> = { values: Record<string, T>; help: string };
export const vocab = <T>(values: Record<string, T>, help: string): Vocabulary<T> => ({ values, help });

/** The value a cell spells, whatever its case, spaces and punctuation ("Home care" = homecare); undefined for none. */
export function spelled<T>(words: Vocabulary<T>, raw: string): T | undefined {
  const key = raw.toLowerCase().replace(/[^a-z]/g, '');
  // Own keys only: a cell reading "constructor" must not find Object.prototype's.
  return Object.hasOwn(words.values, key) ? words.values[key] : undefined;
}

const DATE_HELP = 'use DD/MM/YYYY or YYYY-MM-DD';

/** A calendar date as YYYY-MM-DD, from either way a spreadsheet writes one, or an error message. */
export function parseDate(raw: string): { date: string } | { error: string } {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw);
  if (!iso && !uk) {
    if (/^\d{1,2}\/\d{1,2}\/\d{2}$/.test(raw)) return { error: `"${raw}" has a two-digit year; ${DATE_HELP}` };
    return { error: `"${raw}" is not a date; ${DATE_HELP}` };
  }
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]].map(Number) : [uk![3], uk![2], uk![1]].map(Number);
  const daysInMonth = m! >= 1 && m! <= 12 ? new Date(Date.UTC(y!, m!, 0)).getUTCDate() : 0;
  if (d! < 1 || d! > daysInMonth) return { error: `"${raw}" is not a real date` };
  return { date: `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}
