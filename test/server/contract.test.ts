// The server contract suite (docs/sync-contract.md), run once against embedded PGlite and once against
// PostgreSQL when DATABASE_URL is set — one suite, two databases, identical expectations.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { httpContract } from './contract/http';
import { pullContract } from './contract/pull';
import { receiptsContract } from './contract/receipts';
import { sessionContract } from './contract/session';
import { submissionPutContract } from './contract/submissions-put';
import { submissionReadContract } from './contract/submissions-read';
import { authorisationMatrix } from './contract/authz';
import { registerContract } from './contract/register';
import { intelligenceImportContract } from './contract/intelligence-import';
import { judgementsContract } from './contract/judgements';
import { attachmentsContract } from './contract/attachments';
import { exportsContract } from './contract/exports';
import { escalationsContract } from './contract/escalations';
import { monitoringContract } from './contract/monitoring';
import type { Ctx } from './contract/ctx';
import { type DbKind, makeApp, manualClock, openTestDb, prepare, signIn, type TestDb } from './helpers';

function contract(kind: DbKind) {
  let testDb: TestDb | undefined;
  let ctx: Ctx | undefined;
  let attachmentsDir: string | undefined;
  beforeAll(async () => {
    testDb = await openTestDb(kind);
    const fixture = await prepare(testDb.db);
    const clock = manualClock();
    const log: string[] = [];
    attachmentsDir = mkdtempSync(join(tmpdir(), 'qa-visits-attachments-'));
    const app = makeApp(testDb.db, { now: clock.now, log: (line) => log.push(line), attachmentsDir });
    const [officer, officer2, manager, manager2, qa] = await Promise.all([
      signIn(app, fixture.users.officer.email),
      signIn(app, fixture.users.officer2.email),
      signIn(app, fixture.users.manager.email),
      signIn(app, fixture.users.manager2.email),
      signIn(app, fixture.users.qa.email),
    ]);
    ctx = { kind, ...fixture, app, clock, log, cookies: { officer, officer2, manager, manager2, qa } };
  });
  afterAll(async () => {
    await testDb?.dispose();
    if (attachmentsDir) rmSync(attachmentsDir, { recursive: true, force: true });
  });
  const get = (): Ctx => {
    if (ctx === undefined) throw new Error('suite not prepared');
    return ctx;
  };
  httpContract(get);
  sessionContract(get);
  pullContract(get);
  receiptsContract(get);
  submissionPutContract(get);
  submissionReadContract(get);
  registerContract(get);
  intelligenceImportContract(get);
  judgementsContract(get);
  attachmentsContract(get);
  exportsContract(get);
  escalationsContract(get);
  monitoringContract(get);
  authorisationMatrix(get);
}

describe('server contract on PGlite', () => contract('pglite'));

describe.skipIf(!process.env.DATABASE_URL)('server contract on PostgreSQL (DATABASE_URL)', () => contract('postgres'));
