// The access log (issue 17): one line per API request, by route pattern, and static files only
// when they fail, so a day's use does not bury the API lines under hundreds of asset fetches.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeApp, openTestDb, prepare, signIn, type App, type Fixture, type TestDb } from './helpers';

let dir: string;
let testDb: TestDb;
let fixture: Fixture;
let app: App;
const lines: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'qa-access-log-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>QA Visits</title>');
  writeFileSync(join(dir, 'app.js'), 'console.log(1);');
  testDb = await openTestDb('pglite');
  fixture = await prepare(testDb.db);
  app = makeApp(testDb.db, {
    config: { staticDir: dir },
    log: (line) => lines.push(line),
    attachmentsDir: join(dir, 'attachments'),
  });
});
afterAll(async () => {
  await testDb.dispose();
  rmSync(dir, { recursive: true, force: true });
});

it('logs API requests by route and static files only when they fail', async () => {
  const cookie = await signIn(app, fixture.users.officer.email);
  lines.length = 0;
  expect((await app.request('/app.js')).status).toBe(200);
  expect((await app.request('/visits/123')).status).toBe(200); // the app shell for a client route
  expect((await app.request('/missing.js')).status).toBe(404);
  expect((await app.request('/api/providers/willow-bank', { headers: { cookie } })).status).toBe(200);
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatch(/^GET \(static\) 404 [\d.]+ms$/);
  expect(lines[1]).toMatch(/^GET \/api\/providers\/:id 200 [\d.]+ms$/);
});
