// Authorisation matrix: every route × every role (officer, other-team officer, manager,
// other-team manager, QA, signed out) × own/other record, asserting the status. "Own" records
// belong to officer (team North, managed by manager); officer2 and manager2 are team South.
import { expect, it } from 'vitest';
import { observationHomeVisitV1, qmfCareHomeV1 } from '../../../src/shared/templates/index';
import { call, providerRow, recordBody, visitBody } from '../helpers';
import type { Ctx } from './ctx';
import { addProvider, assigned } from './steps';

type Who = 'officer' | 'officer2' | 'manager' | 'manager2' | 'qa' | 'anon';
const WHO: Who[] = ['officer', 'officer2', 'manager', 'manager2', 'qa', 'anon'];
type Row = {
  route: string;
  method: string;
  path: string;
  expect: number[];
  body?: (who: Who) => unknown;
  csv?: string;
};

// Who may use a route, as the status each of WHO gets; `ok` is the route's success status. Naming
// the policy once per kind of route keeps the matrix readable as rules rather than numbers.
/** Anyone signed in. */
const anyone = (ok: number) => [ok, ok, ok, ok, ok, 401];
/** The office: managers and QA. */
const office = (ok: number) => [403, 403, ok, ok, ok, 401];
/** QA alone. */
const qaOnly = (ok: number) => [403, 403, 403, 403, ok, 401];
/** Team North's people and QA; to team South the thing does not exist. */
const northSees = (ok: number) => [ok, 404, ok, 404, ok, 401];
/** Only the author sends revisions, whatever the role (records/store.ts maySendRevision). */
const authorOnly = (ok: number) => [ok, 403, 403, 403, 403, 401];

const get = (route: string, path: string, expect: number[]): Row => ({ route, method: 'GET', path, expect });
const send = (method: string, route: string, path: string, expect: number[], body: Row['body'] = undefined): Row => ({
  route,
  method,
  path,
  expect,
  ...(body ? { body } : {}),
});
const upload = (route: string, path: string, expect: number[], csv: string): Row => ({
  route,
  method: 'POST',
  path,
  expect,
  csv,
});

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
    assignmentId = await assigned(ctx(), { officerId: users.officer.id, dueDate: '2030-01-01' });
    for (const who of WHO) await addProvider(ctx(), { id: `del-${who}`, name: `Delete ${who}` });
  };

  const rows = (): Row[] => {
    const { users } = ctx();
    const submission = `/api/submissions/${record.id}`;
    const willowBank = '/api/providers/willow-bank';
    const noFile = `/api/attachments/${'0'.repeat(64)}`;
    return [
      get('session', '/api/session', anyone(200)),
      get('pull', '/api/sync/pull', anyone(200)),
      // Anyone may ask about their own sent records (never about someone else's: 403).
      send('POST', 'receipts of own records', '/api/sync/receipts', anyone(200), (who) => ({
        person: who === 'anon' ? users.officer.id : users[who].id,
        records: [{ id: record.id, revision: 1 }],
      })),
      send('POST', "receipts of officer's records", '/api/sync/receipts', [200, 403, 403, 403, 403, 401], () => ({
        person: users.officer.id,
        records: [{ id: record.id, revision: 1 }],
      })),
      get('list submissions', '/api/submissions', anyone(200)),
      get('read own/other submission', submission, northSees(200)),
      get('revisions of own/other submission', `${submission}/revisions`, northSees(200)),
      send('POST', 'sign off own/other submission', `${submission}/review`, [403, 404, 200, 404, 200, 401], () => ({
        decision: 'sign-off',
        revision: 1,
        comment: '',
      })),
      send('PUT', 'upload attachment (not an image)', noFile, anyone(415), () => ({})),
      get('read unknown attachment', noFile, anyone(404)),
      get('team deadlines', '/api/deadlines', anyone(200)),
      get('list actions', '/api/actions', anyone(200)),
      send('PATCH', 'update unknown action', '/api/actions/nowhere', anyone(404), () => ({
        status: 'open',
        evidence: '',
      })),
      send('PUT', 'replay own/other submission', submission, authorOnly(200), () => record),
      send('PUT', 'amend own/other submission', submission, authorOnly(201), () => ({
        ...record,
        revision: 2,
        baseRevision: 1,
      })),
      get('list users (managers: their team)', '/api/users', office(200)),
      send('POST', 'add user', '/api/users', qaOnly(201), (w) => ({
        email: `new-${w}@example.org`,
        name: 'New Person',
        role: 'officer',
        team: 'North',
        password: 'a long enough password',
      })),
      get('list providers', '/api/providers', anyone(200)),
      get('read provider', willowBank, anyone(200)),
      get('read unknown provider', '/api/providers/nowhere', anyone(404)),
      send('POST', 'add provider', '/api/providers', qaOnly(201), (w) =>
        providerRow({ id: `matrix-${w}`, name: 'Matrix Home' }),
      ),
      send('PUT', 'edit provider', '/api/providers/hartwell-lodge', qaOnly(200), () =>
        providerRow({
          id: 'hartwell-lodge',
          name: 'Hartwell Lodge Nursing Home',
          serviceType: 'nursing-home',
          rag: 'amber',
          monitoringLevel: 3,
        }),
      ),
      upload(
        'import providers',
        '/api/providers/import',
        qaOnly(200),
        'id,name,service_type,rag,monitoring_level\nmatrix-csv,Matrix CSV Home,Care home,green,2\n',
      ),
      get('read intelligence', `${willowBank}/intelligence`, anyone(200)),
      upload(
        'import intelligence',
        '/api/providers/intelligence/import',
        office(200),
        'provider_id,kind,date,summary,status\nwillow-bank,Complaint,2026-01-06,Matrix complaint,Open\n',
      ),
      send('POST', 'add intelligence', `${willowBank}/intelligence`, office(201), () => ({
        kind: 'incident',
        date: '2026-01-05',
        summary: 'Fall',
        notifiedToCqc: false,
      })),
      get('read briefing', `${willowBank}/briefing`, anyone(200)),
      get('list assignments', '/api/assignments', anyone(200)),
      send('POST', 'assign own team/other officer', '/api/assignments', [403, 403, 201, 403, 201, 401], () => ({
        providerId: 'hartwell-lodge',
        officerId: users.officer.id,
        templateId: 'qmf-care-home',
        dueDate: '2030-03-01',
        announced: true,
        notes: '',
      })),
      send('PATCH', 'update own/other assignment', `/api/assignments/${assignmentId}`, northSees(200), () => ({
        status: 'open',
      })),
      send('PUT', 'pin', '/api/pins/willow-bank', anyone(204)),
      send('DELETE', 'unpin', '/api/pins/willow-bank', anyone(204)),
      get('export submissions CSV', '/api/exports/submissions.csv', office(200)),
      get('export answers CSV', '/api/exports/answers.csv', office(200)),
      get('export actions CSV', '/api/exports/actions.csv', office(200)),
      get('quarterly report', '/api/reports/quarterly', office(200)),
      get('quarterly report CSV', '/api/reports/quarterly.csv?quarter=2026-27-q2', office(200)),
      get('provider timeline', `${willowBank}/timeline`, office(200)),
      get('filter submissions (bad filter)', '/api/submissions?kind=nonsense', anyone(400)),
      send('POST', 'publish template', '/api/templates', qaOnly(201), () => ({
        ...qmfCareHomeV1,
        id: 'matrix-template',
      })),
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
      if (res.status !== qaOnly(204)[i]) failures.push(`remove provider as ${who}: ${res.status}`);
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
