// The drain commits acknowledged records while it sends the next ones (group commit, issue 16):
// markSent is still in flight while later records go out, the records acknowledged meanwhile are
// marked together by the next commit, and every commit is awaited before any other store call,
// before the outbox is read again and before the drain returns. Driven by hand: each commit waits
// for the test to let it land.
import { describe, expect, it } from 'vitest';
import { drain, MAX_UNCOMMITTED, type SentEntry, type TransportResult } from '../../../src/app/sync/engine';
import type { RecordBody } from '../../../src/shared/records/schema';
import { ack, flush, makeBody, MemoryOutbox, ScriptedTransport } from './fakes';

/** A MemoryOutbox whose markSent commits only when the test says so; logs 'commit:1,2' when it lands. */
class GatedOutbox extends MemoryOutbox {
  gates: Array<{ seqs: string; land: () => void; fail: (e: Error) => void }> = [];
  override markSent(sent: readonly SentEntry[]): Promise<void> {
    const seqs = sent.map(({ entry }) => entry.seq).join(',');
    this.log.push(`commit-start:${seqs}`);
    return new Promise((resolve, reject) => {
      this.gates.push({
        seqs,
        land: () => void super.markSent(sent).then(() => (this.log.push(`commit:${seqs}`), resolve())),
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
  it('sends on while record 1 commits, marks those answered meanwhile in one commit, and returns only once every commit has landed', async () => {
    const store = new GatedOutbox();
    for (const n of [1, 2, 3]) store.add(makeBody(n));
    const transport = new LoggingTransport(store.log);
    let outcome: Awaited<ReturnType<typeof drain>> | undefined;
    const running = drain(store, transport).then((o) => (outcome = o));

    await flush();
    // Records 2 and 3 were answered while record 1's commit was in flight; the outbox is not read
    // again until it lands.
    expect(store.log).toEqual(['put:1', 'commit-start:1', 'put:2', 'put:3']);
    store.gates.shift()!.land();
    await flush();
    expect(store.log).toEqual(['put:1', 'commit-start:1', 'put:2', 'put:3', 'sent:1', 'commit:1', 'commit-start:2,3']);
    expect(outcome).toBeUndefined();
    store.gates.shift()!.land();
    await running;
    expect(store.log.slice(-3)).toEqual(['sent:2', 'sent:3', 'commit:2,3']);
    expect(outcome).toEqual({ sent: 3, attention: 0, result: 'done' });
    expect(store.pendingRows()).toEqual([]);
  });

  it(`waits for the commit once ${MAX_UNCOMMITTED} answered records are not yet marked`, async () => {
    const store = new GatedOutbox();
    const count = MAX_UNCOMMITTED + 5;
    for (let n = 1; n <= count; n++) store.add(makeBody(n));
    const transport = new LoggingTransport(store.log);
    const running = drain(store, transport);
    await flush();
    // Record 1 is committing; the next MAX_UNCOMMITTED went out and wait to be marked; no more.
    expect(store.log.filter((line) => line.startsWith('put:'))).toHaveLength(1 + MAX_UNCOMMITTED);
    store.gates.shift()!.land();
    await flush();
    expect(store.gates.map((g) => g.seqs.split(',').length)).toEqual([MAX_UNCOMMITTED]);
    expect(store.log.filter((line) => line.startsWith('put:'))).toHaveLength(1 + MAX_UNCOMMITTED);
    // Once those are marked, the last five go out.
    while (store.gates.length > 0) {
      store.gates.shift()!.land();
      await flush();
    }
    expect(store.log.filter((line) => line.startsWith('put:'))).toHaveLength(count);
    expect(await running).toEqual({ sent: count, attention: 0, result: 'done' });
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
