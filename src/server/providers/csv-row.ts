// One data row of the provider register import: the file's columns, each cell of the row checked
// and reported in plain English by column, and the provider built from the cells (with stand-ins
// where a cell is bad, so the whole file can be checked). The file as a whole (duplicates, ids, the
// final schema check) is ./csv.ts. Pure: no DB, no Node.
import type { ProviderRecord, ServiceType } from '../../shared/briefings/register';
import type { CsvRecord } from '../http/csv-reader';
import { parseDate, spelled, vocab, type TableIssue } from '../http/csv-table';

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
export type Column = (typeof PROVIDER_CSV_COLUMNS)[number];

export type ImportedProvider = Omit<ProviderRecord, 'lastVisitDate' | 'nextVisitDue'>;
export type ProviderCsvLookups = {
  /** Receives the trimmed email as written in the file; compare case-insensitively. */
  officerIdByEmail: (email: string) => string | null;
};

const SERVICE_TYPES = vocab<ServiceType>(
  {
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
    adviceandadvocacy: 'advice-advocacy',
    advice: 'advice-advocacy',
    advocacy: 'advice-advocacy',
    advicecentre: 'advice-advocacy',
    adviceandinformation: 'advice-advocacy',
    other: 'other',
  },
  "Care home, Nursing home, Home care (or Domiciliary care), Supported living, Children's residential, Day service, Advice and advocacy or Other",
);

const RAGS = ['green', 'amber', 'red'] as const;

/** One data row as read: its cells (trimmed), the provider built from them and the columns already reported. */
export type Draft = {
  row: number;
  cells: Partial<Record<Column, string>>;
  provider: ImportedProvider;
  explicitId: boolean;
  bad: Set<Column>;
};

export function flag(issues: TableIssue[], d: Draft, column: Column, message: string) {
  d.bad.add(column);
  issues.push({ row: d.row, column, message });
}

/** Reads one row's cells into a provider, reporting each bad cell (unless its column is missing). */
export function readRow(
  record: CsvRecord,
  cells: Partial<Record<Column, string>>,
  missing: Set<Column>,
  lookups: ProviderCsvLookups,
  issues: TableIssue[],
): Draft {
  const row = record.row;
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
  const serviceType = spelled(SERVICE_TYPES, serviceRaw);
  if (!serviceType)
    bad(
      'service_type',
      serviceRaw === ''
        ? `is blank; use ${SERVICE_TYPES.help}`
        : `"${serviceRaw}" is not a service type this import knows; use ${SERVICE_TYPES.help}`,
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
