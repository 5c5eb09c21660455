// An RFC 4180 CSV reader for spreadsheet exports: quoted fields (commas, doubled quotes and line
// breaks inside), CRLF, LF or CR line ends, a leading UTF-8 BOM, trailing blank lines and a last
// line without a line end. Pure: no DOM or Node APIs.

/** One record; `row` is its spreadsheet row number (the first record is row 1). */
export type CsvRecord = { row: number; fields: string[] };
/** A syntax problem; `field` is the 0-based index of the field it was found in. */
export type CsvSyntaxError = { row: number; field: number; message: string };

const isDelimiter = (c: string | undefined) => c === ',' || c === '\n' || c === '\r';

/**
 * Splits CSV text into records. Reading stops at an unterminated quote (it swallows the rest of the
 * file); the records before it are returned. Trailing records whose fields are all empty are dropped.
 */
export function readCsv(input: string): { records: CsvRecord[]; errors: CsvSyntaxError[] } {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  const errors: CsvSyntaxError[] = [];
  const n = text.length;
  let fields: string[] = [];
  let i = 0;

  while (i < n) {
    const row = records.length + 1;
    let field: string;
    if (text[i] === '"') {
      // Quoted field: runs to the next quote that is not doubled.
      const parts: string[] = [];
      let from = i + 1;
      let closed = false;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q === -1) break;
        parts.push(text.slice(from, q));
        if (text[q + 1] === '"') {
          parts.push('"');
          from = q + 2;
          continue;
        }
        i = q + 1;
        closed = true;
        break;
      }
      if (!closed) {
        errors.push({
          row,
          field: fields.length,
          message: 'a value starts with a quote mark (") that is never closed, so the rest of the file cannot be read',
        });
        return { records: dropTrailingBlank(records), errors };
      }
      field = parts.join('');
      if (i < n && !isDelimiter(text[i])) {
        // RFC 4180 allows nothing between a closing quote and the next comma; keep the text, report it.
        const start = i;
        while (i < n && !isDelimiter(text[i])) i++;
        field += text.slice(start, i);
        errors.push({
          row,
          field: fields.length,
          message: 'has text after a closing quote mark; put the whole value inside the quotes',
        });
      }
    } else {
      const start = i;
      while (i < n && !isDelimiter(text[i])) i++;
      field = text.slice(start, i);
    }
    fields.push(field);

    if (i >= n) break;
    if (text[i] === ',') {
      i++;
      if (i >= n) fields.push(''); // "a,b," ends with an empty field
      continue;
    }
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
    records.push({ row, fields });
    fields = [];
  }
  if (fields.length > 0) records.push({ row: records.length + 1, fields });
  return { records: dropTrailingBlank(records), errors };
}

/** True when every field of the record is empty or whitespace (a blank spreadsheet row). */
export const isBlankRecord = (r: CsvRecord) => r.fields.every((f) => f.trim() === '');

function dropTrailingBlank(records: CsvRecord[]): CsvRecord[] {
  let end = records.length;
  while (end > 0 && isBlankRecord(records[end - 1]!)) end--;
  return records.slice(0, end);
}

/** Spreadsheet column letter for a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let s = '';
  for (let k = index + 1; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** A problem found reading a file, as import routes report it (row 0: the file as a whole). */
export type TableIssue = { row: number; column: string | null; message: string };

/**
 * Reads an import file's heading row and its non-blank data rows, or says why it cannot: too
 * large, no headings, too many rows (`noun` names them: "providers", "entries"), or no rows at all.
 */
export function readCsvTable(
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
export function mapHeadings<C extends string>(
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
