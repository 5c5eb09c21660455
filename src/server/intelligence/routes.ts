// /api/providers/:id/intelligence and /api/providers/:id/briefing. Intelligence is entered by QA
// and managers; the server sets the id, who recorded it (the session's name) and when (its own
// clock), stores it, audits it and marks the provider's briefing changed. Anyone signed in reads
// intelligence and briefings (officers prepare visits to any provider).
import { randomUUID } from 'node:crypto';
import { IntelligenceList, NewIntelligenceEntry } from '../../shared/briefings/api-schemas';
import { Briefing, IntelligenceEntry } from '../../shared/briefings/register';
import { compileBriefing } from '../briefings/compile';
import { found } from '../http/errors';
import { routeDeclarer, json, reply, valid, type ApiRoute } from '../http/route';
import { NO_SUCH_PROVIDER, NOT_ABOUT_THIS_PROVIDER, providerAt, providerPostBody } from '../providers/routes';
import { listIntelligence, recordIntelligence } from './store';

const route = routeDeclarer('providers');

export const intelligenceRoutes: readonly ApiRoute[] = [
  route('GET /api/providers/:id/intelligence', 'signed-in', {
    summary: 'Intelligence on a provider',
    responses: { 200: reply('Newest first', IntelligenceList), 404: NO_SUCH_PROVIDER },
    handler: async (c, deps) => {
      const id = c.req.param('id');
      await providerAt(deps.db, id);
      return c.json({ entries: await listIntelligence(deps.db, id) } satisfies IntelligenceList);
    },
  }),
  route('POST /api/providers/:id/intelligence', ['qa', 'manager'], {
    summary: 'Record intelligence',
    body: json(NewIntelligenceEntry),
    responses: {
      201: reply('Recorded', IntelligenceEntry),
      400: NOT_ABOUT_THIS_PROVIDER,
      404: NO_SUCH_PROVIDER,
    },
    handler: async (c, deps) => {
      const providerId = c.req.param('id');
      const body = await providerPostBody(c, 64 * 1024, 'the entry');
      await providerAt(deps.db, providerId);
      const user = c.get('user');
      const now = deps.now();
      // What the server sets overrides whatever the body says.
      const server = { id: randomUUID(), providerId, recordedBy: user.name, recordedAt: now.toISOString() };
      const entry = valid(IntelligenceEntry, { ...body, ...server });
      await recordIntelligence(deps.db, entry, user.id, now);
      return c.json(entry, 201);
    },
  }),
  route('GET /api/providers/:id/briefing', 'signed-in', {
    summary: 'The pre-visit briefing',
    responses: { 200: reply('Compiled now', Briefing), 404: NO_SUCH_PROVIDER },
    handler: async (c, deps) => {
      const options = { frequencies: deps.config.visitFrequencyMonths, now: deps.now() };
      return c.json(found(await compileBriefing(deps.db, c.req.param('id'), options), NO_SUCH_PROVIDER));
    },
  }),
];
