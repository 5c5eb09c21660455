// The office pages' requests. These pages work on the server's copy (they need the network); every
// call answers ok with the value, parsed with the shared schema the server declares its route
// with, or a failure worded for the person, with the server's row-by-row or field issues when it
// sent any. An answer that does not match the schema is a failure too, saying so. Nothing here
// throws, and nothing clears a form: the pages keep what was typed whatever happens.
import type * as z from 'zod/mini';
import { ActionList } from '../../shared/actions/api-schemas';
import {
  AssignmentList,
  IntelligenceImportResult,
  IntelligenceList,
  ProviderImportResult,
  ProviderList,
  type NewAssignment,
} from '../../shared/briefings/api-schemas';
import {
  ActionUpdate,
  Assignment,
  IntelligenceEntry,
  ProviderRecord,
  VisitAction,
} from '../../shared/briefings/register';
import type { Issue } from '../../shared/sync/schema';
import { UserList, type UserSummary } from '../../shared/users/api-schemas';
import { sessionExpired } from '../auth/session';
import { errorMessage, readAnswer, requestJson, requestText, type HttpMethod, type HttpResult } from '../lib/http';

/** `status` is the HTTP status, or null when there was no answer. */
export type Failure = { ok: false; message: string; issues: Issue[]; status: number | null };
export type Outcome<T> = { ok: true; value: T } | Failure;

export type NewIntelligence = Record<string, unknown> & {
  kind: IntelligenceEntry['kind'];
  date: string;
  summary: string;
};

const offline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

/**
 * Words a failed request for the person. `notDone` says what did not happen ("The entry was not
 * saved"); for a form (`typed`), network and sign-in problems add that what they entered is kept.
 */
export function describeFailure(result: HttpResult, notDone: string, typed = true): Failure {
  if (result.kind === 'network-error') {
    const why = offline() ? 'You are offline' : 'The server could not be reached';
    const next = typed
      ? 'What you entered is still here; send it again when you are connected.'
      : 'Try again when you are connected.';
    return { ok: false, message: `${why}. ${notDone}: this needs a connection. ${next}`, issues: [], status: null };
  }
  if (result.status === 401) {
    sessionExpired();
    const next = typed
      ? 'Sign in again in a new tab, then send it again; what you entered is still here.'
      : 'Sign in again, then come back to this page.';
    return { ok: false, message: `Your sign-in has ended. ${notDone}. ${next}`, issues: [], status: 401 };
  }
  if (result.status === 403) {
    const why = errorMessage(result.body, 'You are not allowed to do that');
    return { ok: false, message: `${notDone}. ${why}${/[.!?]$/.test(why) ? '' : '.'}`, issues: [], status: 403 };
  }
  const issues = Array.isArray((result.body as { issues?: unknown } | null)?.issues)
    ? (result.body as { issues: Issue[] }).issues
    : [];
  const message = errorMessage(result.body, `${notDone}: the server answered ${result.status}. Try again later.`);
  return { ok: false, message, issues, status: result.status };
}

/** A successful answer read with `schema` (readAnswer), as an office outcome. */
export function parseAnswer<S extends z.ZodMiniType>(
  schema: S,
  body: unknown,
  notDone: string,
  status: number,
): Outcome<z.output<S>> {
  const read = readAnswer(schema, body, notDone);
  return read.ok ? read : { ...read, issues: [], status };
}

async function call<S extends z.ZodMiniType>(
  method: HttpMethod,
  url: string,
  body: unknown,
  schema: S,
  notDone: string,
  ok: number[] = [200, 201],
): Promise<Outcome<z.output<S>>> {
  const result = await requestJson(method, url, body);
  if (result.kind === 'response' && ok.includes(result.status))
    return parseAnswer(schema, result.body, notDone, result.status);
  return describeFailure(result, notDone, method !== 'GET');
}

/** Reads one resource for an office page with the schema of its answer; `notDone` words what could not be shown. */
export const getJson = <S extends z.ZodMiniType>(url: string, schema: S, notDone: string) =>
  call('GET', url, undefined, schema, notDone, [200]);

const providerPath = (id: string) => `/api/providers/${encodeURIComponent(id)}`;

/** The register, for pages that show provider names. */
export const loadProviders = async (notDone = 'The providers could not be loaded') => {
  const result = await getJson('/api/providers', ProviderList, notDone);
  return result.ok ? { ok: true as const, value: result.value.providers } : result;
};

export const loadProvider = (id: string) =>
  getJson(providerPath(id), ProviderRecord, 'The provider could not be loaded');

export const loadIntelligence = async (id: string): Promise<Outcome<IntelligenceEntry[]>> => {
  const result = await getJson(
    `${providerPath(id)}/intelligence`,
    IntelligenceList,
    'The intelligence could not be loaded',
  );
  return result.ok ? { ok: true, value: newestFirst(result.value.entries) } : result;
};

export const addIntelligence = (providerId: string, entry: NewIntelligence) =>
  call('POST', `${providerPath(providerId)}/intelligence`, entry, IntelligenceEntry, 'The entry was not saved');

export const loadAssignments = async (providerId: string): Promise<Outcome<Assignment[]>> => {
  const result = await getJson('/api/assignments', AssignmentList, 'The assignments could not be loaded');
  return result.ok ? { ok: true, value: result.value.assignments.filter((a) => a.providerId === providerId) } : result;
};

export const loadPeople = async (): Promise<Outcome<UserSummary[]>> => {
  const result = await getJson('/api/users', UserList, 'The list of officers could not be loaded');
  return result.ok ? { ok: true, value: result.value.users } : result;
};

export const assignVisit = (body: NewAssignment) =>
  call('POST', '/api/assignments', body, Assignment, 'The visit was not assigned');

export const cancelAssignment = (id: string) =>
  call(
    'PATCH',
    `/api/assignments/${encodeURIComponent(id)}`,
    { status: 'cancelled' },
    Assignment,
    'The assignment was not cancelled',
    [200],
  );

export const loadActions = async (): Promise<Outcome<VisitAction[]>> => {
  const result = await getJson('/api/actions', ActionList, 'The actions could not be loaded');
  return result.ok ? { ok: true, value: result.value.actions } : result;
};

export const updateAction = (id: string, update: ActionUpdate) =>
  call('PATCH', `/api/actions/${encodeURIComponent(id)}`, update, VisitAction, 'The action was not updated', [200]);

async function uploadCsv<S extends z.ZodMiniType>(url: string, text: string, schema: S): Promise<Outcome<z.output<S>>> {
  const notDone = 'Nothing was imported';
  const result = await requestText('POST', url, text, 'text/csv');
  if (result.kind === 'response' && result.status === 200) return parseAnswer(schema, result.body, notDone, 200);
  return describeFailure(result, notDone);
}

export const importProviders = (csv: string) => uploadCsv('/api/providers/import', csv, ProviderImportResult);
export const importIntelligence = (csv: string) =>
  uploadCsv('/api/providers/intelligence/import', csv, IntelligenceImportResult);

/** Newest first: by the date it happened, then when it was recorded. */
export function newestFirst(entries: IntelligenceEntry[]): IntelligenceEntry[] {
  return [...entries].sort((a, b) =>
    a.date === b.date ? b.recordedAt.localeCompare(a.recordedAt) : b.date.localeCompare(a.date),
  );
}
