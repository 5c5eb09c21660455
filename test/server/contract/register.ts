// Provider register writes, CSV import (all or nothing), intelligence and template publishing.
import { expect, it } from 'vitest';
import { Briefing, ProviderRecord } from '../../../src/shared/briefings/register';
import { qmfCareHomeV1 } from '../../../src/shared/templates/index';
import { call, providerRow } from '../helpers';
import type { Ctx } from './ctx';
import { refusedPaths } from './steps';

export function registerContract(ctx: () => Ctx) {
  const csv = (text: string, cookie = ctx().cookies.qa) =>
    call(ctx().app, '/api/providers/import', { method: 'POST', raw: text, contentType: 'text/csv', cookie });
  const count = async () => Number((await ctx().db.query<{ n: string }>('SELECT count(*) AS n FROM providers'))[0]?.n);

  it('imports a good CSV file, adding and updating rows', async () => {
    const res = await csv(
      'id,name,service_type,rag,rag_reason,monitoring_level,capacity,allocated_officer_email\n' +
        'csv-one,CSV One Care Home,Care home,Green,,2,30,OFFICER.ONE@example.org\n' +
        'willow-bank,Willow Bank Care Home,Care home,amber,Two open complaints,4,32,\n',
    );
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ imported: 1, updated: 1 });
    const one = ProviderRecord.parse(
      (await call(ctx().app, '/api/providers/csv-one', { cookie: ctx().cookies.officer })).json,
    );
    expect(one.allocatedOfficerId).toBe(ctx().users.officer.id);
    const willow = (await call(ctx().app, '/api/providers/willow-bank', { cookie: ctx().cookies.officer })).json;
    expect(willow).toMatchObject({
      rag: 'amber',
      monitoringLevel: 4,
      ragReason: 'Two open complaints',
      ragChangedAt: ctx().clock.now().toISOString().slice(0, 10),
    });
    // The level the file moved is kept in the monitoring history (a register change, not a review).
    const history = await call(ctx().app, '/api/providers/willow-bank/monitoring-reviews', {
      cookie: ctx().cookies.qa,
    });
    expect(history.json.reviews[0]).toMatchObject({
      decision: 'register-change',
      toLevel: 4,
      reason: 'Level changed by a register import.',
    });
  });

  it('imports nothing from a file with bad rows and names each bad row and column', async () => {
    const before = await count();
    const res = await csv(
      'name,service_type,rag,monitoring_level,capacity\n' +
        'Good Home,Care home,green,1,10\n' +
        'Bad Home,Castle,green,1,lots\n' +
        'Worse Home,Care home,purple,9,5\n',
    );
    expect(res.json.error).toBe('invalid');
    expect(refusedPaths(res)).toEqual([
      'row 3 column service_type',
      'row 3 column capacity',
      'row 4 column rag',
      'row 4 column monitoring_level',
    ]);
    expect(await count()).toBe(before);
    expect((await call(ctx().app, '/api/providers/good-home', { cookie: ctx().cookies.qa })).status).toBe(404);
    expect(
      (
        await call(ctx().app, '/api/providers/import', {
          method: 'POST',
          raw: 'name\nX\n',
          contentType: 'text/plain',
          cookie: ctx().cookies.qa,
        })
      ).status,
    ).toBe(415);
  });

  it('requires a reason for a RAG change and dates it by the server clock', async () => {
    const { app, cookies, clock } = ctx();
    const row = providerRow({ id: 'rag-home', name: 'RAG Home', ragReason: 'New contract' });
    expect((await call(app, '/api/providers', { method: 'POST', body: row, cookie: cookies.qa })).status).toBe(201);
    expect((await call(app, '/api/providers', { method: 'POST', body: row, cookie: cookies.qa })).status).toBe(409);
    const noReason = await call(app, '/api/providers/rag-home', {
      method: 'PUT',
      body: { ...row, rag: 'red', ragReason: '' },
      cookie: cookies.qa,
    });
    expect(noReason.status).toBe(422);
    expect(noReason.json.issues).toEqual([
      { path: 'ragReason', message: 'Give the reason for changing the RAG rating' },
    ]);
    clock.advance(86_400_000);
    const ok = await call(app, '/api/providers/rag-home', {
      method: 'PUT',
      body: { ...row, rag: 'red', ragReason: 'Safeguarding', ragChangedAt: '1999-01-01' },
      cookie: cookies.qa,
    });
    expect(ok.status).toBe(200);
    expect(ok.json.ragChangedAt).toBe(clock.now().toISOString().slice(0, 10));
    const history = await ctx().db.query<{ to_rag: string; reason: string }>(
      "SELECT to_rag, reason FROM provider_rag_history WHERE provider_id = 'rag-home' ORDER BY id",
    );
    expect(history).toEqual([
      { to_rag: 'green', reason: 'New contract' },
      { to_rag: 'red', reason: 'Safeguarding' },
    ]);
    const badOfficer = await call(app, '/api/providers', {
      method: 'POST',
      body: { ...row, id: 'x-home', allocatedOfficerId: ctx().users.manager.id },
      cookie: cookies.qa,
    });
    expect(badOfficer.status).toBe(422);
  });

  it('records intelligence attributed and dated by the server, and compiles it into the briefing', async () => {
    const { app, cookies, clock } = ctx();
    const entry = {
      kind: 'cqc-inspection',
      date: '2025-11-01',
      summary: 'Report',
      overall: 'good',
      recordedBy: 'Someone Else',
      recordedAt: '2001-01-01T00:00:00Z',
      keyQuestions: {
        safe: 'good',
        effective: 'good',
        caring: 'outstanding',
        responsive: 'good',
        wellLed: 'requires-improvement',
      },
    };
    const res = await call(app, '/api/providers/rag-home/intelligence', {
      method: 'POST',
      body: entry,
      cookie: cookies.manager,
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      providerId: 'rag-home',
      recordedBy: 'Priya Shah',
      recordedAt: clock.now().toISOString(),
    });
    const bad = await call(app, '/api/providers/rag-home/intelligence', {
      method: 'POST',
      body: { ...entry, overall: 'fine' },
      cookie: cookies.qa,
    });
    expect(refusedPaths(bad)).toEqual(['overall']);
    expect(
      (await call(app, '/api/providers/nowhere/intelligence', { method: 'POST', body: entry, cookie: cookies.qa }))
        .status,
    ).toBe(404);
    const list = await call(app, '/api/providers/rag-home/intelligence', { cookie: cookies.officer });
    expect(list.json.entries).toEqual([res.json]);
    const briefing = Briefing.parse(
      (await call(app, '/api/providers/rag-home/briefing', { cookie: cookies.officer })).json,
    );
    expect(briefing.cqc).toEqual({ date: '2025-11-01', overall: 'good', keyQuestions: entry.keyQuestions });
    expect(briefing.compiledAt).toBe(clock.now().toISOString());
    const audit = await ctx().db.query("SELECT 1 FROM audit_log WHERE action = 'intelligence.create'");
    expect(audit.length).toBeGreaterThan(0);
  });

  it('publishes a new template version (201), refuses the same or a lower one (409) and an invalid one (422)', async () => {
    const { app, cookies } = ctx();
    const v2 = { ...qmfCareHomeV1, id: 'publish-test', version: 2 };
    expect((await call(app, '/api/templates', { method: 'POST', body: v2, cookie: cookies.qa })).status).toBe(201);
    expect((await call(app, '/api/templates', { method: 'POST', body: v2, cookie: cookies.qa })).status).toBe(409);
    expect(
      (await call(app, '/api/templates', { method: 'POST', body: { ...v2, version: 1 }, cookie: cookies.qa })).status,
    ).toBe(409);
    const invalid = await call(app, '/api/templates', {
      method: 'POST',
      body: { ...v2, version: 3, sections: [] },
      cookie: cookies.qa,
    });
    expect(invalid.status).toBe(422);
    // Sound in shape but not usable: a show-if naming an item that does not exist, named in the message.
    const [first, ...rest] = v2.sections;
    const broken = {
      ...v2,
      version: 3,
      sections: [
        {
          ...first!,
          items: [{ ...first!.items[0]!, showIf: { item: 'no-such-item', in: ['met'] } }, ...first!.items.slice(1)],
        },
        ...rest,
      ],
    };
    const refused = await call(app, '/api/templates', { method: 'POST', body: broken, cookie: cookies.qa });
    expect(refused.status).toBe(422);
    expect(refused.json.issues[0].message).toMatch(
      new RegExp(`Item "${first!.items[0]!.id}": show-if names "no-such-item"`),
    );
    const pulled = await call(app, '/api/sync/pull', { cookie: cookies.officer });
    expect(pulled.json.templates.map((t: { id: string; version: number }) => `${t.id}@${t.version}`)).toContain(
      'publish-test@2',
    );
  });
}
