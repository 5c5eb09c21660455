// Provider register CSV import: the RFC 4180 reader, a realistic spreadsheet export, and every kind
// of bad cell, header, duplicate and limit reported by spreadsheet row and column.
import { describe, it, expect } from 'vitest';
import { ProviderRecord } from '../../src/shared/briefings/register';
import { formatCsvIssue, parseProviderCsv, PROVIDER_CSV } from '../../src/server/providers/csv';
import { PROVIDER_CSV_COLUMNS, type ImportedProvider } from '../../src/server/providers/csv-row';
import { columnLetter, readCsv } from '../../src/server/http/csv-reader';

const officers: Record<string, string> = {
  'jo.bloggs@council.gov.uk': 'user-jo',
  'sam.patel@council.gov.uk': 'user-sam',
};
const lookups = { officerIdByEmail: (email: string) => officers[email.toLowerCase()] ?? null };
const parse = (text: string) => parseProviderCsv(text, lookups);

describe('readCsv (RFC 4180)', () => {
  it.each([
    [
      'LF, last line without a line end',
      'a,b\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'CRLF and trailing blank lines',
      'a,b\r\n1,2\r\n\r\n\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'bare CR line ends',
      'a,b\r1,2\r',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'quoted comma, doubled quote, line break',
      'a,b\n"x, y","say ""hi""\nthere"',
      [
        ['a', 'b'],
        ['x, y', 'say "hi"\nthere'],
      ],
    ],
    [
      'empty fields and a trailing comma',
      ',a,,\n"",x,',
      [
        ['', 'a', '', ''],
        ['', 'x', ''],
      ],
    ],
    ['BOM at the start', '\uFEFFname\nOak', [['name'], ['Oak']]],
  ])('%s', (_label, text, expected) => {
    const { records, errors } = readCsv(text);
    expect(errors).toEqual([]);
    expect(records.map((r) => r.fields)).toEqual(expected);
  });

  it('numbers records as spreadsheet rows even when a cell spans lines', () => {
    const { records } = readCsv('h\n"one\ntwo"\nthree\n');
    expect(records.map((r) => r.row)).toEqual([1, 2, 3]);
  });

  it('reports an unterminated quote at the row where it opens, and text after a closing quote', () => {
    expect(readCsv('h,i\n1,2\n3,"oops\n4,5\n').errors).toEqual([
      { row: 3, field: 1, message: expect.stringMatching(/never closed/) },
    ]);
    expect(readCsv('h\n"a"b\n').errors).toEqual([
      { row: 2, field: 0, message: expect.stringMatching(/after a closing quote/) },
    ]);
  });

  it('names spreadsheet columns', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
});

const GOOD_FILE =
  '\uFEFFName,CQC Location ID,Service Type,Address,Registered Manager,Capacity,Contract Reference,Contract Value,Contract Start,Contract End,Allocated Officer Email,RAG,RAG Reason,RAG Changed At,Monitoring Level\r\n' +
  'Oak Lodge,1-123456789,Care home,"12 High Street, Anytown\nAN1 2BC",Mary Jones,42,CR-2024-001,"£1,250,000",01/04/2024,31/03/2027,Jo.Bloggs@council.gov.uk,Green,,,1\r\n' +
  'Willow House Nursing Home,1-10000000001,Nursing home,"Willow Lane, Anytown",Peter Smith,60,CR-2023-017,£980000,1/4/2023,,sam.patel@council.gov.uk,Amber,"Two complaints about ""night staffing""",15/01/2025,3\r\n' +
  'Helping Hands,,Domiciliary care,"Unit 4, Trade Park",Asha Khan,,,,,,,green,,,2\r\n' +
  "St John's Supported Living,,Supported living,,,8,SL-9,1250000,2024-06-01,2026-05-31,,RED,Safeguarding enquiry open,2025-02-03,5\r\n" +
  "Brook View,,Children's residential,,,4,,,,,,Green,,,Level 2\r\n" +
  'Meadow Day Centre,,Day service,,,,,,,,,Green,,,4\r\n\r\n';

describe('parseProviderCsv: a good file', () => {
  it('parses a realistic council export into provider records', () => {
    const { rows, issues } = parse(GOOD_FILE);
    expect(issues).toEqual([]);
    expect(rows).toHaveLength(6);
    expect(rows[0]).toEqual<ImportedProvider>({
      id: 'oak-lodge',
      name: 'Oak Lodge',
      cqcLocationId: '1-123456789',
      serviceType: 'care-home',
      address: '12 High Street, Anytown\nAN1 2BC',
      registeredManager: 'Mary Jones',
      capacity: 42,
      contract: { reference: 'CR-2024-001', annualValue: 1250000, start: '2024-04-01', end: '2027-03-31' },
      allocatedOfficerId: 'user-jo',
      rag: 'green',
      ragReason: '',
      ragChangedAt: null,
      monitoringLevel: 1,
    });
    expect(rows[1]).toMatchObject({
      id: 'willow-house-nursing-home',
      serviceType: 'nursing-home',
      rag: 'amber',
      ragReason: 'Two complaints about "night staffing"',
      ragChangedAt: '2025-01-15',
      contract: { annualValue: 980000, start: '2023-04-01', end: null },
      allocatedOfficerId: 'user-sam',
    });
    expect(rows[2]).toMatchObject({
      serviceType: 'home-care',
      capacity: null,
      contract: null,
      allocatedOfficerId: null,
    });
    expect(rows[3]).toMatchObject({
      id: 'st-johns-supported-living',
      rag: 'red',
      monitoringLevel: 5,
      contract: { annualValue: 1250000 },
    });
    expect(rows.map((r) => r.serviceType).slice(4)).toEqual(['childrens-residential', 'day-service']);
    for (const row of rows)
      expect(ProviderRecord.safeParse({ ...row, lastVisitDate: null, nextVisitDue: null }).success).toBe(true);
  });

  it('keeps given ids and makes generated ones unique', () => {
    const { rows, issues } = parse(
      'id,name,service_type,rag,monitoring_level\noak-lodge,Elm,Care home,Green,1\n,Oak Lodge,Care home,Green,1\n,Oak-Lodge!,Care home,Green,1\n',
    );
    expect(issues).toEqual([]);
    expect(rows.map((r) => r.id)).toEqual(['oak-lodge', 'oak-lodge-2', 'oak-lodge-3']);
  });

  it.each([
    'name,service_type,rag,monitoring_level\r\n',
    'Name, Service-Type ,RAG,monitoring_level',
    'name,service_type,rag,monitoring_level\n,,,\n\n',
  ])('a header with no providers gives no rows and no issues (%j)', (text) =>
    expect(parse(text)).toEqual({ rows: [], issues: [] }),
  );
});

const HEADER = PROVIDER_CSV_COLUMNS.join(',');
const GOOD_ROW: Record<string, string> = {
  name: 'Oak Lodge',
  service_type: 'care-home',
  rag: 'green',
  monitoring_level: '2',
  contract_reference: 'CR-1',
  contract_value: '1000',
  contract_start: '2024-04-01',
  contract_end: '2025-03-31',
};
const line = (cells: Record<string, string>) =>
  PROVIDER_CSV_COLUMNS.map((c) => {
    const v = cells[c] ?? '';
    return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  }).join(',');

describe('parseProviderCsv: bad cells', () => {
  it.each<[string, Record<string, string>, string, RegExp]>([
    ['blank name', { name: '' }, 'name', /is blank/],
    ['name too long', { name: 'x'.repeat(201) }, 'name', /too long \(201 characters; at most 200\)/],
    ['id too long', { id: 'i'.repeat(65) }, 'id', /too long/],
    ['bad CQC id', { cqc_location_id: '1-12345' }, 'cqc_location_id', /"1-12345" is not a CQC location id/],
    ['unknown service type', { service_type: 'Hospice' }, 'service_type', /"Hospice" is not a service type.*Care home/],
    ['blank service type', { service_type: '' }, 'service_type', /is blank/],
    ['address too long', { address: 'a'.repeat(401) }, 'address', /too long/],
    ['capacity not a number', { capacity: 'twelve' }, 'capacity', /"twelve" is not a whole number/],
    ['capacity negative', { capacity: '-1' }, 'capacity', /not a whole number/],
    ['capacity too large', { capacity: '20000' }, 'capacity', /"20000" is more than 10000/],
    ['contract value text', { contract_value: 'lots' }, 'contract_value', /"lots" is not an amount in pounds/],
    ['contract value with pence', { contract_value: '£1,250.50' }, 'contract_value', /includes pence/],
    ['contract start not a date', { contract_start: 'April 2024' }, 'contract_start', /"April 2024" is not a date/],
    [
      'contract start not a real date',
      { contract_start: '31/02/2024' },
      'contract_start',
      /"31\/02\/2024" is not a real date/,
    ],
    ['contract end month 13', { contract_end: '2025-13-01' }, 'contract_end', /not a real date/],
    ['two-digit year', { contract_end: '31/03/25' }, 'contract_end', /two-digit year/],
    [
      'end before start',
      { contract_start: '01/04/2024', contract_end: '31/03/2024' },
      'contract_end',
      /"31\/03\/2024" is before the contract start \(01\/04\/2024\)/,
    ],
    [
      'contract without reference',
      { contract_reference: '' },
      'contract_reference',
      /needed when the row has contract details/,
    ],
    [
      'contract without start',
      { contract_start: '', contract_end: '' },
      'contract_start',
      /needed when the row has contract details/,
    ],
    ['contract reference too long', { contract_reference: 'R'.repeat(61) }, 'contract_reference', /too long/],
    [
      'not an email',
      { allocated_officer_email: 'jo bloggs' },
      'allocated_officer_email',
      /"jo bloggs" is not an email address/,
    ],
    [
      'unknown officer',
      { allocated_officer_email: 'nobody@council.gov.uk' },
      'allocated_officer_email',
      /no officer has the email "nobody@council.gov.uk"/,
    ],
    ['bad RAG', { rag: 'Yellow' }, 'rag', /"Yellow" is not a RAG rating/],
    ['blank RAG', { rag: '' }, 'rag', /is blank/],
    ['amber without reason', { rag: 'Amber' }, 'rag_reason', /reason is needed when the RAG rating is Amber/],
    ['red without reason', { rag: 'red' }, 'rag_reason', /reason is needed/],
    ['RAG changed date invalid', { rag_changed_at: '2024-02-30' }, 'rag_changed_at', /not a real date/],
    ['monitoring level 6', { monitoring_level: '6' }, 'monitoring_level', /^"6" is not a monitoring level \(1 to 5\)$/],
    ['monitoring level blank', { monitoring_level: '' }, 'monitoring_level', /is blank/],
  ])('%s', (_label, change, column, message) => {
    const text = `${HEADER}\n${line({ ...GOOD_ROW, name: 'Elm House' })}\n${line({ ...GOOD_ROW, ...change })}\n`;
    const { rows, issues } = parse(text);
    expect(issues).toEqual([{ row: 3, column, message: expect.stringMatching(message) }]);
    expect(rows.map((r) => r.name)).toEqual(['Elm House']);
  });

  it('collects every issue in every row, not just the first', () => {
    const text = [
      HEADER,
      line({ ...GOOD_ROW, name: 'A', rag: 'Purple', monitoring_level: '0' }),
      line({ ...GOOD_ROW, name: 'B' }),
      line({ ...GOOD_ROW, name: 'C', capacity: 'x' }),
      '',
      line({ ...GOOD_ROW, name: '', service_type: 'zoo' }),
    ].join('\r\n');
    const { rows, issues } = parse(text);
    expect(issues.map((i) => [i.row, i.column])).toEqual([
      [2, 'rag'],
      [2, 'monitoring_level'],
      [4, 'capacity'],
      [6, 'name'],
      [6, 'service_type'],
    ]);
    expect(rows.map((r) => r.name)).toEqual(['B']);
    expect(formatCsvIssue(issues[1]!)).toBe('row 2, monitoring_level: "0" is not a monitoring level (1 to 5)');
  });

  it('reports data in a column with no heading', () => {
    const { issues } = parse('name,service_type,rag,monitoring_level,\nOak,Care home,Green,1,,stray\n');
    expect(issues).toEqual([{ row: 2, column: null, message: 'has "stray" in column F, which has no heading' }]);
    expect(formatCsvIssue(issues[0]!)).toBe('row 2: has "stray" in column F, which has no heading');
  });
});

describe('parseProviderCsv: headers, duplicates and the file as a whole', () => {
  it('matches headings ignoring case, spaces, underscores and hyphens', () => {
    const { rows, issues } = parse(
      'NAME,Service-Type,rag,Monitoring Level,cqc_location-ID\nOak,Care home,Green,1,1-123456789\n',
    );
    expect(issues).toEqual([]);
    expect(rows[0]).toMatchObject({ name: 'Oak', cqcLocationId: '1-123456789' });
  });

  it('reports unknown, duplicated and missing headings', () => {
    const { rows, issues } = parse('name,Registerd Manager,rag,rag,monitoring_level\nOak,Mary,Green,Green,1\n');
    expect(rows).toEqual([]);
    expect(issues).toEqual([
      {
        row: 1,
        column: 'Registerd Manager',
        message: expect.stringMatching(/"Registerd Manager" is not a column this import knows/),
      },
      { row: 1, column: 'rag', message: 'the heading appears twice (columns C and D)' },
      { row: 1, column: 'service_type', message: 'this required column is missing from the header row' },
    ]);
  });

  it('names both rows for duplicate ids and duplicate names', () => {
    const text =
      'id,name,service_type,rag,monitoring_level\np1,Oak Lodge,Care home,Green,1\np2,Elm,Care home,Green,1\np1,Ash,Care home,Green,1\np4,  oak  lodge ,Care home,Green,1\n';
    const { issues } = parse(text);
    expect(issues).toEqual([
      { row: 4, column: 'id', message: '"p1" is also the id on row 2; each provider needs its own id' },
      { row: 5, column: 'name', message: '"oak  lodge" is also on row 2; each provider can appear only once' },
    ]);
  });

  it('reports an unterminated quote with its row and column', () => {
    const { issues } = parse(
      'name,service_type,address,rag,monitoring_level\nOak,Care home,"1 High St,Green,1\nElm,Care home,,Green,1\n',
    );
    expect(issues).toEqual([{ row: 2, column: 'address', message: expect.stringMatching(/never closed/) }]);
  });

  it.each([
    ['an empty file', ''],
    ['a BOM and blank lines only', '\uFEFF\r\n\r\n'],
  ])('rejects %s', (_label, text) => {
    expect(parse(text)).toEqual({
      rows: [],
      issues: [{ row: 1, column: null, message: expect.stringMatching(/^The file is empty/) }],
    });
  });

  it('rejects more than 5,000 providers with one issue', () => {
    const body = Array.from({ length: PROVIDER_CSV.maxRows + 1 }, (_, i) => `P${i},Care home,Green,1`).join('\n');
    const { rows, issues } = parse(`name,service_type,rag,monitoring_level\n${body}`);
    expect(rows).toEqual([]);
    expect(issues).toEqual([
      { row: 0, column: null, message: expect.stringMatching(/5,001 providers; one import can take at most 5,000/) },
    ]);
    expect(parse(`name,service_type,rag,monitoring_level\n${body.slice(0, body.lastIndexOf('\n'))}`).rows).toHaveLength(
      5000,
    );
  });

  it('rejects a file over 1 MB with one issue', () => {
    const text = `name,service_type,rag,rag_reason,monitoring_level\nOak,Care home,Green,${'x'.repeat(PROVIDER_CSV.maxBytes)},1\n`;
    expect(parse(text)).toEqual({
      rows: [],
      issues: [{ row: 0, column: null, message: expect.stringMatching(/larger than 1 MB/) }],
    });
    expect(formatCsvIssue(parse(text).issues[0]!)).toMatch(/^The file is larger than 1 MB/);
  });
});
