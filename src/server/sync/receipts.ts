// Which of a person's sent records this server does not hold (POST /api/sync/receipts, issue 16
// item 5; the shapes in src/shared/sync/receipts.ts). A revision is held when it is stored as that
// person's, or when a later revision of their record is (the office's review or return writes no
// revision, and revisions are never removed). Someone else's record, or one never stored, is
// answered as missing: the device's re-send is then refused (403 not-your-record) or stored, as any
// PUT would be, so this answer tells nobody more than a PUT does. Two index lookups per record, by
// primary key.
import { randomUUID } from 'node:crypto';
import type { ReceiptKey } from '../../shared/sync/receipts';
import type { Queryable } from '../db/index';

/** This process: a new value after every start (a crash, a restore), which tells devices to ask again. */
export const SERVER_INSTANCE = randomUUID();

export async function missingReceipts(
  q: Queryable,
  userId: string,
  asked: readonly ReceiptKey[],
): Promise<ReceiptKey[]> {
  if (asked.length === 0) return [];
  const rows = await q.query<{ id: string; revision: number }>(
    `SELECT a.id::text AS id, a.revision
       FROM unnest($1::uuid[], $2::int[]) WITH ORDINALITY AS a(id, revision, position)
      WHERE NOT EXISTS (SELECT 1 FROM submissions s
                         WHERE s.id = a.id AND s.revision = a.revision AND s.submitter_id = $3::uuid)
        AND NOT EXISTS (SELECT 1 FROM submission_heads h
                         WHERE h.id = a.id AND h.submitter_id = $3::uuid AND h.current_revision >= a.revision)
      ORDER BY a.position`,
    [asked.map((k) => k.id), asked.map((k) => k.revision), userId],
  );
  return rows.map((r) => ({ id: r.id, revision: Number(r.revision) }));
}
