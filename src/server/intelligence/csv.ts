// Provider intelligence import from CSV (issue 3, item 3): one row per entry, a `kind` column and
// the columns that kind uses (CQC ratings, complaint status, feedback source, ...). Every problem
// is reported by spreadsheet row and column; the caller imports nothing unless `issues` is empty.
// Pure: no DB, no Node. Same reader, date rules and issue shape as the provider register import
// (http/csv-table.ts).
import { IntelligenceEntry, type IntelligenceKind } from '../../shared/briefings/register';
import {
  parseDate,
  readImportTable,
  spelled,
  type ImportFile,
  type ParsedImport,
  type TableIssue,
  type Vocabulary,
} from '../http/csv-table';
import { CQC_RATINGS, KINDS, OUTCOMES, SENTIMENTS, SOURCES, STATUSES, YES_NO } from './csv-words';

/** A CQC inspection's ratings: overall, then the five key questions. */
const CQC_COLUMNS = ['overall', 'safe', 'effective', 'caring', 'responsive', 'well_led'] as const;

const INTELLIGENCE_CSV_COLUMNS = [
  'provider_id',
  'kind',
  'date',
  'summary',
  'status',
  ...CQC_COLUMNS,
  'notified_to_cqc',
  'source',
  'sentiment',
  'outcome',
] as const satisfies readonly string[];
type Column = (typeof INTELLIGENCE_CSV_COLUMNS)[number];
export const INTELLIGENCE_CSV: ImportFile<Column> = {
  columns: INTELLIGENCE_CSV_COLUMNS,
  required: ['provider_id', 'kind', 'date'],
  maxRows: 5000,
  maxBytes: 1024 * 1024,
  noun: 'entries',
};

/** An entry as read from the file; the server adds id, recordedBy and recordedAt. */
export type ImportedEntry = DistributiveOmit<IntelligenceEntry, 'id' | 'recordedBy' | 'recordedAt'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

type IntelligenceCsvLookups = {
  /** Whether the id names a provider on the register. */
  providerExists: (id: string) => boolean;
  /** Today (YYYY-MM-DD, server clock): an entry cannot be dated later. */
  today: string;
};

/** The columns each kind uses besides provider_id, kind, date and summary. */
const KIND_COLUMNS: Record<IntelligenceKind, readonly Column[]> = {
  'cqc-inspection': CQC_COLUMNS,
  complaint: ['status'],
  'safeguarding-referral': ['status'],
  incident: ['notified_to_cqc'],
  feedback: ['source', 'sentiment'],
  'fire-inspection': ['outcome'],
};
const KIND_NAME: Record<IntelligenceKind, string> = {
  'cqc-inspection': 'a CQC inspection',
  complaint: 'a complaint',
  'safeguarding-referral': 'a safeguarding referral',
  incident: 'an incident',
  feedback: 'feedback',
  'fire-inspection': 'a fire inspection',
};
/** Kinds whose entry says nothing without a summary (the office form asks for one too). */
export const SUMMARY_REQUIRED: ReadonlySet<IntelligenceKind> = new Set([
  'complaint',
  'safeguarding-referral',
  'incident',
  'feedback',
]);

export function parseIntelligenceCsv(text: string, lookups: IntelligenceCsvLookups): ParsedImport<ImportedEntry> {
  const table = readImportTable(text, INTELLIGENCE_CSV);
  if ('issue' in table) return { rows: [], issues: [table.issue] };
  if (table.rows.length === 0)
    return {
      rows: [],
      issues: [{ row: 0, column: null, message: 'The file has column headings but no entries below them.' }],
    };
  const { issues, missing } = table;
  // Without a required column no row can be read; the header issues say what to fix.
  if (missing.length > 0) return { rows: [], issues };

  const rows: ImportedEntry[] = [];
  const firstRowByContent = new Map<string, number>();
  for (const record of table.rows) {
    const before = issues.length;
    const cells = table.cells(record);
    const entry = readRow(record.row, (c) => cells[c] ?? '', table.has, lookups, issues);
    if (entry === null || issues.length > before) continue;
    const key = JSON.stringify(entry);
    const first = firstRowByContent.get(key);
    if (first !== undefined) {
      issues.push({ row: record.row, column: null, message: `is the same entry as row ${first}; remove one of them` });
      continue;
    }
    firstRowByContent.set(key, record.row);
    rows.push(entry);
  }
  issues.sort((a, b) => a.row - b.row);
  return { rows: issues.length > 0 ? [] : rows, issues };
}

function readRow(
  row: number,
  cell: (c: Column) => string,
  inHeader: (c: Column) => boolean,
  lookups: IntelligenceCsvLookups,
  issues: TableIssue[],
): ImportedEntry | null {
  const bad = (column: Column, message: string) => void issues.push({ row, column, message });
  const pick = <T>(column: Column, words: Vocabulary<T>, what: string): T | undefined => {
    const raw = cell(column);
    const value = spelled(words, raw);
    if (value !== undefined) return value;
    if (!inHeader(column))
      bad(column, `the file has no ${column} column, and this row needs one: give ${what} (${words.help})`);
    else
      bad(column, raw === '' ? `is blank; give ${what} (${words.help})` : `"${raw}" is not ${what}; use ${words.help}`);
    return undefined;
  };

  const providerId = cell('provider_id');
  if (providerId === '') bad('provider_id', 'is blank; give the id of the provider on the register');
  else if (!lookups.providerExists(providerId))
    bad('provider_id', `no provider on the register has the id "${providerId}"`);
  const kind = pick('kind', KINDS, 'a kind of intelligence');
  const dateRaw = cell('date');
  let date = '';
  if (dateRaw === '') bad('date', 'is blank; give the date it happened (DD/MM/YYYY or YYYY-MM-DD)');
  else {
    const parsed = parseDate(dateRaw);
    if ('error' in parsed) bad('date', parsed.error);
    else if (parsed.date > lookups.today) bad('date', `"${dateRaw}" is in the future; give the date it happened`);
    else date = parsed.date;
  }
  const summary = cell('summary');
  if (summary.length > 4000) bad('summary', `is too long (${summary.length} characters; at most 4000)`);
  if (kind === undefined) return null;
  if (summary === '' && SUMMARY_REQUIRED.has(kind))
    bad('summary', `is blank; describe ${KIND_NAME[kind]} in a sentence or two`);
  const uses = KIND_COLUMNS[kind];
  for (const column of INTELLIGENCE_CSV_COLUMNS) {
    if (['provider_id', 'kind', 'date', 'summary'].includes(column) || uses.includes(column) || cell(column) === '')
      continue;
    bad(
      column,
      `has "${cell(column)}", but ${KIND_NAME[kind]} does not use this column; leave it blank or check the kind`,
    );
  }

  const base = { providerId, date, summary };
  let entry: ImportedEntry;
  switch (kind) {
    case 'cqc-inspection': {
      const [overall, safe, effective, caring, responsive, wellLed] = CQC_COLUMNS.map((c) =>
        pick(
          c,
          CQC_RATINGS,
          c === 'overall' ? 'an overall CQC rating' : `a CQC rating for ${c === 'well_led' ? 'well-led' : c}`,
        ),
      );
      entry = {
        ...base,
        kind,
        overall: overall!,
        keyQuestions: {
          safe: safe!,
          effective: effective!,
          caring: caring!,
          responsive: responsive!,
          wellLed: wellLed!,
        },
      };
      break;
    }
    case 'complaint':
    case 'safeguarding-referral':
      entry = { ...base, kind, status: pick('status', STATUSES, 'a status')! };
      break;
    case 'incident':
      entry = { ...base, kind, notifiedToCqc: pick('notified_to_cqc', YES_NO, 'whether it was notified to CQC')! };
      break;
    case 'feedback':
      entry = {
        ...base,
        kind,
        source: pick('source', SOURCES, 'who gave the feedback')!,
        sentiment: pick('sentiment', SENTIMENTS, 'what the feedback was')!,
      };
      break;
    case 'fire-inspection':
      entry = { ...base, kind, outcome: pick('outcome', OUTCOMES, 'the outcome of the inspection')! };
      break;
  }
  // The shared schema has the last word; anything it still rejects is named against the row.
  const check = IntelligenceEntry.safeParse({
    ...entry,
    id: 'check',
    recordedBy: '',
    recordedAt: '2000-01-01T00:00:00Z',
  });
  if (!check.success && issues.every((i) => i.row !== row)) {
    for (const zi of check.error.issues)
      issues.push({ row, column: null, message: `${zi.path.join('.') || 'entry'}: ${zi.message}` });
  }
  return entry;
}
