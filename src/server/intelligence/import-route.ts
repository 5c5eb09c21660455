// POST /api/providers/intelligence/import: QA and managers (who may add entries one at a time)
// upload intelligence as CSV (Content-Type: text/csv), one entry per row (see ./csv.ts). All or
// nothing: any bad row answers 422 naming every bad row and column and nothing is written; a good
// file is written in one transaction, every entry attributed to the importing person and dated by
// the server clock. Rows already recorded by an earlier import are skipped (see ./store.ts).
import { IntelligenceImportResult } from '../../shared/briefings/api-schemas';
import { calendarDay } from '../../shared/calendar';
import { CSV_IMPORT_ERRORS, csv, csvText, defineRoute, importRefused, reply, type ApiRoute } from '../http/route';
import { INTELLIGENCE_CSV_COLUMNS, INTELLIGENCE_CSV_LIMITS, parseIntelligenceCsv } from './csv';
import { registeredProviderIds, writeIntelligenceImport } from './store';

export const intelligenceImportRoutes: readonly ApiRoute[] = [
  defineRoute({
    method: 'post',
    path: '/api/providers/intelligence/import',
    tag: 'providers',
    access: ['qa', 'manager'],
    summary: 'Import intelligence (all or nothing)',
    body: csv(INTELLIGENCE_CSV_COLUMNS, 'Intelligence, one entry per row'),
    responses: { 200: reply('What was imported', IntelligenceImportResult) },
    errors: CSV_IMPORT_ERRORS,
    handler: async (c, deps) => {
      const text = await csvText(c, INTELLIGENCE_CSV_LIMITS.maxBytes, 'the intelligence');
      const now = deps.now();
      const known = await registeredProviderIds(deps.db);
      const parsed = parseIntelligenceCsv(text, { providerExists: (id) => known.has(id), today: calendarDay(now) });
      if (parsed.issues.length > 0) throw importRefused(parsed.issues);
      const result = await writeIntelligenceImport(deps.db, parsed.rows, c.get('user'), now);
      return c.json(result satisfies IntelligenceImportResult);
    },
  }),
];
