// PUT /api/submissions/:id — the idempotent ingest rules of docs/sync-contract.md, status by status.
import { expect, it } from 'vitest';
import { call, countRows, visitBody } from '../helpers';
import type { Ctx } from './ctx';
import { refusedPaths } from './steps';

export function submissionPutContract(ctx: () => Ctx) {
  const put = (body: unknown, id: string, cookie: string | undefined = ctx().cookies.officer) =>
    call(ctx().app, `/api/submissions/${id}`, { method: 'PUT', body, ...(cookie ? { cookie } : {}) });

  it('stores a first revision with 201 and replays an identical PUT with the same 200 answer', async () => {
    const body = visitBody();
    const first = await put(body, body.id);
    expect(first.status).toBe(201);
    expect(first.json).toEqual({
      id: body.id,
      revision: 1,
      receivedAt: ctx().clock.now().toISOString(),
      created: true,
    });
    ctx().clock.advance(60_000);
    // Same content with keys in another order is the same body.
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const again = await put(reordered, body.id);
    expect(again.status).toBe(200);
    expect(again.json).toEqual({ ...first.json, created: false });
    expect(await countRows(ctx().db, body.id)).toBe(1);
  });

  it('answers 409 conflict when the same (id, revision) arrives with different content', async () => {
    const body = visitBody();
    expect((await put(body, body.id)).status).toBe(201);
    const changed = { ...body, details: { ...body.details, spokeWith: 'Deputy manager' } };
    const res = await put(changed, body.id);
    expect(res.status).toBe(409);
    expect(res.json).toEqual({
      error: 'conflict',
      message: 'Revision 1 of this record was already stored with different content',
    });
    expect(await countRows(ctx().db, body.id)).toBe(1);
  });

  it('stores exactly one row when identical PUTs race', async () => {
    const body = visitBody();
    const results = await Promise.all(Array.from({ length: 6 }, () => put(body, body.id)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 201]);
    expect(new Set(results.map((r) => r.json.receivedAt)).size).toBe(1);
    expect(await countRows(ctx().db, body.id)).toBe(1);
  });

  it('takes the submitter from the session and strips unknown keys such as submitterId', async () => {
    const { users, cookies, app } = ctx();
    const body = { ...visitBody(), submitterId: users.manager.id, submitterName: 'Someone Else' };
    expect((await put(body, body.id)).status).toBe(201);
    const stored = await call(app, `/api/submissions/${body.id}`, { cookie: cookies.manager });
    expect(stored.json.submitterId).toBe(users.officer.id);
    expect(stored.json.submitterName).toBe('Olivia Okafor');
    expect(stored.json.body).not.toHaveProperty('submitterId');
    expect(stored.json.body).not.toHaveProperty('submitterName');
  });

  it('answers 422 with zod issues for a body that does not fit the schema', async () => {
    const body = visitBody();
    const res = await put({ ...body, revision: 0, details: { ...body.details, date: '1 March' } }, body.id);
    expect(res.json.error).toBe('invalid');
    expect(res.json.message).toBe('The request body is not valid');
    expect(refusedPaths(res).sort()).toEqual(['details.date', 'revision']);
    expect(res.json.issues.every((i: { message: string }) => i.message.length > 5)).toBe(true);
  });

  it('answers 422 when an answer does not fit the template, the template version or provider is unknown', async () => {
    const base = visitBody();
    const badAnswer = { ...base, answers: { ...base.answers, 'staffing-rota': { value: 'maybe', note: 'Rota seen' } } };
    const res = await put(badAnswer, base.id);
    expect(res.status).toBe(422);
    expect(res.json).toMatchObject({ error: 'invalid', message: 'The record cannot be accepted' });
    expect(res.json.issues).toEqual([
      { path: 'answers.staffing-rota', message: expect.stringContaining('Select one of the listed answers') },
    ]);

    const unknownVersion = visitBody({ templateVersion: 99 });
    const v = await put(unknownVersion, unknownVersion.id);
    expect(v.status).toBe(422);
    expect(v.json.issues).toEqual([
      { path: 'templateVersion', message: 'Template qmf-care-home version 99 is not known to the server' },
    ]);

    const unknownProvider = visitBody();
    unknownProvider.details.providerId = 'no-such-home';
    const p = await put(unknownProvider, unknownProvider.id);
    expect(p.status).toBe(422);
    expect(p.json.issues).toEqual([{ path: 'details.providerId', message: 'The provider is not known to the server' }]);
    expect(await countRows(ctx().db, base.id)).toBe(0);
  });

  it('answers 422 when revision 1 names a base revision', async () => {
    const body = visitBody({ baseRevision: 1 });
    const res = await put(body, body.id);
    expect(res.status).toBe(422);
    expect(res.json.issues).toEqual([
      { path: 'baseRevision', message: 'The first revision of a record has no base revision' },
    ]);
  });

  it('answers 400 for malformed JSON, a path id that differs from the body, and a non-UUID path', async () => {
    const body = visitBody();
    const malformed = await call(ctx().app, `/api/submissions/${body.id}`, {
      method: 'PUT',
      raw: '{"id":',
      cookie: ctx().cookies.officer,
    });
    expect(malformed.status).toBe(400);
    expect(malformed.json).toEqual({ error: 'bad-request', message: 'The request body is not valid JSON' });
    const other = visitBody();
    const mismatch = await put(body, other.id);
    expect(mismatch.status).toBe(400);
    expect(mismatch.json).toEqual({
      error: 'bad-request',
      message: 'The record id in the path does not match the body',
    });
    const notUuid = await put(body, 'record-1');
    expect(notUuid.status).toBe(400);
    expect(notUuid.json).toEqual({ error: 'bad-request', message: 'The record id in the path is not a UUID' });
  });

  it('answers 413 over the JSON limit, by declared length and by streamed size', async () => {
    const body = visitBody();
    const huge = JSON.stringify({ ...body, details: { ...body.details, spokeWith: 'x'.repeat(2 * 1024 * 1024) } });
    const declared = await call(ctx().app, `/api/submissions/${body.id}`, {
      method: 'PUT',
      raw: huge,
      cookie: ctx().cookies.officer,
      headers: { 'content-length': String(Buffer.byteLength(huge)) },
    });
    expect(declared.status).toBe(413);
    expect(declared.json).toEqual({ error: 'too-large', message: 'The request body is larger than the 2048 kB limit' });
    const bytes = new TextEncoder().encode(huge);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 64 * 1024) controller.enqueue(bytes.slice(i, i + 64 * 1024));
        controller.close();
      },
    });
    const streamed = await call(ctx().app, `/api/submissions/${body.id}`, {
      method: 'PUT',
      raw: stream,
      cookie: ctx().cookies.officer,
    });
    expect(streamed.status).toBe(413);
    expect(streamed.json.error).toBe('too-large');
  });

  it('answers 401 without a session', async () => {
    const body = visitBody();
    const res = await put(body, body.id, '');
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ error: 'unauthenticated', message: 'Sign in to continue' });
  });

  it("answers 403 not-your-record for another person's record id, whatever the revision", async () => {
    const body = visitBody();
    expect((await put(body, body.id)).status).toBe(201);
    const same = await put(body, body.id, ctx().cookies.officer2);
    expect(same.status).toBe(403);
    expect(same.json).toEqual({
      error: 'not-your-record',
      message: 'This record was first submitted by someone else; only they can send its revisions',
    });
    const amend = await put({ ...body, revision: 2, baseRevision: 1 }, body.id, ctx().cookies.officer2);
    expect(amend.status).toBe(403);
    expect(amend.json.error).toBe('not-your-record');
    expect(await countRows(ctx().db, body.id)).toBe(1);
  });

  it('takes revisions of a record from its author only: reviewers who may read and return it get 403 too', async () => {
    const { app, cookies } = ctx();
    const v1 = visitBody();
    expect((await put(v1, v1.id)).status).toBe(201);
    const returned = await call(app, `/api/submissions/${v1.id}/review`, {
      method: 'POST',
      cookie: cookies.qa,
      body: { decision: 'return', revision: 1, comment: 'Say who you spoke to by role.' },
    });
    expect(returned.status).toBe(200);
    const v2 = { ...v1, revision: 2, baseRevision: 1, details: { ...v1.details, spokeWith: 'Deputy manager' } };
    // The team's manager and QA may read and review it, but not write it.
    for (const reviewer of [cookies.manager, cookies.qa]) {
      const res = await put(v2, v1.id, reviewer);
      expect(res.status).toBe(403);
      expect(res.json.error).toBe('not-your-record');
    }
    expect(await countRows(ctx().db, v1.id)).toBe(1);
    // The author amends the returned record.
    const amended = await put(v2, v1.id);
    expect(amended.status).toBe(201);
    const stored = await call(app, `/api/submissions/${v1.id}`, { cookie: cookies.qa });
    expect(stored.json).toMatchObject({ revision: 2, reviewStatus: 'submitted', submitterId: ctx().users.officer.id });
  });

  it('stores an amendment on the current revision (201) and refuses a stale one (409)', async () => {
    const { app, cookies, db } = ctx();
    const v1 = visitBody();
    expect((await put(v1, v1.id)).status).toBe(201);
    const v2 = { ...v1, revision: 2, baseRevision: 1, details: { ...v1.details, spokeWith: 'Manager and two carers' } };
    const ok = await put(v2, v1.id);
    expect(ok.status).toBe(201);
    expect(ok.json).toMatchObject({ id: v1.id, revision: 2, created: true });

    // A second device also amended revision 1.
    const rival = { ...v2, details: { ...v2.details, spokeWith: 'Cook' } };
    const stale = await put(rival, v1.id);
    expect(stale.status).toBe(409);
    expect(stale.json.error).toBe('conflict');
    const skipped = await put({ ...v2, revision: 4, baseRevision: 3 }, v1.id);
    expect(skipped.status).toBe(409);
    expect(skipped.json).toEqual({
      error: 'conflict',
      message: 'Revision 4 amends revision 3, but the current revision is 2',
    });
    const orphan = visitBody({ revision: 2, baseRevision: 1 });
    const unknown = await put(orphan, orphan.id);
    expect(unknown.status).toBe(409);
    expect(unknown.json.message).toBe('Revision 2 amends revision 1, but this record has not been stored');
    expect((await call(app, `/api/submissions/${orphan.id}`, { cookie: cookies.officer })).status).toBe(404);

    expect(await countRows(db, v1.id)).toBe(2);
    const current = await call(app, `/api/submissions/${v1.id}`, { cookie: cookies.officer });
    expect(current.json.revision).toBe(2);
    expect(current.json.body.details.spokeWith).toBe('Manager and two carers');
    const audit = await db.query<{ action: string }>('SELECT action FROM audit_log WHERE subject LIKE $1 ORDER BY id', [
      `${v1.id}@%`,
    ]);
    expect(audit.map((a) => a.action)).toEqual(['submission.create', 'submission.amend']);
  });
}
