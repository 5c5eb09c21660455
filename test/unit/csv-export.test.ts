// The export CSV writer and reader: awkward cells survive the round trip exactly, the file is what
// Excel expects (BOM, CRLF, RFC 4180 quoting), and formula-like cells are defused reversibly.
import { describe, expect, it } from 'vitest';
import {
  type Column,
  decodeCell,
  encodeCell,
  readCsvRows,
  readTable,
  streamTable,
  toCsv,
  writeTable,
} from '../../src/server/reports/exports/csv';
import { readCsv } from '../../src/server/http/csv-reader';

describe('export CSV round trip', () => {
  it.each<[string, string[][]]>([
    [
      'plain cells',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    ['commas and quotes', [['x, y', 'say "hi"', '"', '""', ',']]],
    ['line breaks of every kind inside a cell', [['one\ntwo', 'one\r\ntwo', 'one\rtwo', '\n', 'end\r\n']]],
    ['formula starts', [['=SUM(A1:A2)', '+1', '-1', '@cmd', '=HYPERLINK("http://x","y")']]],
    ['tab and CR starts', [['\tindented', '\rreturn', '\t', '\r']]],
    ['apostrophe starts (one, two, alone)', [["'quoted", "''twice", "'", "'=already"]]],
    ['risky characters later in the cell are left alone', [['a=b', 'a-b', "it's", 'x@y.org', 'a\tb']]],
    ['unicode', [['Zoë’s café', '日本語', '🙂 emoji', 'naïve — dash', '\u00a0nbsp']]],
    [
      'empty cells anywhere',
      [
        ['', 'a', ''],
        ['', '', 'b'],
        ['c', '', ''],
      ],
    ],
    ['a lone empty cell in the middle of the file', [['a'], [''], ['b']]],
    ['spaces kept, not trimmed', [['  lead', 'trail  ', ' ']]],
    ['a cell that looks like a BOM or a number', [['\uFEFFbom', '007', '1e3', '-0']]],
  ])('%s', (_label, rows) => {
    expect(readCsvRows(toCsv(rows))).toEqual(rows);
  });

  it('starts with a BOM and ends every row with CRLF', () => {
    const text = toCsv([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(text).toBe('\uFEFFa,b\r\n1,2\r\n');
  });

  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=1+1', "'=1+1"],
    ['-5', "'-5"],
    ['+44 1632', "'+44 1632"],
    ['@SUM', "'@SUM"],
    ["'", "''"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
    ['=a,b', `"'=a,b"`],
    ['', ''],
  ])('encodes %j as %j', (cell, encoded) => {
    expect(encodeCell(cell)).toBe(encoded);
  });

  it('removes exactly one leading apostrophe on read', () => {
    expect(["'x", "''x", 'x', "'", ''].map(decodeCell)).toEqual(['x', "'x", 'x', '', '']);
  });

  it('reads back what a spreadsheet would show after the guard (the provider reader sees the guarded text)', () => {
    const raw = readCsv(toCsv([['=1+1', "it's"]])).records.map((r) => r.fields);
    expect(raw).toEqual([["'=1+1", "it's"]]);
  });

  it('drops trailing rows of only blank cells, as the shared reader does (exports always start rows with an id)', () => {
    expect(readCsvRows(toCsv([['a'], [''], ['', '']]))).toEqual([['a']]);
  });

  it('throws on a syntax error instead of guessing', () => {
    expect(() => readCsvRows('a,b\r\n"open,2\r\n')).toThrow(/never closed/);
  });
});

describe('tables of named columns', () => {
  type Thing = { id: string; note: string | null };
  const COLUMNS = [
    { name: 'id', means: 'Its id', of: (t) => t.id },
    { name: 'note', means: 'A note', of: (t) => t.note ?? '' },
  ] as const satisfies readonly Column<Thing>[];

  it('writes the headings, then one row per item, and reads them back by heading', () => {
    const text = writeTable(COLUMNS, [
      { id: 'a', note: '=danger, "quoted"\nnext' },
      { id: 'b', note: null },
    ]);
    expect(text.startsWith('\uFEFFid,note\r\n')).toBe(true);
    expect(readTable(COLUMNS, text)).toEqual([
      { id: 'a', note: '=danger, "quoted"\nnext' },
      { id: 'b', note: '' },
    ]);
  });

  it.each([0, 1, 199, 200, 201, 450])(
    'streams exactly the text writeTable writes (%i rows), in chunks',
    async (count) => {
      const things: Thing[] = Array.from({ length: count }, (_, n) => ({
        id: `t${n}`,
        note: n % 3 ? `=n, "${n}"\n` : null,
      }));
      async function* arriving() {
        for (const thing of things) yield thing;
      }
      const chunks: string[] = [];
      for await (const chunk of streamTable(COLUMNS, arriving())) chunks.push(chunk);
      expect(chunks.join('')).toBe(writeTable(COLUMNS, things));
      // The headings go with the first rows; a chunk every 200 rows.
      expect(chunks).toHaveLength(Math.max(1, Math.ceil(count / 200)));
    },
  );

  it.each([
    ['renamed heading', '\uFEFFid,notes\r\na,b\r\n', /headings/],
    ['moved column', '\uFEFFnote,id\r\na,b\r\n', /headings/],
    ['short row', '\uFEFFid,note\r\na\r\n', /row 2 has 1 cells/],
    ['long row', '\uFEFFid,note\r\na,b,c\r\n', /row 2 has 3 cells/],
    ['empty file', '', /headings/],
  ])('refuses a %s', (_label, text, message) => {
    expect(() => readTable(COLUMNS, text)).toThrow(message);
  });
});
