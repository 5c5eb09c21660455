// GET /api/sync/pull: full snapshot, incremental changes, removals, bad cursors, and the scoped
// collections (briefings, assignments): a device that applies every pull holds exactly what a fresh
// full pull would give it, whatever happened in between and whatever the client clock says.
import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from '../../../src/server/deadlines/bank-holidays';
import { expect, it } from 'vitest';
import type { Assignment, Briefing } from '../../../src/shared/briefings/register';
import { type Provider, PullResponse } from '../../../src/shared/sync/schema';
import { builtInTemplates } from '../../../src/shared/templates/index';
import { removeProvider, upsertProvider } from '../../../src/server/reference/store';
import { encodeCursor } from '../../../src/server/sync/cursor';
import { call, providerRow, providers, visitBody } from '../helpers';
import type { Ctx } from './ctx';
import { assigned } from './steps';

/** What a device holds, applying pulls by the contract's rules. */
class Device {
  cursor: string | null = null;
  providers = new Map<string, Provider>();
  briefings = new Map<string, Briefing>();
  assignments = new Map<string, Assignment>();
  apply(p: PullResponse) {
    if (p.full) this.providers.clear();
    for (const x of p.providers) this.providers.set(x.id, x);
    for (const id of p.removed.providers) this.providers.delete(id);
    for (const b of p.briefings) this.briefings.set(b.providerId, b);
    for (const a of p.assignments) this.assignments.set(a.id, a);
    for (const id of this.briefings.keys()) if (!p.scope.briefings.includes(id)) this.briefings.delete(id);
    for (const id of this.assignments.keys()) if (!p.scope.assignments.includes(id)) this.assignments.delete(id);
    this.cursor = p.cursor;
  }
}

const withoutCompiledAt = (bs: Iterable<Briefing>) =>
  [...bs].map(({ compiledAt: _, ...rest }) => rest).sort((a, b) => a.providerId.localeCompare(b.providerId));

export function pullContract(ctx: () => Ctx) {
  const pull = async (cookie: string, cursor: string | null = null, headers: Record<string, string> = {}) => {
    const res = await call(ctx().app, `/api/sync/pull${cursor ? `?cursor=${cursor}` : ''}`, { cookie, headers });
    expect(res.status).toBe(200);
    return PullResponse.parse(res.json);
  };
  /** Pulls incrementally into the device, then checks it against a fresh full pull. */
  const sync = async (device: Device, cookie: string) => {
    const p = await pull(cookie, device.cursor);
    device.apply(p);
    const truth = await pull(cookie);
    expect([...device.providers.values()].sort((a, b) => a.id.localeCompare(b.id))).toEqual(truth.providers);
    expect(withoutCompiledAt(device.briefings.values())).toEqual(withoutCompiledAt(truth.briefings));
    expect([...device.assignments.values()].sort((a, b) => a.id.localeCompare(b.id))).toEqual(truth.assignments);
    return p;
  };

  it('needs a session', async () => {
    const res = await call(ctx().app, '/api/sync/pull');
    expect(res.status).toBe(401);
    expect(res.json.error).toBe('unauthenticated');
  });

  it('sends a full snapshot without a cursor, then only what changed after it', async () => {
    const { cookies, db, clock } = ctx();
    const full = await pull(cookies.officer);
    expect(full.full).toBe(true);
    expect(full.templates).toEqual(
      [...builtInTemplates].sort((a, b) => a.id.localeCompare(b.id) || a.version - b.version),
    );
    expect(full.providers.map((p) => p.id).sort()).toEqual(providers.map((p) => p.id).sort());
    expect(full.removed).toEqual({ providers: [] });
    expect(full.settings).toEqual({
      briefingStaleDays: 7,
      devicePolicy: {
        lockIdleMinutes: 5,
        unlockAttempts: 10,
        allowPin: false,
        sentRetentionDays: 14,
        referenceRetentionDays: 30,
      },
      // Calendar days by default; the bank holidays go too, for a council that switches to working days.
      deadlines: { dayCount: 'calendar', bankHolidays: [...ENGLAND_AND_WALES_BANK_HOLIDAYS] },
    });

    const unchanged = await pull(cookies.officer, full.cursor);
    expect(unchanged).toEqual({ ...full, full: false, templates: [], providers: [], briefings: [], assignments: [] });

    const renamed = { ...providers[1]!, name: 'Hartwell Lodge', rag: 'red' as const, monitoringLevel: 5 };
    const added = providerRow({
      id: 'brightside',
      name: 'Brightside Home Care Ltd',
      serviceType: 'home-care',
      monitoringLevel: 1,
    });
    await upsertProvider(db, renamed);
    await upsertProvider(db, added);
    const second = await pull(cookies.officer, full.cursor);
    expect(second.full).toBe(false);
    expect(second.templates).toEqual([]);
    expect(second.providers.map((p) => [p.id, p.name])).toEqual([
      ['brightside', added.name],
      ['hartwell-lodge', 'Hartwell Lodge'],
    ]);
    expect(second.cursor).not.toBe(full.cursor);

    await removeProvider(db, 'brightside', clock.now());
    const third = await pull(cookies.manager, second.cursor);
    expect(third.providers).toEqual([]);
    expect(third.removed).toEqual({ providers: ['brightside'] });
    const again = await pull(cookies.officer);
    expect(again.providers.map((p) => p.id)).not.toContain('brightside');
    await upsertProvider(db, providers[1]!);
  });

  it('answers a cursor from ahead of this database, or an old-format one, with a full snapshot', async () => {
    const ahead = encodeCursor({ seq: 9_999_999, day: '20260101', scopeKey: 'a'.repeat(16), configTag: 'b'.repeat(8) });
    for (const cursor of [ahead, Buffer.from('c1.3').toString('base64url')]) {
      const res = await pull(ctx().cookies.officer, cursor);
      expect(res.full).toBe(true);
      expect(res.templates).toHaveLength(builtInTemplates.length);
    }
  });

  it.each(['not-a-cursor!', 'MTIz', 'YzEuLTE', 'YzEuMDE', Buffer.from('c2.5.2026.x.y').toString('base64url')])(
    'rejects the malformed cursor %s with 400',
    async (cursor) => {
      const res = await call(ctx().app, `/api/sync/pull?cursor=${encodeURIComponent(cursor)}`, {
        cookie: ctx().cookies.officer,
      });
      expect(res.status).toBe(400);
      expect(res.json).toEqual({
        error: 'bad-request',
        message: 'The sync cursor is not valid; pull again without one',
      });
    },
  );

  it('keeps a device exactly in step with its scope through assignments, pins, intelligence, visits and removals', async () => {
    const { app, cookies, users, clock } = ctx();
    const device = new Device();
    const first = await sync(device, cookies.officer);
    expect(first.scope).toEqual({ briefings: [], assignments: [], returned: [] });

    // Assignment added → its briefing and the assignment arrive.
    const created = await assigned(ctx(), {
      providerId: 'hartwell-lodge',
      officerId: users.officer.id,
      dueDate: '2030-01-10',
      announced: false,
    });
    let p = await sync(device, cookies.officer);
    expect(p.scope).toEqual({ briefings: ['hartwell-lodge'], assignments: [created], returned: [] });
    expect(p.briefings.map((b) => b.providerId)).toEqual(['hartwell-lodge']);
    expect(p.assignments.map((a) => a.id)).toEqual([created]);
    // officer2 and the manager see none of it.
    expect((await pull(cookies.officer2)).scope).toEqual({ briefings: [], assignments: [], returned: [] });
    expect((await pull(cookies.manager)).scope).toEqual({ briefings: [], assignments: [], returned: [] });

    // Nothing changed → nothing sent; intelligence added → only that briefing again.
    p = await sync(device, cookies.officer);
    expect(p.briefings).toEqual([]);
    const intel = await call(app, '/api/providers/hartwell-lodge/intelligence', {
      method: 'POST',
      cookie: cookies.manager,
      body: { kind: 'complaint', date: '2026-02-01', summary: 'Call bells', status: 'open' },
    });
    expect(intel.status).toBe(201);
    p = await sync(device, cookies.officer);
    expect(p.briefings.map((b) => [b.providerId, b.complaints.open])).toEqual([['hartwell-lodge', 1]]);

    // Pin → appears; unpin → leaves scope.
    expect((await call(app, '/api/pins/willow-bank', { method: 'PUT', cookie: cookies.officer })).status).toBe(204);
    p = await sync(device, cookies.officer);
    expect(p.pinned).toEqual(['willow-bank']);
    expect(p.briefings.map((b) => b.providerId)).toEqual(['willow-bank']);
    expect((await call(app, '/api/pins/willow-bank', { method: 'DELETE', cookie: cookies.officer })).status).toBe(204);
    p = await sync(device, cookies.officer);
    expect(p.scope.briefings).toEqual(['hartwell-lodge']);
    expect(device.briefings.has('willow-bank')).toBe(false);

    // A visit: the provider's last visit and next due date change, the assignment is done and leaves.
    clock.advance(1000);
    const visit = visitBody({
      details: { ...visitBody().details, providerId: 'hartwell-lodge', date: '2026-03-02' },
      assignmentId: created,
    });
    expect(
      (await call(app, `/api/submissions/${visit.id}`, { method: 'PUT', body: visit, cookie: cookies.officer })).status,
    ).toBe(201);
    p = await sync(device, cookies.officer);
    expect(p.providers.find((x) => x.id === 'hartwell-lodge')).toMatchObject({
      lastVisitDate: '2026-03-02',
      nextVisitDue: '2027-03-02',
    });
    expect(p.scope.assignments).toEqual([]);
    expect(device.assignments.size).toBe(0);

    // Allocated to the officer and overdue → in scope; the provider removed → out of scope and gone.
    const row = providerRow({
      id: 'allocated-home',
      name: 'Allocated Home',
      allocatedOfficerId: users.officer.id,
      monitoringLevel: 5,
    });
    expect((await call(app, '/api/providers', { method: 'POST', cookie: cookies.qa, body: row })).status).toBe(201);
    p = await sync(device, cookies.officer);
    expect(p.scope.briefings).toEqual(['allocated-home']);
    expect((await call(app, '/api/providers/allocated-home', { method: 'DELETE', cookie: cookies.qa })).status).toBe(
      204,
    );
    p = await sync(device, cookies.officer);
    expect(p.removed.providers).toEqual(['allocated-home']);
    expect(p.scope.briefings).toEqual([]);
    expect(device.briefings.size).toBe(0);

    // Cancelling an assignment takes it off the device.
    const second = await assigned(
      ctx(),
      { officerId: users.officer.id, dueDate: '2030-02-01', notes: 'x' },
      cookies.manager,
    );
    p = await sync(device, cookies.officer);
    expect(p.scope).toEqual({ briefings: ['willow-bank'], assignments: [second], returned: [] });
    expect(
      (
        await call(app, `/api/assignments/${second}`, {
          method: 'PATCH',
          cookie: cookies.qa,
          body: { status: 'cancelled' },
        })
      ).status,
    ).toBe(200);
    p = await sync(device, cookies.officer);
    expect(p.scope).toEqual({ briefings: [], assignments: [], returned: [] });
    expect(device.briefings.size + device.assignments.size).toBe(0);
  });

  it('gives identical answers whatever the client clock says, and resends briefings on a new server day', async () => {
    const { app, cookies, users, clock } = ctx();
    const created = await assigned(ctx(), { officerId: users.officer2.id, dueDate: '2030-01-10', announced: false });
    const base = await pull(cookies.officer2);
    const skews = [-86_400_000, 86_400_000].map((ms) => new Date(clock.now().getTime() + ms).toUTCString());
    for (const date of skews) {
      expect(await pull(cookies.officer2, null, { date })).toEqual(base);
      expect(await pull(cookies.officer2, base.cursor, { date })).toEqual(await pull(cookies.officer2, base.cursor));
    }
    // A visit body with client clocks a day out is stored against the server's clock only.
    const skewed = visitBody({ startedAt: '2031-01-01T00:00:00+00:00', submittedAt: '2019-01-01T00:00:00+00:00' });
    const put = await call(app, `/api/submissions/${skewed.id}`, {
      method: 'PUT',
      body: skewed,
      cookie: cookies.officer,
      headers: { date: skews[0]! },
    });
    expect(put.json.receivedAt).toBe(clock.now().toISOString());
    const same = await pull(cookies.officer2, base.cursor);
    expect(same.briefings.map((b) => b.providerId)).toEqual(['willow-bank']); // last visit changed
    clock.advance(86_400_000);
    const nextDay = await pull(cookies.officer2, same.cursor);
    expect(nextDay.briefings.map((b) => b.providerId)).toEqual(['willow-bank']);
    expect(nextDay.briefings[0]!.compiledAt).toBe(clock.now().toISOString());
    await call(app, `/api/assignments/${created}`, {
      method: 'PATCH',
      cookie: cookies.qa,
      body: { status: 'cancelled' },
    });
  });

  it('forgets scope snapshots no cursor has named for 30 days; a cursor whose snapshot is gone gets its whole scope', async () => {
    const { app, cookies, users, clock, db } = ctx();
    const assign = (dueDate: string) => assigned(ctx(), { officerId: users.officer2.id, dueDate, announced: false });
    const keys = async () =>
      (
        await db.query<{ key: string }>('SELECT key FROM pull_scopes WHERE user_id = $1 ORDER BY key', [
          users.officer2.id,
        ])
      ).map((r) => r.key);
    const first = await assign('2030-02-10');
    const a = await pull(cookies.officer2);
    const second = await assign('2030-03-10');
    const b = await pull(cookies.officer2, a.cursor);
    expect(b.assignments.map((x) => x.id)).toEqual([second]);
    expect((await keys()).length).toBeGreaterThanOrEqual(2);

    // Age every snapshot past the retention (moving the clock would end the test sessions).
    await db.query('UPDATE pull_scopes SET created_at = $1 WHERE user_id = $2', [
      new Date(clock.now().getTime() - 31 * 86_400_000),
      users.officer2.id,
    ]);
    const c = await pull(cookies.officer2, b.cursor);
    expect(c.assignments).toEqual([]);
    expect((await keys()).length).toBe(1); // only the snapshot just named survives

    await db.query('DELETE FROM pull_scopes WHERE user_id = $1', [users.officer2.id]);
    const d = await pull(cookies.officer2, c.cursor);
    expect(d.assignments.map((x) => x.id).sort()).toEqual([first, second].sort());
    for (const id of [first, second]) {
      await call(app, `/api/assignments/${id}`, { method: 'PATCH', cookie: cookies.qa, body: { status: 'cancelled' } });
    }
  });
}
