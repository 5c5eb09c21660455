// The route fuzzer's properties, checked for every route of fuzz-routes.ts: whatever arrives, the
// server never answers 5xx; every error is the contract's ErrorBody and carries the security
// headers; nothing in the database changes unless the answer is 2xx (no partial row, no partial
// update); and no prototype is polluted. Seeded, so a failure replays with FUZZ_SEED (and
// FUZZ_PATH to go straight to the shrunk case).
import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { Db } from '../../../src/server/db';
import { ErrorBody } from '../../../src/shared/http';
import type { App } from '../helpers';
import { serialise, summarise, type Payload } from './fuzz-inputs';
import { type FuzzFixture, type FuzzRequest, type Who, fuzzRoutes } from './fuzz-routes';

export type FuzzCtx = { db: Db; app: App; cookies: Record<Exclude<Who, 'anon'>, string>; fixture: FuzzFixture };

const SEED = Number(process.env.FUZZ_SEED ?? 20260307);
const RUNS = Number(process.env.FUZZ_RUNS ?? 50);

/**
 * What must not move on a refused request. Append-only tables by count; tables whose rows are
 * updated in place by a digest of their content. Failed sign-ins are audited on purpose (a
 * brute-force attempt should show in the log), so those rows are left out.
 */
const STATE_SQL = `SELECT
  (SELECT count(*) FROM submissions)::text AS submissions,
  (SELECT count(*) FROM submission_reviews)::text AS submission_reviews,
  (SELECT count(*) FROM audit_log WHERE action <> 'session.sign-in-failed')::text AS audit_log,
  (SELECT count(*) FROM intelligence)::text AS intelligence,
  (SELECT count(*) FROM users)::text AS users,
  (SELECT count(*) FROM teams)::text AS teams,
  (SELECT count(*) FROM templates)::text AS templates,
  (SELECT count(*) FROM sessions)::text AS sessions,
  (SELECT count(*) FROM provider_rag_history)::text AS provider_rag_history,
  (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) FROM providers t) AS providers,
  (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) FROM actions t) AS actions,
  (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) FROM assignments t) AS assignments,
  (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) FROM escalations t) AS escalations,
  (SELECT md5(coalesce(string_agg(t.id || ':' || t.current_revision || ':' || t.review_status, '|' ORDER BY t.id), '')) FROM submission_heads t) AS submission_heads`;

async function state(db: Db): Promise<Record<string, string>> {
  const [row] = await db.query<Record<string, string>>(STATE_SQL);
  return row ?? {};
}

function body(payload: Payload): { body?: BodyInit; duplex?: 'half' } {
  switch (payload.kind) {
    case 'none':
      return {};
    case 'json':
      return { body: serialise(payload.value) };
    case 'text':
      return { body: payload.text };
    case 'bytes':
      return { body: new Uint8Array(payload.bytes) };
    case 'oversize': {
      // Streamed in chunks, as a client with no honest Content-Length would send it.
      let left = payload.bytes;
      const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (left <= 0) return controller.close();
          const part = chunk.slice(0, Math.min(left, chunk.length));
          left -= part.length;
          controller.enqueue(part);
        },
      });
      return { body: stream, duplex: 'half' };
    }
  }
}

async function send(ctx: FuzzCtx, req: FuzzRequest): Promise<Response> {
  const headers: Record<string, string> = {};
  if (req.who !== 'anon') headers.cookie = ctx.cookies[req.who];
  if (req.contentType !== null) headers['content-type'] = req.contentType;
  if (req.payload.kind === 'oversize' && req.payload.declared) headers['content-length'] = String(req.payload.bytes);
  const init: RequestInit & { duplex?: 'half' } = {
    method: req.method,
    headers,
    ...(req.method === 'GET' ? {} : body(req.payload)),
  };
  return ctx.app.request(req.path, init);
}

const ERROR_KEYS = new Set(['error', 'message', 'issues', 'missing']);
const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort().join(',');

/** The properties of one request; throws (with what broke) when any fails. */
async function check(ctx: FuzzCtx, req: FuzzRequest, cleanPrototype: string, seen: Map<number, number>): Promise<void> {
  const before = await state(ctx.db);
  const res = await send(ctx, req);
  seen.set(res.status, (seen.get(res.status) ?? 0) + 1);
  const text = await res.text();
  const after = await state(ctx.db);
  const ok = res.status >= 200 && res.status < 300;
  expect(res.status, `never a 5xx: ${text.slice(0, 300)}`).toBeLessThan(500);
  if (res.status >= 400) {
    let json: unknown;
    expect(() => (json = JSON.parse(text)), `error body is JSON: ${text.slice(0, 200)}`).not.toThrow();
    expect(ErrorBody.safeParse(json).success, `error body is an ErrorBody: ${text.slice(0, 300)}`).toBe(true);
    expect(
      Object.keys(json as object).filter((k) => !ERROR_KEYS.has(k)),
      'no extra keys in an error body',
    ).toEqual([]);
  }
  if (!ok) expect(after, `state unchanged after a ${res.status}`).toEqual(before);
  expect(res.headers.get('content-security-policy')).toContain("object-src 'none'");
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(prototypeKeys(), 'Object.prototype untouched').toBe(cleanPrototype);
  expect(({} as Record<string, unknown>).polluted ?? ({} as Record<string, unknown>).isAdmin).toBeUndefined();
}

export function fuzzSuite(ctx: () => FuzzCtx) {
  // The table is built from placeholder ids so the tests can be declared before the fixture exists.
  const names = fuzzRoutes({ recordId: '', actionId: '', assignmentId: '', officerId: '', providerId: '' }).map(
    (r) => r.name,
  );
  for (const name of names) {
    it(`${name}: no 5xx, ErrorBody errors, no change unless 2xx (seed ${SEED}, ${RUNS} runs)`, async () => {
      const route = fuzzRoutes(ctx().fixture).find((r) => r.name === name)!;
      const cleanPrototype = prototypeKeys();
      const seen = new Map<number, number>();
      const property = fc.asyncProperty(route.request, async (req) => {
        await check(ctx(), req, cleanPrototype, seen);
      });
      const details = await fc.check(property, {
        seed: SEED,
        numRuns: RUNS,
        ...(process.env.FUZZ_PATH ? { path: process.env.FUZZ_PATH } : {}),
      });
      if (details.failed) {
        // fast-check's own report would print the whole (possibly megabyte) counterexample.
        throw new Error(
          `${name} failed after ${details.numRuns} run(s), shrunk ${details.numShrinks} time(s).\n` +
            `Replay: FUZZ_SEED=${details.seed} FUZZ_PATH="${details.counterexamplePath ?? ''}" npx vitest run test/server/security.test.ts -t "${name}"\n` +
            `Request: ${summarise(details.counterexample?.[0])}\n${String(details.errorInstance)}`,
        );
      }
      // A fuzzer that only ever bounced off the first check (415, 401) would prove little.
      expect(seen.size, `statuses seen: ${JSON.stringify([...seen].sort())}`).toBeGreaterThanOrEqual(3);
    });
  }
}
