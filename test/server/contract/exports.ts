// The office's CSV exports (issue 6): each file parsed back with the export reader rebuilds exactly
// what GET /api/submissions and GET /api/actions return, as far as the CSV carries it; the filter
// narrows rows the same way; officers are refused; a bad filter is a 400; nothing personal is logged.
import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import type { VisitAction } from '../../../src/shared/briefings/register';
import type { SubmissionPage } from '../../../src/shared/records/api-schemas';
import type { Answer, StoredSubmission, RecordBody } from '../../../src/shared/records/schema';
import type { Template } from '../../../src/shared/templates/schema';
import { observationHomeVisitV1 } from '../../../src/shared/templates/index';
import { readActionsCsv } from '../../../src/server/reports/exports/actions-csv';
import { type CarriedAnswer, type CarriedCell, readAnswersCsv } from '../../../src/server/reports/exports/answers-csv';
import { readSubmissionsCsv, type SubmissionRow } from '../../../src/server/reports/exports/submissions-csv';
import { call, raisedAction, recordBody } from '../helpers';
import { png } from './attachments';
import type { Ctx } from './ctx';
import { refusedPaths } from './steps';
import { calendarDay } from '../../../src/shared/calendar';

const options = (...values: string[]) => values.map((value) => ({ value, label: value.toUpperCase() }));
/** A template with what makes CSV awkward: multiple choice, numbers, two groups whose rows share ids. */
const template: Template = {
  id: 'csv-export-check',
  version: 1,
  framework: 'QMF',
  title: 'CSV export check',
  description: '',
  subject: 'provider',
  responseOptions: options('met', 'not-met'),
  ratingScale: options('green', 'red'),
  overall: { label: 'Overall' },
  sections: [
    {
      id: 'care',
      title: 'Care',
      rated: true,
      items: [
        { id: 'staffing', type: 'choice', label: 'Staffing', required: true, note: 'optional' },
        {
          id: 'activities',
          type: 'multi-choice',
          label: 'Activities',
          required: false,
          note: 'optional',
          options: options('music', 'garden', 'crafts'),
        },
        { id: 'summary', type: 'long-text', label: 'Summary', required: false, note: 'optional' },
        { id: 'falls', type: 'number', label: 'Falls change', required: false, note: 'optional', min: -10 },
        { id: 'extra', type: 'text', label: 'Extra', required: false, note: 'optional' },
        {
          id: 'people',
          type: 'group',
          label: 'People spoken to',
          rowLabel: 'Person',
          required: false,
          note: 'optional',
          items: [
            { id: 'who', type: 'text', label: 'Who', required: false, note: 'optional' },
            {
              id: 'topics',
              type: 'multi-choice',
              label: 'Topics',
              required: false,
              note: 'optional',
              options: options('food', 'care', 'staff'),
            },
          ],
        },
        {
          id: 'carers',
          type: 'group',
          label: 'Carers',
          rowLabel: 'Carer',
          required: false,
          note: 'none',
          items: [{ id: 'carer-role', type: 'text', label: 'Role', required: false, note: 'none' }],
        },
      ],
    },
  ],
};

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const photo = (bytes: Uint8Array, caption: string) => ({
  sha256: sha(bytes),
  type: 'image/png' as const,
  bytes: bytes.byteLength,
  caption,
});
const person = 'Zoë O’Neill-Export';

/** What answers.csv carries of an answer: photos by hash only, and only when there are some. */
function carriedCell(a: Omit<Answer, 'rows'>): CarriedCell {
  const hashes = (a.attachments ?? []).map((p) => p.sha256);
  return { value: a.value, note: a.note, ...(hashes.length > 0 ? { attachments: hashes } : {}) };
}
const carried = (answers: Record<string, Answer>): Record<string, CarriedAnswer> =>
  Object.fromEntries(
    Object.entries(answers).map(([id, a]) => [
      id,
      {
        ...carriedCell(a),
        ...(a.rows
          ? {
              rows: a.rows.map((r) => ({
                id: r.id,
                answers: Object.fromEntries(Object.entries(r.answers).map(([k, c]) => [k, carriedCell(c)])),
              })),
            }
          : {}),
      },
    ]),
  );

/** What submissions.csv carries of a stored record, written out independently of the export code. */
function summary(s: StoredSubmission): SubmissionRow {
  const d = s.body.details as Partial<Record<'providerId' | 'practitionerName' | 'caseReference' | 'team', string>> & {
    date: string;
  };
  return {
    id: s.id,
    revision: s.revision,
    kind: s.body.kind,
    templateId: s.body.templateId,
    templateVersion: s.body.templateVersion,
    date: d.date,
    providerId: d.providerId ?? null,
    practitionerName: d.practitionerName ?? null,
    caseReference: d.caseReference ?? null,
    team: d.team ?? null,
    submitterId: s.submitterId,
    submitterName: s.submitterName,
    receivedAt: s.receivedAt,
    reviewStatus: s.reviewStatus,
    overallRating: s.body.overallRating ?? null,
    sectionRatings: s.body.sectionRatings,
    actionCount: s.body.actions?.length ?? 0,
  };
}

/** An action as actions.csv carries it: a field left out reads back as null ('' for evidence). */
const carriedAction = (a: VisitAction): VisitAction => ({
  ...a,
  itemId: a.itemId ?? null,
  evidence: a.evidence ?? '',
  closedOn: a.closedOn ?? null,
  statusChangedAt: a.statusChangedAt ?? null,
  statusChangedBy: a.statusChangedBy ?? null,
});

export function exportsContract(ctx: () => Ctx) {
  const get = (path: string, cookie?: string) => call(ctx().app, path, cookie ? { cookie } : {});
  /** What GET /api/submissions lists for this person, every page in its order, each record read whole. */
  const listed = async (cookie: string): Promise<StoredSubmission[]> => {
    const ids: string[] = [];
    let after = '';
    do {
      const page = (await get(`/api/submissions?limit=200${after}`, cookie)).json as SubmissionPage;
      ids.push(...page.submissions.map((s) => s.id));
      after = page.next === null ? '' : `&after=${encodeURIComponent(page.next)}`;
    } while (after !== '');
    return Promise.all(ids.map(async (id) => (await get(`/api/submissions/${id}`, cookie)).json as StoredSubmission));
  };
  const csv = async (path: string, cookie: string) => {
    const res = await ctx().app.request(path, { headers: { cookie } });
    expect(res.status, path).toBe(200);
    // Decoded by hand: Response.text() would silently drop the BOM this checks for.
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)], 'UTF-8 BOM').toEqual([0xef, 0xbb, 0xbf]);
    return { headers: res.headers, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
  };
  const store = async (body: RecordBody, cookie: string) => {
    const res = await call(ctx().app, `/api/submissions/${body.id}`, { method: 'PUT', body, cookie });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
  };

  it('exports submissions, answers and actions that parse back into exactly what the API returns', async () => {
    const { app, cookies, clock } = ctx();
    expect((await call(app, '/api/templates', { method: 'POST', body: template, cookie: cookies.qa })).status).toBe(
      201,
    );
    const [one, two] = [png(40, 30, 'export-one'), png(40, 30, 'export-two')];
    for (const bytes of [one, two]) {
      const up = await call(app, `/api/attachments/${sha(bytes)}`, {
        method: 'PUT',
        raw: Buffer.from(bytes),
        contentType: 'image/png',
        cookie: cookies.officer,
      });
      expect(up.status).toBeLessThan(300);
    }
    const visit: RecordBody = {
      id: crypto.randomUUID(),
      revision: 1,
      baseRevision: null,
      kind: 'visit',
      templateId: template.id,
      templateVersion: 1,
      details: { providerId: 'hartwell-lodge', date: '2026-02-11', announced: false, spokeWith: 'Deputy manager' },
      answers: {
        staffing: {
          value: 'met',
          note: '=HYPERLINK("http://example.org","click"), then more\nsecond line',
          attachments: [photo(one, 'Rota, week 6')],
        },
        activities: { value: ['music', 'garden'], note: '' },
        summary: { value: '', note: "'already quoted" },
        falls: { value: '-3', note: '+2 since the last visit; @ the home' },
        extra: { value: null, note: 'a;b and "quotes"\r\nand CRLF' },
        people: {
          value: null,
          note: 'Group note, with a comma',
          attachments: [photo(two, 'Lounge')],
          rows: [
            {
              id: 'row-1',
              answers: { who: { value: 'AB, resident', note: '' }, topics: { value: ['food'], note: '\tindented' } },
            },
            { id: 'row-2', answers: {} },
            { id: 'row-3', answers: { who: { value: 'daughter "C"', note: '' }, topics: { value: [], note: '' } } },
          ],
        },
        carers: {
          value: null,
          note: '',
          rows: [{ id: 'row-1', answers: { 'carer-role': { value: 'a;b', note: '' } } }],
        },
      },
      sectionRatings: { care: 'red' },
      overallRating: 'red',
      actions: [
        raisedAction({
          title: 'Fix the rota, "urgently"',
          detail: '=1+1\nthen, recruit',
          significance: 'significant',
          dueDate: '2026-05-11',
          itemId: 'staffing',
        }),
      ],
      startedAt: '2026-02-11T09:00:00+00:00',
      submittedAt: '2026-02-11T16:00:00+00:00',
    };
    await store(visit, cookies.officer);
    const observation = recordBody(
      observationHomeVisitV1,
      { practitionerName: person, practitionerRole: 'Social worker', team: 'North, Children', date: '2026-02-12' },
      {
        actions: [raisedAction({ title: '-Supervision notes', owner: 'practitioner', dueDate: '2026-08-12' })],
      },
    );
    await store(observation, cookies.officer);

    const submissions = await csv('/api/exports/submissions.csv', cookies.qa);
    expect(submissions.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(submissions.headers.get('cache-control')).toBe('no-store');
    expect(submissions.headers.get('content-disposition')).toBe(
      `attachment; filename="qa-visits-submissions-${calendarDay(clock.now())}.csv"`,
    );
    expect(submissions.text.startsWith('\uFEFFrecord_id,revision,kind,')).toBe(true);
    const all = await listed(cookies.qa);
    expect(all.map((s) => s.id)).toEqual(expect.arrayContaining([visit.id, observation.id]));
    expect(readSubmissionsCsv(submissions.text)).toEqual(all.map(summary));

    const answers = await csv('/api/exports/answers.csv', cookies.qa);
    expect(answers.headers.get('content-disposition')).toBe(
      `attachment; filename="qa-visits-answers-${calendarDay(clock.now())}.csv"`,
    );
    expect(answers.text).toContain(`"'=HYPERLINK(""http://example.org"",""click""), then more\nsecond line"`);
    expect(readAnswersCsv(answers.text)).toEqual(
      all.map((s) => ({ recordId: s.id, revision: s.revision, answers: carried(s.body.answers) })),
    );

    const actions = await csv('/api/exports/actions.csv', cookies.qa);
    expect(actions.headers.get('content-disposition')).toBe(
      `attachment; filename="qa-visits-actions-${calendarDay(clock.now())}.csv"`,
    );
    const tracked = (await get('/api/actions', cookies.qa)).json.actions as VisitAction[];
    expect(tracked.map((a) => a.sourceSubmissionId)).toEqual(expect.arrayContaining([visit.id, observation.id]));
    expect(readActionsCsv(actions.text)).toEqual(tracked.map(carriedAction));
  });

  it('gives a manager only their team’s records, as GET /api/submissions does', async () => {
    const { cookies } = ctx();
    for (const who of ['manager', 'manager2'] as const) {
      expect(readSubmissionsCsv((await csv('/api/exports/submissions.csv', cookies[who])).text)).toEqual(
        (await listed(cookies[who])).map(summary),
      );
      const actions = (await get('/api/actions', cookies[who])).json.actions as VisitAction[];
      expect(readActionsCsv((await csv('/api/exports/actions.csv', cookies[who])).text)).toEqual(
        actions.map(carriedAction),
      );
    }
  });

  it('narrows submissions and answers with the inbox filter, and keeps the filter out of the log', async () => {
    const { cookies, log } = ctx();
    const query = `?kind=observation&person=${encodeURIComponent(person.toUpperCase())}&from=2026-02-12&to=2026-02-12`;
    const rows = readSubmissionsCsv((await csv(`/api/exports/submissions.csv${query}`, cookies.qa)).text);
    expect(rows.map((r) => [r.kind, r.practitionerName])).toEqual([['observation', person]]);
    const answers = readAnswersCsv((await csv(`/api/exports/answers.csv${query}`, cookies.qa)).text);
    expect(answers.map((a) => a.recordId)).toEqual(rows.map((r) => r.id));
    expect(readSubmissionsCsv((await csv('/api/exports/submissions.csv?providerId=nowhere', cookies.qa)).text)).toEqual(
      [],
    );
    expect(log.join('\n')).not.toMatch(/Zoë|O’Neill|ZOË|person=/i);
  });

  it('refuses officers and the signed out, and a bad filter with its issues', async () => {
    const { cookies } = ctx();
    for (const name of ['submissions', 'answers', 'actions']) {
      expect((await get(`/api/exports/${name}.csv`, cookies.officer)).status).toBe(403);
      expect((await get(`/api/exports/${name}.csv`)).status).toBe(401);
    }
    for (const name of ['submissions', 'answers']) {
      const bad = await get(`/api/exports/${name}.csv?kind=party&from=2026-13-45`, cookies.qa);
      expect(refusedPaths(bad, 400).sort()).toEqual(['from', 'kind']);
      // A range that ends before it starts is refused with a reason, not answered with no rows (issue 17).
      const backwards = await get(`/api/exports/${name}.csv?from=2026-09-30&to=2026-07-01`, cookies.qa);
      expect(backwards.status).toBe(400);
      expect(backwards.json.issues).toEqual([{ path: 'to', message: '‘From’ must be the same as or before ‘To’' }]);
    }
  });
}
