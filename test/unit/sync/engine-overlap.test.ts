// The drain overlaps sending record N+1 with committing record N (issue 16): markSent(N) is still
// in flight while N+1 goes out, and is awaited before any other store call, before the outbox is
// read again and before the drain returns. Driven by hand: each commit waits for the test to let it land.
import { describe, expect, it } from 'vitest';
import { drain, type TransportResult } from '../../../src/app/sync/engine';
import type { OutboxEntry } from '../../../src/shared/sync/schema';
import type { RecordBody } from '../../../src/shared/records/schema';
import { ack, flush, makeBody, MemoryOutbox, ScriptedTransport } from './fakes';

/** A MemoryOutbox whose markSent commits only when the test says so; logs 'commit:N' when it lands. */
class GatedOutbox extends MemoryOutbox {
  gates: Array<{ seq: number; land: () => void; fail: (e: Error) => void }> = [];
  override markSent(entry: OutboxEntry, receipt: { status: number; receivedAt: string | null }): Promise<void> {
    this.log.push(`commit-start:${entry.seq}`);
    return new Promise((resolve, reject) => {
      this.gates.push({
        seq: entry.seq,
        land: () => void super.markSent(entry, receipt).then(() => (this.log.push(`commit:${entry.seq}`), resolve())),
        fail: reject,
      });
    });
  }
}

/** A transport that logs each PUT into the same log as the store, so the order of the two shows. */
class LoggingTransport extends ScriptedTransport {
  constructor(
    private log: string[],
    script: (TransportResult | ((body: RecordBody) => TransportResult))[] = [],
  ) {
    super(script);
  }
  override putSubmission(body: RecordBody): Promise<TransportResult> {
    this.log.push(`put:${body.id.slice(-1)}`);
    return super.putSubmission(body);
  }
}

describe('the drain overlaps sending with committing', () => {
  it('sends record 2 while record 1 commits, and returns only once every commit has landed', async () => {
    const store = new GatedOutbox();
    for (const n of [1, 2, 3]) store.add(makeBody(n));
    const transport = new LoggingTransport(store.log);
    let outcome: Awaited<ReturnType<typeof drain>> | undefined;
    const running = drain(store, transport).then((o) => (outcome = o));

    await flush();
    expect(store.log).toEqual(['put:1', 'commit-start:1', 'put:2']);
    // Record 2's answer is in, but its commit waits for record 1's to land first.
    store.gates.shift()!.land();
    await flush();
    expect(store.log).toEqual(['put:1', 'commit-start:1', 'put:2', 'sent:1', 'commit:1', 'commit-start:2', 'put:3']);
    store.gates.shift()!.land();
    await flush();
    expect(outcome).toBeUndefined();
    store.gates.shift()!.land();
    await flush();
    expect(store.log.slice(-3)).toEqual(['commit-start:3', 'sent:3', 'commit:3']);
    await running;
    expect(outcome).toEqual({ sent: 3, attention: 0, result: 'done' });
    expect(store.pendingRows()).toEqual([]);
  });

  it('a retryable failure of the next record waits for the commit before recording it', async () => {
    const store = new GatedOutbox();
    for (const n of [1, 2]) store.add(makeBody(n));
    const transport = new LoggingTransport(store.log, [
      (b) => ({ kind: 'response', status: 201, body: ack(b) }),
      { kind: 'network-error', message: 'offline' },
    ]);
    const running = drain(store, transport);
    await flush();
    expect(store.log).toEqual(['put:1', 'commit-start:1', 'put:2']);
    store.gates.shift()!.land();
    const outcome = await running;
    expect(store.log).toEqual(['put:1', 'commit-start:1', 'put:2', 'sent:1', 'commit:1', 'failure:2:network']);
    expect(outcome).toMatchObject({ sent: 1, attention: 0, result: 'retry' });
  });

  it('a commit that fails rejects the drain; the next record, already sent, stays queued (a replay next time)', async () => {
    const store = new GatedOutbox();
    for (const n of [1, 2]) store.add(makeBody(n));
    const transport = new LoggingTransport(store.log);
    const quota = new Error('QuotaExceededError');
    const running = drain(store, transport);
    await flush();
    expect(store.log).toEqual(['put:1', 'commit-start:1', 'put:2']);
    store.gates.shift()!.fail(quota);
    await expect(running).rejects.toBe(quota);
    expect(store.pendingRows().map((r) => r.seq)).toEqual([1, 2]);
    expect(store.records.get(makeBody(2).id)?.status).toBe('queued');

    // The next drain sends both again; the server answers 200 to each replay, and both leave once.
    const again = new ScriptedTransport([(b) => ({ kind: 'response', status: 200, body: ack(b, false) })]);
    const plain = new MemoryOutbox();
    plain.rows = store.rows;
    plain.records = store.records;
    expect(await drain(plain, again)).toEqual({ sent: 2, attention: 0, result: 'done' });
    expect(plain.log).toEqual(['sent:1', 'sent:2']);
  });

  it('a 401 on the next record still lets the commit land before the drain stops', async () => {
    const store = new GatedOutbox();
    for (const n of [1, 2]) store.add(makeBody(n));
    const transport = new LoggingTransport(store.log, [
      (b) => ({ kind: 'response', status: 201, body: ack(b) }),
      { kind: 'response', status: 401, body: { error: 'unauthenticated', message: 'Sign in' } },
    ]);
    let finished = false;
    const running = drain(store, transport).then((o) => ((finished = true), o));
    await flush();
    expect(finished).toBe(false);
    store.gates.shift()!.land();
    expect(await running).toMatchObject({ sent: 1, result: 'auth-required' });
    expect(store.pendingRows().map((r) => r.seq)).toEqual([2]);
  });
});
