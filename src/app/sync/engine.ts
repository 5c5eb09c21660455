// Outbox drain: sends queued submissions to `PUT /api/submissions/{id}` (docs/sync-contract.md), each
// after the files it names (`PUT /api/attachments/{sha256}`, one request per file, remembered per
// entry so a cut connection resumes with the files not yet stored; on 409 attachments-missing the
// named files are sent again and the record retried once).
// Owns: deciding, per server answer, whether an entry is sent, needs attention, or waits to retry.
// Invariants: entries go in seq order; an entry leaves the outbox only through `markSent` after a
// 2xx whose body acknowledges that exact (id, revision); a retryable failure stops the drain (the
// server is unreachable or overloaded, so don't hammer it); a 401 touches nothing; a rejected
// record never blocks the rest. Pure over injected store and transport; store errors propagate.
// Group commit (issue 16): acknowledged records are marked sent by a commit that runs while the
// next records go out; those acknowledged while a commit is in flight are marked together by the
// next one, so a slow device database never holds up sending (at most MAX_UNCOMMITTED wait). Every
// commit is awaited before any other store call, before the outbox is read again and before the
// drain returns, so a store error still rejects the drain (records acknowledged but not yet
// marked stay queued and are answered 200 as replays next time: nothing is lost or doubled).
import { attachmentHashes } from '../../shared/records/record-rules';
import type { RecordBody } from '../../shared/records/schema';
import type { Issue, OutboxEntry, Problem } from '../../shared/sync/schema';

/** One queued submission as the drain sees it; the app stores it as StoredOutboxEntry (storage/database.ts). */
export interface OutboxStore {
  /** Entries waiting to send (not those needing attention), oldest first (by seq). */
  pending(): Promise<OutboxEntry[]>;
  /** After 2xx answers: remove these entries and mark their records sent, atomically. */
  markSent(sent: readonly SentEntry[]): Promise<void>;
  /** After 409/422/403/413 (or any other non-retryable 4xx): keep the entry and the record, flag both as needing attention. */
  markAttention(entry: OutboxEntry, problem: Problem): Promise<void>;
  /** After a retryable failure: count the attempt and remember the last problem. */
  recordFailure(entry: OutboxEntry, problem: Problem): Promise<void>;
  /** After a 2xx for one of the entry's files. */
  markUploaded(entry: OutboxEntry, sha256: string): Promise<void>;
}

/** An entry the server acknowledged, with its receipt. */
export type SentEntry = { entry: OutboxEntry; receipt: { status: number; receivedAt: string | null } };

/**
 * Records acknowledged but not yet marked sent, at most: past this the drain waits for the commit
 * before sending more, so a tab closed mid-drain leaves only a few replays to send again.
 */
export const MAX_UNCOMMITTED = 50;

export type TransportResult =
  | { kind: 'response'; status: number; body: unknown; retryAfterSeconds?: number }
  | { kind: 'network-error'; message: string };

export interface Transport {
  putSubmission(body: RecordBody): Promise<TransportResult>;
  /** Sends one file from the device; 'missing-file' when the device no longer holds it. */
  putAttachment(sha256: string): Promise<TransportResult | { kind: 'missing-file' }>;
}

export type DrainOutcome = {
  sent: number;
  attention: number;
  /** 'done': nothing pending is left to send now; 'retry': stopped on a retryable failure (network, 408, 429, 5xx);
      'auth-required': got 401 — stop everything until the person signs in again. */
  result: 'done' | 'retry' | 'auth-required';
  retryAfterSeconds?: number;
  problem?: Problem;
};

/** What to do with one server answer. */
type Verdict = 'sent' | 'retry' | 'auth-required' | 'attention';

function classifyStatus(status: number): Verdict {
  if (status >= 200 && status < 300) return 'sent';
  if (status === 401) return 'auth-required';
  if (status === 408 || status === 429 || status >= 500) return 'retry';
  if (status >= 400) return 'attention';
  // 1xx/3xx (or the 0 of an opaque redirect) never come from our API: something in between
  // (a captive portal, a proxy) answered, so the request is as good as lost. Retrying is safe.
  return 'retry';
}

export async function drain(store: OutboxStore, transport: Transport): Promise<DrainOutcome> {
  let sent = 0;
  let attention = 0;
  // Acknowledged entries not yet in a commit, the commit in flight, and the first commit error.
  let acked: SentEntry[] = [];
  let committing: Promise<void> | null = null;
  let failed: { error: unknown } | null = null;
  const commit = (): void => {
    if (committing || acked.length === 0 || failed) return;
    const batch = acked;
    acked = [];
    committing = store.markSent(batch).then(
      () => {
        sent += batch.length;
        committing = null;
        commit();
      },
      (error: unknown) => {
        failed = { error };
        committing = null;
      },
    );
  };
  /** Waits until every acknowledged entry is committed; rethrows a commit's error. */
  const settled = async (): Promise<void> => {
    while (committing) await committing;
    if (failed) throw failed.error;
  };
  const done = async (outcome: Omit<DrainOutcome, 'sent' | 'attention'>): Promise<DrainOutcome> => {
    await settled();
    return { sent, attention, ...outcome };
  };
  // A store that waits for the commits in flight before anything else it is asked to do.
  const inOrder: Omit<OutboxStore, 'markSent'> = {
    pending: async () => (await settled(), store.pending()),
    markAttention: async (entry, problem) => (await settled(), store.markAttention(entry, problem)),
    recordFailure: async (entry, problem) => (await settled(), store.recordFailure(entry, problem)),
    markUploaded: async (entry, sha256) => (await settled(), store.markUploaded(entry, sha256)),
  };
  try {
    // Each entry is tried at most once per drain, so a store that fails to remove or flag an
    // entry cannot spin this loop; entries queued while we drain are picked up by the re-read.
    const tried = new Set<number>();
    for (;;) {
      const next = (await inOrder.pending()).filter((e) => !tried.has(e.seq)).sort((a, b) => a.seq - b.seq);
      if (next.length === 0) return await done({ result: 'done' });
      for (const entry of next) {
        tried.add(entry.seq);
        const files = attachmentHashes(entry.body).filter((h) => !entry.uploaded.includes(h));
        const stop = await uploadFiles(inOrder, transport, entry, files);
        if (stop === 'attention') {
          attention++;
          continue;
        }
        if (stop) return await done(stop);
        let res = await transport.putSubmission(entry.body);
        if (
          res.kind === 'response' &&
          res.status === 409 &&
          problemFromResponse(409, res.body).code === 'attachments-missing'
        ) {
          // The server does not hold files it should (or we never sent them): send them, retry once.
          const again = await uploadFiles(inOrder, transport, entry, problemFromResponse(409, res.body).missing ?? []);
          if (again === 'attention') {
            attention++;
            continue;
          }
          if (again) return await done(again);
          res = await transport.putSubmission(entry.body);
        }
        if (res.kind === 'network-error') {
          const problem: Problem = { status: null, code: 'network', message: networkMessage(res.message) };
          await inOrder.recordFailure(entry, problem);
          return await done({ result: 'retry', problem });
        }
        const verdict = classifyStatus(res.status);
        if (verdict === 'sent') {
          const receivedAt = acknowledgement(res.body, entry);
          if (receivedAt === undefined) {
            // A 2xx that doesn't acknowledge this (id, revision) is not proof of storage (a portal
            // page, a mangling proxy). Keep the entry: a replay of the same body is answered 200.
            const problem: Problem = {
              status: res.status,
              code: 'unexpected-response',
              message: 'The server’s reply could not be understood. The record will be sent again.',
            };
            await inOrder.recordFailure(entry, problem);
            return await done({ result: 'retry', problem });
          }
          // Committed while the next records go out (see above); a failed commit stops the drain.
          if (failed) throw (failed as { error: unknown }).error;
          acked.push({ entry, receipt: { status: res.status, receivedAt } });
          commit();
          if (acked.length >= MAX_UNCOMMITTED) await settled();
          continue;
        }
        const problem = problemFromResponse(res.status, res.body);
        if (verdict === 'auth-required') {
          // Nothing is recorded against the entry: it was not the record's fault.
          return await done({ result: 'auth-required', problem });
        }
        if (verdict === 'retry') {
          await inOrder.recordFailure(entry, problem);
          const outcome: Omit<DrainOutcome, 'sent' | 'attention'> = { result: 'retry', problem };
          if (res.retryAfterSeconds !== undefined) outcome.retryAfterSeconds = res.retryAfterSeconds;
          return await done(outcome);
        }
        await inOrder.markAttention(entry, problem);
        attention++;
      }
    }
  } finally {
    // Thrown out of the loop with a commit in flight: wait for it (its own error, if any, is lost
    // to the one already thrown; entries not committed stay queued and are re-sent as replays).
    while (committing) await (committing as Promise<void>);
  }
}

type Stop = Pick<DrainOutcome, 'result' | 'problem' | 'retryAfterSeconds'>;

/**
 * Sends an entry's files in order. Returns undefined when all are stored, 'attention' when a file
 * was refused or is gone from the device (the entry is flagged), or why the drain must stop.
 */
async function uploadFiles(
  store: Omit<OutboxStore, 'markSent'>,
  transport: Transport,
  entry: OutboxEntry,
  hashes: string[],
): Promise<Stop | 'attention' | undefined> {
  for (const sha256 of hashes) {
    const res = await transport.putAttachment(sha256);
    if (res.kind === 'missing-file') {
      await store.markAttention(entry, {
        status: null,
        code: 'file-missing',
        message: 'A photo or signature of this record is no longer on this device.',
      });
      return 'attention';
    }
    if (res.kind === 'network-error') {
      const problem: Problem = { status: null, code: 'network', message: networkMessage(res.message) };
      await store.recordFailure(entry, problem);
      return { result: 'retry', problem };
    }
    const verdict = classifyStatus(res.status);
    if (verdict === 'sent') {
      await store.markUploaded(entry, sha256);
      entry.uploaded = [...entry.uploaded, sha256];
      continue;
    }
    const problem = problemFromResponse(res.status, res.body);
    if (verdict === 'auth-required') return { result: 'auth-required', problem };
    if (verdict === 'retry') {
      await store.recordFailure(entry, problem);
      return res.retryAfterSeconds === undefined
        ? { result: 'retry', problem }
        : { result: 'retry', problem, retryAfterSeconds: res.retryAfterSeconds };
    }
    await store.markAttention(entry, { ...problem, message: `A photo or signature was refused: ${problem.message}` });
    return 'attention';
  }
  return undefined;
}

/** The receivedAt of a 2xx that acknowledges this entry (null if the server gave none), else undefined. */
function acknowledgement(body: unknown, entry: OutboxEntry): string | null | undefined {
  if (!isObject(body)) return undefined;
  if (body.id !== entry.body.id || body.revision !== entry.body.revision) return undefined;
  return typeof body.receivedAt === 'string' ? body.receivedAt : null;
}

const MAX_MESSAGE = 500;

/**
 * Builds a Problem from an error answer. Trusts only fields of the right type: a proxy's HTML
 * page or a truncated body still yields a plain-English message chosen by status.
 */
export function problemFromResponse(status: number, body: unknown): Problem {
  const fallback = defaultProblem(status);
  if (!isObject(body)) return fallback;
  const problem: Problem = {
    status,
    code: typeof body.error === 'string' && body.error.trim() !== '' ? body.error.trim() : fallback.code,
    message:
      typeof body.message === 'string' && body.message.trim() !== '' ? clip(body.message.trim()) : fallback.message,
  };
  if (Array.isArray(body.issues)) {
    const issues = body.issues.filter(
      (i): i is Issue => isObject(i) && typeof i.path === 'string' && typeof i.message === 'string',
    );
    if (issues.length > 0) problem.issues = issues.map((i) => ({ path: i.path, message: clip(i.message) }));
  }
  if (Array.isArray(body.missing)) {
    const missing = body.missing.filter((h): h is string => typeof h === 'string');
    if (missing.length > 0) problem.missing = missing;
  }
  return problem;
}

function defaultProblem(status: number): Problem {
  const [code, message] =
    DEFAULTS[status] ??
    (status >= 500
      ? ['server-error', 'The server had a problem. The record will be sent again.']
      : [`http-${status}`, `The server answered with status ${status}.`]);
  return { status, code, message };
}

const DEFAULTS: Record<number, [string, string]> = {
  400: ['bad-request', 'The server could not read this record.'],
  401: ['unauthenticated', 'Sign in again to send your records.'],
  403: ['forbidden', 'You are not allowed to send this record.'],
  404: ['not-found', 'The server could not find where to send this record.'],
  408: ['timeout', 'The server took too long to answer. The record will be sent again.'],
  409: ['conflict', 'This record clashes with a version already on the server.'],
  413: ['too-large', 'This record is too large to send.'],
  415: ['unsupported-type', 'The server does not accept this kind of file.'],
  422: ['invalid', 'The server found problems with this record.'],
  429: ['rate-limited', 'The server is busy. The record will be sent again.'],
};

function networkMessage(detail: string): string {
  const base = 'Could not reach the server. The record will be sent again.';
  return detail.trim() === '' ? base : `${base} (${clip(detail.trim())})`;
}

function clip(s: string): string {
  return s.length > MAX_MESSAGE ? `${s.slice(0, MAX_MESSAGE - 1)}…` : s;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
