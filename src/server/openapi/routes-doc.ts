// The one table describing every /api route the server registers (DESIGN.md §4 and the feature
// route modules). Invariant: test/server/openapi.test.ts fails unless this table and the routes the
// Hono app registers name the same (method, path) pairs, so a new route needs a row here.
import * as z from 'zod/mini';
import { ActionStatus, ActionUpdate, Assignment, Briefing, IntelligenceEntry, ProviderRecord, VisitAction } from '../../shared/register';
import { PullResponse, PutSubmissionResponse, ReviewRequest, SignInRequest, StoredSubmission, SubmissionBody, Template } from '../../shared/schemas';
import { SubmissionFilter } from '../../shared/submission-filter';
import { REPORT_CSV_COLUMNS } from '../../shared/reports/report-csv';
import { ACTION_COLUMNS } from '../exports/actions-csv';
import { ANSWER_COLUMNS } from '../exports/answers-csv';
import { SUBMISSION_COLUMNS } from '../exports/submissions-csv';
import { ProviderTimeline, QuarterlyReport } from '../../shared/reports/report-schemas';
import { ALLOWED_TYPES } from '../attachments/sniff';
import { INTELLIGENCE_CSV_COLUMNS } from '../intelligence/csv';
import { PROVIDER_CSV_COLUMNS } from '../providers/csv';
import { RegisterRowBody } from '../providers/routes';
import { NewUserRequest } from '../users/routes';
import {
  ActionList, AssignmentList, AssignmentStatusChange, AttachmentStored, Deadlines, HealthResponse, IntelligenceImportResult,
  IntelligenceList, NewAssignment, NewIntelligenceEntry, ProviderImportResult, ProviderList, RevisionHistory,
  SessionResponse, SubmissionList, UserList,
} from './components';
import { json, raw, reply, type RouteDoc } from './doc-types';

export const OPENAPI_PATH = '/api/openapi.json';

export const TAGS: Record<string, string> = {
  meta: 'Service health and this document',
  session: 'Signing in and out (the session cookie)',
  sync: 'Reference data for offline use',
  records: 'Visit, observation and audit records, and their review',
  attachments: 'Photos and signatures, stored under their SHA-256',
  actions: 'The action tracker and deadlines',
  providers: 'The provider register, intelligence and briefings',
  assignments: 'Visit assignments and pinned providers',
  admin: 'People and templates (QA manager)',
  reports: 'Office reports: the quarterly QA report and provider histories',
};

const uuid = { type: 'string', format: 'uuid' };
const sha256 = { type: 'string', pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the file, 64 lower-case hex digits' };
const image = raw('The image bytes; the declared type must match the magic bytes', ALLOWED_TYPES, { type: 'string' });
const csv = (columns: readonly string[], what: string) =>
  raw(`${what} as CSV (UTF-8, header row first). Columns: ${columns.join(', ')}`, ['text/csv'], { type: 'string' });
const csvErrors = { 413: 'The file is over the size limit', 415: 'The body is not text/csv', 422: 'Nothing imported: every bad row and column is listed in issues' };

export const ROUTES: readonly RouteDoc[] = [
  { method: 'get', path: '/api/health', tag: 'meta', access: 'public', summary: 'Service health', ok: { 200: reply('Up, with the database kind and version', HealthResponse) } },
  {
    method: 'get', path: OPENAPI_PATH, tag: 'meta', access: 'public', summary: 'This OpenAPI 3.1 document',
    ok: { 200: { description: 'The document', body: raw('OpenAPI 3.1', ['application/json'], { type: 'object' }) } },
  },

  {
    method: 'post', path: '/api/session', tag: 'session', access: 'public', summary: 'Sign in',
    description: 'Sets the HttpOnly, SameSite=Strict session cookie (Secure over https).',
    body: json(SignInRequest), ok: { 200: reply('Signed in', SessionResponse) },
    errors: { 401: 'Email or password is not right (one message for any bad credential)', 429: 'Too many attempts; see Retry-After' },
  },
  { method: 'get', path: '/api/session', tag: 'session', access: 'signed-in', summary: 'Who am I', ok: { 200: reply('The signed-in person', SessionResponse) } },
  { method: 'delete', path: '/api/session', tag: 'session', access: 'public', summary: 'Sign out', ok: { 204: reply('Signed out; the cookie is cleared') } },

  {
    method: 'get', path: '/api/sync/pull', tag: 'sync', access: 'signed-in', summary: 'Pull reference data since a cursor',
    query: z.object({ cursor: z.optional(z.string()) }), ok: { 200: reply('Changes and the next cursor (no cursor: a full snapshot)', PullResponse) },
    errors: { 400: 'The cursor is not valid; pull again without one' },
  },

  {
    method: 'put', path: '/api/submissions/{id}', tag: 'records', access: 'signed-in', summary: 'Store one revision of a record',
    description: 'Idempotent per (id, revision): the same body again answers 200 with the same answer.',
    params: { id: uuid }, body: json(SubmissionBody),
    ok: { 201: reply('Stored', PutSubmissionResponse), 200: reply('Already stored with this body', PutSubmissionResponse) },
    errors: {
      400: 'Malformed JSON, or the path id is not a UUID or differs from the body', 403: 'The record belongs to someone else',
      409: 'conflict (another body for this revision, or a stale base revision), or attachments-missing listing the hashes in missing',
    },
  },
  {
    method: 'get', path: '/api/submissions', tag: 'records', access: 'signed-in', summary: 'List the records this person may see',
    query: SubmissionFilter, ok: { 200: reply('Current revisions, scoped by role', SubmissionList) }, errors: { 400: 'The filter is not valid' },
  },
  {
    method: 'get', path: '/api/submissions/{id}', tag: 'records', access: 'signed-in', summary: 'Read one record',
    params: { id: uuid }, query: z.object({ revision: z.optional(z.string().check(z.regex(/^[1-9]\d{0,5}$/))) }),
    ok: { 200: reply('The record (the current revision unless one is asked for)', StoredSubmission) },
    errors: { 400: 'revision is not a positive whole number', 404: 'No such record, or not visible to this person' },
  },
  {
    method: 'post', path: '/api/submissions/{id}/review', tag: 'records', access: 'signed-in', summary: 'Sign off or return a record',
    params: { id: uuid }, body: json(ReviewRequest), ok: { 200: reply('The record with the decision', StoredSubmission) },
    errors: { 403: 'This person may not review this record', 404: 'No such record', 409: 'The revision reviewed is no longer current' },
  },
  {
    method: 'get', path: '/api/submissions/{id}/revisions', tag: 'records', access: 'signed-in', summary: 'Every revision and decision',
    params: { id: uuid }, ok: { 200: reply('The history', RevisionHistory) }, errors: { 404: 'No such record' },
  },

  {
    method: 'put', path: '/api/attachments/{sha256}', tag: 'attachments', access: 'signed-in', summary: 'Upload a file under its hash',
    params: { sha256 }, body: image,
    ok: { 201: reply('Stored', AttachmentStored), 200: reply('Already held', AttachmentStored) },
    errors: {
      400: 'The name is not a SHA-256', 413: 'The file is over the size limit', 415: 'The type is not allowed or the bytes are not that type',
      422: 'The bytes do not hash to the name, or the image is too large in pixels',
    },
  },
  {
    method: 'get', path: '/api/attachments/{sha256}', tag: 'attachments', access: 'signed-in', summary: 'Read a file back',
    params: { sha256 }, ok: { 200: { description: 'The bytes', body: image } }, errors: { 404: 'No such file, or not visible to this person' },
  },

  {
    method: 'get', path: '/api/actions', tag: 'actions', access: 'signed-in', summary: 'Actions this person may see',
    query: z.object({ status: z.optional(ActionStatus) }), ok: { 200: reply('Overdue first', ActionList) }, errors: { 400: 'Unknown status' },
  },
  {
    method: 'patch', path: '/api/actions/{id}', tag: 'actions', access: 'signed-in', summary: 'Move an action on',
    body: json(ActionUpdate), ok: { 200: reply('The action', VisitAction) }, errors: { 404: 'No such action' },
  },
  { method: 'get', path: '/api/deadlines', tag: 'actions', access: 'signed-in', summary: 'What is due or overdue', ok: { 200: reply('Deadlines', Deadlines) } },

  { method: 'get', path: '/api/users', tag: 'admin', access: ['qa', 'manager'], summary: 'List people (a manager: their teams)', ok: { 200: reply('People', UserList) } },
  {
    method: 'post', path: '/api/users', tag: 'admin', access: ['qa'], summary: 'Add a person',
    body: json(NewUserRequest), ok: { 201: reply('Added', SessionResponse) }, errors: { 409: 'The email already has an account' },
  },
  {
    method: 'post', path: '/api/templates', tag: 'admin', access: ['qa'], summary: 'Publish a template version',
    body: json(Template), ok: { 201: reply('Published', Template) }, errors: { 409: 'The version is not newer than the stored one' },
  },

  {
    method: 'post', path: '/api/providers/import', tag: 'providers', access: ['qa'], summary: 'Import the provider register (all or nothing)',
    body: csv(PROVIDER_CSV_COLUMNS, 'The register'), ok: { 200: reply('Counts added and updated', ProviderImportResult) }, errors: csvErrors,
  },
  {
    method: 'post', path: '/api/providers/intelligence/import', tag: 'providers', access: ['qa', 'manager'], summary: 'Import intelligence (all or nothing)',
    body: csv(INTELLIGENCE_CSV_COLUMNS, 'Intelligence, one entry per row'), ok: { 200: reply('What was imported', IntelligenceImportResult) }, errors: csvErrors,
  },
  { method: 'get', path: '/api/providers', tag: 'providers', access: 'signed-in', summary: 'The provider register', ok: { 200: reply('Providers', ProviderList) } },
  {
    method: 'post', path: '/api/providers', tag: 'providers', access: ['qa'], summary: 'Add a provider',
    body: json(RegisterRowBody), ok: { 201: reply('Added', ProviderRecord) }, errors: { 409: 'A provider with that id is already on the register' },
  },
  {
    method: 'get', path: '/api/providers/{id}', tag: 'providers', access: 'signed-in', summary: 'One provider',
    ok: { 200: reply('The provider', ProviderRecord) }, errors: { 404: 'No such provider' },
  },
  {
    method: 'put', path: '/api/providers/{id}', tag: 'providers', access: ['qa'], summary: 'Edit a provider (a RAG change needs a reason)',
    body: json(RegisterRowBody), ok: { 200: reply('Saved', ProviderRecord) }, errors: { 400: 'The path id differs from the body', 404: 'No such provider' },
  },
  { method: 'delete', path: '/api/providers/{id}', tag: 'providers', access: ['qa'], summary: 'Remove a provider', ok: { 204: reply('Removed') }, errors: { 404: 'No such provider' } },
  {
    method: 'get', path: '/api/providers/{id}/intelligence', tag: 'providers', access: 'signed-in', summary: 'Intelligence on a provider',
    ok: { 200: reply('Newest first', IntelligenceList) }, errors: { 404: 'No such provider' },
  },
  {
    method: 'post', path: '/api/providers/{id}/intelligence', tag: 'providers', access: ['qa', 'manager'], summary: 'Record intelligence',
    body: json(NewIntelligenceEntry), ok: { 201: reply('Recorded', IntelligenceEntry) },
    errors: { 400: 'Not a JSON object, or providerId differs from the path', 404: 'No such provider' },
  },
  ...(['submissions', 'answers'] as const).map((name): RouteDoc => ({
    method: 'get', path: `/api/exports/${name}.csv`, tag: 'reports', access: ['manager', 'qa'], summary: `Download ${name} as CSV`,
    description: 'The records this person may see, with the same filter as GET /api/submissions. Cells that a spreadsheet would run as a formula start with an added \'.',
    query: SubmissionFilter, ok: { 200: { description: 'A UTF-8 CSV file with a BOM', body: csv((name === 'submissions' ? SUBMISSION_COLUMNS : ANSWER_COLUMNS).map((c) => c.name), `The ${name}`) } },
    errors: { 400: 'The filter is not valid' },
  })),
  {
    method: 'get', path: '/api/exports/actions.csv', tag: 'reports', access: ['manager', 'qa'], summary: 'Download actions as CSV',
    description: 'Every action this person may see, in the order of GET /api/actions.',
    ok: { 200: { description: 'A UTF-8 CSV file with a BOM', body: csv(ACTION_COLUMNS.map((c) => c.name), 'The actions') } },
  },
  {
    method: 'get', path: '/api/providers/{id}/timeline', tag: 'reports', access: ['manager', 'qa'], summary: 'A provider\u2019s history, newest first',
    description: 'Visits and results, RAG changes with reasons, intelligence, and actions raised and closed.',
    ok: { 200: reply('The timeline', ProviderTimeline) }, errors: { 404: 'No such provider' },
  },
  {
    method: 'get', path: '/api/reports/quarterly', tag: 'reports', access: ['manager', 'qa'], summary: 'The quarterly QA report',
    description: 'For a financial-year quarter (default: the last complete one), over the records this person may see.',
    query: z.object({ quarter: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-q[1-4]$/))) }),
    ok: { 200: reply('The figures', QuarterlyReport) }, errors: { 400: 'The quarter is not like 2026-27-q2' },
  },
  {
    method: 'get', path: '/api/reports/quarterly.csv', tag: 'reports', access: ['manager', 'qa'], summary: 'The quarterly QA report as CSV',
    query: z.object({ quarter: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-q[1-4]$/))) }),
    ok: { 200: { description: 'One row per figure', body: csv(REPORT_CSV_COLUMNS, 'The figures') } }, errors: { 400: 'The quarter is not like 2026-27-q2' },
  },
  {
    method: 'get', path: '/api/providers/{id}/briefing', tag: 'providers', access: 'signed-in', summary: 'The pre-visit briefing',
    ok: { 200: reply('Compiled now', Briefing) }, errors: { 404: 'No such provider' },
  },

  { method: 'get', path: '/api/assignments', tag: 'assignments', access: 'signed-in', summary: 'Assignments this person may see', ok: { 200: reply('Assignments', AssignmentList) } },
  {
    method: 'post', path: '/api/assignments', tag: 'assignments', access: ['qa', 'manager'], summary: 'Assign a visit',
    body: json(NewAssignment), ok: { 201: reply('Assigned', Assignment) }, errors: { 403: 'A manager may assign only officers in their team' },
  },
  {
    method: 'patch', path: '/api/assignments/{id}', tag: 'assignments', access: 'signed-in', summary: 'Change an assignment status',
    body: json(AssignmentStatusChange), ok: { 200: reply('The assignment', Assignment) }, errors: { 404: 'No such assignment' },
  },
  { method: 'put', path: '/api/pins/{providerId}', tag: 'assignments', access: 'signed-in', summary: 'Pin a provider', ok: { 204: reply('Pinned') }, errors: { 404: 'No such provider' } },
  { method: 'delete', path: '/api/pins/{providerId}', tag: 'assignments', access: 'signed-in', summary: 'Unpin a provider', ok: { 204: reply('Unpinned') } },
];
