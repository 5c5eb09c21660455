// The escalation procedure's routes (seed 004 §22; rules in src/shared/escalations/rules.ts):
// - GET /api/escalations?status=open|closed: every provider's escalations (the register marks the open ones);
// - GET /api/providers/:id/escalations: one provider's, newest first (its history);
// - POST /api/providers/:id/escalations { trigger, reason, openedOn }: puts it into escalation (201);
//   409 while another is open;
// - POST /api/escalations/:id/steps { kind, date, owner, note? }: records a step (201, the whole
//   escalation); 409 once it is closed;
// - POST /api/escalations/:id/close { outcome, summary, closedOn }: closes it (200); 409 if already closed.
// Anyone signed in reads (officers read every provider's briefing, which carries the open one);
// QA and managers write, as they record intelligence. Who and when come from the session and the
// server's clock; every write is audited and refreshes the provider's briefing.
import { randomUUID } from 'node:crypto';
import * as z from 'zod/mini';
import { type Acting, addStep, closeEscalation, type Refusal, type Ruled } from '../../shared/escalations/rules';
import {
  CloseEscalation,
  Escalation,
  EscalationList,
  NewEscalation,
  NewEscalationStep,
} from '../../shared/escalations/schema';
import { ApiError, conflict, invalid, notFound } from '../http/errors';
import { routeDeclarer, json, reply, valid, validBody, validQuery, type ApiRoute } from '../http/route';
import { NO_SUCH_PROVIDER, NOT_ABOUT_THIS_PROVIDER, providerAt, providerPostBody } from '../providers/routes';
import { changeEscalation, listEscalations, openProviderEscalation } from './store';

const route = routeDeclarer('providers');

const BODY_LIMIT = 64 * 1024;
const NO_SUCH_ESCALATION = 'No such escalation';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EscalationsQuery = z.object({ status: z.optional(z.enum(['open', 'closed'])) });

const refused = (r: Refusal): ApiError => (r.reason === 'invalid' ? invalid(r.issues) : conflict(r.message));

/** The escalation id at the path, or 404 (an id that is not a UUID names nothing). */
function escalationId(id: string): string {
  if (!UUID.test(id)) throw notFound(NO_SUCH_ESCALATION);
  return id.toLowerCase();
}

/**
 * POST /api/escalations/:id/{verb}: changes the escalation at the path by a shared rule (a step, a
 * closure), for QA and managers. The body is parsed with `body`; no such escalation is 404, the
 * rule's refusal 422 or 409; otherwise the whole escalation with `status`. The audit names the
 * escalation and `code` (an enum value, never free text).
 */
function changeRoute<S extends z.ZodMiniType>(change: {
  verb: 'steps' | 'close';
  summary: string;
  description: string;
  body: S;
  status: 200 | 201;
  replied: string;
  closed: string;
  audit: Parameters<typeof changeEscalation>[4];
  change: (e: Escalation, request: z.output<S>, acting: Acting) => Ruled<Escalation>;
  code: (request: z.output<S>) => string;
}): ApiRoute {
  return route(`POST /api/escalations/:id/${change.verb}`, ['qa', 'manager'], {
    summary: change.summary,
    description: change.description,
    body: json(change.body),
    responses: { [change.status]: reply(change.replied, Escalation), 404: NO_SUCH_ESCALATION, 409: change.closed },
    handler: async (c, deps) => {
      const request = await validBody(c, change.body, BODY_LIMIT);
      const ruled = await changeEscalation(
        deps.db,
        escalationId(c.req.param('id')),
        c.get('user'),
        deps.now(),
        change.audit,
        (e, acting) => change.change(e, request, acting),
        (e) => `${e.id}:${change.code(request)}`,
      );
      if (ruled === null) throw notFound(NO_SUCH_ESCALATION);
      if (!ruled.ok) throw refused(ruled);
      return c.json(ruled.value, change.status);
    },
  });
}

export const escalationRoutes: readonly ApiRoute[] = [
  route('GET /api/escalations', 'signed-in', {
    summary: 'Escalations of every provider',
    description: 'Newest first; `status=open` for the providers in escalation now.',
    query: EscalationsQuery,
    responses: { 200: reply('Newest first', EscalationList), 400: 'Unknown status' },
    handler: async (c, deps) => {
      const { status } = validQuery(c, EscalationsQuery, 'status must be open or closed');
      return c.json({ escalations: await listEscalations(deps.db, { status }) } satisfies EscalationList);
    },
  }),
  route('GET /api/providers/:id/escalations', 'signed-in', {
    summary: 'A provider\u2019s escalations',
    responses: { 200: reply('Newest first', EscalationList), 404: NO_SUCH_PROVIDER },
    handler: async (c, deps) => {
      const id = c.req.param('id');
      await providerAt(deps.db, id, true);
      return c.json({ escalations: await listEscalations(deps.db, { providerId: id }) } satisfies EscalationList);
    },
  }),
  route('POST /api/providers/:id/escalations', ['qa', 'manager'], {
    summary: 'Put a provider into escalation',
    description: 'At most one escalation of a provider is open at a time. The date it opened cannot be after today.',
    body: json(NewEscalation),
    responses: {
      201: reply('Opened', Escalation),
      400: NOT_ABOUT_THIS_PROVIDER,
      404: NO_SUCH_PROVIDER,
      409: 'The provider is already in escalation',
    },
    handler: async (c, deps) => {
      const providerId = c.req.param('id');
      const body = await providerPostBody(c, BODY_LIMIT, 'the escalation');
      const request = valid(NewEscalation, body);
      const ruled = await openProviderEscalation(deps.db, providerId, request, c.get('user'), deps.now());
      if (ruled === null) throw notFound(NO_SUCH_PROVIDER);
      if (!ruled.ok) throw refused(ruled);
      return c.json(ruled.value, 201);
    },
  }),
  changeRoute({
    verb: 'steps',
    summary: 'Record a step of an escalation',
    description: 'Dated no earlier than the escalation opened and no later than today.',
    body: NewEscalationStep,
    status: 201,
    replied: 'The escalation with the step',
    closed: 'The escalation is closed',
    audit: 'escalation.step',
    change: (e, request, acting) => addStep(e, request, randomUUID(), acting),
    code: (request) => request.kind,
  }),
  changeRoute({
    verb: 'close',
    summary: 'Close an escalation with its outcome',
    description: 'Dated no earlier than its last step and no later than today.',
    body: CloseEscalation,
    status: 200,
    replied: 'Closed',
    closed: 'The escalation is already closed',
    audit: 'escalation.close',
    change: (e, request, acting) => closeEscalation(e, request, acting),
    code: (request) => request.outcome,
  }),
];
