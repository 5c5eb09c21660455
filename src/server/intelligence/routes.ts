// /api/providers/:id/intelligence and /api/providers/:id/briefing. Intelligence is entered by QA
// and managers; the server sets the id, who recorded it (the session's name) and when (its own
// clock), stores it, audits it and marks the provider's briefing changed. Anyone signed in reads
// intelligence and briefings (officers prepare visits to any provider).
import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import { IntelligenceEntry } from '../../shared/briefings/register';
import { toIssues } from '../../shared/records/record-rules';
import { recordAudit } from '../audit';
import { requireRole } from '../auth/access';
import { requireUser } from '../auth/middleware';
import { compileBriefing } from '../briefings/compile';
import { readJsonBody } from '../http/body';
import type { AppEnv, Deps } from '../http/env';
import { badRequest, invalid, notFound } from '../http/errors';
import { findProviderRow, touchBriefing } from '../providers/store';
import type { Queryable } from '../db';

export async function insertIntelligence(
  tx: Queryable,
  entry: IntelligenceEntry,
  userId: string | null,
): Promise<void> {
  await tx.query(
    `INSERT INTO intelligence (id, provider_id, kind, date, body, recorded_by, recorded_at)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7)`,
    [entry.id, entry.providerId, entry.kind, entry.date, JSON.stringify(entry), userId, entry.recordedAt],
  );
  await touchBriefing(tx, entry.providerId);
}

export function registerIntelligenceRoutes(app: Hono<AppEnv>, deps: Deps): void {
  const signedIn = requireUser(deps);

  app.get('/api/providers/:id/intelligence', signedIn, async (c) => {
    const id = c.req.param('id');
    if ((await findProviderRow(deps.db, id)) === null) throw notFound('No such provider');
    const rows = await deps.db.query<{ body: IntelligenceEntry }>(
      'SELECT body FROM intelligence WHERE provider_id = $1 ORDER BY date DESC, recorded_at DESC, id',
      [id],
    );
    return c.json({ entries: rows.map((r) => r.body) });
  });

  app.post('/api/providers/:id/intelligence', signedIn, requireRole('qa', 'manager'), async (c) => {
    const providerId = c.req.param('id');
    const json = await readJsonBody(c, 64 * 1024);
    if (typeof json !== 'object' || json === null || Array.isArray(json))
      throw badRequest('Send the entry as a JSON object');
    if ('providerId' in json && json.providerId !== providerId)
      throw badRequest('The provider id in the path does not match the body');
    if ((await findProviderRow(deps.db, providerId)) === null) throw notFound('No such provider');
    const user = c.get('user');
    const now = deps.now();
    const parsed = IntelligenceEntry.safeParse({
      ...json,
      id: randomUUID(),
      providerId,
      recordedBy: user.name,
      recordedAt: now.toISOString(),
    });
    if (!parsed.success) throw invalid(toIssues(parsed.error.issues));
    await deps.db.transaction(async (tx) => {
      await insertIntelligence(tx, parsed.data, user.id);
      await recordAudit(tx, now, user.id, 'intelligence.create', `${providerId}/${parsed.data.id}`);
    });
    return c.json(parsed.data, 201);
  });

  app.get('/api/providers/:id/briefing', signedIn, async (c) => {
    const briefing = await compileBriefing(deps.db, c.req.param('id'), {
      frequencies: deps.config.visitFrequencyMonths,
      now: deps.now(),
    });
    if (briefing === null) throw notFound('No such provider');
    return c.json(briefing);
  });
}
