// One implementation of a record's effects (records/effects.ts), two ways of storing a record
// (records/store.ts): the one-statement fast path for a new record, and the transactional path.
// Property: for random scenarios (new visits, observations and audits, with and without
// assignments, raised actions, checks of earlier actions, files; amendments and replays among
// them), storing through putSubmission — which takes the fast path whenever it may — writes
// exactly the rows that storing every revision through the transactional path writes, in every
// table a record touches, and every provider's last visit is the one a full recomputation gives.
// Two databases side by side, fed the same bodies at the same instants; seeded, so deterministic.
// Runs on PGlite, and on PostgreSQL when DATABASE_URL is set.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAssignment } from '../../src/server/assignments/store';
import type { Db } from '../../src/server/db';
import { refreshProviderVisit } from '../../src/server/providers/store';
import { needsOwnStatements } from '../../src/server/records/effects';
import { putSubmission, storeInTransaction } from '../../src/server/records/store';
import { canonicalJson } from '../../src/shared/records/record-rules';
import { type DbKind, type Fixture, openTestDb, prepare, type TestDb } from './helpers';
import { dump, seqMark } from './record-effects/dump';
import { FILES, PROVIDERS, type Resolved, resolve, scenario, type Stored } from './record-effects/scenario';

const SEED = Number(process.env.EFFECTS_SEED ?? 20_260_413);
const RUNS = Number(process.env.EFFECTS_RUNS ?? 40);

interface Side {
  db: Db;
  users: Fixture['users'];
  store: typeof putSubmission;
}

/** Applies one resolved step to one database; what it answered, for comparison. */
async function apply(side: Side, step: Resolved, now: Date): Promise<unknown> {
  if (step.kind === 'assign') {
    const assignment = { ...step.assignment, officerId: side.users[step.officer].id };
    await insertAssignment(side.db, assignment, side.users.qa.id, now);
    return 'assigned';
  }
  const json = canonicalJson(step.body);
  const bodyHash = createHash('sha256').update(json).digest('hex');
  return side.store(side.db, { body: step.body, bodyHash, json, user: side.users[step.submitter], now });
}

async function addFiles(db: Db, users: Fixture['users']): Promise<void> {
  for (const sha256 of FILES) {
    await db.query(
      `INSERT INTO attachments (sha256, type, bytes, width, height, stored_at) VALUES ($1, 'image/jpeg', 100, 10, 10, $2)`,
      [sha256, new Date('2026-03-01T12:00:00Z')],
    );
    await db.query('INSERT INTO attachment_uploads (sha256, user_id, uploaded_at) VALUES ($1, $2, $3)', [
      sha256,
      users.officer.id,
      new Date('2026-03-01T12:00:00Z'),
    ]);
  }
}

function recordEffects(kind: DbKind) {
  const opened: TestDb[] = [];
  let fast: Side;
  let general: Side;
  /** Transactions the fast side opened: a new record the fast path may take must open none. */
  let transactions = 0;
  beforeAll(async () => {
    const sides = await Promise.all(
      [putSubmission, storeInTransaction].map(async (store) => {
        const testDb = await openTestDb(kind);
        opened.push(testDb);
        const { users } = await prepare(testDb.db);
        await addFiles(testDb.db, users);
        return { db: testDb.db, users, store };
      }),
    );
    [fast, general] = sides as [Side, Side];
    const db = fast.db;
    fast.db = {
      kind: db.kind,
      query: (sql, params) => db.query(sql, params),
      transaction: (fn) => ((transactions += 1), db.transaction(fn)),
      close: () => db.close(),
    };
  });
  afterAll(async () => {
    for (const testDb of opened) await testDb.dispose();
  });

  it(`the fast path writes exactly what the transactional path writes (seed ${SEED}, ${RUNS} runs)`, async () => {
    const stored: Stored = { records: [], assignments: [], actions: [] };
    let clock = Date.parse('2026-03-10T09:00:00Z');
    let fastPathSteps = 0;
    const property = fc.asyncProperty(scenario, async (steps) => {
      const marks = [await seqMark(fast.db), await seqMark(general.db)];
      for (const s of steps) {
        const step = resolve(s, stored);
        if (step === null) continue;
        const now = new Date((clock += 1000));
        const before = transactions;
        const answers = [await apply(fast, step, now), await apply(general, step, now)];
        if (s.kind === 'new' && step.kind === 'put' && !needsOwnStatements(step.body)) {
          expect(transactions, 'a new record with nothing more to do takes the one-statement path').toBe(before);
          fastPathSteps += 1;
        }
        expect(answers[0], `answers to ${describeStep(step)}`).toEqual(answers[1]);
      }
      const [a, b] = [await dump(fast.db, fast.users, marks[0]!), await dump(general.db, general.users, marks[1]!)];
      for (const table of Object.keys(a)) expect(a[table], `${table} after ${steps.length} step(s)`).toEqual(b[table]);
      for (const providerId of PROVIDERS) {
        const stale = await fast.db.transaction((tx) => refreshProviderVisit(tx, providerId));
        expect(stale, `${providerId}'s last visit is the recomputed one`).toBe(false);
      }
    });
    await fc.assert(property, { seed: SEED, numRuns: RUNS, endOnFailure: true });
    // A generator that never reached the fast path would prove nothing.
    expect(fastPathSteps).toBeGreaterThan(RUNS / 4);
  }, 600_000);
}

function describeStep(step: Resolved): string {
  if (step.kind === 'assign') return `assignment ${step.assignment.id}`;
  return `${step.body.kind} ${step.body.id}@${step.body.revision}`;
}

describe('record effects on PGlite', () => recordEffects('pglite'));

describe.skipIf(!process.env.DATABASE_URL)('record effects on PostgreSQL (DATABASE_URL)', () =>
  recordEffects('postgres'),
);
