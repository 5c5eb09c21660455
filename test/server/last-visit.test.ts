// A provider's derived last visit under concurrency (the record store statement's
// effects, records/effects.ts, update it incrementally): many new visits to one provider at once, from two
// officers, in random order, end with the latest date (ties to the smaller id) on the provider,
// the same answer a full recomputation gives, and the officer's open assignment marked done.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshProviderVisit } from '../../src/server/providers/store';
import {
  type App,
  call,
  type DbKind,
  type Fixture,
  makeApp,
  openTestDb,
  PASSWORD,
  prepare,
  signIn,
  type TestDb,
  visitBody,
} from './helpers';

function lastVisit(kind: DbKind) {
  let testDb: TestDb;
  let fixture: Fixture;
  let app: App;
  beforeAll(async () => {
    testDb = await openTestDb(kind);
    fixture = await prepare(testDb.db);
    app = makeApp(testDb.db);
  });
  afterAll(async () => testDb?.dispose());

  it('ends on the latest of many concurrent visits to one provider', async () => {
    const cookies = [
      await signIn(app, fixture.users.officer.email, PASSWORD),
      await signIn(app, fixture.users.officer2.email, PASSWORD),
    ];
    const assignment = await call(app, '/api/assignments', {
      method: 'POST',
      cookie: await signIn(app, fixture.users.qa.email, PASSWORD),
      body: {
        providerId: 'willow-bank',
        officerId: fixture.users.officer.id,
        templateId: 'qmf-care-home',
        dueDate: '2030-01-01',
        announced: true,
        notes: '',
      },
    });
    expect(assignment.status).toBe(201);
    const dates = Array.from(
      { length: 40 },
      (_, i) => `2026-0${1 + (i % 9)}-${String(10 + ((i * 7) % 19)).padStart(2, '0')}`,
    );
    const bodies = dates.map((date) =>
      visitBody({ details: { providerId: 'willow-bank', date, announced: true, spokeWith: 'Manager' } }),
    );
    const results = await Promise.all(
      bodies.map((body, i) =>
        call(app, `/api/submissions/${body.id}`, { method: 'PUT', body, cookie: cookies[i % 2] }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(bodies.map(() => 201));

    const latest = [...bodies].sort(
      (a, b) => b.details.date.localeCompare(a.details.date) || a.id.localeCompare(b.id),
    )[0]!;
    const [row] = await testDb.db.query<{ last_visit_date: string; last_visit_ref: string }>(
      'SELECT last_visit_date, last_visit_ref FROM providers WHERE id = $1',
      ['willow-bank'],
    );
    expect(row).toEqual({ last_visit_date: latest.details.date, last_visit_ref: `${latest.id}@1` });
    // A full recomputation finds nothing to change.
    expect(await testDb.db.transaction((tx) => refreshProviderVisit(tx, 'willow-bank'))).toBe(false);
    const [done] = await testDb.db.query<{ status: string }>('SELECT status FROM assignments WHERE id = $1', [
      assignment.json.id,
    ]);
    expect(done?.status).toBe('done');
  });
}

describe('last visit under concurrency, PGlite', () => lastVisit('pglite'));
describe.skipIf(!process.env.DATABASE_URL)('last visit under concurrency, PostgreSQL', () => lastVisit('postgres'));
