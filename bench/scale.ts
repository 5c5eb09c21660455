// The office at a council's size (issue 16; `npm run bench -- --scale`): years of records on the
// server, and how long the office's reads take then.
//
// What is seeded: visits (QMF care home v2, ~70 answers each, by makeRecord) spread over 300
// providers and five years, by two officers, written by the store the PUT route calls
// (putSubmission: the same statement, head, audit entry and effects, with the body hashed as the
// route hashes it), eight at a time; the route's HTTP and validation are left out of the seeding
// only, as they shape no row. The record sent between the two pulls goes through PUT itself. Then nineteen in twenty are marked signed off in
// one UPDATE of their heads (what years of moderation leave; the review route would only add
// time), so the inbox has a realistic few awaiting sign-off.
// What is timed, at each size (10k, then 50k: the same database grown), median of 5 after a warm
// call, through app.request (no socket, so the figures are the server's own work):
// - the inbox's first page as QA (budget ≤ 200 ms and ≤ 100 kB, sent uncompressed here);
// - the quarterly report as QA for the last complete quarter (≤ 1 s);
// - an officer's pull with a cursor, after one more record (≤ 100 ms);
// - the submissions CSV export, once after a warm call (no budget: context, it reads every record whole).
// Budgets are absolute (docs/budgets-and-testing.md); the baseline for each is the same call
// with the demo-sized database (the first 28 records), so the growth is visible.
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { SessionUser } from '../src/shared/auth/schema';
import { canonicalJson } from '../src/shared/records/record-rules';
import type { Db } from '../src/server/db';
import { putSubmission } from '../src/server/records/store';
import { previousQuarter, quarterKey, quarterOf } from '../src/shared/reports/quarters';
import type { RecordBody } from '../src/shared/records/schema';
import { makeRecord } from '../src/server/seed/record-maker';
import { upsertProvider } from '../src/server/reference/store';
import { qmfCareHomeV2 } from '../src/shared/templates/index';
import { call, makeApp, openTestDb, prepare, providerRow, signIn, type App, type DbKind } from '../test/server/helpers';
import { median, type BenchContext, type BenchFigure } from './types';

const PROVIDERS = 300;
const YEARS = 5;
const LAST_DAY = Date.UTC(2026, 10, 30);
const CONCURRENCY = 8;

interface Plan {
  sizes: number[];
  runs: number;
}
const FULL: Plan = { sizes: [10_000, 50_000], runs: 5 };
const QUICK: Plan = { sizes: [60], runs: 1 };

const day = (n: number) => new Date(LAST_DAY - n * 86_400_000).toISOString().slice(0, 10);

/** Record i of the seed: its provider, date and officer spread evenly, deterministically. */
function visit(i: number): RecordBody {
  const providerId = i % PROVIDERS < 2 ? ['willow-bank', 'hartwell-lodge'][i % 2]! : `scale-${i % PROVIDERS}`;
  return makeRecord(qmfCareHomeV2, {
    providerId,
    date: day((i * 7919) % (YEARS * 365)),
    announced: i % 3 === 0,
    spokeWith: 'Registered manager',
  });
}

async function timed(runs: number, work: () => Promise<unknown>): Promise<number> {
  await work();
  const samples: number[] = [];
  for (let r = 0; r < runs; r += 1) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

async function ok(app: App, path: string, cookie: string) {
  const res = await call(app, path, { cookie });
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
  return res;
}

async function seedUpTo(db: Db, officers: SessionUser[], from: number, to: number): Promise<void> {
  let next = from;
  const writer = async () => {
    for (let i = next++; i < to; i = next++) {
      const body = visit(i);
      const json = canonicalJson(body);
      const bodyHash = createHash('sha256').update(json).digest('hex');
      const stored = await putSubmission(db, { body, bodyHash, json, user: officers[i % 2]!, now: new Date() });
      if (stored.kind !== 'stored') throw new Error(`seed ${i}: ${stored.kind}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, writer));
}

async function putOne(app: App, cookie: string, i: number): Promise<void> {
  const body = visit(i);
  const res = await call(app, `/api/submissions/${body.id}`, { method: 'PUT', body, cookie });
  if (res.status !== 201) throw new Error(`PUT ${i} answered ${res.status}: ${JSON.stringify(res.json)}`);
}

async function onDatabase(kind: DbKind, plan: Plan, ctx: BenchContext): Promise<BenchFigure[]> {
  const { db, dispose } = await openTestDb(kind);
  try {
    const { users } = await prepare(db);
    for (let p = 2; p < PROVIDERS; p += 1)
      await upsertProvider(db, providerRow({ id: `scale-${p}`, name: `Scale Test Home ${p}`, monitoringLevel: 3 }));
    const app = makeApp(db);
    const qa = await signIn(app, users.qa.email);
    const officers = [await signIn(app, users.officer.email), await signIn(app, users.officer2.email)];
    const label = kind === 'pglite' ? 'PGlite' : 'PostgreSQL';

    const measure = async (records: number) => {
      // The last complete quarter, as the office asks for it (the records are spread evenly over five years).
      const quarter = quarterKey(previousQuarter(quarterOf(day(0))));
      const pulled = await ok(app, '/api/sync/pull', officers[0]!);
      const cursor = encodeURIComponent(pulled.json.cursor as string);
      await putOne(app, officers[0]!, records);
      const inboxBytes = JSON.stringify((await ok(app, '/api/submissions', qa)).json).length;
      return {
        inbox: await timed(plan.runs, () => ok(app, '/api/submissions', qa)),
        inboxKb: inboxBytes / 1000,
        report: await timed(plan.runs, () => ok(app, `/api/reports/quarterly?quarter=${quarter}`, qa)),
        pull: await timed(plan.runs, () => ok(app, `/api/sync/pull?cursor=${cursor}`, officers[0]!)),
        exportMs: await timed(1, () => ok(app, '/api/exports/submissions.csv', qa)),
      };
    };

    const writers = [users.officer, users.officer2];
    await seedUpTo(db, writers, 0, 28);
    const demo = await measure(28);
    const figures: BenchFigure[] = [];
    let seeded = 29;
    for (const size of plan.sizes) {
      const started = performance.now();
      await seedUpTo(db, writers, seeded, size);
      seeded = size + 1;
      await db.query(
        `UPDATE submission_heads SET review_status = 'signed-off' WHERE abs(hashtext(id::text)) % 20 <> 0`,
      );
      ctx.log(`${label}: ${size} records seeded in ${((performance.now() - started) / 1000).toFixed(0)} s`);
      const at = await measure(size);
      const base = (name: string, value: number) => ({ name: `the same with 28 records (${name})`, value });
      const within = (value: number, budget: number) => value <= budget;
      figures.push(
        {
          name: `inbox first page as QA, ${label}, ${size} records`,
          value: at.inbox,
          unit: 'ms',
          baseline: base('context', demo.inbox),
          budget: '≤ 200 ms',
          holds: within(at.inbox, 200),
        },
        {
          name: `inbox first page size, ${label}, ${size} records`,
          value: at.inboxKb,
          unit: 'kB',
          baseline: base('context', demo.inboxKb),
          budget: '≤ 100 kB',
          holds: within(at.inboxKb, 100),
        },
        {
          name: `quarterly report as QA, ${label}, ${size} records`,
          value: at.report,
          unit: 'ms',
          baseline: base('context', demo.report),
          budget: '≤ 1 s',
          holds: within(at.report, 1000),
        },
        {
          name: `pull with a cursor, ${label}, ${size} records`,
          value: at.pull,
          unit: 'ms',
          baseline: base('context', demo.pull),
          budget: '≤ 100 ms',
          holds: within(at.pull, 100),
        },
        {
          name: `submissions CSV export, ${label}, ${size} records`,
          value: at.exportMs,
          unit: 'ms',
          baseline: base('context', demo.exportMs),
          budget: 'context: reads every record whole',
        },
      );
    }
    return figures;
  } finally {
    await dispose();
  }
}

/** Full sizes only when asked (`--scale`): seeding 50,000 records takes minutes per database. */
export function scale(options: { full: boolean }) {
  return async (ctx: BenchContext): Promise<BenchFigure[]> => {
    if (!ctx.quick && !options.full) {
      ctx.log('skipped: run `npm run bench -- --scale` for the office at 10k and 50k records');
      return [];
    }
    const plan = ctx.quick ? QUICK : FULL;
    const kinds: DbKind[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
    const figures: BenchFigure[] = [];
    for (const kind of kinds) figures.push(...(await onDatabase(kind, plan, ctx)));
    return figures;
  };
}
