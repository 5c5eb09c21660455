// /api/providers: the register. Anyone signed in reads it; the QA manager adds, edits and removes
// (a soft removal: devices get the id in `removed.providers`). A RAG change needs a reason, is
// dated by the server (ragChangedAt = today) and leaves a row in provider_rag_history. Derived
// fields in a request body are ignored; allocatedOfficerId must name an officer.
import type { Context, Hono } from 'hono';
import * as z from 'zod/mini';
import { ProviderRecord } from '../../shared/briefings/register';
import type { Issue } from '../../shared/schemas';
import { toIssues } from '../../shared/records/record-rules';
import { recordAudit } from '../audit';
import { requireRole } from '../auth/access';
import { requireUser } from '../auth/middleware';
import { findUserRole } from '../auth/users';
import type { Queryable } from '../db';
import { nextChangeSeq } from '../db/change-seq';
import { readJsonBody } from '../http/body';
import type { AppEnv, Deps } from '../http/env';
import { badRequest, conflict, invalid, notFound } from '../http/errors';
import { findProviderRow, listProviderRows, recordRagChange, toRecord, writeProvider, type RegisterRow } from './store';
import { calendarDay } from '../../shared/calendar';

export const RegisterRowBody = z.omit(ProviderRecord, { lastVisitDate: true, nextVisitDue: true });

const PROVIDER_BODY_LIMIT = 64 * 1024;

export async function officerIssues(q: Queryable, row: RegisterRow, path = 'allocatedOfficerId'): Promise<Issue[]> {
  if (row.allocatedOfficerId === null) return [];
  const role = await findUserRole(q, row.allocatedOfficerId);
  return role === 'officer' ? [] : [{ path, message: 'The allocated officer must be a person with the officer role' }];
}

export function registerProviderRoutes(app: Hono<AppEnv>, deps: Deps): void {
  const signedIn = requireUser(deps);
  const qa = requireRole('qa');
  const freq = () => deps.config.visitFrequencyMonths;

  async function readRow(c: Context): Promise<RegisterRow> {
    const parsed = RegisterRowBody.safeParse(await readJsonBody(c, PROVIDER_BODY_LIMIT));
    if (!parsed.success) throw invalid(toIssues(parsed.error.issues));
    const issues = await officerIssues(deps.db, parsed.data);
    if (issues.length > 0) throw invalid(issues);
    return parsed.data;
  }

  app.get('/api/providers', signedIn, async (c) => {
    const rows = await listProviderRows(deps.db);
    return c.json({ providers: rows.map((r) => toRecord(r, freq())) });
  });

  app.get('/api/providers/:id', signedIn, async (c) => {
    const row = await findProviderRow(deps.db, c.req.param('id'));
    if (row === null) throw notFound('No such provider');
    return c.json(toRecord(row, freq()));
  });

  app.post('/api/providers', signedIn, qa, async (c) => {
    const row = await readRow(c);
    const now = deps.now();
    const today = calendarDay(now);
    const user = c.get('user');
    const saved = await deps.db.transaction(async (tx) => {
      if ((await findProviderRow(tx, row.id)) !== null) return null;
      const record = { ...row, ragChangedAt: today };
      await writeProvider(tx, record, today);
      await recordRagChange(tx, {
        providerId: row.id,
        at: now,
        userId: user.id,
        from: null,
        to: row.rag,
        reason: row.ragReason,
      });
      await recordAudit(tx, now, user.id, 'provider.create', row.id);
      return findProviderRow(tx, row.id);
    });
    if (saved === null) throw conflict('A provider with that id is already on the register');
    return c.json(toRecord(saved, freq()), 201);
  });

  app.put('/api/providers/:id', signedIn, qa, async (c) => {
    const row = await readRow(c);
    if (row.id !== c.req.param('id')) throw badRequest('The provider id in the path does not match the body');
    const now = deps.now();
    const user = c.get('user');
    const saved = await deps.db.transaction(async (tx) => {
      const existing = await findProviderRow(tx, row.id);
      if (existing === null) return null;
      const ragChanged = existing.body.rag !== row.rag;
      if (ragChanged && row.ragReason.trim() === '') {
        throw invalid([{ path: 'ragReason', message: 'Give the reason for changing the RAG rating' }]);
      }
      const record = { ...row, ragChangedAt: ragChanged ? calendarDay(now) : existing.body.ragChangedAt };
      await writeProvider(tx, record, calendarDay(now));
      if (ragChanged) {
        await recordRagChange(tx, {
          providerId: row.id,
          at: now,
          userId: user.id,
          from: existing.body.rag,
          to: row.rag,
          reason: row.ragReason,
        });
        await recordAudit(tx, now, user.id, 'provider.rag-change', row.id);
      }
      await recordAudit(tx, now, user.id, 'provider.update', row.id);
      return findProviderRow(tx, row.id);
    });
    if (saved === null) throw notFound('No such provider');
    return c.json(toRecord(saved, freq()));
  });

  app.delete('/api/providers/:id', signedIn, qa, async (c) => {
    const id = c.req.param('id');
    const now = deps.now();
    const user = c.get('user');
    const removed = await deps.db.transaction(async (tx) => {
      if ((await findProviderRow(tx, id)) === null) return false;
      const seq = await nextChangeSeq(tx);
      await tx.query('UPDATE providers SET removed_at = $2, change_seq = $3, briefing_seq = $3 WHERE id = $1', [
        id,
        now,
        seq,
      ]);
      await recordAudit(tx, now, user.id, 'provider.remove', id);
      return true;
    });
    if (!removed) throw notFound('No such provider');
    return c.body(null, 204);
  });
}
