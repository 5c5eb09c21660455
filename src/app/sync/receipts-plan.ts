// When a device asks the server which of its sent records it still holds, and what it asks
// (issue 16 item 5; reconcile.ts does the asking). Pure: no storage, clock or network.
// - It asks when it has never asked for this person, when the server is a new process (every start:
//   after a crash that lost what PGlite had not written to disk, or a restore from a backup), and
//   otherwise at most once an hour (a PostgreSQL database restored under a running server).
// - It asks about this person's records held as sent (not someone else's on a shared device, nor a
//   revision already waiting in the outbox), at most RECEIPTS_MAX a request.
// - It re-queues only revisions it asked about.
import { RECEIPTS_MAX, type ReceiptKey } from '../../shared/sync/receipts';

export const RECONCILE_EVERY_MS = 60 * 60 * 1000;

/** The last answered reconcile: for whom, against which server process (null: mixed or unknown), and when (ms). */
export type ReconcileMark = { person: string; server: string | null; at: number };

export function reconcileDue(
  last: ReconcileMark | undefined,
  person: string,
  server: string | null,
  now: number,
): boolean {
  if (last === undefined || last.person !== person) return true;
  if (server !== null && last.server !== server) return true;
  // A clock put back counts as due: better one request too many than a lost record.
  return now < last.at || now - last.at >= RECONCILE_EVERY_MS;
}

/** What a summary tells of a record: whose it is, where it stands, which revision. */
export type SentSummary = { id: string; ownerId: string; status: string; revision: number };

/** The revisions to ask about: `person`'s records held as sent, none already queued (keys `id:revision`), each once. */
export function receiptKeys(
  summaries: readonly SentSummary[],
  person: string,
  queued: ReadonlySet<string>,
): ReceiptKey[] {
  const seen = new Set<string>();
  const keys: ReceiptKey[] = [];
  for (const s of summaries) {
    const key = `${s.id}:${s.revision}`;
    if (s.ownerId !== person || s.status !== 'sent' || queued.has(key) || seen.has(key)) continue;
    seen.add(key);
    keys.push({ id: s.id, revision: s.revision });
  }
  return keys;
}

export function receiptChunks(keys: readonly ReceiptKey[], max = RECEIPTS_MAX): ReceiptKey[][] {
  const chunks: ReceiptKey[][] = [];
  for (let at = 0; at < keys.length; at += max) chunks.push(keys.slice(at, at + max));
  return chunks;
}

/** The answer's missing revisions that were asked about (anything else the answer names is ignored). */
export function missingAsked(asked: readonly ReceiptKey[], missing: readonly ReceiptKey[]): ReceiptKey[] {
  const askedKeys = new Set(asked.map((k) => `${k.id}:${k.revision}`));
  const seen = new Set<string>();
  return missing.filter((k) => {
    const key = `${k.id}:${k.revision}`;
    if (!askedKeys.has(key) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The server process every answer named, or null when they differ (it restarted while asked: ask again soon). */
export function answeredBy(servers: readonly string[]): string | null {
  const first = servers[0];
  return first !== undefined && servers.every((s) => s === first) ? first : null;
}
