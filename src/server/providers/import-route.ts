// POST /api/providers/import: the QA manager uploads the council's provider register as CSV
// (Content-Type: text/csv). All or nothing: any bad row answers 422 naming every bad row and
// column, and nothing is written; a good file is written in one transaction. Rows whose id is on
// the register update it (a RAG change is recorded with the file's reason), others are added.
import { ProviderImportResult } from '../../shared/briefings/api-schemas';
import { CSV_IMPORT_ERRORS, csv, csvText, defineRoute, importRefused, reply, type ApiRoute } from '../http/route';
import { PROVIDER_CSV_COLUMNS, PROVIDER_CSV_LIMITS, parseProviderCsv } from './csv';
import { officerIdsByEmail, writeRegisterImport } from './register-store';

export const providerImportRoutes: readonly ApiRoute[] = [
  defineRoute({
    method: 'post',
    path: '/api/providers/import',
    tag: 'providers',
    access: ['qa'],
    summary: 'Import the provider register (all or nothing)',
    body: csv(PROVIDER_CSV_COLUMNS, 'The register'),
    responses: { 200: reply('Counts added and updated', ProviderImportResult) },
    errors: CSV_IMPORT_ERRORS,
    handler: async (c, deps) => {
      const text = await csvText(c, PROVIDER_CSV_LIMITS.maxBytes, 'the register');
      const byEmail = await officerIdsByEmail(deps.db);
      const parsed = parseProviderCsv(text, {
        officerIdByEmail: (email) => byEmail.get(email.trim().toLowerCase()) ?? null,
      });
      if (parsed.issues.length > 0) throw importRefused(parsed.issues);
      const counts = await writeRegisterImport(deps.db, parsed.rows, c.get('user'), deps.now());
      return c.json(counts satisfies ProviderImportResult);
    },
  }),
];
