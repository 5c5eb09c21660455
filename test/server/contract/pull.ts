// GET /api/sync/pull: full snapshot, incremental changes after a cursor, removals, bad cursors.
import { expect, it } from 'vitest';
import { PullResponse } from '../../../src/shared/schemas';
import { qmfCareHomeV1 } from '../../../src/shared/templates/index';
import { removeProvider, upsertProvider } from '../../../src/server/reference/store';
import { encodeCursor } from '../../../src/server/sync/cursor';
import { call, providers } from '../helpers';
import type { Ctx } from './ctx';

export function pullContract(ctx: () => Ctx) {
  it('needs a session', async () => {
    const res = await call(ctx().app, '/api/sync/pull');
    expect(res.status).toBe(401);
    expect(res.json.error).toBe('unauthenticated');
  });

  it('sends a full snapshot without a cursor, then only what changed after it', async () => {
    const { app, cookies, db, clock } = ctx();
    const first = await call(app, '/api/sync/pull', { cookie: cookies.officer });
    expect(first.status).toBe(200);
    const full = PullResponse.parse(first.json);
    expect(full.full).toBe(true);
    expect(full.templates).toEqual([qmfCareHomeV1]);
    expect(full.providers.map((p) => p.id).sort()).toEqual(providers.map((p) => p.id).sort());
    expect(full.removed).toEqual({ templates: [], providers: [] });

    const unchanged = PullResponse.parse((await call(app, `/api/sync/pull?cursor=${full.cursor}`, { cookie: cookies.officer })).json);
    expect(unchanged).toEqual({ cursor: full.cursor, full: false, templates: [], providers: [], removed: { templates: [], providers: [] } });

    const renamed = { ...providers[1]!, name: 'Hartwell Lodge', rag: 'red' as const, monitoringLevel: 5 };
    const added = { id: 'brightside', name: 'Brightside Home Care Ltd', serviceType: 'home-care' as const, address: 'Station Yard', rag: 'green' as const, monitoringLevel: 1 };
    await upsertProvider(db, renamed);
    await upsertProvider(db, added);
    const second = PullResponse.parse((await call(app, `/api/sync/pull?cursor=${full.cursor}`, { cookie: cookies.officer })).json);
    expect(second.full).toBe(false);
    expect(second.templates).toEqual([]);
    expect(second.providers).toEqual([added, renamed]);
    expect(second.cursor).not.toBe(full.cursor);

    await removeProvider(db, 'brightside', clock.now());
    const third = PullResponse.parse((await call(app, `/api/sync/pull?cursor=${second.cursor}`, { cookie: cookies.manager })).json);
    expect(third.providers).toEqual([]);
    expect(third.removed).toEqual({ templates: [], providers: ['brightside'] });

    const again = PullResponse.parse((await call(app, '/api/sync/pull', { cookie: cookies.officer })).json);
    expect(again.providers.map((p) => p.id)).not.toContain('brightside');
    expect(again.cursor).toBe(third.cursor);
  });

  it('answers a cursor from ahead of this database (e.g. after a restore) with a full snapshot', async () => {
    const res = await call(ctx().app, `/api/sync/pull?cursor=${encodeCursor(9_999_999)}`, { cookie: ctx().cookies.officer });
    expect(res.status).toBe(200);
    expect(res.json.full).toBe(true);
    expect(res.json.templates).toHaveLength(1);
  });

  it.each(['not-a-cursor!', 'MTIz', encodeCursor(5).slice(0, -1), 'YzEuLTE', 'YzEuMDE'])('rejects the malformed cursor %s with 400', async (cursor) => {
    const res = await call(ctx().app, `/api/sync/pull?cursor=${encodeURIComponent(cursor)}`, { cookie: ctx().cookies.officer });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ error: 'bad-request', message: 'The sync cursor is not valid; pull again without one' });
  });
}
