// /api/submissions: PUT stores one revision of a record (contract §4, in this order: 401, 413,
// 400, 422, 409 attachments-missing (403 first when the record is someone else's), then one
// transaction deciding 201 / 200 replay / 403 / 409); GET reads back what the user may see. The
// submitter always comes from the session; unknown body keys are stripped.
import { createHash } from 'node:crypto';
import * as z from 'zod/mini';
import { SubmissionPage } from '../../shared/records/api-schemas';
import { parseRecordFilter, RecordFilter } from '../../shared/records/record-filter';
import { attachmentHashes, canonicalJson, submissionIssues, toIssues } from '../../shared/records/record-rules';
import { PutSubmissionResponse, RecordBody, StoredSubmission } from '../../shared/records/schema';
import { type Issue } from '../../shared/sync/schema';
import { attachmentsWithoutRight } from '../evidence/store';
import { readJsonBody } from '../http/body';
import type { AppContext, Deps } from '../http/env';
import { ApiError, badRequest, conflict, found, invalid } from '../http/errors';
import { routeDeclarer, json, reply, valid, validQuery, type ApiRoute, type RouteContext } from '../http/route';
import { inboxPage, keysetOf, PAGE_SIZE } from './list-store';
import { getSubmission, isSomeoneElsesRecord, putSubmission } from './store';

const route = routeDeclarer('records');

/** The 404 of a record that is missing or that this person may not see: the same words either way. */
export const NO_SUCH_RECORD = 'No such record';
export const RecordIdParams = z.object({ id: z.uuid() });
/** Whether a path's id is a record id (a UUID): anything else names no record. */
export const isRecordId = (id: string) => RecordIdParams.shape.id.safeParse(id).success;
/** A page of the inbox: after the cursor a page gave as `next`, at most `limit` records. */
const PageQuery = z.object({
  after: z.optional(z.string().check(z.maxLength(200))),
  limit: z.optional(z.string().check(z.regex(/^[1-9]\d{0,2}$/))),
});
const RevisionQuery = z.object({ revision: z.optional(z.string().check(z.regex(/^[1-9]\d{0,5}$/))) });

/** The list filter in the query string (also the CSV exports'); 400 with the issues when it is not valid. */
export function submissionFilterOf(c: AppContext): RecordFilter {
  const filter = parseRecordFilter(new URL(c.req.url).searchParams);
  if (!filter.success) throw badRequest('The filter is not valid', toIssues(filter.error.issues));
  return filter.data;
}

/** What the server must hold for the record to be accepted: its revision chain, template and provider. */
async function acceptanceIssues(deps: Deps, body: RecordBody): Promise<Issue[]> {
  const issues: Issue[] = [];
  if (body.revision === 1 && body.baseRevision !== null) {
    issues.push({ path: 'baseRevision', message: 'The first revision of a record has no base revision' });
  } else if (body.revision > 1 && (body.baseRevision === null || body.baseRevision >= body.revision)) {
    issues.push({
      path: 'baseRevision',
      message: `Revision ${body.revision} must name the earlier revision it amends`,
    });
  }
  // Whether the base is still current is decided in the transaction.
  const template = await deps.reference.template(deps.db, body.templateId, body.templateVersion);
  if (template === null) {
    issues.push({
      path: 'templateVersion',
      message: `Template ${body.templateId} version ${body.templateVersion} is not known to the server`,
    });
  } else {
    issues.push(...submissionIssues(template, body));
  }
  if (body.kind === 'visit' && !(await deps.reference.providerKnown(deps.db, body.details.providerId))) {
    issues.push({ path: 'details.providerId', message: 'The provider is not known to the server' });
  }
  return issues;
}

const notYourRecord = () =>
  new ApiError(
    403,
    'not-your-record',
    'This record was first submitted by someone else; only they can send its revisions',
  );

async function putRecord(c: RouteContext<'/api/submissions/:id'>, deps: Deps): Promise<Response> {
  const id = c.req.param('id');
  const json = await readJsonBody(c, deps.config.jsonLimitBytes);
  if (!isRecordId(id)) throw badRequest('The record id in the path is not a UUID');
  if (typeof json === 'object' && json !== null && 'id' in json && json.id !== id) {
    throw badRequest('The record id in the path does not match the body');
  }
  const body = valid(RecordBody, json);
  if (body.id !== id) throw badRequest('The record id in the path does not match the body');

  const issues = await acceptanceIssues(deps, body);
  if (issues.length > 0) throw invalid(issues, 'The record cannot be accepted');
  const user = c.get('user');
  // A right to a file, once proven, is never taken back (evidence/store.ts), so this is safe
  // outside the write. Only a refusal costs a second look: someone else's record answers 403, as
  // it would without files, so the person is not asked to upload files for a record they cannot send.
  const missing = await attachmentsWithoutRight(
    deps.db,
    { id: body.id, revision: body.revision, hashes: attachmentHashes(body) },
    user.id,
  );
  if (missing.length > 0) {
    if (await isSomeoneElsesRecord(deps.db, body.id, user)) throw notYourRecord();
    throw new ApiError(
      409,
      'attachments-missing',
      'Some files this record names have not been uploaded yet; upload them, then send the record again',
      { missing },
    );
  }

  // The canonical text is hashed and also stored (jsonb keeps the same value whatever the key order), so the body is serialised once.
  const canonical = canonicalJson(body);
  const bodyHash = createHash('sha256').update(canonical).digest('hex');
  const result = await putSubmission(deps.db, {
    body,
    bodyHash,
    json: canonical,
    user,
    now: deps.now(),
  });
  if (result.kind === 'not-your-record') throw notYourRecord();
  if (result.kind === 'conflict') throw conflict(result.message);
  // Sent only now: putSubmission returns after COMMIT.
  const answer: PutSubmissionResponse = {
    id: body.id,
    revision: body.revision,
    receivedAt: result.receivedAt,
    created: result.created,
  };
  // With its length declared, the small answer passes the compression middleware untouched
  // (http/compress.ts reads a body of unknown length to learn its size, and that turns it into a
  // stream), so @hono/node-server writes it in one go.
  const text = JSON.stringify(answer);
  return c.body(text, result.created ? 201 : 200, {
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(text)),
  });
}

export const submissionRoutes: readonly ApiRoute[] = [
  route('PUT /api/submissions/:id', 'signed-in', {
    summary: 'Store one revision of a record',
    description: 'Idempotent per (id, revision): the same body again answers 200 with the same answer.',
    params: RecordIdParams,
    body: json(RecordBody),
    responses: {
      201: reply('Stored', PutSubmissionResponse),
      200: reply('Already stored with this body', PutSubmissionResponse),
      400: 'Malformed JSON, or the path id is not a UUID or differs from the body',
      403: 'not-your-record: the record was first submitted by someone else, and only its author sends its revisions',
      409: 'conflict (another body for this revision, or a stale base revision), or attachments-missing listing in missing the files this person has neither uploaded nor named in an earlier revision of this record (the same answer whether or not the server holds them)',
    },
    handler: putRecord,
  }),
  route('GET /api/submissions', 'signed-in', {
    summary: 'List the records this person may see, a page at a time',
    description: `Awaiting sign-off first, then by the record's date (newest first). A page holds at most \`limit\` records (default ${PAGE_SIZE.default}, at most ${PAGE_SIZE.max}) as summaries, without their answers; pass \`next\` back as \`after\` for the page after.`,
    query: z.object({ ...RecordFilter.shape, ...PageQuery.shape }),
    responses: {
      200: reply('Current revisions, scoped by role', SubmissionPage),
      400: 'The filter is not valid, or after is not a cursor this server gave',
    },
    handler: async (c, deps) => {
      const filter = submissionFilterOf(c);
      const query = validQuery(c, PageQuery, 'limit must be a whole number from 1 to 200');
      const after = query.after === undefined ? null : keysetOf(query.after);
      if (after === null && query.after !== undefined) throw badRequest('after is not a cursor this server gave');
      const limit = Math.min(Number(query.limit ?? PAGE_SIZE.default), PAGE_SIZE.max);
      return c.json(await inboxPage(deps.db, c.get('user'), filter, { after, limit }));
    },
  }),
  route('GET /api/submissions/:id', 'signed-in', {
    summary: 'Read one record',
    params: RecordIdParams,
    query: RevisionQuery,
    responses: {
      200: reply('The record (the current revision unless one is asked for)', StoredSubmission),
      400: 'revision is not a positive whole number',
      404: 'No such record, or not visible to this person',
    },
    handler: async (c, deps) => {
      const id = c.req.param('id');
      const { revision } = validQuery(c, RevisionQuery, 'revision must be a positive whole number');
      const at = revision === undefined ? null : Number(revision);
      const record = isRecordId(id) ? await getSubmission(deps.db, c.get('user'), id, at) : null;
      return c.json(found(record, NO_SUCH_RECORD));
    },
  }),
];
