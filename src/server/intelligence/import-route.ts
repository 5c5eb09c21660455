// POST /api/providers/intelligence/import: QA and managers (who may add entries one at a time)
// upload intelligence as CSV (Content-Type: text/csv), one entry per row (see ./csv.ts). All or
// nothing: any bad row answers 422 naming every bad row and column and nothing is written; a good
// file is written in one transaction, every entry attributed to the importing person and dated by
// the server clock. An entry's id is a hash of what the row says, so importing the same log again
// (say, next month's export that repeats last month's rows) skips what is already recorded instead
// of counting a complaint twice.
import { createHash } from 'node:crypto';
import type { Hono } from 'hono';
import { IntelligenceEntry, type IntelligenceKind } from '../../shared/briefings/register';
import type { Issue } from '../../shared/schemas';
import { canonicalJson } from '../../shared/records/record-rules';
import { recordAudit } from '../audit';
import { requireRole } from '../auth/access';
import { requireUser } from '../auth/middleware';
import { readTextBody } from '../http/body';
import type { AppEnv, Deps } from '../http/env';
import { ApiError, invalid } from '../http/errors';
import type { CsvIssue } from '../providers/csv';
import { INTELLIGENCE_CSV_LIMITS, type ImportedEntry, parseIntelligenceCsv } from './csv';
import { insertIntelligence } from './routes';
import { calendarDay } from '../../shared/calendar';

export const INTELLIGENCE_IMPORT_PATH = '/api/providers/intelligence/import';

export type IntelligenceImportResult = {
  /** Entries written by this import. */
  imported: number;
  /** Rows identical to entries already recorded (an earlier import of the same rows): skipped. */
  alreadyRecorded: number;
  /** Entries written, by kind. */
  byKind: Partial<Record<IntelligenceKind, number>>;
  /** Providers that received at least one new entry. */
  providerIds: string[];
};

const issuePath = (i: CsvIssue) =>
  i.row === 0 ? 'file' : i.column === null ? `row ${i.row}` : `row ${i.row} column ${i.column}`;

/** The same row always gets the same id (at most 64 characters, as the schema allows). */
export const importedEntryId = (entry: ImportedEntry) =>
  `csv-${createHash('sha256').update(canonicalJson(entry)).digest('hex').slice(0, 40)}`;

export function registerIntelligenceImportRoute(app: Hono<AppEnv>, deps: Deps): void {
  app.post(INTELLIGENCE_IMPORT_PATH, requireUser(deps), requireRole('qa', 'manager'), async (c) => {
    const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'text/csv')
      throw new ApiError(415, 'unsupported-type', 'Send the intelligence as CSV with Content-Type: text/csv');
    const text = await readTextBody(c, INTELLIGENCE_CSV_LIMITS.maxBytes, 'Send the CSV file as the request body');
    const now = deps.now();
    const providers = await deps.db.query<{ id: string }>('SELECT id FROM providers WHERE removed_at IS NULL');
    const known = new Set(providers.map((p) => p.id));
    const parsed = parseIntelligenceCsv(text, { providerExists: (id) => known.has(id), today: calendarDay(now) });
    if (parsed.issues.length > 0) {
      const issues: Issue[] = parsed.issues.map((i) => ({ path: issuePath(i), message: i.message }));
      throw invalid(
        issues,
        `Nothing was imported: ${new Set(parsed.issues.map((i) => i.row)).size} row(s) need correcting`,
      );
    }
    const user = c.get('user');
    const result = await deps.db.transaction(async (tx) => {
      const out: IntelligenceImportResult = { imported: 0, alreadyRecorded: 0, byKind: {}, providerIds: [] };
      const touched = new Set<string>();
      for (const row of parsed.rows) {
        const id = importedEntryId(row);
        if ((await tx.query('SELECT 1 FROM intelligence WHERE id = $1', [id])).length > 0) {
          out.alreadyRecorded += 1;
          continue;
        }
        const entry = IntelligenceEntry.parse({ ...row, id, recordedBy: user.name, recordedAt: now.toISOString() });
        await insertIntelligence(tx, entry, user.id);
        out.imported += 1;
        out.byKind[entry.kind] = (out.byKind[entry.kind] ?? 0) + 1;
        touched.add(entry.providerId);
      }
      out.providerIds = [...touched].sort();
      await recordAudit(tx, now, user.id, 'intelligence.import', `${out.imported}+${out.alreadyRecorded}`);
      return out;
    });
    return c.json(result);
  });
}
