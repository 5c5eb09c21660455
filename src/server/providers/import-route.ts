// POST /api/providers/import: the QA manager uploads the council's provider register as CSV
// (Content-Type: text/csv). All or nothing: any bad row answers 422 naming every bad row and
// column, and nothing is written; a good file is written in one transaction. Rows whose id is on
// the register update it (a RAG change is recorded with the file's reason), others are added.
import type { Hono } from 'hono';
import type { Issue } from '../../shared/schemas';
import { recordAudit } from '../audit';
import { requireRole } from '../auth/access';
import { requireUser } from '../auth/middleware';
import { readTextBody } from '../http/body';
import type { AppEnv, Deps } from '../http/env';
import { ApiError, invalid } from '../http/errors';
import { type CsvIssue, PROVIDER_CSV_LIMITS, parseProviderCsv } from './csv';
import { findProviderRow, recordRagChange, writeProvider } from './store';
import { calendarDay } from '../../shared/calendar';

const issuePath = (i: CsvIssue) =>
  i.row === 0 ? 'file' : i.column === null ? `row ${i.row}` : `row ${i.row} column ${i.column}`;

export function registerProviderImportRoute(app: Hono<AppEnv>, deps: Deps): void {
  app.post('/api/providers/import', requireUser(deps), requireRole('qa'), async (c) => {
    const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'text/csv')
      throw new ApiError(415, 'unsupported-type', 'Send the register as CSV with Content-Type: text/csv');
    const text = await readTextBody(c, PROVIDER_CSV_LIMITS.maxBytes, 'Send the CSV file as the request body');
    const officers = await deps.db.query<{ id: string; email: string }>(
      "SELECT id, email FROM users WHERE role = 'officer'",
    );
    const byEmail = new Map(officers.map((o) => [o.email, o.id]));
    const parsed = parseProviderCsv(text, {
      officerIdByEmail: (email) => byEmail.get(email.trim().toLowerCase()) ?? null,
    });
    if (parsed.issues.length > 0) {
      const issues: Issue[] = parsed.issues.map((i) => ({ path: issuePath(i), message: i.message }));
      throw invalid(
        issues,
        `Nothing was imported: ${new Set(parsed.issues.map((i) => i.row)).size} row(s) need correcting`,
      );
    }
    const user = c.get('user');
    const now = deps.now();
    const today = calendarDay(now);
    const counts = await deps.db.transaction(async (tx) => {
      let imported = 0;
      let updated = 0;
      for (const row of parsed.rows) {
        const existing = await findProviderRow(tx, row.id, true);
        const ragChanged = existing === null || existing.body.rag !== row.rag;
        const ragChangedAt = row.ragChangedAt ?? (ragChanged ? today : existing.body.ragChangedAt);
        await writeProvider(tx, { ...row, ragChangedAt }, today);
        if (ragChanged) {
          await recordRagChange(tx, {
            providerId: row.id,
            at: now,
            userId: user.id,
            from: existing?.body.rag ?? null,
            to: row.rag,
            reason: row.ragReason,
          });
        }
        if (existing === null) imported += 1;
        else updated += 1;
      }
      await recordAudit(tx, now, user.id, 'provider.import', `${imported}+${updated}`);
      return { imported, updated };
    });
    return c.json(counts);
  });
}
