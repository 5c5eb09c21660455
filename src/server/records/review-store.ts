// Sign-off and return for amendment in the database: a decision lands on a record's current
// revision only (the head row, locked, holds the latest; submission_reviews keeps every one), and
// only from someone who may review the submitter's records (QA; a manager of their team; never
// the submitter). Outcomes are returned, not thrown, so the route words them.
import type { SessionUser } from '../../shared/auth/schema';
import type { Review, ReviewRequest } from '../../shared/records/schema';
import { recordAudit } from '../audit';
import { submitterVisible } from '../auth/access';
import type { Db, Queryable } from '../db';
import { nextChangeSeq } from '../db/change-seq';

type ReviewOutcome =
  { kind: 'done' } | { kind: 'not-found' } | { kind: 'forbidden' } | { kind: 'stale'; current: number };

/**
 * Records a decision on a record's current revision: the head holds the latest, the log every one.
 * The head takes a change_seq with it, so a pull sends a returned record once after each decision.
 */
export async function storeReview(tx: Queryable, id: string, review: Review, at: Date): Promise<void> {
  const seq = await nextChangeSeq(tx);
  await tx.query(
    'UPDATE submission_heads SET review_status = $2, review = $3::jsonb, updated_at = $4, review_seq = $5 WHERE id = $1',
    [id, review.status, JSON.stringify(review), at, seq],
  );
  await tx.query('INSERT INTO submission_reviews (submission_id, revision, body) VALUES ($1, $2, $3::jsonb)', [
    id,
    review.revision,
    JSON.stringify(review),
  ]);
}

/** Whether this person may decide on records by `submitterId`. */
async function mayReview(q: Queryable, user: SessionUser, submitterId: string): Promise<boolean> {
  if (submitterId === user.id) return false;
  if (user.role === 'qa') return true;
  if (user.role !== 'manager') return false;
  const rows = await q.query(
    'SELECT 1 FROM users su JOIN teams t ON t.id = su.team_id WHERE su.id = $1 AND t.manager_id = $2',
    [submitterId, user.id],
  );
  return rows.length > 0;
}

/** Decides on the record `id` in one transaction (the head is locked while it is checked and written). */
export async function decideReview(
  db: Db,
  user: SessionUser,
  id: string,
  request: ReviewRequest,
  now: Date,
): Promise<ReviewOutcome> {
  return db.transaction(async (tx): Promise<ReviewOutcome> => {
    const [head] = await tx.query<{ submitter_id: string; current_revision: number }>(
      `SELECT h.submitter_id, h.current_revision FROM submission_heads h
        WHERE h.id = $3 AND h.current_revision > 0 AND ${submitterVisible('h.submitter_id', '$1', '$2')} FOR UPDATE OF h`,
      [user.id, user.role, id],
    );
    if (head === undefined) return { kind: 'not-found' };
    if (!(await mayReview(tx, user, head.submitter_id))) return { kind: 'forbidden' };
    if (Number(head.current_revision) !== request.revision) {
      return { kind: 'stale', current: Number(head.current_revision) };
    }
    const review: Review = {
      status: request.decision === 'sign-off' ? 'signed-off' : 'returned',
      revision: request.revision,
      comment: request.comment.trim(),
      reviewerId: user.id,
      reviewerName: user.name,
      at: now.toISOString(),
    };
    await storeReview(tx, id, review, now);
    const action = request.decision === 'sign-off' ? 'submission.sign-off' : 'submission.return';
    await recordAudit(tx, now, user.id, action, `${id}@${request.revision}`);
    return { kind: 'done' };
  });
}

/** Every decision made on a record, oldest first. */
export async function listReviews(q: Queryable, id: string): Promise<Review[]> {
  const rows = await q.query<{ body: Review }>(
    'SELECT body FROM submission_reviews WHERE submission_id = $1 ORDER BY id',
    [id],
  );
  return rows.map((r) => r.body);
}
