// Test doubles for the sync engine and scheduler: an in-memory outbox, a hand-flushed clock and
// timers, a scripted transport, a seeded PRNG, and submission bodies.
// Invariant: nothing here touches real time; `flush()` only lets pending promise callbacks run.
import type { RecordBody, VisitBody } from '../../../src/shared/records/schema';
import type { OutboxEntry, Problem } from '../../../src/shared/sync/schema';
import type { OutboxStore, SentEntry, Transport, TransportResult } from '../../../src/app/sync/engine';
import type { LocalRecord, StoredOutboxEntry } from '../../../src/app/storage/database';

/** Lets every queued promise callback run (the fakes resolve in microtasks, never on timers). */
export const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function uuid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

export function makeBody(n: number, overrides: Partial<VisitBody> = {}): VisitBody {
  return {
    id: uuid(n),
    revision: 1,
    baseRevision: null,
    kind: 'visit',
    templateId: 'qmf-care-home',
    templateVersion: 1,
    details: { providerId: `provider-${n % 5}`, date: '2025-03-14', announced: n % 2 === 0, spokeWith: `Manager ${n}` },
    answers: { 'staffing-levels': { value: 'met', note: `Rota checked, visit ${n}` } },
    sectionRatings: { staffing: 'good' },
    startedAt: '2025-03-14T09:00:00Z',
    submittedAt: '2025-03-14T11:30:00+00:00',
    ...overrides,
  };
}

/** The 2xx body the server sends for a stored submission. */
export function ack(body: RecordBody, created = true, receivedAt = '2025-03-14T11:31:00.000Z') {
  return { id: body.id, revision: body.revision, receivedAt, created };
}

type Row = OutboxEntry & Pick<StoredOutboxEntry, 'state' | 'lastProblem'>;
/** What the outbox changes on a record: its revision decides whether an answer still applies to it. */
export type RecordState = Pick<LocalRecord, 'status' | 'revision' | 'problem' | 'receivedAt'>;

/**
 * An OutboxStore over an array, with the records its entries send; logs each call as
 * `kind:seq[:code]` for table assertions. Behaves as the Dexie store does (outbox-contract.ts).
 */
export class MemoryOutbox implements OutboxStore {
  rows: Row[] = [];
  records = new Map<string, RecordState>();
  log: string[] = [];
  receipts: { seq: number; status: number; receivedAt: string | null }[] = [];
  private nextSeq = 1;

  /** Queues a record's body as the next entry (or at `seq`); the record is queued. */
  add(body: RecordBody, seq = this.nextSeq): OutboxEntry {
    this.nextSeq = Math.max(this.nextSeq, seq) + 1;
    this.records.set(body.id, { status: 'queued', revision: body.revision, problem: null, receivedAt: null });
    const row: Row = {
      seq,
      recordId: body.id,
      revision: body.revision,
      body,
      attempts: 0,
      uploaded: [],
      state: 'pending',
      lastProblem: null,
    };
    this.rows.push(row);
    return structuredClone(entryOf(row));
  }

  pendingRows(): Row[] {
    return this.rows.filter((r) => r.state === 'pending');
  }

  row(seq: number): Row {
    const row = this.rows.find((r) => r.seq === seq);
    if (!row) throw new Error(`no outbox row ${seq}`);
    return row;
  }

  async pending(): Promise<OutboxEntry[]> {
    return this.pendingRows()
      .sort((a, b) => a.seq - b.seq)
      .map((r) => structuredClone(entryOf(r)));
  }

  async markSent(sent: readonly SentEntry[]): Promise<void> {
    for (const { entry, receipt } of sent) {
      this.log.push(`sent:${entry.seq}`);
      this.receipts.push({ seq: entry.seq, ...receipt });
      this.rows = this.rows.filter((r) => r.seq !== entry.seq);
      this.updateRecord(entry, { status: 'sent', receivedAt: receipt.receivedAt, problem: null });
    }
  }

  async markAttention(entry: OutboxEntry, problem: Problem): Promise<void> {
    this.log.push(`attention:${entry.seq}:${problem.code}`);
    Object.assign(this.row(entry.seq), { state: 'attention', lastProblem: problem, attempts: entry.attempts + 1 });
    this.updateRecord(entry, { status: 'attention', problem });
  }

  async markUploaded(entry: OutboxEntry, sha256: string): Promise<void> {
    this.log.push(`uploaded:${entry.seq}:${sha256.slice(0, 4)}`);
    const row = this.row(entry.seq);
    if (!row.uploaded.includes(sha256)) row.uploaded.push(sha256);
  }

  async recordFailure(entry: OutboxEntry, problem: Problem): Promise<void> {
    this.log.push(`failure:${entry.seq}:${problem.code}`);
    Object.assign(this.row(entry.seq), { attempts: entry.attempts + 1, lastProblem: problem });
  }

  /** An answer about an entry changes its record only while the record is still at that revision. */
  private updateRecord(entry: OutboxEntry, change: Partial<RecordState>): void {
    const record = this.records.get(entry.recordId);
    if (record && record.revision === entry.revision) Object.assign(record, change);
  }
}

function entryOf(r: Row): OutboxEntry {
  return {
    seq: r.seq,
    recordId: r.recordId,
    revision: r.revision,
    body: r.body,
    attempts: r.attempts,
    uploaded: [...r.uploaded],
  };
}

/**
 * Answers each request with the next scripted result (or a function of the body); once the
 * script runs out it acknowledges with 201. Records what was sent, in order.
 */
export class ScriptedTransport implements Transport {
  sent: RecordBody[] = [];
  /** Every file request, in order; `held` is what the fake server holds, `onDevice` what the device does. */
  files: string[] = [];
  held = new Set<string>();
  onDevice: Set<string> | null = null;
  constructor(
    private script: (TransportResult | ((body: RecordBody) => TransportResult))[] = [],
    private fileScript: (TransportResult | ((sha256: string) => TransportResult))[] = [],
  ) {}

  async putSubmission(body: RecordBody): Promise<TransportResult> {
    this.sent.push(body);
    const next = this.script.shift();
    if (next === undefined) return { kind: 'response', status: 201, body: ack(body) };
    return typeof next === 'function' ? next(body) : next;
  }

  async putAttachment(sha256: string): Promise<TransportResult | { kind: 'missing-file' }> {
    this.files.push(sha256);
    if (this.onDevice && !this.onDevice.has(sha256)) return { kind: 'missing-file' };
    const next = this.fileScript.shift();
    const result: TransportResult =
      next === undefined
        ? { kind: 'response', status: this.held.has(sha256) ? 200 : 201, body: { sha256 } }
        : typeof next === 'function'
          ? next(sha256)
          : next;
    if (result.kind === 'response' && result.status < 300) this.held.add(sha256);
    return result;
  }
}

export class FakeClock {
  constructor(public t = 1_000_000) {}
  now(): number {
    return this.t;
  }
}

/** Timers that fire only when the test says so, advancing the clock to their due time. */
export class FakeTimers {
  private queue: { id: number; at: number; ms: number; fn: () => void }[] = [];
  private nextId = 1;
  constructor(private clock: FakeClock) {}

  set(fn: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.queue.push({ id, at: this.clock.now() + ms, ms, fn });
    return id;
  }

  clear(handle: unknown): void {
    this.queue = this.queue.filter((t) => t.id !== handle);
  }

  /** Delays (ms) of the timers still pending, soonest first. */
  pending(): number[] {
    return [...this.queue].sort((a, b) => a.at - b.at).map((t) => t.ms);
  }

  /** Fires the soonest timer; false when none is pending. */
  runNext(): boolean {
    const soonest = [...this.queue].sort((a, b) => a.at - b.at || a.id - b.id)[0];
    if (!soonest) return false;
    this.queue = this.queue.filter((t) => t !== soonest);
    this.clock.t = Math.max(this.clock.t, soonest.at);
    soonest.fn();
    return true;
  }
}

export type Deferred<T> = { promise: Promise<T>; resolve(v: T): void; reject(e: unknown): void };

export function deferred<T>(): Deferred<T> {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
