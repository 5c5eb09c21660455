// Server ingest (docs/budgets-and-testing.md: "≥ 0.5x a bare Hono handler doing one INSERT of the
// same JSON over HTTP, same durability").
//
// What is measured: records/second for first revisions of QMF care-home visits (~70 answers, made
// by makeRecord, each a distinct record) PUT through the whole product path — a real listening
// HTTP server (@hono/node-server on 127.0.0.1, the app from createApp, keep-alive connections),
// so HTTP parsing, the session check, JSON parsing, zod validation, the template rules, the body
// hash, the stored row, its head and audit entry and the record's effects (the officer's
// assignments) all count. Every PUT must answer 201, and afterwards the rows are counted and every
// provider's derived last visit (as the server reads it) is checked against a recomputation, so a
// path that drops work cannot look fast.
//
// Why the baseline is fair: in the same run, against the same database (same engine, same
// connection pool, same Db interface), a bare Hono app on its own @hono/node-server receives the
// very same JSON from the same keep-alive clients in the same worker thread and does one INSERT of
// it into a scratch table `(id uuid primary key, body jsonb)` — one statement in its own implicit
// transaction, as the product's fast path commits a new record, with the database's own
// durability on both sides — and answers 201. That is the floor of "an HTTP service that stores
// this JSON": HTTP in and out, one statement, one index, no checks. (An in-process INSERT without
// HTTP is not: a bare HTTP handler reaches only 0.2-0.4x of it on this machine.) The clients run
// in a worker thread, standing in for the devices that are other machines in production.
// Each pairing runs baseline, ingest, ingest, baseline on halves of the records (ABBA), so the
// slow-down from growing tables and indexes falls on both sides equally, after a warm-up of both.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { migrate, type Db } from '../src/server/db';
import { openPglite } from '../src/server/db/pglite';
import { openPostgres } from '../src/server/db/postgres';
import { writeProvider } from '../src/server/providers/store';
import { demoProviders, demoUsers } from '../src/server/seed/demo-data';
import { seed } from '../src/server/seed/index';
import { makeRecord } from '../src/server/seed/record-maker';
import { qmfCareHomeV2 } from '../src/shared/templates/index';
import type { BenchContext, BenchFigure, BenchPart } from './types';

const BUDGET = '≥ 0.5x the bare HTTP handler';
const SCRATCH = 'bench_bare_insert';
const OFFICER = demoUsers.find((u) => u.role === 'officer')!;
/**
 * Providers added to the demo's 16, so a council-sized register (a few hundred) takes the visits:
 * with only the demo's, a few thousand visits would give each provider centuries of history.
 */
const EXTRA_PROVIDERS = 400;

interface Plan {
  concurrency: number[];
  /** Measured records per (database, concurrency), split into two halves for ABBA. */
  records: number;
  warmup: number;
}

const FULL: Plan = { concurrency: [1, 8], records: 2000, warmup: 200 };
const QUICK: Plan = { concurrency: [1, 4], records: 50, warmup: 10 };

interface Target {
  kind: 'pglite' | 'postgres';
  label: string;
  db: Db;
  dispose(): Promise<void>;
}

async function openPgliteTarget(): Promise<Target> {
  // On disk, as a real embedded deployment runs (DATA_DIR/db), not in memory.
  const dir = mkdtempSync(join(tmpdir(), 'qa-bench-ingest-'));
  const db = await openPglite(join(dir, 'db'));
  return {
    kind: 'pglite',
    label: 'PGlite',
    db,
    async dispose() {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function openPostgresTarget(url: string): Promise<Target> {
  const schema = `bench_ingest_${randomBytes(6).toString('hex')}`;
  const db = await openPostgres({ connectionString: url, schema });
  return {
    kind: 'postgres',
    label: 'PostgreSQL',
    db,
    async dispose() {
      try {
        await db.query(`DROP SCHEMA ${schema} CASCADE`);
      } finally {
        await db.close();
      }
    },
  };
}

const providerIds = [
  ...demoProviders.map((p) => p.id),
  ...Array.from({ length: EXTRA_PROVIDERS }, (_, i) => `bench-provider-${String(i + 1).padStart(3, '0')}`),
];

async function addProviders(db: Db): Promise<void> {
  const today = new Date().toISOString().slice(0, 10);
  await db.transaction(async (tx) => {
    for (const id of providerIds.slice(demoProviders.length)) {
      await writeProvider(
        tx,
        {
          id,
          name: `Bench Care Home ${id.slice(-3)}`,
          cqcLocationId: null,
          serviceType: 'care-home',
          address: '1 High Street, Benchley',
          registeredManager: 'A Manager',
          capacity: 30,
          contract: null,
          allocatedOfficerId: null,
          rag: 'green',
          ragReason: '',
          ragChangedAt: null,
          monitoringLevel: 2,
        },
        today,
      );
    }
  });
}

/**
 * Visit records spread over the providers, dated over the last 180 days in arrival order, so a new
 * visit is usually its provider's latest (the provider's derived last visit then changes, as it
 * does in real use).
 */
function makeBodies(count: number, start: number, total: number): { ids: string[]; json: string[] } {
  const ids: string[] = [];
  const json: string[] = [];
  const today = Date.now();
  for (let i = 0; i < count; i += 1) {
    const n = start + i;
    const providerId = providerIds[n % providerIds.length]!;
    const date = new Date(today - (180 - Math.floor((n * 180) / total)) * 86_400_000).toISOString().slice(0, 10);
    const body = makeRecord(qmfCareHomeV2, {
      providerId,
      date,
      announced: n % 3 !== 0,
      spokeWith: 'Registered manager and deputy',
    });
    ids.push(body.id);
    json.push(JSON.stringify(body));
  }
  return { ids, json };
}

// The load generator, as plain JavaScript so the worker needs no TypeScript loader. It PUTs the
// bodies from `concurrency` loops over node's fetch (undici, keep-alive) and times the whole batch.
const CLIENT_SOURCE = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', async ({ url, cookie, ids, json, concurrency }) => {
  let next = 0;
  const failures = [];
  const started = performance.now();
  const loop = async () => {
    for (;;) {
      const i = next++;
      if (i >= ids.length) return;
      const res = await fetch(url + ids[i], {
        method: 'PUT',
        headers: { 'content-type': 'application/json', cookie },
        body: json[i],
      });
      const text = await res.text();
      if (res.status !== 201 && failures.length < 5) failures.push(res.status + ' ' + text.slice(0, 300));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  parentPort.postMessage({ ms: performance.now() - started, failures });
});
`;

class Clients {
  private readonly worker = new Worker(CLIENT_SOURCE, { eval: true });

  /** Milliseconds to PUT every body to `url` + id with `concurrency` clients; throws unless every answer was 201. */
  put(url: string, cookie: string, ids: string[], json: string[], concurrency: number): Promise<number> {
    return new Promise((resolve, reject) => {
      const onError = (err: Error) => reject(err);
      this.worker.once('error', onError);
      this.worker.once('message', ({ ms, failures }: { ms: number; failures: string[] }) => {
        this.worker.off('error', onError);
        if (failures.length > 0) reject(new Error(`ingest PUTs failed: ${failures.join(' | ')}`));
        else resolve(ms);
      });
      this.worker.postMessage({ url, cookie, ids, json, concurrency });
    });
  }

  stop(): Promise<number> {
    return this.worker.terminate();
  }
}

/**
 * The floor: a bare Hono app that takes the same PUT, reads the body as text and INSERTs it in one
 * statement (its own implicit transaction, as the product's fast path), answering 201 after the
 * commit. No session, no parsing beyond what the INSERT's jsonb cast does, no checks.
 */
function bareApp(db: Db): Hono {
  const app = new Hono();
  app.put('/bare/:id', async (c) => {
    const id = c.req.param('id');
    await db.query(`INSERT INTO ${SCRATCH} (id, body) VALUES ($1, $2::jsonb)`, [id, await c.req.text()]);
    return c.json({ id, created: true }, 201);
  });
  return app;
}

async function listen(fetch: (req: Request) => Response | Promise<Response>) {
  const server = serve({ fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve())));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}

async function signIn(url: string): Promise<string> {
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: OFFICER.email, password: OFFICER.password }),
  });
  if (res.status !== 200) throw new Error(`bench sign-in failed: ${res.status} ${await res.text()}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

async function measure(target: Target, plan: Plan, ctx: BenchContext): Promise<BenchFigure[]> {
  const { db } = target;
  const dataDir = mkdtempSync(join(tmpdir(), 'qa-bench-ingest-data-'));
  await migrate(db);
  // The demo seed gives the database a realistic shape: providers with visit history, open
  // assignments and actions that a new visit's effects have to look at.
  await seed(db, { demo: true });
  await addProviders(db);
  await db.query(`CREATE TABLE ${SCRATCH} (id uuid PRIMARY KEY, body jsonb NOT NULL)`);

  const app = createApp({
    db,
    config: loadConfig({ DATA_DIR: dataDir, STATIC_DIR: join(dataDir, 'no-static') }),
    log: () => undefined,
  });
  const product = await listen(app.fetch);
  const bare = await listen(bareApp(db).fetch);
  const cookie = await signIn(product.url);
  const clients = new Clients();
  const ingest = (b: { ids: string[]; json: string[] }, concurrency: number) =>
    clients.put(`${product.url}/api/submissions/`, cookie, b.ids, b.json, concurrency);
  const floor = (b: { ids: string[]; json: string[] }, concurrency: number) =>
    clients.put(`${bare.url}/bare/`, '', b.ids, b.json, concurrency);

  const figures: BenchFigure[] = [];
  try {
    const perRound = plan.warmup + plan.records;
    const total = perRound * plan.concurrency.length;
    let made = 0;
    const allIds: string[] = [];
    const batch = (count: number) => {
      const b = makeBodies(count, made, total);
      made += count;
      allIds.push(...b.ids);
      return b;
    };
    for (const concurrency of plan.concurrency) {
      // Warm-up: JIT, the connection pool, keep-alive sockets, caches (session, template, provider).
      const warm = batch(plan.warmup);
      await floor(warm, concurrency);
      await ingest(warm, concurrency);

      const half = Math.floor(plan.records / 2);
      const a = batch(half);
      const b = batch(plan.records - half);
      let bareMs = await floor(a, concurrency);
      let ingestMs = await ingest(a, concurrency);
      ingestMs += await ingest(b, concurrency);
      bareMs += await floor(b, concurrency);

      const value = plan.records / (ingestMs / 1000);
      const baseline = plan.records / (bareMs / 1000);
      const ratio = value / baseline;
      ctx.log(
        `ingest ${target.label} x${concurrency}: ${value.toFixed(0)} records/s vs bare HTTP handler ${baseline.toFixed(0)} records/s (${ratio.toFixed(2)}x)`,
      );
      figures.push({
        name: `server ingest, ${target.label}, ${concurrency} client${concurrency === 1 ? '' : 's'}`,
        value: round(value),
        unit: 'records/s',
        baseline: {
          name: `bare Hono handler, one INSERT of the same JSON over HTTP, ${concurrency} client${concurrency === 1 ? '' : 's'}`,
          value: round(baseline),
        },
        ratio: Math.round(ratio * 100) / 100,
        budget: BUDGET,
        holds: ratio >= 0.5,
        note:
          `${plan.records} QMF visits (~${(a.json[0]!.length / 1024).toFixed(1)} kB JSON each) PUT over HTTP to a listening @hono/node-server, the floor's to another; clients in a worker thread, keep-alive` +
          (target.kind === 'pglite' ? '; PGlite on disk' : '') +
          // Other work on the machine moves these figures a lot; say how busy it was.
          `; ${availableParallelism()} cores, load average ${loadavg()[0]!.toFixed(1)} at the end`,
      });
    }
    // Every measured and warm-up record must be stored exactly once, on both sides.
    const [stored] = await db.query<{ n: string | number }>(
      'SELECT count(*) AS n FROM submissions WHERE id = ANY($1::uuid[])',
      [allIds],
    );
    const [bare] = await db.query<{ n: string | number }>(
      `SELECT count(*) AS n FROM ${SCRATCH} WHERE id = ANY($1::uuid[])`,
      [allIds],
    );
    if (Number(stored?.n) !== made || Number(bare?.n) !== made) {
      throw new Error(
        `ingest bench: expected ${made} rows each, found ${String(stored?.n)} submissions and ${String(bare?.n)} bare rows`,
      );
    }
    // The effects were applied too: every provider's derived last visit is its latest current revision.
    const wrong = await db.query<{ id: string }>(
      `SELECT p.id FROM providers p
         LEFT JOIN LATERAL (
           SELECT s.body->'details'->>'date' AS date, s.id || '@' || s.revision AS ref
             FROM submission_heads h JOIN submissions s ON s.id = h.id AND s.revision = h.current_revision
            WHERE s.provider_id = p.id ORDER BY s.body->'details'->>'date' DESC, s.id LIMIT 1
         ) l ON true
        WHERE p.last_visit_date IS DISTINCT FROM l.date OR p.last_visit_ref IS DISTINCT FROM l.ref`,
    );
    if (wrong.length > 0)
      throw new Error(`ingest bench: ${wrong.length} provider(s) have a stale last visit, e.g. ${wrong[0]!.id}`);
  } finally {
    await clients.stop();
    await product.close();
    await bare.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return figures;
}

const round = (n: number) => Math.round(n * 10) / 10;

export const ingest: BenchPart = async (ctx) => {
  const plan = ctx.quick ? QUICK : FULL;
  const figures: BenchFigure[] = [];
  const url = process.env.DATABASE_URL;
  const openers: Array<() => Promise<Target>> = [openPgliteTarget];
  if (url) openers.push(() => openPostgresTarget(url));
  for (const open of openers) {
    const target = await open();
    try {
      figures.push(...(await measure(target, plan, ctx)));
    } finally {
      await target.dispose();
    }
  }
  if (!url) {
    figures.push({
      name: 'server ingest, PostgreSQL',
      value: Number.NaN,
      unit: 'records/s',
      budget: BUDGET,
      note: 'PostgreSQL was not measured: DATABASE_URL is not set',
    });
  }
  return figures;
};

// `npx tsx bench/ingest.ts [--quick]`: this part alone, for development.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const quick = process.argv.includes('--quick');
  ingest({ quick, log: (line) => console.log(line) }).then(
    (figures) => console.log(JSON.stringify(figures, null, 2)),
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
