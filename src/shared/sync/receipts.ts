// Receipts (issue 16 item 5): a device asks which of its sent records the server no longer holds,
// so it can send them again. PGlite does not fsync, so on the embedded database a 2xx is not
// durable against a power cut, and a server restored from a backup has lost what came after it;
// the device keeps each sent record for the council's retention period and re-sends any the
// server has lost. POST /api/sync/receipts (src/server/sync/routes.ts), used by
// src/app/sync/reconcile.ts.
import * as z from 'zod/mini';

/** At most this many records are asked about in one request; a device with more asks in chunks. */
export const RECEIPTS_MAX = 500;
/** The request body's size limit (500 records are about 30 kB). */
export const RECEIPTS_LIMIT_BYTES = 64 * 1024;

/** One revision of a record the device holds as sent. */
export const ReceiptKey = z.object({
  id: z.uuid(),
  revision: z.int().check(z.gte(1), z.lte(100000)),
});
export type ReceiptKey = z.infer<typeof ReceiptKey>;

export const ReceiptsRequest = z.object({
  /** The person the device is syncing for: must be the session's (403 otherwise), so a session switched mid-run answers nothing. */
  person: z.string().check(z.minLength(1), z.maxLength(64)),
  records: z.array(ReceiptKey).check(z.maxLength(RECEIPTS_MAX)),
});
export type ReceiptsRequest = z.infer<typeof ReceiptsRequest>;

export const ReceiptsResponse = z.object({
  /**
   * The asked revisions this person's records do not hold on the server: neither that revision nor
   * a later one is stored as theirs. A record the office has since reviewed or returned is held.
   */
  missing: z.array(ReceiptKey),
  /** This server process (a new one after every start): the device asks again when it changes. */
  server: z.string(),
});
export type ReceiptsResponse = z.infer<typeof ReceiptsResponse>;
