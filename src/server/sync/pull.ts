// GET /api/sync/pull: reference data since a cursor. With no cursor (or one ahead of this
// database, e.g. after a restore) it sends a full snapshot the client replaces its copy with;
// otherwise only rows whose change_seq is above the cursor, plus ids removed since.
import type { Hono } from 'hono';
import type { Provider, PullResponse, Template } from '../../shared/schemas';
import { lockForPull } from '../db/change-seq';
import type { AppEnv, Deps } from '../http/env';
import { badRequest } from '../http/errors';
import { requireUser } from '../auth/middleware';
import { decodeCursor, encodeCursor } from './cursor';

export function registerPullRoutes(app: Hono<AppEnv>, deps: Deps): void {
  app.get('/api/sync/pull', requireUser(deps), async (c) => {
    const raw = c.req.query('cursor');
    let since: number | null = null;
    if (raw !== undefined && raw !== '') {
      since = decodeCursor(raw);
      if (since === null) throw badRequest('The sync cursor is not valid; pull again without one');
    }
    return c.json(await pull(deps, since));
  });
}

async function pull(deps: Deps, since: number | null): Promise<PullResponse> {
  return deps.db.transaction(async (tx) => {
    await lockForPull(tx);
    const [top] = await tx.query<{ seq: string | number | null }>(
      `SELECT GREATEST((SELECT max(change_seq) FROM templates), (SELECT max(change_seq) FROM providers)) AS seq`,
    );
    const high = Number(top?.seq ?? 0);
    const full = since === null || since > high;
    const after = full ? 0 : since;
    const templates = await tx.query<{ body: Template }>(
      'SELECT body FROM templates WHERE change_seq > $1 ORDER BY id, version',
      [after],
    );
    const providers = await tx.query<{ body: Provider }>(
      'SELECT body FROM providers WHERE change_seq > $1 AND removed_at IS NULL ORDER BY id',
      [after],
    );
    const removed = full
      ? []
      : await tx.query<{ id: string }>(
          'SELECT id FROM providers WHERE change_seq > $1 AND removed_at IS NOT NULL ORDER BY id',
          [after],
        );
    return {
      cursor: encodeCursor(Math.max(high, after)),
      full,
      templates: templates.map((r) => r.body),
      providers: providers.map((r) => r.body),
      removed: { templates: [], providers: removed.map((r) => r.id) },
    };
  });
}
