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
