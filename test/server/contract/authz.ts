// Authorisation matrix: every route × every role (officer, other-team officer, manager,
// other-team manager, QA, signed out) × own/other record, asserting the status. "Own" records
// belong to officer (team North, managed by manager); officer2 and manager2 are team South.
import { expect, it } from 'vitest';
import { observationHomeVisitV1, qmfCareHomeV1 } from '../../../src/shared/templates/index';
import { call, providerRow, recordBody, visitBody } from '../helpers';
import type { Ctx } from './ctx';

type Who = 'officer' | 'officer2' | 'manager' | 'manager2' | 'qa' | 'anon';
const WHO: Who[] = ['officer', 'officer2', 'manager', 'manager2', 'qa', 'anon'];
type Row = {
  route: string;
  method: string;
  path: string;
  body?: (who: Who) => unknown;
  csv?: string;
  expect: number[];
};

export function authorisationMatrix(ctx: () => Ctx) {
  const record = visitBody();
  let assignmentId = '';
  // Set up inside the test (not beforeAll, which would run before the rest of the suite).
  const setUp = async () => {
    const { app, cookies, users } = ctx();
    expect(
      (await call(app, `/api/submissions/${record.id}`, { method: 'PUT', body: record, cookie: cookies.officer }))
        .status,
    ).toBe(201);
    const a = await call(app, '/api/assignments', {
      method: 'POST',
      cookie: cookies.qa,
      body: {
        providerId: 'willow-bank',
        officerId: users.officer.id,
        templateId: 'qmf-care-home',
        dueDate: '2030-01-01',
        announced: true,
        notes: '',
      },
    });
    assignmentId = a.json.id;
    for (const who of WHO)
      await call(app, '/api/providers', {
        method: 'POST',
        cookie: cookies.qa,
        body: providerRow({ id: `del-${who}`, name: `Delete ${who}` }),
      });
  };

  const rows = (): Row[] => {
    const { users } = ctx();
    return [
      { route: 'session', method: 'GET', path: '/api/session', expect: [200, 200, 200, 200, 200, 401] },
      { route: 'pull', method: 'GET', path: '/api/sync/pull', expect: [200, 200, 200, 200, 200, 401] },
      { route: 'list submissions', method: 'GET', path: '/api/submissions', expect: [200, 200, 200, 200, 200, 401] },
      {
        route: 'read own/other submission',
        method: 'GET',
        path: `/api/submissions/${record.id}`,
        expect: [200, 404, 200, 404, 200, 401],
      },
      {
        route: 'revisions of own/other submission',
        method: 'GET',
        path: `/api/submissions/${record.id}/revisions`,
        expect: [200, 404, 200, 404, 200, 401],
      },
      {
        route: 'sign off own/other submission',
        method: 'POST',
        path: `/api/submissions/${record.id}/review`,
        body: () => ({ decision: 'sign-off', revision: 1, comment: '' }),
        expect: [403, 404, 200, 404, 200, 401],
      },
      {
        route: 'upload attachment (not an image)',
        method: 'PUT',
        path: `/api/attachments/${'0'.repeat(64)}`,
        body: () => ({}),
        expect: [415, 415, 415, 415, 415, 401],
      },
      {
        route: 'read unknown attachment',
        method: 'GET',
        path: `/api/attachments/${'0'.repeat(64)}`,
        expect: [404, 404, 404, 404, 404, 401],
      },
      { route: 'team deadlines', method: 'GET', path: '/api/deadlines', expect: [200, 200, 200, 200, 200, 401] },
      { route: 'list actions', method: 'GET', path: '/api/actions', expect: [200, 200, 200, 200, 200, 401] },
      {
        route: 'update unknown action',
        method: 'PATCH',
        path: '/api/actions/nowhere',
        body: () => ({ status: 'open', evidence: '' }),
        expect: [404, 404, 404, 404, 404, 401],
      },
      {
        route: 'replay own/other submission',
        method: 'PUT',
        path: `/api/submissions/${record.id}`,
        body: () => record,
        expect: [200, 403, 403, 403, 403, 401],
      },
      {
        // Only the author sends revisions, whatever the role (records/store.ts maySendRevision).
        route: 'amend own/other submission',
        method: 'PUT',
        path: `/api/submissions/${record.id}`,
        body: () => ({ ...record, revision: 2, baseRevision: 1 }),
        expect: [201, 403, 403, 403, 403, 401],
      },
      {
        route: 'list users (managers: their team)',
        method: 'GET',
        path: '/api/users',
        expect: [403, 403, 200, 200, 200, 401],
      },
      {
        route: 'add user',
        method: 'POST',
        path: '/api/users',
        body: (w) => ({
          email: `new-${w}@example.org`,
          name: 'New Person',
          role: 'officer',
          team: 'North',
          password: 'a long enough password',
        }),
        expect: [403, 403, 403, 403, 201, 401],
      },
      { route: 'list providers', method: 'GET', path: '/api/providers', expect: [200, 200, 200, 200, 200, 401] },
      {
        route: 'read provider',
        method: 'GET',
        path: '/api/providers/willow-bank',
        expect: [200, 200, 200, 200, 200, 401],
      },
      {
        route: 'read unknown provider',
        method: 'GET',
        path: '/api/providers/nowhere',
        expect: [404, 404, 404, 404, 404, 401],
      },
      {
        route: 'add provider',
        method: 'POST',
        path: '/api/providers',
        body: (w) => providerRow({ id: `matrix-${w}`, name: 'Matrix Home' }),
        expect: [403, 403, 403, 403, 201, 401],
      },
      {
        route: 'edit provider',
        method: 'PUT',
        path: '/api/providers/hartwell-lodge',
        body: () =>
          providerRow({
            id: 'hartwell-lodge',
            name: 'Hartwell Lodge Nursing Home',
            serviceType: 'nursing-home',
            rag: 'amber',
            monitoringLevel: 3,
          }),
        expect: [403, 403, 403, 403, 200, 401],
      },
      {
        route: 'import providers',
        method: 'POST',
        path: '/api/providers/import',
        csv: 'id,name,service_type,rag,monitoring_level\nmatrix-csv,Matrix CSV Home,Care home,green,2\n',
        expect: [403, 403, 403, 403, 200, 401],
      },
      {
        route: 'read intelligence',
        method: 'GET',
        path: '/api/providers/willow-bank/intelligence',
        expect: [200, 200, 200, 200, 200, 401],
      },
      {
        route: 'import intelligence',
        method: 'POST',
        path: '/api/providers/intelligence/import',
        csv: 'provider_id,kind,date,summary,status\nwillow-bank,Complaint,2026-01-06,Matrix complaint,Open\n',
        expect: [403, 403, 200, 200, 200, 401],
      },
      {
        route: 'add intelligence',
        method: 'POST',
        path: '/api/providers/willow-bank/intelligence',
        body: () => ({ kind: 'incident', date: '2026-01-05', summary: 'Fall', notifiedToCqc: false }),
        expect: [403, 403, 201, 201, 201, 401],
      },
      {
        route: 'read briefing',
        method: 'GET',
        path: '/api/providers/willow-bank/briefing',
        expect: [200, 200, 200, 200, 200, 401],
      },
      { route: 'list assignments', method: 'GET', path: '/api/assignments', expect: [200, 200, 200, 200, 200, 401] },
      {
        route: 'assign own team/other officer',
        method: 'POST',
        path: '/api/assignments',
        body: () => ({
          providerId: 'hartwell-lodge',
          officerId: users.officer.id,
          templateId: 'qmf-care-home',
          dueDate: '2030-03-01',
          announced: true,
          notes: '',
        }),
        expect: [403, 403, 201, 403, 201, 401],
      },
      {
        route: 'update own/other assignment',
        method: 'PATCH',
        path: `/api/assignments/${assignmentId}`,
        body: () => ({ status: 'open' }),
        expect: [200, 404, 200, 404, 200, 401],
      },
      { route: 'pin', method: 'PUT', path: '/api/pins/willow-bank', expect: [204, 204, 204, 204, 204, 401] },
      { route: 'unpin', method: 'DELETE', path: '/api/pins/willow-bank', expect: [204, 204, 204, 204, 204, 401] },
      {
        route: 'export submissions CSV',
        method: 'GET',
        path: '/api/exports/submissions.csv',
        expect: [403, 403, 200, 200, 200, 401],
      },
      {
        route: 'export answers CSV',
        method: 'GET',
        path: '/api/exports/answers.csv',
        expect: [403, 403, 200, 200, 200, 401],
      },
      {
        route: 'export actions CSV',
        method: 'GET',
        path: '/api/exports/actions.csv',
        expect: [403, 403, 200, 200, 200, 401],
      },
      {
        route: 'quarterly report',
        method: 'GET',
        path: '/api/reports/quarterly',
        expect: [403, 403, 200, 200, 200, 401],
      },
      {
        route: 'quarterly report CSV',
        method: 'GET',
        path: '/api/reports/quarterly.csv?quarter=2026-27-q2',
        expect: [403, 403, 200, 200, 200, 401],
      },
      {
        route: 'provider timeline',
        method: 'GET',
        path: '/api/providers/willow-bank/timeline',
        expect: [403, 403, 200, 200, 200, 401],
      },
      {
        route: 'filter submissions (bad filter)',
        method: 'GET',
        path: '/api/submissions?kind=nonsense',
        expect: [400, 400, 400, 400, 400, 401],
      },
      {
        route: 'publish template',
        method: 'POST',
        path: '/api/templates',
        body: () => ({ ...qmfCareHomeV1, id: 'matrix-template' }),
        expect: [403, 403, 403, 403, 201, 401],
      },
    ];
  };

  it('gives every role the right status on every route', async () => {
    await setUp();
    const { app, cookies } = ctx();
    const failures: string[] = [];
    for (const row of rows()) {
      for (const [i, who] of WHO.entries()) {
        const cookie = who === 'anon' ? undefined : cookies[who];
        const res =
          row.csv !== undefined
            ? await call(app, row.path, {
                method: row.method,
                raw: row.csv,
                contentType: 'text/csv',
                ...(cookie ? { cookie } : {}),
              })
            : await call(app, row.path, {
                method: row.method,
                ...(row.body ? { body: row.body(who) } : {}),
                ...(cookie ? { cookie } : {}),
              });
        if (res.status !== row.expect[i])
          failures.push(`${row.route} as ${who}: ${res.status}, expected ${row.expect[i]}`);
      }
    }
    for (const [i, who] of WHO.entries()) {
      const cookie = who === 'anon' ? undefined : cookies[who];
      const res = await call(app, `/api/providers/del-${who}`, { method: 'DELETE', ...(cookie ? { cookie } : {}) });
      if (res.status !== [403, 403, 403, 403, 204, 401][i]) failures.push(`remove provider as ${who}: ${res.status}`);
    }
    expect(failures).toEqual([]);
  });

  it('always records the session user as the submitter', async () => {
    const { app, cookies, users } = ctx();
    for (const who of ['officer', 'officer2', 'manager', 'qa'] as const) {
      const body = { ...visitBody(), submitterId: users.officer.id };
      expect(
        (await call(app, `/api/submissions/${body.id}`, { method: 'PUT', body, cookie: cookies[who] })).status,
      ).toBe(201);
      const stored = await call(app, `/api/submissions/${body.id}`, { cookie: cookies.qa });
      expect(stored.json.submitterId).toBe(users[who].id);
    }
  });

  it('lets a manager amend an observation they submitted themselves, and nobody else, QA included', async () => {
    const { app, cookies } = ctx();
    const put = (body: unknown, id: string, cookie: string) =>
      call(app, `/api/submissions/${id}`, { method: 'PUT', body, cookie });
    const observation = recordBody(observationHomeVisitV1, {
      practitionerName: 'Jo Bloggs',
      practitionerRole: 'Social worker',
      team: 'North, Children',
      date: '2026-03-02',
    });
    expect((await put(observation, observation.id, cookies.manager)).status).toBe(201);
    const next = { ...observation, revision: 2, baseRevision: 1 };
    const byQa = await put(next, observation.id, cookies.qa);
    expect(byQa.status).toBe(403);
    expect(byQa.json.error).toBe('not-your-record');
    expect((await put(next, observation.id, cookies.manager)).status).toBe(201);
  });
}
