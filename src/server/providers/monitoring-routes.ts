// /api/providers/:id/monitoring-reviews (issue 15, seed 004 §18-19): the risk matrix's suggested
// monitoring level and RAG for a provider, with its reasons and the provider's past reviews (QA and
// managers read it); and QA's decision: confirm the suggestion, or override it with a written
// reason. QA decides for any provider, a manager for providers allocated to their team's officers
// (403 otherwise). A decision about a suggestion that has since changed is refused (409) with
// nothing written; an override without a reason is 422.
import { MonitoringDecision, MonitoringState } from '../../shared/providers/api-schemas';
import type { SessionUser } from '../../shared/auth/schema';
import type { Queryable } from '../db';
import type { Deps } from '../http/env';
import { conflict, forbidden, invalid, notFound } from '../http/errors';
import { routeDeclarer, json, reply, validBody, type ApiRoute } from '../http/route';
import { listReviews, mayDecide, recordReview, suggestionFor } from './monitoring-store';
import { NO_SUCH_PROVIDER, providerAt } from './routes';
import { toRecord, type ProviderRow } from './store';

const route = routeDeclarer('providers');

const DECISION_BODY_LIMIT = 16 * 1024;
const PATH = '/api/providers/:id/monitoring-reviews';

async function state(q: Queryable, deps: Deps, user: SessionUser, row: ProviderRow): Promise<MonitoringState> {
  return {
    provider: toRecord(row, deps.config.visitFrequencyMonths),
    suggestion: await suggestionFor(q, row, deps.config.riskMatrix, deps.now()),
    reviews: await listReviews(q, row.id),
    mayDecide: await mayDecide(q, user, row),
  };
}

export const monitoringRoutes: readonly ApiRoute[] = [
  route(`GET ${PATH}`, ['qa', 'manager'], {
    summary: 'The risk matrix\u2019s suggested monitoring level and RAG, with reasons, and past reviews',
    description:
      'The suggestion is computed now from the latest visit result, open and overdue actions, complaints, ' +
      'safeguarding referrals, incidents, feedback, CQC and fire inspections, and the service type.',
    responses: { 200: reply('Where the provider stands', MonitoringState), 404: NO_SUCH_PROVIDER },
    handler: async (c, deps) => {
      const row = await providerAt(deps.db, c.req.param('id'));
      return c.json(await state(deps.db, deps, c.get('user'), row));
    },
  }),
  route(`POST ${PATH}`, ['qa', 'manager'], {
    summary: 'Confirm the suggested monitoring level and RAG, or override them with a reason',
    body: json(MonitoringDecision),
    responses: {
      200: reply('Recorded; where the provider now stands', MonitoringState),
      403: 'A manager decides only for providers allocated to their team',
      404: NO_SUCH_PROVIDER,
      409: 'The suggestion has changed since it was shown',
    },
    handler: async (c, deps) => {
      const user = c.get('user');
      const id = c.req.param('id');
      const decision = await validBody(c, MonitoringDecision, DECISION_BODY_LIMIT);
      const row = await providerAt(deps.db, id);
      if (!(await mayDecide(deps.db, user, row)))
        throw forbidden('A manager may decide the level and RAG only of providers allocated to their team');
      const outcome = await recordReview(deps.db, {
        providerId: id,
        decision,
        matrix: deps.config.riskMatrix,
        user,
        now: deps.now(),
      });
      if (outcome.kind === 'not-found') throw notFound(NO_SUCH_PROVIDER);
      if (outcome.kind === 'reason-needed')
        throw invalid([
          { path: 'reason', message: 'Give the reason for a level or RAG different from the suggestion' },
        ]);
      if (outcome.kind === 'suggestion-changed')
        throw conflict(
          'The suggestion has changed since the page was loaded (new evidence). Look at it again before deciding.',
        );
      return c.json(await state(deps.db, deps, user, outcome.row));
    },
  }),
];
