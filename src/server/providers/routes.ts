// /api/providers: the register. Anyone signed in reads it; the QA manager adds, edits and removes
// (a soft removal: devices get the id in `removed.providers`). A RAG change needs a reason, is
// dated by the server (ragChangedAt = today) and leaves a row in provider_rag_history. Derived
// fields in a request body are ignored; allocatedOfficerId must name an officer.
import { ProviderList, RegisterRowBody } from '../../shared/briefings/api-schemas';
import { ProviderRecord } from '../../shared/briefings/register';
import type { Issue } from '../../shared/sync/schema';
import { findUserRole } from '../auth/users';
import { readJsonBody } from '../http/body';
import type { Queryable } from '../db';
import type { AppContext, Deps } from '../http/env';
import { badRequest, conflict, found, invalid, notFound } from '../http/errors';
import { routeDeclarer, json, reply, validBody, type ApiRoute } from '../http/route';
import { createProvider, removeFromRegister, updateProvider } from './register-store';
import { findProviderRow, listProviderRows, toRecord, type ProviderRow, type RegisterRow } from './store';

const route = routeDeclarer('providers');

const PROVIDER_BODY_LIMIT = 64 * 1024;
export const NO_SUCH_PROVIDER = 'No such provider';

/** The provider at the path (on the register, or also a removed one), or 404: what a route about one provider loads first. */
export async function providerAt(q: Queryable, id: string, withRemoved = false): Promise<ProviderRow> {
  return found(await findProviderRow(q, id, withRemoved), NO_SUCH_PROVIDER);
}

/** How a route's declaration documents providerPostBody's 400. */
export const NOT_ABOUT_THIS_PROVIDER = 'Not a JSON object, or providerId differs from the path';

/**
 * The JSON object posted about the provider at the path (an escalation, an intelligence entry):
 * 400 when it is not an object or names another provider. The caller validates the rest.
 */
export async function providerPostBody(c: AppContext, limit: number, what: string): Promise<object> {
  const body = await readJsonBody(c, limit);
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw badRequest(`Send ${what} as a JSON object`);
  if ('providerId' in body && body.providerId !== c.req.param('id'))
    throw badRequest('The provider id in the path does not match the body');
  return body;
}

async function officerIssues(q: Queryable, row: RegisterRow, path = 'allocatedOfficerId'): Promise<Issue[]> {
  if (row.allocatedOfficerId === null) return [];
  const role = await findUserRole(q, row.allocatedOfficerId);
  return role === 'officer' ? [] : [{ path, message: 'The allocated officer must be a person with the officer role' }];
}

/** The register row in the body, its allocated officer checked (422 otherwise). */
async function readRow(c: AppContext, deps: Deps): Promise<RegisterRow> {
  const row = await validBody(c, RegisterRowBody, PROVIDER_BODY_LIMIT);
  const issues = await officerIssues(deps.db, row);
  if (issues.length > 0) throw invalid(issues);
  return row;
}

export const providerRoutes: readonly ApiRoute[] = [
  route('GET /api/providers', 'signed-in', {
    summary: 'The provider register',
    responses: { 200: reply('Providers', ProviderList) },
    handler: async (c, deps) => {
      const rows = await listProviderRows(deps.db);
      return c.json({
        providers: rows.map((r) => toRecord(r, deps.config.visitFrequencyMonths)),
      } satisfies ProviderList);
    },
  }),
  route('POST /api/providers', ['qa'], {
    summary: 'Add a provider',
    body: json(RegisterRowBody),
    responses: { 201: reply('Added', ProviderRecord), 409: 'A provider with that id is already on the register' },
    handler: async (c, deps) => {
      const row = await readRow(c, deps);
      const saved = await createProvider(deps.db, row, c.get('user'), deps.now());
      if (saved === null) throw conflict('A provider with that id is already on the register');
      return c.json(toRecord(saved, deps.config.visitFrequencyMonths), 201);
    },
  }),
  route('GET /api/providers/:id', 'signed-in', {
    summary: 'One provider',
    responses: { 200: reply('The provider', ProviderRecord), 404: NO_SUCH_PROVIDER },
    handler: async (c, deps) =>
      c.json(toRecord(await providerAt(deps.db, c.req.param('id')), deps.config.visitFrequencyMonths)),
  }),
  route('PUT /api/providers/:id', ['qa'], {
    summary: 'Edit a provider (a RAG change needs a reason)',
    body: json(RegisterRowBody),
    responses: {
      200: reply('Saved', ProviderRecord),
      400: 'The path id differs from the body',
      404: NO_SUCH_PROVIDER,
    },
    handler: async (c, deps) => {
      const row = await readRow(c, deps);
      if (row.id !== c.req.param('id')) throw badRequest('The provider id in the path does not match the body');
      const result = await updateProvider(deps.db, row, c.get('user'), deps.now());
      if (result.kind === 'reason-needed') {
        throw invalid([{ path: 'ragReason', message: 'Give the reason for changing the RAG rating' }]);
      }
      if (result.kind === 'not-found') throw notFound(NO_SUCH_PROVIDER);
      return c.json(toRecord(result.row, deps.config.visitFrequencyMonths));
    },
  }),
  route('DELETE /api/providers/:id', ['qa'], {
    summary: 'Remove a provider',
    responses: { 204: reply('Removed'), 404: NO_SUCH_PROVIDER },
    handler: async (c, deps) => {
      const removed = await removeFromRegister(deps.db, c.req.param('id'), c.get('user'), deps.now());
      if (!removed) throw notFound(NO_SUCH_PROVIDER);
      return c.body(null, 204);
    },
  }),
];
