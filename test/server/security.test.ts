// Security suite (issue 7, part 2), run against PGlite and, when DATABASE_URL is set, PostgreSQL:
// a seeded property-based fuzzer over every route that takes a body or a query (never a 5xx,
// errors are ErrorBody, nothing written unless 2xx), the security headers on every kind of
// response, and the abuse cases the contract suite does not already cover (claimed submitters,
// deep nesting, sign-in throttling across addresses, session lifetimes on every kind of route).
// Cross-user and cross-role access of every route is the contract suite's matrix (contract/authz.ts).
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { abuseSuite } from './security/abuse';
import { fuzzSuite } from './security/fuzz';
import { headersSuite } from './security/headers';
import type { SecurityCtx } from './security/ctx';
import {
  type DbKind,
  call,
  makeApp,
  manualClock,
  openTestDb,
  prepare,
  providerRow,
  raisedAction,
  signIn,
  visitBody,
  type TestDb,
} from './helpers';

function securitySuite(kind: DbKind) {
  let testDb: TestDb | undefined;
  let ctx: SecurityCtx | undefined;
  beforeAll(async () => {
    testDb = await openTestDb(kind);
    const { db, users } = await prepare(testDb.db);
    const clock = manualClock();
    // A smaller JSON limit than the default 2 MB keeps the oversized cases cheap to generate.
    const app = makeApp(db, { now: clock.now, config: { jsonLimitBytes: 256 * 1024 } });
    const [officer, officer2, manager, manager2, qa] = await Promise.all(
      [users.officer, users.officer2, users.manager, users.manager2, users.qa].map((u) => signIn(app, u.email)),
    );
    const cookies = { officer: officer!, officer2: officer2!, manager: manager!, manager2: manager2!, qa: qa! };

    // Something for the id-taking routes to aim at: a record with a provider action, a provider, an assignment.
    const record = visitBody({
      actions: [raisedAction({ title: 'Update the staff rota', detail: 'Weekend cover', dueDate: '2026-06-01' })],
    });
    expect(
      (await call(app, `/api/submissions/${record.id}`, { method: 'PUT', body: record, cookie: cookies.officer }))
        .status,
    ).toBe(201);
    const [action] = await db.query<{ id: string }>('SELECT id FROM actions ORDER BY id LIMIT 1');
    const providerId = 'fuzz-target';
    expect(
      (
        await call(app, '/api/providers', {
          method: 'POST',
          body: providerRow({ id: providerId, name: 'Fuzz Target Home', ragReason: 'Set up' }),
          cookie: cookies.qa,
        })
      ).status,
    ).toBe(201);
    const assignment = await call(app, '/api/assignments', {
      method: 'POST',
      cookie: cookies.qa,
      body: {
        providerId,
        officerId: users.officer.id,
        templateId: 'qmf-care-home',
        dueDate: '2030-01-01',
        announced: true,
        notes: '',
      },
    });
    expect(assignment.status).toBe(201);
    const escalation = await call(app, `/api/providers/${providerId}/escalations`, {
      method: 'POST',
      cookie: cookies.qa,
      body: { trigger: 'failed-cqc-inspection', reason: 'Rated inadequate overall', openedOn: '2020-01-01' },
    });
    expect(escalation.status).toBe(201);
    ctx = {
      kind,
      db,
      users,
      clock,
      app,
      cookies,
      fixture: {
        recordId: record.id,
        actionId: action!.id,
        assignmentId: assignment.json.id,
        officerId: users.officer.id,
        providerId,
        escalationId: escalation.json.id,
      },
    };
  });
  afterAll(async () => {
    await testDb?.dispose();
  });
  const get = (): SecurityCtx => {
    if (ctx === undefined) throw new Error('suite not prepared');
    return ctx;
  };
  describe('route fuzzer', () => fuzzSuite(get));
  describe('security headers', () => headersSuite(get));
  describe('abuse cases', () => abuseSuite(get));
}

describe('security on PGlite', () => securitySuite('pglite'));

describe.skipIf(!process.env.DATABASE_URL)('security on PostgreSQL (DATABASE_URL)', () => securitySuite('postgres'));
