// Sign-off and return for amendment (issue 4, seed 003 §4.6 and §10.3):
// - POST /api/submissions/:id/review { decision, revision, comment } records the decision on the
//   current revision. The QA manager may sign off or return any record; a manager may do so for
//   records by people in a team they manage; nobody reviews their own record.
// - GET /api/submissions/:id/revisions: every revision of a record and every decision made on
//   them, for the history view.
// A decision on a revision that is no longer current is refused (409), so a review never lands on
// an amendment the reviewer has not read.
import { RevisionHistory } from '../../shared/records/api-schemas';
import { ReviewRequest, StoredSubmission } from '../../shared/records/schema';
import { readJsonBody } from '../http/body';
import { conflict, forbidden, invalid, notFound } from '../http/errors';
import { routeDeclarer, json, reply, valid, type ApiRoute } from '../http/route';
import { decideReview, listReviews } from './review-store';
import { isRecordId, NO_SUCH_RECORD, RecordIdParams } from './routes';
import { getSubmission, listRevisions } from './store';

const route = routeDeclarer('records');

export const reviewRoutes: readonly ApiRoute[] = [
  route('POST /api/submissions/:id/review', 'signed-in', {
    summary: 'Sign off or return a record',
    params: RecordIdParams,
    body: json(ReviewRequest),
    responses: {
      200: reply('The record with the decision', StoredSubmission),
      403: 'This person may not review this record',
      404: NO_SUCH_RECORD,
      409: 'The revision reviewed is no longer current',
    },
    handler: async (c, deps) => {
      const id = c.req.param('id');
      const body = await readJsonBody(c, deps.config.jsonLimitBytes);
      if (!isRecordId(id)) throw notFound(NO_SUCH_RECORD);
      const request = valid(ReviewRequest, body);
      if (request.decision === 'return' && request.comment.trim() === '') {
        throw invalid([{ path: 'comment', message: 'Say what needs amending' }]);
      }
      const user = c.get('user');
      const outcome = await decideReview(deps.db, user, id, request, deps.now());
      if (outcome.kind === 'not-found') throw notFound(NO_SUCH_RECORD);
      if (outcome.kind === 'forbidden') throw forbidden('You cannot review this record');
      if (outcome.kind === 'stale') {
        throw conflict(`Revision ${request.revision} is not the current one; revision ${outcome.current} is`);
      }
      return c.json(await getSubmission(deps.db, user, id, null));
    },
  }),
  route('GET /api/submissions/:id/revisions', 'signed-in', {
    summary: 'Every revision and decision',
    params: RecordIdParams,
    responses: { 200: reply('The history', RevisionHistory), 404: NO_SUCH_RECORD },
    handler: async (c, deps) => {
      const id = c.req.param('id');
      const revisions = isRecordId(id) ? await listRevisions(deps.db, c.get('user'), id) : [];
      if (revisions.length === 0) throw notFound(NO_SUCH_RECORD);
      const answer: RevisionHistory = { revisions, reviews: await listReviews(deps.db, id) };
      return c.json(answer);
    },
  }),
];
