// The office reports over the real store, on PGlite and on PostgreSQL when DATABASE_URL is set:
// the demo history seeded through the real store functions gives the hand-worked quarter, the
// CSV carries the same figures, a provider's timeline reads back its history, and only managers
// and QA may ask.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/server/db';
import { seed } from '../../src/server/seed/index';
import { DEMO_QUARTER, DEMO_QUARTER_FIGURES as FIXTURE } from '../fixtures/demo-quarter';
import { type App, call, type DbKind, makeApp, openTestDb, signIn, type TestDb } from './helpers';

function reports(kind: DbKind) {
  let testDb: TestDb;
  let app: App;
  const cookies = { qa: '', manager: '', officer: '' };
  beforeAll(async () => {
    testDb = await openTestDb(kind);
    await migrate(testDb.db);
    await seed(testDb.db, { demo: true, now: new Date('2026-12-03T09:00:00Z') });
    app = makeApp(testDb.db, { now: () => new Date('2026-12-03T09:00:00Z') });
    cookies.qa = await signIn(app, 'qa@example.org', 'qa-demo-pass');
    cookies.manager = await signIn(app, 'manager@example.org', 'manager-demo-pass');
    cookies.officer = await signIn(app, 'officer@example.org', 'officer-demo-pass');
  });
  afterAll(async () => testDb?.dispose());

  it('computes the demo quarter as worked out by hand', async () => {
    const res = await call(app, '/api/reports/quarterly?quarter=2026-27-q2', { cookie: cookies.qa });
    expect(res.status).toBe(200);
    const report = res.json;
    expect(report.quarter).toEqual(DEMO_QUARTER);
    expect(
      Object.fromEntries(
        report.activity.map((a: { kind: string; done: number; expected: number }) => [
          a.kind,
          { done: a.done, expected: a.expected },
        ]),
      ),
    ).toEqual(FIXTURE.activity);
    expect(report.closure).toEqual(FIXTURE.closure);
    expect(report.deskReviews).toEqual(FIXTURE.deskReviews);
    expect(report.overdueActions.map((a: { title: string }) => a.title)).toEqual(FIXTURE.overdueActions);
    expect(
      report.lateWriteUps.map((r: Record<string, unknown>) => ({
        subject: r.subject,
        dueDate: r.dueDate,
        writtenUpOn: r.writtenUpOn,
        receivedOn: r.receivedOn,
      })),
    ).toEqual(FIXTURE.lateWriteUps);
    expect(report.auditFeedback).toMatchObject({
      audits: FIXTURE.auditFeedback.audits,
      onTime: FIXTURE.auditFeedback.onTime,
      pending: FIXTURE.auditFeedback.pending,
    });
    expect(
      report.auditFeedback.missed.map((a: Record<string, unknown>) => ({
        subject: a.subject,
        date: a.date,
        dueDate: a.dueDate,
        sentOn: a.sentOn,
      })),
    ).toEqual(FIXTURE.auditFeedback.missed);
    expect(
      Object.fromEntries(
        report.themes.map(
          (t: { label: string; belowStandard: number; atMinimum: number; actions: number; intelligence: number }) => [
            t.label,
            [t.belowStandard, t.atMinimum, t.actions, t.intelligence],
          ],
        ),
      ),
    ).toEqual(FIXTURE.themes);
    expect(
      Object.fromEntries(report.themes.map((t: { label: string; escalations: number }) => [t.label, t.escalations])),
    ).toEqual(FIXTURE.escalationsByHeading);
    expect(
      report.escalations.map((e: Record<string, unknown>) => ({
        providerName: e.providerName,
        triggerLabel: e.triggerLabel,
        headingLabel: e.headingLabel,
        openedOn: e.openedOn,
        closedOn: e.closedOn,
        stepsInQuarter: e.stepsInQuarter,
      })),
    ).toEqual(FIXTURE.escalations);
    expect(report.ragChanges.map((c: { providerName: string }) => c.providerName)).toEqual(FIXTURE.ragChanges);
  });

  it('puts The Beeches into escalation in the demo, with its two steps, on its briefing', async () => {
    const open = await call(app, '/api/escalations?status=open', { cookie: cookies.qa });
    expect(open.status).toBe(200);
    expect(open.json.escalations.map((e: { providerId: string }) => e.providerId)).toEqual(['the-beeches']);
    const briefing = await call(app, '/api/providers/the-beeches/briefing', { cookie: cookies.officer });
    expect(briefing.json.escalation).toMatchObject({ trigger: 'safeguarding', openedOn: '2026-07-16', status: 'open' });
    expect(briefing.json.escalation.steps.map((s: { kind: string }) => s.kind)).toEqual([
      'placement-embargo',
      'concerns-meeting',
    ]);
  });

  it('defaults to the last complete quarter and refuses a malformed one', async () => {
    expect((await call(app, '/api/reports/quarterly', { cookie: cookies.qa })).json.quarter.key).toBe('2026-27-q2');
    const bad = await call(app, '/api/reports/quarterly?quarter=2026-Q2', { cookie: cookies.qa });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toBe('bad-request');
  });

  it('downloads the figures as CSV', async () => {
    const res = await app.request('/api/reports/quarterly.csv?quarter=2026-27-q2', { headers: { cookie: cookies.qa } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toContain('qa-visits-report-2026-27-q2-2026-12-03.csv');
    const text = await res.text();
    expect(text).toContain('2026-27-q2,activity,Provider monitoring visits,done,7');
    expect(text).toContain('2026-27-q2,action closure,Closed within 3 months,percent,63');
    expect(text).toContain('2026-27-q2,themes,Safeguarding including health and safety,escalations opened,1');
    expect(text).toContain(
      '2026-27-q2,escalations,The Beeches Residential Home (opened 2026-07-16),Safeguarding concern,open',
    );
  });

  it('lets managers and QA read reports, not officers', async () => {
    expect((await call(app, '/api/reports/quarterly', { cookie: cookies.officer })).status).toBe(403);
    expect((await call(app, '/api/reports/quarterly')).status).toBe(401);
    // The manager's report covers their own team's observations and audits, and their own targets.
    const mine = await call(app, '/api/reports/quarterly?quarter=2026-27-q2', { cookie: cookies.manager });
    expect(mine.status).toBe(200);
    expect(mine.json.activity.find((a: { kind: string }) => a.kind === 'observation')).toMatchObject({
      done: 3,
      expected: 3,
    });
  });

  it('filters the inbox by kind, status, provider, person and date', async () => {
    const count = async (query: string) => {
      const res = await call(app, `/api/submissions?${query}`, { cookie: cookies.qa });
      expect(res.status, query).toBe(200);
      return res.json.submissions.length as number;
    };
    expect(await count('')).toBe(29);
    expect(await count('kind=observation')).toBe(3);
    expect(await count('status=submitted')).toBe(4);
    expect(await count('providerId=the-beeches')).toBe(2);
    expect(await count('person=JO%20EV')).toBe(2); // Jo Evans, the practitioner, on an observation and an audit
    expect(await count('person=tom')).toBe(7); // Tom Haddad submitted seven visits
    expect(await count('from=2026-07-01&to=2026-09-30')).toBe(12); // inclusive at both ends
    expect(await count('kind=visit&from=2026-09-17&to=2026-09-17')).toBe(1);
    expect(await count('kind=visit&status=submitted&providerId=ashdown-view')).toBe(1);
    const bad = await call(app, '/api/submissions?kind=letter&from=yesterday', { cookie: cookies.qa });
    expect(bad.status).toBe(400);
    expect(bad.json.issues.map((i: { path: string }) => i.path).sort()).toEqual(['from', 'kind']);
  });

  it('tells a provider\u2019s history as a timeline, newest first', async () => {
    const res = await call(app, '/api/providers/the-beeches/timeline', { cookie: cookies.qa });
    expect(res.status).toBe(200);
    const events: { date: string; kind: string; title: string; recordId: string | null }[] = res.json.events;
    expect(events.map((e) => e.date)).toEqual([...events.map((e) => e.date)].sort().reverse());
    expect(events).toContainEqual(
      expect.objectContaining({ date: '2026-07-16', kind: 'rag-change', title: 'RAG rating changed: Amber to Red' }),
    );
    expect(events).toContainEqual(
      expect.objectContaining({ date: '2026-07-15', kind: 'visit', title: 'Monitoring visit: Red' }),
    );
    expect(events).toContainEqual(expect.objectContaining({ date: '2026-09-30', kind: 'action-closed' }));
    expect(events).toContainEqual(
      expect.objectContaining({ date: '2026-07-14', kind: 'intelligence', title: 'Safeguarding referral' }),
    );
    // The escalation (seed 004 §22): opened on 16 July, its embargo that day and its concerns meeting on 23 July.
    expect(events.filter((e) => e.kind === 'escalation').map((e) => [e.date, e.title.split(':')[0]])).toEqual([
      ['2026-07-23', 'Escalation step'],
      ['2026-07-16', 'Escalation opened'],
      ['2026-07-16', 'Escalation step'],
    ]);
    expect(events).toContainEqual(
      expect.objectContaining({
        date: '2026-07-16',
        kind: 'escalation',
        title: 'Escalation opened: Safeguarding concern',
      }),
    );
    expect(events.find((e) => e.kind === 'visit')?.recordId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await call(app, '/api/providers/nobody/timeline', { cookie: cookies.qa })).status).toBe(404);
    expect((await call(app, '/api/providers/the-beeches/timeline', { cookie: cookies.officer })).status).toBe(403);
  });
}

describe('office reports on PGlite', () => reports('pglite'));
describe.runIf(process.env.DATABASE_URL)('office reports on PostgreSQL', () => reports('postgres'));
