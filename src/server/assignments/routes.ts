// Visit assignments and pins. QA assigns a visit to any officer, a manager to officers of the team
// they manage; the assigned officer, QA and that manager may change its status. Records a person
// may not see answer 404, ones they see but may not assign 403. Pins are each person's own: a
// pinned provider's briefing is kept on their device. A stored visit marks assignments done (see
// records/effects.ts).
import { randomUUID } from 'node:crypto';
import { AssignmentList, AssignmentStatusChange, NewAssignment } from '../../shared/briefings/api-schemas';
import { Assignment } from '../../shared/briefings/register';
import type { Issue } from '../../shared/sync/schema';
import { findUserRole } from '../auth/users';
import type { Deps } from '../http/env';
import { forbidden, found, invalid } from '../http/errors';
import { routeDeclarer, json, reply, validBody, type ApiRoute } from '../http/route';
import { NO_SUCH_PROVIDER, providerAt } from '../providers/routes';
import { findProviderRow } from '../providers/store';
import { templateExists } from '../templates/store';
import {
  changeAssignmentStatus,
  insertAssignment,
  managesOfficer,
  pinProvider,
  unpinProvider,
  visibleAssignments,
} from './store';

const route = routeDeclarer('assignments');

/** Whether the officer, provider and template an assignment names exist (and the officer is one). */
async function assignmentIssues(deps: Deps, body: NewAssignment): Promise<Issue[]> {
  const issues: Issue[] = [];
  if ((await findUserRole(deps.db, body.officerId)) !== 'officer')
    issues.push({ path: 'officerId', message: 'Assign the visit to a person with the officer role' });
  if ((await findProviderRow(deps.db, body.providerId)) === null)
    issues.push({ path: 'providerId', message: 'The provider is not on the register' });
  if (!(await templateExists(deps.db, body.templateId)))
    issues.push({ path: 'templateId', message: 'No such template' });
  return issues;
}

export const assignmentRoutes: readonly ApiRoute[] = [
  route('GET /api/assignments', 'signed-in', {
    summary: 'Assignments this person may see',
    responses: { 200: reply('Assignments', AssignmentList) },
    handler: async (c, deps) => {
      const answer: AssignmentList = { assignments: await visibleAssignments(deps.db, c.get('user')) };
      return c.json(answer);
    },
  }),
  route('POST /api/assignments', ['qa', 'manager'], {
    summary: 'Assign a visit',
    body: json(NewAssignment),
    responses: { 201: reply('Assigned', Assignment), 403: 'A manager may assign only officers in their team' },
    handler: async (c, deps) => {
      const body = await validBody(c, NewAssignment, 16 * 1024);
      const issues = await assignmentIssues(deps, body);
      if (issues.length > 0) throw invalid(issues);
      const user = c.get('user');
      if (user.role === 'manager' && !(await managesOfficer(deps.db, user.id, body.officerId))) {
        throw forbidden('You can assign visits only to officers in the team you manage');
      }
      const assignment: Assignment = { ...body, id: randomUUID(), status: 'open' };
      await insertAssignment(deps.db, assignment, user.id, deps.now());
      return c.json(assignment, 201);
    },
  }),
  route('PATCH /api/assignments/:id', 'signed-in', {
    summary: 'Change an assignment status',
    body: json(AssignmentStatusChange),
    responses: { 200: reply('The assignment', Assignment), 404: 'No such assignment' },
    handler: async (c, deps) => {
      const { status } = await validBody(c, AssignmentStatusChange, 4 * 1024);
      const updated = await changeAssignmentStatus(deps.db, c.get('user'), c.req.param('id'), status, deps.now());
      return c.json(found(updated, 'No such assignment'));
    },
  }),
  route('PUT /api/pins/:providerId', 'signed-in', {
    summary: 'Pin a provider',
    responses: { 204: reply('Pinned'), 404: NO_SUCH_PROVIDER },
    handler: async (c, deps) => {
      const providerId = c.req.param('providerId');
      await providerAt(deps.db, providerId);
      await pinProvider(deps.db, c.get('user').id, providerId, deps.now());
      return c.body(null, 204);
    },
  }),
  route('DELETE /api/pins/:providerId', 'signed-in', {
    summary: 'Unpin a provider',
    responses: { 204: reply('Unpinned') },
    handler: async (c, deps) => {
      await unpinProvider(deps.db, c.get('user').id, c.req.param('providerId'));
      return c.body(null, 204);
    },
  }),
];
