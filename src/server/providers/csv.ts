// Provider register import from CSV (issue 3, item 2): councils keep contract registers in
// spreadsheets. Reads the file, checks every cell and reports every problem by spreadsheet row and
// column in plain English; the caller imports nothing unless `issues` is empty. Pure: no DB, no Node.
import * as z from 'zod/mini';
import { ProviderRecord, type ServiceType } from '../../shared/briefings/register';
import { columnLetter, mapHeadings, readCsvTable, type CsvRecord, type TableIssue } from '../http/csv-reader';

/** `row` is the spreadsheet row (header = 1, first provider = 2); 0 means the file as a whole. */
export type CsvIssue = TableIssue;
export type ImportedProvider = Omit<ProviderRecord, 'lastVisitDate' | 'nextVisitDue'>;
export type ProviderCsvLookups = {
  /** Receives the trimmed email as written in the file; compare case-insensitively. */
  officerIdByEmail: (email: string) => string | null;
};

export const PROVIDER_CSV_COLUMNS = [
  'id',
  'name',
  'cqc_location_id',
  'service_type',
  'address',
  'registered_manager',
  'capacity',
  'contract_reference',
  'contract_value',
  'contract_start',
  'contract_end',
  'allocated_officer_email',
  'rag',
  'rag_reason',
  'rag_changed_at',
  'monitoring_level',
] as const satisfies readonly string[];
type Column = (typeof PROVIDER_CSV_COLUMNS)[number];
export const PROVIDER_CSV_REQUIRED_COLUMNS: readonly Column[] = ['name', 'service_type', 'rag', 'monitoring_level'];
export const PROVIDER_CSV_LIMITS = { maxRows: 5000, maxBytes: 1024 * 1024 } as const;

const ImportedProviderSchema = z.omit(ProviderRecord, { lastVisitDate: true, nextVisitDue: true });

/** "row 7, monitoring_level: ..." — how an issue reads in a list shown to an officer. */
export function formatCsvIssue(issue: CsvIssue): string {
  if (issue.row === 0) return issue.message;
  return issue.column === null
    ? `row ${issue.row}: ${issue.message}`
    : `row ${issue.row}, ${issue.column}: ${issue.message}`;
}

const letters = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');
const SERVICE_TYPES: Record<string, ServiceType> = {
  carehome: 'care-home',
  residentialcarehome: 'care-home',
  residentialhome: 'care-home',
  nursinghome: 'nursing-home',
  carehomewithnursing: 'nursing-home',
  homecare: 'home-care',
  domiciliarycare: 'home-care',
  domiciliary: 'home-care',
  domcare: 'home-care',
  supportedliving: 'supported-living',
  childrensresidential: 'childrens-residential',
  childrensresidentialhome: 'childrens-residential',
  childrenshome: 'childrens-residential',
  dayservice: 'day-service',
  dayservices: 'day-service',
  daycentre: 'day-service',
  dayopportunities: 'day-service',
  other: 'other',
};
const SERVICE_LABELS =
  "Care home, Nursing home, Home care (or Domiciliary care), Supported living, Children's residential, Day service or Other";

const RAGS = ['green', 'amber', 'red'] as const;
const DATE_HELP = 'use DD/MM/YYYY or YYYY-MM-DD';
/** A calendar date as YYYY-MM-DD, or an error message (also used by the intelligence import). */
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

function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 56)
    .replace(/-+$/, '');
  return slug || 'provider';
}

/** One data row as read: its cells (trimmed), the provider built from them and the columns already reported. */
type Draft = {
  row: number;
  cells: Partial<Record<Column, string>>;
  provider: ImportedProvider;
  explicitId: boolean;
  bad: Set<Column>;
};

export function parseProviderCsv(
  text: string,
  lookups: ProviderCsvLookups,
): { rows: ImportedProvider[]; issues: CsvIssue[] } {
  const table = readCsvTable(text, { ...PROVIDER_CSV_LIMITS, columns: PROVIDER_CSV_COLUMNS, noun: 'providers' });
  if ('issue' in table) return { rows: [], issues: [table.issue] };
  const { header, data, errors } = table;

  const headings = mapHeadings(header, errors, PROVIDER_CSV_COLUMNS, PROVIDER_CSV_REQUIRED_COLUMNS);
  const { columnAt, indexOf, issues } = headings;
  const missing = new Set(headings.missing);

  const drafts = data.map((record) => readRow(record, header.fields, columnAt, indexOf, missing, lookups, issues));

  // Duplicates (naming both rows), then ids for rows without one: unique slugs of the name.
  const firstRowById = new Map<string, number>();
  const firstRowByName = new Map<string, number>();
  for (const d of drafts) {
    if (d.explicitId && !d.bad.has('id')) {
      const first = firstRowById.get(d.provider.id);
      if (first !== undefined)
        flag(issues, d, 'id', `"${d.provider.id}" is also the id on row ${first}; each provider needs its own id`);
      else firstRowById.set(d.provider.id, d.row);
    }
    const nameKey = d.provider.name.trim().toLowerCase().replace(/\s+/g, ' ');
    if (nameKey === '' || d.bad.has('name')) continue;
    const first = firstRowByName.get(nameKey);
    if (first !== undefined)
      flag(
        issues,
        d,
        'name',
        `"${d.provider.name.trim()}" is also on row ${first}; each provider can appear only once`,
      );
    else firstRowByName.set(nameKey, d.row);
  }
  const taken = new Set(drafts.filter((d) => d.explicitId).map((d) => d.provider.id));
  for (const d of drafts.filter((x) => !x.explicitId)) {
    const base = slugify(d.provider.name);
    let id = base;
    for (let k = 2; taken.has(id); k++) id = `${base}-${k}`;
    taken.add(id);
    d.provider.id = id;
  }

  // Final check against the shared schema; anything it still rejects becomes a row issue.
  const parsed: { row: number; provider: ImportedProvider }[] = [];
  for (const d of drafts) {
    const result = ImportedProviderSchema.safeParse(d.provider);
    for (const zi of result.success ? [] : result.error.issues) {
      const [key, sub] = zi.path.map(String);
      const column = (key === 'contract' ? CONTRACT_COLUMNS[sub ?? ''] : FIELD_COLUMNS[key ?? '']) ?? null;
      if (column && (d.bad.has(column) || missing.has(column))) continue;
      if (column) d.bad.add(column);
      issues.push({ row: d.row, column, message: schemaMessage(zi, column ? (d.cells[column] ?? '') : '') });
    }
    if (result.success) parsed.push({ row: d.row, provider: result.data });
  }
  const rowsWithIssues = new Set(issues.map((i) => i.row));
  // With a required column missing, no row is complete (its cells were only stood in for).
  const rows = missing.size > 0 ? [] : parsed.filter((p) => !rowsWithIssues.has(p.row)).map((p) => p.provider);
  issues.sort((a, b) => a.row - b.row);
  return { rows, issues };
}

const FIELD_COLUMNS: Partial<Record<string, Column>> = {
  id: 'id',
  name: 'name',
  cqcLocationId: 'cqc_location_id',
  serviceType: 'service_type',
  address: 'address',
  registeredManager: 'registered_manager',
  capacity: 'capacity',
  allocatedOfficerId: 'allocated_officer_email',
  rag: 'rag',
  ragReason: 'rag_reason',
  ragChangedAt: 'rag_changed_at',
  monitoringLevel: 'monitoring_level',
};
const CONTRACT_COLUMNS: Partial<Record<string, Column>> = {
  reference: 'contract_reference',
  annualValue: 'contract_value',
  start: 'contract_start',
  end: 'contract_end',
};

function schemaMessage(zi: z.core.$ZodIssue, value: string): string {
  if (zi.code === 'too_big' && zi.origin === 'string')
    return `is too long (${value.length} characters; at most ${String(zi.maximum)})`;
  if (zi.code === 'too_big') return `"${value}" is more than ${String(zi.maximum)}`;
  if (zi.code === 'too_small' && zi.origin === 'string') return 'is blank, and a value is needed';
  if (zi.code === 'too_small') return `"${value}" is less than ${String(zi.minimum)}`;
  return value ? `"${value}" is not valid here` : 'this value is not valid';
}

function flag(issues: CsvIssue[], d: Draft, column: Column, message: string) {
  d.bad.add(column);
  issues.push({ row: d.row, column, message });
}

function readRow(
  record: CsvRecord,
  headings: string[],
  columnAt: (Column | null)[],
  indexOf: Map<Column, number>,
  missing: Set<Column>,
  lookups: ProviderCsvLookups,
  issues: CsvIssue[],
): Draft {
  const row = record.row;
  const cells: Partial<Record<Column, string>> = {};
  for (const [column, i] of indexOf) cells[column] = (record.fields[i] ?? '').trim();
  record.fields.forEach((value, i) => {
    if (value.trim() !== '' && !columnAt[i] && !headings[i]?.trim()) {
      issues.push({
        row,
        column: null,
        message: `has "${value.trim()}" in column ${columnLetter(i)}, which has no heading`,
      });
    }
  });
  const cell = (c: Column) => cells[c] ?? '';
  const d: Draft = { row, cells, explicitId: cell('id') !== '', bad: new Set(), provider: {} as ImportedProvider };
  const bad = (column: Column, message: string) => {
    if (!missing.has(column) && !d.bad.has(column)) flag(issues, d, column, message);
  };
  const blankOr = <T>(column: Column, parse: (raw: string) => T | undefined): T | null => {
    const raw = cell(column);
    return raw === '' ? null : (parse(raw) ?? null);
  };
  const date = (column: Column) =>
    blankOr(column, (raw) => {
      const r = parseDate(raw);
      if ('error' in r) return void bad(column, r.error);
      return r.date;
    });

  if (cell('name') === '') bad('name', 'is blank; every provider needs a name');
  const cqc = cell('cqc_location_id');
  if (cqc !== '' && !/^1-\d{9,11}$/.test(cqc))
    bad('cqc_location_id', `"${cqc}" is not a CQC location id (they look like 1-123456789)`);
  const serviceRaw = cell('service_type');
  // Own keys only: a cell reading "constructor" must not find Object.prototype's.
  const serviceKey = letters(serviceRaw);
  const serviceType = Object.hasOwn(SERVICE_TYPES, serviceKey) ? SERVICE_TYPES[serviceKey] : undefined;
  if (!serviceType)
    bad(
      'service_type',
      serviceRaw === ''
        ? `is blank; use ${SERVICE_LABELS}`
        : `"${serviceRaw}" is not a service type this import knows; use ${SERVICE_LABELS}`,
    );
  const capacity = blankOr('capacity', (raw) => {
    if (!/^\d[\d,]*$/.test(raw)) return void bad('capacity', `"${raw}" is not a whole number of places`);
    return Number(raw.replace(/,/g, ''));
  });

  const contractRef = cell('contract_reference');
  const annualValue = blankOr('contract_value', (raw) => {
    const m = /^(\d+)(?:\.(\d+))?$/.exec(raw.replace(/[£,\s]/g, ''));
    if (!m) return void bad('contract_value', `"${raw}" is not an amount in pounds (for example £1,250,000)`);
    if (m[2] && /[1-9]/.test(m[2])) return void bad('contract_value', `"${raw}" includes pence; give whole pounds`);
    if (m[1]!.length > 15) return void bad('contract_value', `"${raw}" is too large`);
    return Number(m[1]);
  });
  const start = date('contract_start');
  const end = date('contract_end');
  const hasContract = ['contract_reference', 'contract_value', 'contract_start', 'contract_end'].some(
    (c) => cell(c as Column) !== '',
  );
  if (hasContract && contractRef === '')
    bad('contract_reference', 'is blank; it is needed when the row has contract details');
  if (hasContract && cell('contract_start') === '')
    bad('contract_start', 'is blank; it is needed when the row has contract details');
  if (start && end && end < start)
    bad('contract_end', `"${cell('contract_end')}" is before the contract start (${cell('contract_start')})`);

  const allocatedOfficerId = blankOr('allocated_officer_email', (email) => {
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
      return void bad('allocated_officer_email', `"${email}" is not an email address`);
    const id = lookups.officerIdByEmail(email);
    if (id === null)
      bad(
        'allocated_officer_email',
        `no officer has the email "${email}"; add them as a user first, or leave it blank`,
      );
    return id ?? undefined;
  });

  const ragRaw = cell('rag');
  const rag = RAGS.find((r) => r === ragRaw.toLowerCase());
  if (!rag)
    bad(
      'rag',
      ragRaw === '' ? 'is blank; use Green, Amber or Red' : `"${ragRaw}" is not a RAG rating; use Green, Amber or Red`,
    );
  if ((rag === 'amber' || rag === 'red') && cell('rag_reason') === '')
    bad('rag_reason', `is blank; a reason is needed when the RAG rating is ${ragRaw}`);
  const ragChangedAt = date('rag_changed_at');
  const levelRaw = cell('monitoring_level');
  const level = /^(?:level\s*)?([1-5])$/i.exec(levelRaw)?.[1];
  if (!level)
    bad(
      'monitoring_level',
      levelRaw === ''
        ? 'is blank; give a monitoring level from 1 to 5'
        : `"${levelRaw}" is not a monitoring level (1 to 5)`,
    );

  d.provider = {
    id: cell('id'),
    name: cell('name'),
    cqcLocationId: cqc || null,
    serviceType: serviceType ?? 'other',
    address: cell('address'),
    registeredManager: cell('registered_manager'),
    capacity,
    contract: hasContract ? { reference: contractRef, annualValue, start: start ?? '', end } : null,
    allocatedOfficerId,
    rag: rag ?? 'green',
    ragReason: cell('rag_reason'),
    ragChangedAt,
    monitoringLevel: Number(level ?? 1),
  };
  return d;
}
