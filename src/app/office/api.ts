// The office pages' requests. These pages work on the server's copy (they need the network); every
// call answers ok with the value, or a failure worded for the person, with the server's
// row-by-row or field issues when it sent any. Nothing here throws, and nothing clears a form:
// the pages keep what was typed whatever happens.
import type { Assignment, IntelligenceEntry, ProviderRecord } from '../../shared/briefings/register';
import type { Issue, Role } from '../../shared/schemas';
import { sessionExpired } from '../auth/session';
import { errorMessage, requestJson, requestText, type HttpMethod, type HttpResult } from '../lib/http';

/** `status` is the HTTP status, or null when there was no answer. */
export type Failure = { ok: false; message: string; issues: Issue[]; status: number | null };
export type Outcome<T> = { ok: true; value: T } | Failure;

/** A person as GET /api/users lists them (QA: everyone; a manager: their own team). */
export type OfficePerson = { id: string; name: string; email: string; role: Role; teamName: string | null };

/** What POST /api/providers/import answers. */
export type ProviderImportResult = { imported: number; updated: number };
/** What POST /api/providers/intelligence/import answers. */
export type IntelligenceImportResult = {
  imported: number;
  alreadyRecorded: number;
  byKind: Partial<Record<IntelligenceEntry['kind'], number>>;
  providerIds: string[];
};
export type NewIntelligence = Record<string, unknown> & {
  kind: IntelligenceEntry['kind'];
  date: string;
  summary: string;
};
export type NewAssignment = Omit<Assignment, 'id' | 'status'>;

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

async function call<T>(
  method: HttpMethod,
  url: string,
  body: unknown,
  notDone: string,
  ok: number[] = [200, 201],
): Promise<Outcome<T>> {
  const result = await requestJson(method, url, body);
  if (result.kind === 'response' && ok.includes(result.status)) return { ok: true, value: result.body as T };
  return describeFailure(result, notDone, method !== 'GET');
}

/** Reads one resource for an office page; `notDone` words what could not be shown. */
export const getJson = <T>(url: string, notDone: string) => call<T>('GET', url, undefined, notDone, [200]);

const providerPath = (id: string) => `/api/providers/${encodeURIComponent(id)}`;

export const loadProvider = (id: string) =>
  call<ProviderRecord>('GET', providerPath(id), undefined, 'The provider could not be loaded', [200]);

export const loadIntelligence = async (id: string): Promise<Outcome<IntelligenceEntry[]>> => {
  const result = await call<{ entries: IntelligenceEntry[] }>(
    'GET',
    `${providerPath(id)}/intelligence`,
    undefined,
    'The intelligence could not be loaded',
    [200],
  );
  return result.ok ? { ok: true, value: newestFirst(result.value.entries) } : result;
};

export const addIntelligence = (providerId: string, entry: NewIntelligence) =>
  call<IntelligenceEntry>('POST', `${providerPath(providerId)}/intelligence`, entry, 'The entry was not saved');

export const loadAssignments = async (providerId: string): Promise<Outcome<Assignment[]>> => {
  const result = await call<{ assignments: Assignment[] }>(
    'GET',
    '/api/assignments',
    undefined,
    'The assignments could not be loaded',
    [200],
  );
  return result.ok ? { ok: true, value: result.value.assignments.filter((a) => a.providerId === providerId) } : result;
};

export const loadPeople = async (): Promise<Outcome<OfficePerson[]>> => {
  const result = await call<{ users: OfficePerson[] }>(
    'GET',
    '/api/users',
    undefined,
    'The list of officers could not be loaded',
    [200],
  );
  return result.ok ? { ok: true, value: result.value.users } : result;
};

export const assignVisit = (body: NewAssignment) =>
  call<Assignment>('POST', '/api/assignments', body, 'The visit was not assigned');

export const cancelAssignment = (id: string) =>
  call<Assignment>(
    'PATCH',
    `/api/assignments/${encodeURIComponent(id)}`,
    { status: 'cancelled' },
    'The assignment was not cancelled',
    [200],
  );

async function uploadCsv<T>(url: string, text: string): Promise<Outcome<T>> {
  const result = await requestText('POST', url, text, 'text/csv');
  if (result.kind === 'response' && result.status === 200) return { ok: true, value: result.body as T };
  return describeFailure(result, 'Nothing was imported');
}

export const importProviders = (csv: string) => uploadCsv<ProviderImportResult>('/api/providers/import', csv);
export const importIntelligence = (csv: string) =>
  uploadCsv<IntelligenceImportResult>('/api/providers/intelligence/import', csv);

/** Newest first: by the date it happened, then when it was recorded. */
export function newestFirst(entries: IntelligenceEntry[]): IntelligenceEntry[] {
  return [...entries].sort((a, b) =>
    a.date === b.date ? b.recordedAt.localeCompare(a.recordedAt) : b.date.localeCompare(a.date),
  );
}
