// Seeded fuzz of scheduler + drain against a fake server with the real idempotency rules and a
// flaky network (lost requests, lost responses after commit, 503, 429). Always on, fixed seeds.
// Asserts: every valid revision stored exactly once with its exact body, no 409 from honest
// retries, the outbox empties, and an invalid record ends flagged for attention.
import { describe, expect, it } from 'vitest';
import { drain, type Transport, type TransportResult } from '../../../src/app/sync/engine';
import { createSyncScheduler } from '../../../src/app/sync/scheduler';
import { RecordBody, type VisitBody } from '../../../src/shared/records/schema';
import { FakeClock, FakeTimers, flush, MemoryOutbox, makeBody, mulberry32 } from './fakes';

type Reply = { status: number; body: unknown };

/** PUT /api/submissions/{id} as docs/sync-contract.md specifies it, over a Map. */
class FakeServer {
  stored = new Map<string, { json: string; body: RecordBody; receivedAt: string }>();
  current = new Map<string, number>();
  commits = new Map<string, number>();
  statuses: number[] = [];

  constructor(private clock: FakeClock) {}

  put(wire: string): Reply {
    const reply = this.handle(wire);
    this.statuses.push(reply.status);
    return reply;
  }

  private handle(wire: string): Reply {
    const parsed = RecordBody.safeParse(JSON.parse(wire));
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      return { status: 422, body: { error: 'invalid', message: 'The record has problems.', issues } };
    }
    const body = parsed.data;
    const key = `${body.id}@${body.revision}`;
    const json = JSON.stringify(body);
    const existing = this.stored.get(key);
    if (existing) {
      if (existing.json !== json) return { status: 409, body: { error: 'conflict', message: 'Different body.' } };
      return {
        status: 200,
        body: { id: body.id, revision: body.revision, receivedAt: existing.receivedAt, created: false },
      };
    }
    if ((this.current.get(body.id) ?? null) !== body.baseRevision) {
      return { status: 409, body: { error: 'conflict', message: 'Stale amendment.' } };
    }
    const receivedAt = new Date(this.clock.now()).toISOString();
    this.stored.set(key, { json, body, receivedAt });
    this.current.set(body.id, body.revision);
    this.commits.set(key, (this.commits.get(key) ?? 0) + 1);
    return { status: 201, body: { id: body.id, revision: body.revision, receivedAt, created: true } };
  }
}

type Faults = { dropped: number; lostAfterCommit: number; unavailable: number; limited: number; delivered: number };

function flakyTransport(server: FakeServer, rng: () => number, faults: Faults, onRequest: () => void): Transport {
  return {
    // These bodies name no files; the engine's file uploads have their own tests.
    async putAttachment(): Promise<TransportResult> {
      throw new Error('no files in the fuzzed records');
    },
    async putSubmission(body): Promise<TransportResult> {
      onRequest();
      const wire = JSON.stringify(body);
      const r = rng();
      if (r < 0.15) {
        faults.dropped++;
        return { kind: 'network-error', message: 'Failed to fetch' };
      }
      if (r < 0.3) {
        faults.lostAfterCommit++;
        server.put(wire);
        return { kind: 'network-error', message: 'connection reset' };
      }
      if (r < 0.4) {
        faults.unavailable++;
        return { kind: 'response', status: 503, body: '<html>Service Unavailable</html>' };
      }
      if (r < 0.5) {
        faults.limited++;
        return {
          kind: 'response',
          status: 429,
          body: { error: 'rate-limited', message: 'Slow down' },
          retryAfterSeconds: 1 + Math.floor(rng() * 20),
        };
      }
      faults.delivered++;
      const reply = server.put(wire);
      // Through the wire and back, as fetch would hand it over.
      return { kind: 'response', status: reply.status, body: JSON.parse(JSON.stringify(reply.body)) };
    },
  };
}

/** Records to submit: some amended (revision 2 after 1), and on some seeds one invalid one. */
function plan(seed: number, rng: () => number) {
  const bodies: VisitBody[] = [];
  const count = 4 + Math.floor(rng() * 9);
  for (let n = 1; n <= count; n++) {
    const first = makeBody(seed * 100 + n);
    bodies.push(first);
    if (rng() < 0.25) {
      bodies.push({ ...first, revision: 2, baseRevision: 1, details: { ...first.details, spokeWith: 'Amended' } });
    }
  }
  let invalid: VisitBody | null = null;
  if (seed % 3 === 0) {
    const bad = makeBody(seed * 100 + 99);
    invalid = { ...bad, details: { ...bad.details, date: '31/02/2025' } };
    bodies.splice(Math.floor(rng() * bodies.length), 0, invalid);
  }
  return { bodies, invalid };
}

const SEEDS = Array.from({ length: 50 }, (_, i) => i + 1);
const totals: Faults = { dropped: 0, lostAfterCommit: 0, unavailable: 0, limited: 0, delivered: 0 };
const seen = { replays: 0, amendments: 0, invalid: 0 };

describe('sync fuzz: honest retries over a flaky network', () => {
  it.each(SEEDS)('seed %i', async (seed) => {
    const rng = mulberry32(seed);
    const clock = new FakeClock();
    const timers = new FakeTimers(clock);
    const server = new FakeServer(clock);
    const outbox = new MemoryOutbox();
    const { bodies, invalid } = plan(seed, rng);
    const toQueue = [...bodies];
    // Revision 2 is only queued once its revision 1 is, as the storage layer guarantees.
    const queueNext = () => {
      const body = toQueue.shift();
      if (!body) return;
      outbox.add(body);
      scheduler.trigger('submit');
    };
    const transport = flakyTransport(server, rng, totals, () => {
      if (rng() < 0.1) queueNext(); // a submit while a drain is in flight
    });
    const scheduler = createSyncScheduler({ run: () => drain(outbox, transport), clock, timers, random: rng });
    for (let i = 0; i < 3; i++) queueNext();
    scheduler.trigger('start');

    let steps = 0;
    for (; steps < 5000; steps++) {
      await flush();
      const state = scheduler.state();
      expect(state.phase).not.toBe('syncing');
      if (toQueue.length === 0 && outbox.pendingRows().length === 0 && state.phase === 'idle') break;
      const r = rng();
      if (r < 0.2 && toQueue.length > 0) queueNext();
      else if (r < 0.25) void scheduler.syncNow();
      else if (r < 0.3) scheduler.trigger('online');
      else if (!timers.runNext()) {
        // Nothing scheduled: only fine if idle with nothing left to send.
        expect({ phase: state.phase, pending: outbox.pendingRows().length }).toEqual({ phase: 'idle', pending: 0 });
        queueNext();
      }
    }
    expect(steps).toBeLessThan(5000);

    const valid = bodies.filter((b) => b !== invalid);
    for (const body of valid) {
      const key = `${body.id}@${body.revision}`;
      expect(server.commits.get(key), key).toBe(1);
      expect(server.stored.get(key)?.body).toEqual(body);
    }
    expect(server.stored.size).toBe(valid.length);
    expect(server.statuses).not.toContain(409);
    expect(outbox.pendingRows()).toEqual([]);
    const flagged = outbox.rows.map((r) => ({ id: r.recordId, state: r.state, code: r.lastProblem?.code }));
    expect(flagged).toEqual(invalid ? [{ id: invalid.id, state: 'attention', code: 'invalid' }] : []);
    if (invalid) expect(outbox.rows[0]?.lastProblem?.issues?.[0]?.path).toBe('details.date');
    expect(scheduler.state()).toMatchObject({ phase: 'idle', consecutiveFailures: 0, nextAttemptAt: null });
    scheduler.stop();
    seen.replays += server.statuses.filter((s) => s === 200).length;
    seen.amendments += valid.filter((b) => b.revision > 1).length;
    if (invalid) seen.invalid++;
  });

  // Reads the totals the seeds above accumulated (tests in a file run in order), so that a
  // change to the fault mix can't quietly stop exercising a fault.
  it('exercised every kind of fault across the seeds', () => {
    expect(totals.dropped).toBeGreaterThan(20);
    expect(totals.lostAfterCommit).toBeGreaterThan(20);
    expect(totals.unavailable).toBeGreaterThan(20);
    expect(totals.limited).toBeGreaterThan(20);
    expect(totals.delivered).toBeGreaterThan(100);
    expect(seen.replays).toBeGreaterThan(10); // lost responses were followed by a 200 replay
    expect(seen.amendments).toBeGreaterThan(10);
    expect(seen.invalid).toBe(16);
  });
});
