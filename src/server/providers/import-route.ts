// POST /api/providers/import: the QA manager uploads the council's provider register as CSV
// (Content-Type: text/csv). All or nothing (http/csv-import.ts): any bad row answers 422 naming
// every bad row and column, and nothing is written; a good file is written in one transaction.
// Rows whose id is on the register update it (a RAG change is recorded with the file's reason),
// others are added.
import { ProviderImportResult } from '../../shared/briefings/api-schemas';
import { csvImportRoute } from '../http/csv-import';
import type { ApiRoute } from '../http/route';
import { PROVIDER_CSV, parseProviderCsv } from './csv';
import { officerIdsByEmail, writeRegisterImport } from './register-store';

export const providerImportRoutes: readonly ApiRoute[] = [
  csvImportRoute({
    path: '/api/providers/import',
    tag: 'providers',
    access: ['qa'],
    summary: 'Import the provider register (all or nothing)',
    file: { ...PROVIDER_CSV, describe: 'The register', called: 'the register' },
    answer: { description: 'Counts added and updated', schema: ProviderImportResult },
    parse: async (text, db) => {
      const byEmail = await officerIdsByEmail(db);
      return parseProviderCsv(text, {
        officerIdByEmail: (email) => byEmail.get(email.trim().toLowerCase()) ?? null,
      });
    },
    write: writeRegisterImport,
  }),
];
