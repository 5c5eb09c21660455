// GET /api/submissions and /api/submissions/:id: current revisions, newest first, scoped by role.
import { expect, it } from 'vitest';
import { StoredSubmission } from '../../../src/shared/records/schema';
import { call, visitBody } from '../helpers';
import type { Ctx } from './ctx';

export function submissionReadContract(ctx: () => Ctx) {
  it('lists own records for an officer, the team’s for its manager and everyone’s for QA, newest first', async () => {
    const { app, cookies, users, clock } = ctx();
    const mine = visitBody();
    const theirs = visitBody({ details: { ...visitBody().details, providerId: 'hartwell-lodge' } });
    clock.advance(60_000);
    expect(
      (await call(app, `/api/submissions/${mine.id}`, { method: 'PUT', body: mine, cookie: cookies.officer })).status,
    ).toBe(201);
    clock.advance(60_000);
    expect(
      (await call(app, `/api/submissions/${theirs.id}`, { method: 'PUT', body: theirs, cookie: cookies.officer2 }))
        .status,
    ).toBe(201);

    const officerList = await call(app, '/api/submissions', { cookie: cookies.officer });
    expect(officerList.status).toBe(200);
    const own = officerList.json.submissions.map((s: unknown) => StoredSubmission.parse(s));
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((s: StoredSubmission) => s.submitterId === users.officer.id)).toBe(true);
    expect(own.map((s: StoredSubmission) => s.id)).toContain(mine.id);
    expect(own.map((s: StoredSubmission) => s.id)).not.toContain(theirs.id);

    const officer2List = await call(app, '/api/submissions', { cookie: cookies.officer2 });
    expect(officer2List.json.submissions.map((s: StoredSubmission) => s.id)).toEqual([theirs.id]);

    // Managers see their own team's records only; QA sees everyone's, newest first.
    const managerIds = (await call(app, '/api/submissions', { cookie: cookies.manager })).json.submissions.map(
      (s: StoredSubmission) => s.id,
    );
    expect(managerIds).toContain(mine.id);
    expect(managerIds).not.toContain(theirs.id);
    const manager2Ids = (await call(app, '/api/submissions', { cookie: cookies.manager2 })).json.submissions.map(
      (s: StoredSubmission) => s.id,
    );
    expect(manager2Ids).toEqual([theirs.id]);
    const all = (await call(app, '/api/submissions', { cookie: cookies.qa })).json.submissions as StoredSubmission[];
    expect(all[0]?.id).toBe(theirs.id);
    expect(all[1]?.id).toBe(mine.id);
    expect(new Set(all.map((s) => s.submitterId))).toEqual(new Set([users.officer.id, users.officer2.id]));
    const received = all.map((s) => s.receivedAt);
    expect([...received].sort().reverse()).toEqual(received);
    expect(new Set(all.map((s) => s.id)).size).toBe(all.length);
  });

  it('reads one record: current revision, an older one by ?revision, 404 when not visible', async () => {
    const { app, cookies, users } = ctx();
    const v1 = visitBody();
    await call(app, `/api/submissions/${v1.id}`, { method: 'PUT', body: v1, cookie: cookies.officer });
    const v2 = { ...v1, revision: 2, baseRevision: 1, sectionRatings: { ...v1.sectionRatings, staffing: 'amber' } };
    await call(app, `/api/submissions/${v1.id}`, { method: 'PUT', body: v2, cookie: cookies.officer });

    const current = await call(app, `/api/submissions/${v1.id}`, { cookie: cookies.officer });
    expect(current.status).toBe(200);
    expect(StoredSubmission.parse(current.json)).toMatchObject({
      id: v1.id,
      revision: 2,
      submitterId: users.officer.id,
      body: v2,
    });
    const old = await call(app, `/api/submissions/${v1.id}?revision=1`, { cookie: cookies.manager });
    expect(old.status).toBe(200);
    expect(old.json.body).toEqual(v1);

    const hidden = await call(app, `/api/submissions/${v1.id}`, { cookie: cookies.officer2 });
    expect(hidden.status).toBe(404);
    expect(hidden.json).toEqual({ error: 'not-found', message: 'No such record' });
    expect((await call(app, `/api/submissions/${v1.id}?revision=1`, { cookie: cookies.officer2 })).status).toBe(404);
    expect((await call(app, `/api/submissions/${v1.id}?revision=7`, { cookie: cookies.officer })).status).toBe(404);
    expect((await call(app, '/api/submissions/not-a-uuid', { cookie: cookies.officer })).status).toBe(404);
    const badRevision = await call(app, `/api/submissions/${v1.id}?revision=two`, { cookie: cookies.officer });
    expect(badRevision.status).toBe(400);
    expect((await call(app, `/api/submissions/${v1.id}`)).status).toBe(401);
  });
}
