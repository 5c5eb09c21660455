// /api/submissions: PUT stores one revision of a record (contract §4, in this order: 401, 413,
// 400, 422, then one transaction deciding 201 / 200 replay / 403 / 409); GET reads back what the
// user may see. The submitter always comes from the session; unknown body keys are stripped.
import { createHash } from 'node:crypto';
import type { Hono } from 'hono';
import * as z from 'zod/mini';
import { RecordBody, type Issue } from '../../shared/schemas';
import { attachmentHashes, canonicalJson, submissionIssues, toIssues } from '../../shared/records/record-rules';
import { requireUser } from '../auth/middleware';
import { readJsonBody } from '../http/body';
import type { AppContext, AppEnv, Deps } from '../http/env';
import { ApiError, badRequest, conflict, forbidden, invalid, notFound } from '../http/errors';
import { parseSubmissionFilter, type SubmissionFilter } from '../../shared/records/record-filter';
import { getSubmission, listSubmissions, putSubmission } from './store';

const RecordId = z.uuid();

/** Revision/baseRevision shape; whether the base is still current is decided in the transaction. */
function revisionIssues(body: RecordBody): Issue[] {
  if (body.revision === 1 && body.baseRevision !== null) {
    return [{ path: 'baseRevision', message: 'The first revision of a record has no base revision' }];
  }
  if (body.revision > 1 && (body.baseRevision === null || body.baseRevision >= body.revision)) {
    return [{ path: 'baseRevision', message: `Revision ${body.revision} must name the earlier revision it amends` }];
  }
  return [];
}

/** The named files the server does not hold (attachments are never deleted, so this is safe outside the write). */
async function missingAttachments(deps: Deps, hashes: string[]): Promise<string[]> {
  if (hashes.length === 0) return [];
  const held = await deps.db.query<{ sha256: string }>(
    'SELECT sha256 FROM attachments WHERE sha256 = ANY($1::text[])',
    [hashes],
  );
  const have = new Set(held.map((r) => r.sha256));
  return hashes.filter((h) => !have.has(h));
}

/** The list filter in the query string (also the CSV exports'); 400 with the issues when it is not valid. */
export function submissionFilterOf(c: AppContext): SubmissionFilter {
  const filter = parseSubmissionFilter(new URL(c.req.url).searchParams);
  if (!filter.success) throw badRequest('The filter is not valid', toIssues(filter.error.issues));
  return filter.data;
}

export function registerSubmissionRoutes(app: Hono<AppEnv>, deps: Deps): void {
  const signedIn = requireUser(deps);

  app.put('/api/submissions/:id', signedIn, async (c) => {
    const id = c.req.param('id');
    const json = await readJsonBody(c, deps.config.jsonLimitBytes);
    if (!RecordId.safeParse(id).success) throw badRequest('The record id in the path is not a UUID');
    if (typeof json === 'object' && json !== null && 'id' in json && json.id !== id) {
      throw badRequest('The record id in the path does not match the body');
    }
    const parsed = RecordBody.safeParse(json);
    if (!parsed.success) throw invalid(toIssues(parsed.error.issues));
    const body = parsed.data;
    if (body.id !== id) throw badRequest('The record id in the path does not match the body');

    const issues = revisionIssues(body);
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
    if (issues.length > 0) throw invalid(issues, 'The record cannot be accepted');
    const missing = await missingAttachments(deps, attachmentHashes(body));
    if (missing.length > 0) {
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
      user: c.get('user'),
      now: deps.now(),
    });
    if (result.kind === 'forbidden') throw forbidden('This record belongs to someone else');
    if (result.kind === 'conflict') throw conflict(result.message);
    // Sent only now: putSubmission returns after COMMIT.
    return c.json(
      { id: body.id, revision: body.revision, receivedAt: result.receivedAt, created: result.created },
      result.created ? 201 : 200,
    );
  });

  app.get('/api/submissions', signedIn, async (c) => {
    return c.json({ submissions: await listSubmissions(deps.db, c.get('user'), submissionFilterOf(c)) });
  });

  app.get('/api/submissions/:id', signedIn, async (c) => {
    const id = c.req.param('id');
    const rawRevision = c.req.query('revision');
    let revision: number | null = null;
    if (rawRevision !== undefined) {
      if (!/^[1-9]\d{0,5}$/.test(rawRevision)) throw badRequest('revision must be a positive whole number');
      revision = Number(rawRevision);
    }
    const found = RecordId.safeParse(id).success ? await getSubmission(deps.db, c.get('user'), id, revision) : null;
    if (found === null) throw notFound('No such record');
    return c.json(found);
  });
}
