// The action tracker (issue 4): actions raised on records, open until done and then verified.
// - GET /api/actions?status=open|in-progress|done|verified: the actions this person may see,
//   overdue first. Provider actions are visible to every role (they travel in briefings);
//   an observation's or audit's actions only to who raised them, their team manager and QA.
// - PATCH /api/actions/:id { status, evidence }: the same people move an action on; evidence is
//   required to mark it done or verified. The provider's briefing is refreshed.
import * as z from 'zod/mini';
import { ActionList } from '../../shared/actions/api-schemas';
import { ActionStatus, ActionUpdate, VisitAction } from '../../shared/briefings/register';
import { found, invalid } from '../http/errors';
import { routeDeclarer, json, reply, validBody, validQuery, type ApiRoute } from '../http/route';
import { listActions, updateAction } from './store';

const route = routeDeclarer('actions');

const ActionsQuery = z.object({ status: z.optional(ActionStatus) });

export const actionRoutes: readonly ApiRoute[] = [
  route('GET /api/actions', 'signed-in', {
    summary: 'Actions this person may see',
    query: ActionsQuery,
    responses: { 200: reply('Overdue first', ActionList), 400: 'Unknown status' },
    handler: async (c, deps) => {
      const { status } = validQuery(c, ActionsQuery, 'status must be open, in-progress, done or verified');
      const answer: ActionList = { actions: await listActions(deps.db, c.get('user'), { status }) };
      return c.json(answer);
    },
  }),
  route('PATCH /api/actions/:id', 'signed-in', {
    summary: 'Move an action on',
    body: json(ActionUpdate),
    responses: { 200: reply('The action', VisitAction), 404: 'No such action' },
    handler: async (c, deps) => {
      const update = await validBody(c, ActionUpdate, deps.config.jsonLimitBytes);
      if ((update.status === 'done' || update.status === 'verified') && update.evidence.trim() === '') {
        throw invalid([{ path: 'evidence', message: 'Say what shows the action is complete' }]);
      }
      const action = await updateAction(deps.db, c.get('user'), c.req.param('id'), update, deps.now());
      return c.json(found(action, 'No such action'));
    },
  }),
];
