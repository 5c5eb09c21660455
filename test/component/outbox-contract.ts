// The OutboxStore contract: what the sync engine relies on from any outbox, written once and run
// against the in-memory fake the engine's tests use and the Dexie store the app uses
// (outbox-store-contract.test.tsx), so the fake cannot drift from the real thing.
import { beforeEach, describe, expect, it } from 'vitest';
import type { OutboxStore } from '../../src/app/sync/engine';
import type { OutboxEntry } from '../../src/shared/sync/schema';
import type { StoredOutboxEntry } from '../../src/app/storage/database';
import type { RecordBody } from '../../src/shared/records/schema';
import type { Problem } from '../../src/shared/sync/schema';
import { makeBody, type RecordState } from '../unit/sync/fakes';

/** An outbox under test, with what the test needs to set it up and look inside. */
export interface OutboxHarness {
  store: OutboxStore;
  /** Queues a record as a submit does: the record is queued and its body is the newest entry. */
  enqueue(body: RecordBody): Promise<void>;
  /** The entries held for a record (waiting or needing attention), as stored. */
  entries(recordId: string): Promise<Array<Pick<StoredOutboxEntry, 'state' | 'attempts' | 'lastProblem' | 'uploaded'>>>;
  /** The record's sync state, or undefined when the device does not hold it. */
  record(recordId: string): Promise<RecordState | undefined>;
  /** The person moves the record on meanwhile (amends or re-bases it): a draft of the next revision. */
  reviseRecord(recordId: string): Promise<void>;
}

export const invalid: Problem = {
  status: 422,
  code: 'invalid',
  message: 'The visit was not accepted.',
  issues: [{ path: 'answers.staffing-rota', message: 'Enter the evidence for this answer' }],
};
const unavailable: Problem = { status: 503, code: 'unavailable', message: 'Try later' };
const file = (c: string) => c.repeat(64);

export function outboxContract(name: string, open: () => Promise<OutboxHarness>): void {
  describe(`${name} keeps the OutboxStore contract`, () => {
    let h: OutboxHarness;
    let store: OutboxStore;
    const id = makeBody(1).id;

    beforeEach(async () => {
      h = await open();
      store = h.store;
    });

    async function onlyPending(): Promise<OutboxEntry> {
      const pending = await store.pending();
      expect(pending).toHaveLength(1);
      return pending[0]!;
    }

    it('hands over waiting entries oldest first, with nothing sent and no files acknowledged', async () => {
      for (const n of [3, 1, 2]) await h.enqueue(makeBody(n));
      const pending = await store.pending();
      expect(pending.map((e) => e.recordId)).toEqual([3, 1, 2].map((n) => makeBody(n).id));
      expect(pending.map((e) => e.seq)).toEqual([...pending.map((e) => e.seq)].sort((a, b) => a - b));
      expect(new Set(pending.map((e) => e.seq)).size).toBe(3);
      for (const entry of pending) expect(entry).toMatchObject({ revision: 1, attempts: 0, uploaded: [] });
      expect(pending[0]?.body).toMatchObject({ id: makeBody(3).id, revision: 1, kind: 'visit' });
    });

    it('hands over copies: changing an entry it gave changes nothing stored', async () => {
      await h.enqueue(makeBody(1));
      const entry = await onlyPending();
      entry.attempts = 99;
      entry.uploaded.push(file('a'));
      expect(await onlyPending()).toMatchObject({ attempts: 0, uploaded: [] });
    });

    it('markSent marks a batch at once, each record with its own receipt', async () => {
      const [one, two] = [makeBody(1), makeBody(2)];
      await h.enqueue(one);
      await h.enqueue(two);
      const [first, second] = await store.pending();
      await store.markSent([
        { entry: first!, receipt: { status: 201, receivedAt: '2026-06-04T14:05:00.000Z' } },
        { entry: second!, receipt: { status: 200, receivedAt: null } },
      ]);
      expect(await store.pending()).toEqual([]);
      expect(await h.record(one.id)).toMatchObject({ status: 'sent', receivedAt: '2026-06-04T14:05:00.000Z' });
      expect(await h.record(two.id)).toMatchObject({ status: 'sent', receivedAt: null });
    });

    it('markSent removes the entry and marks the record sent with the receipt time', async () => {
      await h.enqueue(makeBody(1));
      await store.markSent([
        { entry: await onlyPending(), receipt: { status: 201, receivedAt: '2026-06-04T14:05:00.000Z' } },
      ]);

      expect(await h.entries(id)).toEqual([]);
      expect(await h.record(id)).toMatchObject({
        status: 'sent',
        receivedAt: '2026-06-04T14:05:00.000Z',
        problem: null,
      });
      expect(await store.pending()).toEqual([]);
    });

    it('markAttention keeps the entry, out of the pending list, and flags the record', async () => {
      await h.enqueue(makeBody(1));
      const entry = await onlyPending();
      await store.markAttention(entry, invalid);

      const rows = await h.entries(id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ state: 'attention', lastProblem: invalid, attempts: entry.attempts + 1 });
      expect(await store.pending()).toEqual([]);
      expect(await h.record(id)).toMatchObject({ status: 'attention', problem: invalid });
    });

    it('recordFailure counts the attempt and leaves the entry pending and the record queued', async () => {
      await h.enqueue(makeBody(1));
      await store.recordFailure(await onlyPending(), unavailable);

      expect((await onlyPending()).attempts).toBe(1);
      expect((await h.record(id))?.status).toBe('queued');
    });

    it('recordFailure keeps the last problem and counts every attempt', async () => {
      await h.enqueue(makeBody(1));
      await store.recordFailure(await onlyPending(), unavailable);
      const network: Problem = { status: null, code: 'network', message: 'Could not reach the server.' };
      await store.recordFailure(await onlyPending(), network);

      expect(await h.entries(id)).toMatchObject([{ state: 'pending', attempts: 2, lastProblem: network }]);
      expect(await h.record(id)).toMatchObject({ status: 'queued', problem: null });
    });

    it('remembers the files acknowledged for an entry, in order and once each', async () => {
      await h.enqueue(makeBody(1));
      await h.enqueue(makeBody(2));
      const [first] = await store.pending();
      await store.markUploaded(first!, file('b'));
      await store.markUploaded(first!, file('a'));
      await store.markUploaded(first!, file('b'));

      const [again, other] = await store.pending();
      expect(again?.uploaded).toEqual([file('b'), file('a')]);
      expect(other?.uploaded).toEqual([]);
      expect((await h.entries(id))[0]?.uploaded).toEqual([file('b'), file('a')]);
    });

    it('an answer about an entry leaves a record that has moved on to another revision as it is', async () => {
      await h.enqueue(makeBody(1));
      await h.enqueue(makeBody(2));
      const [sent, flagged] = await store.pending();
      await h.reviseRecord(sent!.recordId);
      await h.reviseRecord(flagged!.recordId);

      await store.markSent([{ entry: sent!, receipt: { status: 201, receivedAt: '2026-06-04T14:05:00.000Z' } }]);
      await store.markAttention(flagged!, invalid);

      expect(await h.entries(sent!.recordId)).toEqual([]);
      expect(await h.entries(flagged!.recordId)).toMatchObject([{ state: 'attention', lastProblem: invalid }]);
      for (const recordId of [sent!.recordId, flagged!.recordId])
        expect(await h.record(recordId)).toMatchObject({
          status: 'draft',
          revision: 2,
          problem: null,
          receivedAt: null,
        });
    });
  });
}
