// Provider register import from CSV (issue 3, item 2): councils keep contract registers in
// spreadsheets. Reads the file, checks every cell (each row: ./csv-row.ts) and reports every problem
// by spreadsheet row and column in plain English; the caller imports nothing unless `issues` is
// empty. Pure: no DB, no Node. Reading the file, its headings and cells is shared with the
// intelligence import (http/csv-table.ts).
import * as z from 'zod/mini';
import { ProviderRecord } from '../../shared/briefings/register';
import { readImportTable, type ImportFile, type ParsedImport, type TableIssue } from '../http/csv-table';
import {
  flag,
  PROVIDER_CSV_COLUMNS,
  readRow,
  type Column,
  type ImportedProvider,
  type ProviderCsvLookups,
} from './csv-row';

export const PROVIDER_CSV: ImportFile<Column> = {
  columns: PROVIDER_CSV_COLUMNS,
  required: ['name', 'service_type', 'rag', 'monitoring_level'],
  maxRows: 5000,
  maxBytes: 1024 * 1024,
  noun: 'providers',
};

const ImportedProviderSchema = z.omit(ProviderRecord, { lastVisitDate: true, nextVisitDue: true });

/** "row 7, monitoring_level: ..." — how an issue reads in a list shown to an officer. */
export function formatCsvIssue(issue: TableIssue): string {
  if (issue.row === 0) return issue.message;
  return issue.column === null
    ? `row ${issue.row}: ${issue.message}`
    : `row ${issue.row}, ${issue.column}: ${issue.message}`;
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

export function parseProviderCsv(text: string, lookups: ProviderCsvLookups): ParsedImport<ImportedProvider> {
  const table = readImportTable(text, PROVIDER_CSV);
  if ('issue' in table) return { rows: [], issues: [table.issue] };
  const { issues } = table;
  const missing = new Set(table.missing);

  const drafts = table.rows.map((record) => readRow(record, table.cells(record), missing, lookups, issues));

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
