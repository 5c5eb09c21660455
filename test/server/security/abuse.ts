// Hostile bodies the contract suite does not cover, as fixed cases: a record that claims another
// submitter in every way a client could say it; JSON nested 10,000 (and 100,000) levels deep on
// every JSON route; and text PostgreSQL cannot store (NUL, half a surrogate pair), numbers its int
// columns cannot hold, and CSV words that name Object.prototype's properties — each of which was a
// 500 before this suite (see the fuzzer), now a 4xx that stores nothing.
import { expect, it } from 'vitest';
import { ErrorBody } from '../../../src/shared/http';
import { qmfCareHomeV1 } from '../../../src/shared/templates/index';
import { call, countRows, providerRow, visitBody } from '../helpers';
import type { SecurityCtx } from './ctx';
import { sessionAbuseSuite } from './sessions';

const CLAIMS = ['submitterId', 'submitterName', 'ownerId', 'userId', 'createdBy', 'submitter'];

export function abuseSuite(ctx: () => SecurityCtx) {
  const put = (body: unknown, id: string, cookie: string) =>
    call(ctx().app, `/api/submissions/${id}`, { method: 'PUT', body, cookie });

  it('stores a record that claims another submitter under the session user, keeping none of the claims', async () => {
    const { app, db, cookies, users } = ctx();
    const claimed = {
      submitterId: users.officer.id,
      submitterName: users.officer.name,
      ownerId: users.officer.id,
      userId: users.officer.id,
      createdBy: users.qa.id,
      submitter: { id: users.qa.id, role: 'qa' },
    };
    const base = visitBody();
    const [firstItem] = Object.keys(base.answers);
    const body = {
      ...base,
      ...claimed,
      details: { ...base.details, submitterId: users.officer.id },
      answers: { ...base.answers, [firstItem!]: { ...base.answers[firstItem!]!, ownerId: users.officer.id } },
    };
    expect((await put(body, base.id, cookies.officer2)).status).toBe(201);
    // An amendment claiming a third person changes nothing either.
    expect(
      (await put({ ...body, revision: 2, baseRevision: 1, submitterId: users.manager.id }, base.id, cookies.officer2))
        .status,
    ).toBe(201);

    const stored = await call(app, `/api/submissions/${base.id}`, { cookie: cookies.qa });
    expect([stored.json.submitterId, stored.json.submitterName]).toEqual([users.officer2.id, users.officer2.name]);
    const text = JSON.stringify(stored.json.body);
    for (const claim of CLAIMS) expect(text, claim).not.toContain(`"${claim}"`);
    const rows = await db.query<{ submitter_id: string }>(
      'SELECT submitter_id FROM submissions WHERE id = $1 UNION ALL SELECT submitter_id FROM submission_heads WHERE id = $1',
      [base.id],
    );
    expect(rows.map((r) => r.submitter_id)).toEqual([users.officer2.id, users.officer2.id, users.officer2.id]);
    const audit = await db.query<{ user_id: string }>('SELECT user_id FROM audit_log WHERE subject LIKE $1', [
      `${base.id}@%`,
    ]);
    expect(audit.map((a) => a.user_id)).toEqual([users.officer2.id, users.officer2.id]);

    // Naming the owner does not make someone else the owner: officer cannot amend officer2's record.
    const hijack = await put(
      { ...body, revision: 3, baseRevision: 2, submitterId: users.officer2.id },
      base.id,
      cookies.officer,
    );
    expect(hijack.status).toBe(403);
    expect(await countRows(db, base.id)).toBe(2);
  });

  it('answers JSON nested 10,000 to 100,000 levels deep with a 4xx ErrorBody on every JSON route, and keeps serving', async () => {
    const { app, cookies, fixture } = ctx();
    const record = visitBody();
    const routes: Array<[string, string, string | undefined]> = [
      ['PUT', `/api/submissions/${record.id}`, cookies.officer],
      ['POST', `/api/submissions/${fixture.recordId}/review`, cookies.manager],
      ['PATCH', `/api/actions/${fixture.actionId}`, cookies.officer],
      ['POST', '/api/providers', cookies.qa],
      ['PUT', `/api/providers/${fixture.providerId}`, cookies.qa],
      ['POST', `/api/providers/${fixture.providerId}/intelligence`, cookies.qa],
      ['POST', '/api/assignments', cookies.qa],
      ['PATCH', `/api/assignments/${fixture.assignmentId}`, cookies.qa],
      ['POST', '/api/users', cookies.qa],
      ['POST', '/api/templates', cookies.qa],
      ['POST', '/api/session', undefined],
    ];
    const deep = (levels: number, open: string, close: string, inner = '1') =>
      open.repeat(levels) + inner + close.repeat(levels);
    const bodies = [
      deep(10_000, '[', ']'),
      deep(10_000, '{"a":', '}'),
      deep(100_000, '[', ']'),
      // Deep where a value is expected, so the schema walks into it rather than stopping at the top.
      JSON.stringify({ ...record, details: 'X' }).replace('"X"', deep(10_000, '{"providerId":', '}', '"willow-bank"')),
      JSON.stringify({ ...record, answers: 'X' }).replace('"X"', deep(10_000, '{"staffing-rota":', '}')),
      // A NUL at the bottom (240 kB, under the JSON limit), which the unstorable-text walk must reach without recursing.
      deep(40_000, '{"a":', '}', '"\\u0000"'),
    ];
    for (const [method, path, cookie] of routes) {
      for (const [i, raw] of bodies.entries()) {
        const res = await call(app, path, { method, raw, ...(cookie ? { cookie } : {}) });
        expect(res.status, `${method} ${path} body ${i}`).toBeGreaterThanOrEqual(400);
        expect(res.status, `${method} ${path} body ${i}`).toBeLessThan(500);
        expect(ErrorBody.safeParse(res.json).success, `${method} ${path} body ${i}`).toBe(true);
      }
    }
    expect(await countRows(ctx().db, record.id)).toBe(0);
    expect((await call(app, '/api/health')).status).toBe(200);
  });

  it('refuses text PostgreSQL cannot store (NUL, half a surrogate pair) with 422 naming the field, and stores nothing', async () => {
    const { app, db, cookies } = ctx();
    const cases: Array<[string, (s: string) => unknown, string, string, string]> = [
      [
        'PUT',
        (s) => ({ ...visitBody(), details: { ...visitBody().details, spokeWith: s } }),
        '',
        cookies.officer,
        'details.spokeWith',
      ],
      ['POST', (s) => providerRow({ id: 'unstorable-home', name: `Home ${s}` }), '/api/providers', cookies.qa, 'name'],
      ['POST', (s) => ({ email: `a${s}@example.org`, password: 'x' }), '/api/session', '', 'email'],
      [
        'POST',
        (s) => ({ kind: 'incident', date: '2026-01-05', summary: 'Fall', notifiedToCqc: false, [`key${s}`]: 1 }),
        `/api/providers/${ctx().fixture.providerId}/intelligence`,
        cookies.qa,
        `key`,
      ],
    ];
    for (const bad of ['\u0000', '\ud800', 'x\udfff']) {
      for (const [method, make, path, cookie, field] of cases) {
        const body = make(bad) as { id?: string };
        const res = await call(app, path || `/api/submissions/${body.id}`, {
          method,
          body,
          ...(cookie ? { cookie } : {}),
        });
        expect(res.status, `${path} ${field}`).toBe(422);
        expect(res.json.issues[0].path, `${path} ${field}`).toContain(field);
        expect(res.json.issues[0].message).toMatch(/NUL character or half of a surrogate pair/);
      }
    }
    expect((await db.query("SELECT 1 FROM providers WHERE id = 'unstorable-home'")).length).toBe(0);
    // A whole pair, escaped as JSON allows, is an ordinary emoji and is stored.
    const emoji = visitBody();
    const raw = JSON.stringify(emoji).replace('"Registered manager"', '"Registered manager \\ud83d\\udca5"');
    expect(
      (await call(app, `/api/submissions/${emoji.id}`, { method: 'PUT', raw, cookie: cookies.officer })).status,
    ).toBe(201);
    expect(
      (await call(app, `/api/submissions/${emoji.id}`, { cookie: cookies.officer })).json.body.details.spokeWith,
    ).toBe('Registered manager 💥');
  });

  it('refuses an encoded NUL in the address or a CSV file with 400, and CSV words naming prototype properties with 422', async () => {
    const { app, cookies } = ctx();
    for (const path of [
      '/api/submissions?person=a%00b',
      '/api/providers/willow%00bank',
      `/api/submissions/${ctx().fixture.recordId}%00`,
      '/api/reports/quarterly?quarter=%00',
    ]) {
      const res = await call(app, path, { cookie: cookies.qa });
      expect(res.json, path).toEqual({ error: 'bad-request', message: 'The address contains a NUL character' });
    }
    const csv = (path: string, raw: string) =>
      call(app, path, { method: 'POST', raw, contentType: 'text/csv', cookie: cookies.qa });
    const nul = await csv(
      '/api/providers/import',
      'name,service_type,rag,monitoring_level\nNul\u0000 Home,Care home,green,2\n',
    );
    expect(nul.json).toEqual({
      error: 'bad-request',
      message: 'The request body is not text: it contains a NUL character',
    });
    for (const word of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const kind = await csv(
        '/api/providers/intelligence/import',
        `provider_id,kind,date\nwillow-bank,${word},2026-01-01\n`,
      );
      expect(kind.status, word).toBe(422);
      expect(kind.json.issues, word).toEqual([
        { path: 'row 2 column kind', message: expect.stringContaining('is not a kind of intelligence') },
      ]);
      const service = await csv(
        '/api/providers/import',
        `name,service_type,rag,monitoring_level\nProto Home,${word},green,2\n`,
      );
      expect(service.status, word).toBe(422);
      expect(service.json.issues, word).toEqual([
        {
          path: 'row 2 column service_type',
          message: expect.stringContaining('is not a service type this import knows'),
        },
      ]);
    }
  });

  it('answers 422, not an SQL error, for version numbers an int column cannot hold', async () => {
    const { app, cookies } = ctx();
    const record = visitBody({ templateVersion: 2 ** 31 });
    const res = await call(app, `/api/submissions/${record.id}`, {
      method: 'PUT',
      body: record,
      cookie: cookies.officer,
    });
    expect(res.status).toBe(422);
    expect(res.json.issues).toEqual([
      { path: 'templateVersion', message: `Template qmf-care-home version ${2 ** 31} is not known to the server` },
    ]);
    const template = await call(app, '/api/templates', {
      method: 'POST',
      body: { ...qmfCareHomeV1, id: 'huge-version', version: 2 ** 31 },
      cookie: cookies.qa,
    });
    expect(template.status).toBe(422);
    expect(template.json.issues).toEqual([
      { path: 'version', message: 'Use a version number no higher than 2147483647' },
    ]);
    expect(
      (
        await call(app, '/api/templates', {
          method: 'POST',
          body: { ...qmfCareHomeV1, id: 'huge-version', version: 2 ** 31 - 1 },
          cookie: cookies.qa,
        })
      ).status,
    ).toBe(201);
  });

  sessionAbuseSuite(ctx);
}
