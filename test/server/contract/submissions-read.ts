// GET /api/submissions and /api/submissions/:id: current revisions, newest first, scoped by role.
import { expect, it } from 'vitest';
import { SubmissionPage } from '../../../src/shared/records/api-schemas';
import { everyListed } from '../../../src/server/records/list-store';
import { StoredSubmission } from '../../../src/shared/records/schema';
import { call, visitBody } from '../helpers';
import type { Ctx } from './ctx';

/** The inbox's order of review statuses: awaiting sign-off first. */
const RANK = { submitted: 0, returned: 1, 'signed-off': 2 } as const;

export function submissionReadContract(ctx: () => Ctx) {
  it('lists own records for an officer, the team’s for its manager and everyone’s for QA, newest record date first', async () => {
    const { app, cookies, users } = ctx();
    const mine = visitBody({ details: { ...visitBody().details, date: '2026-03-01' } });
    const theirs = visitBody({ details: { ...visitBody().details, date: '2026-03-02', providerId: 'hartwell-lodge' } });
    expect(
      (await call(app, `/api/submissions/${mine.id}`, { method: 'PUT', body: mine, cookie: cookies.officer })).status,
    ).toBe(201);
    expect(
      (await call(app, `/api/submissions/${theirs.id}`, { method: 'PUT', body: theirs, cookie: cookies.officer2 }))
        .status,
    ).toBe(201);
    const list = async (cookie: string) => {
      const res = await call(app, '/api/submissions', { cookie });
      expect(res.status).toBe(200);
      return SubmissionPage.parse(res.json).submissions;
    };

    const own = await list(cookies.officer);
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((s) => s.submitterId === users.officer.id)).toBe(true);
    expect(own.map((s) => s.id)).toContain(mine.id);
    expect(own.map((s) => s.id)).not.toContain(theirs.id);
    expect((await list(cookies.officer2)).map((s) => s.id)).toEqual([theirs.id]);

    // Managers see their own team's records only; QA sees everyone's.
    const managerIds = (await list(cookies.manager)).map((s) => s.id);
    expect(managerIds).toContain(mine.id);
    expect(managerIds).not.toContain(theirs.id);
    expect((await list(cookies.manager2)).map((s) => s.id)).toEqual([theirs.id]);
    const all = await list(cookies.qa);
    const ids = all.map((s) => s.id);
    expect(ids.indexOf(theirs.id)).toBeLessThan(ids.indexOf(mine.id));
    const inOrder = [...all].sort(
      (a, b) =>
        RANK[a.reviewStatus] - RANK[b.reviewStatus] ||
        b.details.date.localeCompare(a.details.date) ||
        (a.id < b.id ? -1 : 1),
    );
    expect(ids).toEqual(inOrder.map((s) => s.id));
    expect(new Set(all.map((s) => s.submitterId))).toEqual(new Set([users.officer.id, users.officer2.id]));
    expect(new Set(all.map((s) => s.id)).size).toBe(all.length);
    // A list shows what a record is about, never its answers.
    expect(all[0]).toMatchObject({ kind: 'visit', details: theirs.details, revision: 1, reviewStatus: 'submitted' });
    expect(all[0]).not.toHaveProperty('body');
    expect(JSON.stringify(all)).not.toContain('Seen and discussed with the manager.');
  });

  it('pages the inbox: awaiting sign-off first, then by date and id; the pages join into the whole list once', async () => {
    const { app, cookies, db, users } = ctx();
    const dates = ['2026-05-01', '2026-05-03', '2026-05-03', '2026-05-02', '2026-05-04', '2026-05-03', '2026-05-01'];
    const bodies = dates.map((date) => visitBody({ details: { ...visitBody().details, date } }));
    for (const body of bodies) {
      const res = await call(app, `/api/submissions/${body.id}`, { method: 'PUT', body, cookie: cookies.officer });
      expect(res.status).toBe(201);
    }
    // Two signed off: they go after everything awaiting sign-off, whatever their dates.
    for (const body of [bodies[4]!, bodies[1]!]) {
      const res = await call(app, `/api/submissions/${body.id}/review`, {
        method: 'POST',
        body: { decision: 'sign-off', revision: 1, comment: '' },
        cookie: cookies.qa,
      });
      expect(res.status).toBe(200);
    }
    const filter = 'kind=visit&from=2026-05-01&to=2026-05-04';
    const page = async (query: string) => {
      const res = await call(app, `/api/submissions?${filter}${query}`, { cookie: cookies.qa });
      expect(res.status, query).toBe(200);
      return SubmissionPage.parse(res.json);
    };
    const whole = await page('&limit=200');
    expect(whole.next).toBeNull();
    const expected = bodies
      .map((b) => ({ id: b.id, date: b.details.date, rank: [bodies[4], bodies[1]].includes(b) ? 2 : 0 }))
      .sort((a, b) => a.rank - b.rank || b.date.localeCompare(a.date) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    expect(whole.submissions.map((s) => s.id)).toEqual(expected.map((e) => e.id));
    expect(whole.submissions.map((s) => RANK[s.reviewStatus])).toEqual(expected.map((e) => e.rank));

    // Two at a time: four pages, the last without a next; together the whole list, each record once.
    const walked: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const next: SubmissionPage = await page(`&limit=2${after === null ? '' : `&after=${encodeURIComponent(after)}`}`);
      expect(next.submissions.length).toBeLessThanOrEqual(2);
      walked.push(...next.submissions.map((s) => s.id));
      after = next.next;
      pages += 1;
    } while (after !== null && pages < 10);
    expect(pages).toBe(4);
    expect(walked).toEqual(expected.map((e) => e.id));
    // The exports read the same list whole, in batches: three at a time gives the same records in the same order.
    const exported: string[] = [];
    const filterOf = { kind: 'visit' as const, from: '2026-05-01', to: '2026-05-04' };
    for await (const record of everyListed(db, users.qa, filterOf, 3)) exported.push(record.id);
    expect(exported).toEqual(expected.map((e) => e.id));

    // A page defaults to 50 and holds at most 200; a cursor the server did not give, or a bad limit, is 400.
    for (const query of ['&limit=0', '&limit=two', '&limit=1000', '&after=bm9wZQ', '&after=%%%']) {
      const res = await call(app, `/api/submissions?${filter}${query}`, { cookie: cookies.qa });
      expect(res.status, query).toBe(400);
      expect(res.json.error, query).toBe('bad-request');
    }
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
