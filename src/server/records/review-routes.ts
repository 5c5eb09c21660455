// Sign-off and return for amendment (issue 4, seed 003 §4.6 and §10.3):
// - POST /api/submissions/:id/review { decision, revision, comment } records the decision on the
//   current revision. The QA manager may sign off or return any record; a manager may do so for
//   records by people in a team they manage; nobody reviews their own record.
// - GET /api/submissions/:id/revisions: every revision of a record and every decision made on
//   them, for the history view.
// A decision on a revision that is no longer current is refused (409), so a review never lands on
// an amendment the reviewer has not read.
import type { Hono } from 'hono';
import * as z from 'zod/mini';
import { ReviewRequest, type Review, type SessionUser } from '../../shared/schemas';
import { toIssues } from '../../shared/records/record-rules';
import { recordAudit } from '../audit';
import { submitterVisible } from '../auth/access';
import { requireUser } from '../auth/middleware';
import type { Queryable } from '../db/index';
import { readJsonBody } from '../http/body';
import type { AppEnv, Deps } from '../http/env';
import { conflict, forbidden, invalid, notFound } from '../http/errors';
import { getSubmission, listRevisions } from './store';

const RecordId = z.uuid();

/** Records a decision on a record's current revision: the head holds the latest, the log every one. */
export async function storeReview(tx: Queryable, id: string, review: Review, at: Date): Promise<void> {
  await tx.query('UPDATE submission_heads SET review_status = $2, review = $3::jsonb, updated_at = $4 WHERE id = $1', [
    id,
    review.status,
    JSON.stringify(review),
    at,
  ]);
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

export function registerReviewRoutes(app: Hono<AppEnv>, deps: Deps): void {
  const signedIn = requireUser(deps);

  app.post('/api/submissions/:id/review', signedIn, async (c) => {
    const id = c.req.param('id');
    const parsed = ReviewRequest.safeParse(await readJsonBody(c, deps.config.jsonLimitBytes));
    if (!RecordId.safeParse(id).success) throw notFound('No such record');
    if (!parsed.success) throw invalid(toIssues(parsed.error.issues));
    const request = parsed.data;
    if (request.decision === 'return' && request.comment.trim() === '') {
      throw invalid([{ path: 'comment', message: 'Say what needs amending' }]);
    }
    const user = c.get('user');
    const now = deps.now();
    await deps.db.transaction(async (tx) => {
      const [head] = await tx.query<{ submitter_id: string; current_revision: number }>(
        `SELECT h.submitter_id, h.current_revision FROM submission_heads h
          WHERE h.id = $3 AND h.current_revision > 0 AND ${submitterVisible('h.submitter_id', '$1', '$2')} FOR UPDATE OF h`,
        [user.id, user.role, id],
      );
      if (head === undefined) throw notFound('No such record');
      if (!(await mayReview(tx, user, head.submitter_id))) throw forbidden('You cannot review this record');
      if (Number(head.current_revision) !== request.revision) {
        throw conflict(`Revision ${request.revision} is not the current one; revision ${head.current_revision} is`);
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
      await recordAudit(
        tx,
        now,
        user.id,
        request.decision === 'sign-off' ? 'submission.sign-off' : 'submission.return',
        `${id}@${request.revision}`,
      );
    });
    const stored = await getSubmission(deps.db, user, id, null);
    return c.json(stored);
  });

  app.get('/api/submissions/:id/revisions', signedIn, async (c) => {
    const id = c.req.param('id');
    const revisions = RecordId.safeParse(id).success ? await listRevisions(deps.db, c.get('user'), id) : [];
    if (revisions.length === 0) throw notFound('No such record');
    const reviews = await deps.db.query<{ body: Review }>(
      'SELECT body FROM submission_reviews WHERE submission_id = $1 ORDER BY id',
      [id],
    );
    return c.json({ revisions, reviews: reviews.map((r) => r.body) });
  });
}
