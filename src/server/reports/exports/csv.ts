// The CSV the office downloads: an RFC 4180 writer and the reader that undoes it, over tables of
// named columns. Invariant: readTable(writeTable(cols, rows)) gives back every cell exactly — the
// spreadsheet formula guard (a leading ' on risky cells) is added on write and removed on read.
// Parsing itself is the shared reader in http/csv-reader.ts (also the imports'), so there is one CSV parser.
import { readCsv } from '../../http/csv-reader';

/** One column of an export: its stable heading, what it holds (for the docs) and how to fill it. */
export type Column<T> = { readonly name: string; readonly means: string; readonly of: (row: T) => string };

/** A row read back: every heading of the table, as text. */
type TableRow<C extends readonly Column<never>[]> = Record<C[number]['name'], string>;

const BOM = '\uFEFF';
const NEEDS_QUOTES = /[",\r\n]/;
// Cells a spreadsheet would run as a formula (=, +, -, @) or that could hide one (tab, CR); a
// leading ' is included so that the guard stays reversible: every cell that starts with ' was guarded.
const RISKY_START = /^[=+\-@\t\r']/;

/** A cell as written: guarded against formula injection, then quoted if it must be. */
export function encodeCell(value: string): string {
  const guarded = RISKY_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

/** The guard undone: exactly one leading ' removed. */
export const decodeCell = (cell: string): string => (cell.startsWith("'") ? cell.slice(1) : cell);

/**
 * CSV text for rows of cells: a UTF-8 BOM (so Excel does not read it as a legacy code page) and
 * CRLF after every row. The reader drops rows of only blank cells at the end of the file (as a
 * spreadsheet would), so every export starts its rows with an id that is never blank.
 */
export function toCsv(rows: readonly (readonly string[])[]): string {
  let text = BOM;
  for (const row of rows) text += `${row.map(encodeCell).join(',')}\r\n`;
  return text;
}

/** Rows of cells from CSV text written by toCsv (or a spreadsheet saving it again); throws on a syntax error. */
export function readCsvRows(text: string): string[][] {
  const { records, errors } = readCsv(text);
  const first = errors[0];
  if (first !== undefined) throw new Error(`CSV row ${first.row}, field ${first.field + 1}: ${first.message}`);
  return records.map((r) => r.fields.map(decodeCell));
}

/** A heading row and one row per item, in order. */
export function writeTable<T>(columns: readonly Column<T>[], items: Iterable<T>): string {
  const rows: string[][] = [columns.map((c) => c.name)];
  for (const item of items) rows.push(columns.map((c) => c.of(item)));
  return toCsv(rows);
}

/** Rows written per chunk of a streamed table: enough to keep the chunks few, small enough to stay light. */
const ROWS_PER_CHUNK = 200;

/**
 * The same text as writeTable, as chunks made while the items arrive (an export of years of
 * records is never held whole): their concatenation is exactly writeTable's text.
 */
export async function* streamTable<T>(
  columns: readonly Column<T>[],
  items: Iterable<T> | AsyncIterable<T>,
): AsyncGenerator<string> {
  let chunk = toCsv([columns.map((c) => c.name)]);
  let rows = 0;
  for await (const item of items) {
    chunk += `${columns.map((c) => encodeCell(c.of(item))).join(',')}\r\n`;
    if (++rows % ROWS_PER_CHUNK === 0) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}

/**
 * The rows of a table written by writeTable with these columns. The headings must be exactly
 * the columns, in order (a renamed or moved column means a different export, not a guess).
 */
export function readTable<C extends readonly Column<never>[]>(columns: C, text: string): TableRow<C>[] {
  const [header, ...rows] = readCsvRows(text);
  const names = columns.map((c) => c.name);
  if (header === undefined || header.join(',') !== names.join(',')) {
    throw new Error(`The headings are not ${names.join(', ')}`);
  }
  return rows.map((cells, i) => {
    if (cells.length !== names.length)
      throw new Error(`CSV row ${i + 2} has ${cells.length} cells, not ${names.length}`);
    return Object.fromEntries(names.map((name, k) => [name, cells[k]!])) as TableRow<C>;
  });
}

/** Text for an optional or nullable value: absent and null both become the empty cell. */
export const orEmpty = (value: string | number | null | undefined): string =>
  value === null || value === undefined ? '' : String(value);

/** The reverse of orEmpty for a nullable text: the empty cell becomes null. */
export const orNull = (cell: string): string | null => (cell === '' ? null : cell);

/** A whole number cell, or an error naming the column (a hand-edited file should fail loudly, not become NaN). */
export function toInt(cell: string, column: string): number {
  if (!/^-?\d+$/.test(cell)) throw new Error(`${column} must be a whole number, not "${cell}"`);
  return Number(cell);
}
