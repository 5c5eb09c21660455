// POST /api/providers/intelligence/import: QA and managers (who may add entries one at a time)
// upload intelligence as CSV (Content-Type: text/csv), one entry per row (see ./csv.ts). All or
// nothing (http/csv-import.ts): any bad row answers 422 naming every bad row and column and
// nothing is written; a good file is written in one transaction, every entry attributed to the
// importing person and dated by the server clock. Rows already recorded by an earlier import are
// skipped (see ./store.ts).
import { IntelligenceImportResult } from '../../shared/briefings/api-schemas';
import { csvImportRoute } from '../http/csv-import';
import type { ApiRoute } from '../http/route';
import { INTELLIGENCE_CSV, parseIntelligenceCsv } from './csv';
import { registeredProviderIds, writeIntelligenceImport } from './store';

export const intelligenceImportRoutes: readonly ApiRoute[] = [
  csvImportRoute({
    path: '/api/providers/intelligence/import',
    tag: 'providers',
    access: ['qa', 'manager'],
    summary: 'Import intelligence (all or nothing)',
    file: { ...INTELLIGENCE_CSV, describe: 'Intelligence, one entry per row', called: 'the intelligence' },
    answer: { description: 'What was imported', schema: IntelligenceImportResult },
    parse: async (text, db, today) => {
      const known = await registeredProviderIds(db);
      return parseIntelligenceCsv(text, { providerExists: (id) => known.has(id), today });
    },
    write: writeIntelligenceImport,
  }),
];
