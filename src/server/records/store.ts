// Storage of submission revisions and reading them back. Invariants: (id, revision) is written
// once and never changed; submission_heads holds each record's current revision and owner, and
// its row lock serialises every write to one record, so retries and racing duplicates resolve to
// exactly one stored row; a revision's effects (effects.ts) commit with it, by one implementation
// whichever path stores it.
import type { SessionUser } from '../../shared/auth/schema';
import type { Review, ReviewStatus, StoredSubmission, RecordBody } from '../../shared/records/schema';
import type { Db, Queryable } from '../db/index';
import { submitterVisible } from '../auth/access';
import { lockForChanges } from '../db/change-seq';
import { applyRemainingEffects, needsOwnStatements } from './effects';
import { storeQuery } from './store-statement';

type PutResult =
  | { kind: 'stored'; created: boolean; receivedAt: string }
  | { kind: 'not-your-record' }
  | { kind: 'conflict'; message: string };

/**
 * Who may send a revision of a record: the person who first submitted it, whatever their role, and
 * nobody else. This is the safer of the rules the read and review rights suggest, chosen over
 * letting a reviewer (QA, or the manager of the author's team) amend a record they may read:
 * - a return for amendment goes back to its author (returnedTo): reviewers judge, authors write;
 * - review rights follow the record's first submitter (review-store.ts mayReview), so a reviewer
 *   who wrote a revision could then sign off their own words;
 * - on a shared tablet, a person's queued revision sent under someone else's session would
 *   otherwise be stored as that person's work (issue 14).
 */
export const maySendRevision = (firstSubmitterId: string, user: Pick<SessionUser, 'id'>): boolean =>
  firstSubmitterId === user.id;

/** Whether the record is stored and is someone else's: `user` may not send its revisions. */
export async function isSomeoneElsesRecord(q: Queryable, id: string, user: Pick<SessionUser, 'id'>): Promise<boolean> {
  const [head] = await q.query<{ submitter_id: string }>(
    'SELECT submitter_id FROM submission_heads WHERE id = $1 AND current_revision > 0',
    [id],
  );
  return head !== undefined && !maySendRevision(head.submitter_id, user);
}

/** Thrown inside the transaction to roll it back while still reporting a normal outcome. */
class Abort extends Error {
  constructor(readonly result: PutResult) {
    super('abort');
  }
}

/** `json` is the body as JSON text when the caller has it already (the canonical form it hashed); jsonb stores it the same either way. */
type PutInput = { body: RecordBody; bodyHash: string; json?: string; user: SessionUser; now: Date };

/**
 * Stores a revision with its effects (effects.ts). The common case, a brand-new record whose
 * effects all fit in the store statement (needsOwnStatements is false), is that one statement
 * alone, claiming the head: one round trip, one commit, no transaction. When the claim finds a
 * head already there — a retry, a race or someone else's record — or the record needs more, the
 * transactional path decides. Both run the same statement and effects (store-statement.ts).
 */
export async function putSubmission(db: Db, input: PutInput): Promise<PutResult> {
  const json = input.json ?? JSON.stringify(input.body);
  const { body, bodyHash, user, now } = input;
  if (body.revision === 1 && !needsOwnStatements(body)) {
    const { sql, values, name } = storeQuery('claim', { body, json, bodyHash, user, now });
    if ((await db.query(sql, values, name)).length === 1)
      return { kind: 'stored', created: true, receivedAt: now.toISOString() };
  }
  return storeInTransaction(db, { ...input, json });
}

/**
 * The general path: lock the record's head, decide replay / 403 / 409, then the store statement
 * and the remaining effects in the same transaction. Exported so tests can prove the fast path
 * writes exactly what this one does (test/server/record-effects.test.ts).
 */
export async function storeInTransaction(db: Db, input: PutInput): Promise<PutResult> {
  const { body, bodyHash, user, now } = input;
  const json = input.json ?? JSON.stringify(body);
  try {
    return await db.transaction(async (tx) => {
      // Claim the record (a placeholder head at revision 0) or, if another transaction holds or
      // has claimed it, wait for that one to commit and then lock the committed head.
      await tx.query(
        `INSERT INTO submission_heads (id, submitter_id, current_revision, updated_at)
         VALUES ($1, $2, 0, $3) ON CONFLICT (id) DO NOTHING`,
        [body.id, user.id, now],
      );
      // The head row lock and the (id, revision) lookup in one round trip.
      const [head] = await tx.query<{
        submitter_id: string;
        current_revision: number;
        body_hash: string | null;
        received_at: Date | null;
      }>(
        `SELECT h.submitter_id, h.current_revision, s.body_hash, s.received_at
           FROM submission_heads h LEFT JOIN submissions s ON s.id = h.id AND s.revision = $2
          WHERE h.id = $1 FOR UPDATE OF h`,
        [body.id, body.revision],
      );
      if (head === undefined) throw new Error('submission head vanished inside its transaction');
      // Ownership first: another person's record answers 403 whatever the body, even a byte-identical replay.
      if (!maySendRevision(head.submitter_id, user)) throw new Abort({ kind: 'not-your-record' });

      if (head.body_hash !== null && head.received_at !== null) {
        if (head.body_hash !== bodyHash) {
          throw new Abort({
            kind: 'conflict',
            message: `Revision ${body.revision} of this record was already stored with different content`,
          });
        }
        return { kind: 'stored', created: false, receivedAt: new Date(head.received_at).toISOString() };
      }
      const current = Number(head.current_revision);
      const [previous] = await tx.query<{ provider_id: string | null }>(
        'SELECT provider_id FROM submissions WHERE id = $1 AND revision = $2',
        [body.id, current],
      );
      if ((body.baseRevision ?? 0) !== current) {
        throw new Abort({
          kind: 'conflict',
          message:
            current === 0
              ? `Revision ${body.revision} amends revision ${body.baseRevision}, but this record has not been stored`
              : `Revision ${body.revision} amends revision ${body.baseRevision}, but the current revision is ${current}`,
        });
      }
      // The exclusive change lock before the statement, whose own effects take it shared: the
      // remaining effects take it exclusively (nextChangeSeq), and a shared holder that asks for
      // the exclusive lock can deadlock with another doing the same (db/change-seq.ts).
      await lockForChanges(tx);
      const { sql, values, name } = storeQuery('advance', { body, json, bodyHash, user, now });
      if ((await tx.query(sql, values, name)).length !== 1)
        throw new Error('the store statement did not store the locked revision');
      await applyRemainingEffects(tx, body, user.id, previous?.provider_id ?? null);
      return { kind: 'stored', created: true, receivedAt: now.toISOString() };
    });
  } catch (err) {
    if (err instanceof Abort) return err.result;
    throw err;
  }
}

export type Row = {
  id: string;
  revision: number;
  submitter_id: string;
  submitter_name: string;
  received_at: Date;
  body: RecordBody;
  review_status: ReviewStatus;
  review: Review | null;
  current_revision: number;
};

/** A record's head (h), a revision of it (s) and its submitter (u). */
export const RECORD_TABLES = `submission_heads h
  JOIN submissions s ON s.id = h.id
  JOIN users u ON u.id = s.submitter_id`;
/** A whole revision, as toStored reads it. */
export const WHOLE = `s.id, s.revision, s.submitter_id, u.name AS submitter_name, s.received_at, s.body,
    h.review_status, h.review, h.current_revision`;
const SELECT = `SELECT ${WHOLE} FROM ${RECORD_TABLES}`;

export const toStored = (r: Row): StoredSubmission => ({
  id: r.id,
  revision: Number(r.revision),
  submitterId: r.submitter_id,
  submitterName: r.submitter_name,
  receivedAt: new Date(r.received_at).toISOString(),
  body: r.body,
  // A decision belongs to the current revision; older revisions read back as plainly submitted.
  reviewStatus: Number(r.revision) === Number(r.current_revision) ? r.review_status : 'submitted',
  review: Number(r.revision) === Number(r.current_revision) ? r.review : null,
});

/** Officers see their own records, managers also their team's, QA everyone's. */
export const VISIBLE = submitterVisible('h.submitter_id', '$1', '$2');

/** The current revision, or the given one; null when missing or not visible to this user. */
export async function getSubmission(
  q: Queryable,
  user: SessionUser,
  id: string,
  revision: number | null,
): Promise<StoredSubmission | null> {
  const [row] = await q.query<Row>(
    `${SELECT} WHERE h.id = $3 AND s.revision = COALESCE($4::int, h.current_revision) AND ${VISIBLE}`,
    [user.id, user.role, id, revision],
  );
  return row === undefined ? null : toStored(row);
}

/** Every revision of a record, oldest first; empty when missing or not visible to this user. */
export async function listRevisions(q: Queryable, user: SessionUser, id: string): Promise<StoredSubmission[]> {
  const rows = await q.query<Row>(`${SELECT} WHERE h.id = $3 AND ${VISIBLE} ORDER BY s.revision`, [
    user.id,
    user.role,
    id,
  ]);
  return rows.map(toStored);
}

/**
 * The current revisions of this person's own records that were returned for amendment; with
 * `after`, only those whose decision took a change_seq after it (review-store.ts storeReview).
 */
export async function returnedTo(
  q: Queryable,
  user: SessionUser,
  after: number | null = null,
): Promise<StoredSubmission[]> {
  const rows = await q.query<Row>(
    `${SELECT} WHERE h.submitter_id = $1 AND h.review_status = 'returned' AND s.revision = h.current_revision
        AND h.review_seq > $2 ORDER BY h.updated_at, h.id`,
    [user.id, after ?? -1],
  );
  return rows.map(toStored);
}

/** The ids of every record of this person's now returned for amendment, in returnedTo's order. */
export async function returnedIds(q: Queryable, user: SessionUser): Promise<string[]> {
  const rows = await q.query<{ id: string }>(
    `SELECT id FROM submission_heads WHERE submitter_id = $1 AND review_status = 'returned' ORDER BY updated_at, id`,
    [user.id],
  );
  return rows.map((r) => r.id);
}
