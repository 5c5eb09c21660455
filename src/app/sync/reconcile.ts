// The device's half of durable acknowledgement (issue 16 item 5): after a sync, when it is due
// (receipts-plan.ts: a new server process, or an hour on), the device asks the server which of its
// person's sent records it no longer holds (POST /api/sync/receipts) and re-queues each one
// (records/requeue.ts) for the engine to send again. This is what makes a 2xx from PGlite, which
// does not fsync, durable for as long as the device keeps sent records (retention.ts), and what
// brings back records a server restored from a backup has lost.
// Reads only clear fields (summaries) to ask; re-queuing opens and seals, so it runs only while
// the person is unlocked. Best effort: any failure leaves the mark unchanged, so the next sync asks again.
import type { HttpMethod, HttpResult } from '../lib/http';
import { unlockedUserId } from '../crypto/vault';
import { requeueSent } from '../records/requeue';
import { db } from '../storage/database';
import { getValue, setValue } from '../storage/device-keyval';
import { ReceiptsResponse, type ReceiptKey } from '../../shared/sync/receipts';
import {
  answeredBy,
  missingAsked,
  receiptChunks,
  receiptKeys,
  reconcileDue,
  type ReconcileMark,
  type SentSummary,
} from './receipts-plan';

/** The last reconcile the server answered (ReconcileMark). */
export const RECONCILE_KEY = 'receipts-reconciled';

export type Request = (method: HttpMethod, url: string, body?: unknown) => Promise<HttpResult>;

export type ReconcileOutcome =
  | { kind: 'not-due' }
  /** Asked about `asked` records; `requeued` of them were not held and wait in the outbox again. */
  | { kind: 'done'; asked: number; requeued: number }
  | { kind: 'failed'; message: string };

/** Asks, when due, which of `person`'s sent records the server (`server`, as its last pull named it) lacks, and re-queues them. */
export async function reconcileReceipts(
  person: string,
  server: string | null,
  request: Request,
  now = Date.now(),
): Promise<ReconcileOutcome> {
  if (!reconcileDue(await getValue<ReconcileMark>(RECONCILE_KEY), person, server, now)) return { kind: 'not-due' };
  // Re-queuing opens the record and seals its body: only with this person's key in memory.
  if (unlockedUserId() !== person) return { kind: 'not-due' };
  const database = db();
  const summaries = (await database.summaries
    .where('[ownerId+status]')
    .equals([person, 'sent'])
    .toArray()) as SentSummary[];
  const queued = new Set(
    ((await database.outbox.orderBy('[recordId+revision]').keys()) as unknown as Array<[string, number]>).map(
      ([id, revision]) => `${id}:${revision}`,
    ),
  );
  const keys = receiptKeys(summaries, person, queued);
  const servers: string[] = [];
  const missing: ReceiptKey[] = [];
  for (const chunk of receiptChunks(keys)) {
    const answer = await request('POST', '/api/sync/receipts', { person, records: chunk });
    if (answer.kind !== 'response') return { kind: 'failed', message: answer.message };
    // A server from before receipts: asked again in an hour, not on every sync.
    if (answer.status === 404) await setValue(RECONCILE_KEY, { person, server, at: now } satisfies ReconcileMark);
    if (answer.status !== 200) return { kind: 'failed', message: `The server answered ${answer.status}.` };
    const parsed = ReceiptsResponse.safeParse(answer.body);
    if (!parsed.success) return { kind: 'failed', message: 'The server’s answer could not be understood.' };
    servers.push(parsed.data.server);
    missing.push(...missingAsked(chunk, parsed.data.missing));
  }
  let requeued = 0;
  try {
    for (const key of missing) if (await requeueSent(key.id, key.revision, person)) requeued++;
  } catch (error) {
    // Locked meanwhile, say: those re-queued stay queued; the rest are asked about next time.
    return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
  // Nothing asked (no sent records): the server of the pull stands for the answer.
  await setValue(RECONCILE_KEY, {
    person,
    server: keys.length === 0 ? server : answeredBy(servers),
    at: now,
  } satisfies ReconcileMark);
  return { kind: 'done', asked: keys.length, requeued };
}
