// The escalation procedure's pure rules (src/shared/escalations/rules.ts; seed 004 §22): one open
// escalation per provider, steps and closure dated between opening and today, nothing more once
// closed; the schema's bounds; the exception heading each trigger is reported under (seed 002 §8);
// and how the quarterly report counts escalations across a quarter's edges.
import { CALENDAR_DAYS } from '../../src/shared/deadlines';
import { describe, expect, it } from 'vitest';
import {
  type Acting,
  addStep,
  closeEscalation,
  isOpen,
  openEscalation,
  openOn,
  startEscalation,
} from '../../src/shared/escalations/rules';
import {
  Escalation,
  EscalationTrigger,
  MAX_STEPS,
  NewEscalation,
  NewEscalationStep,
} from '../../src/shared/escalations/schema';
import { EXCEPTION_HEADINGS, escalationHeading } from '../../src/shared/reports/exception-themes';
import { quarterlyReport, type ReportEscalation } from '../../src/shared/reports/quarterly-report';
import { DEFAULT_VISIT_FREQUENCY_MONTHS } from '../../src/shared/briefings/visit-due';

const acting = (today: string): Acting => ({ by: 'Gareth Lloyd', at: `${today}T10:00:00.000Z`, today });

function opened(openedOn = '2026-07-16', today = '2026-07-20'): Escalation {
  const ruled = startEscalation(
    { trigger: 'failed-cqc-inspection', reason: '  Rated inadequate overall.  ', openedOn },
    { id: 'e1', providerId: 'the-beeches' },
    null,
    acting(today),
  );
  if (!ruled.ok) throw new Error(ruled.message);
  return ruled.value;
}

const step = (date: string, kind: NewEscalationStep['kind'] = 'concerns-meeting'): NewEscalationStep => ({
  kind,
  date,
  owner: 'Priya Shah',
});

function withStep(e: Escalation, request: NewEscalationStep, today: string, id = `s-${request.date}`): Escalation {
  const ruled = addStep(e, request, id, acting(today));
  if (!ruled.ok) throw new Error(ruled.message);
  return ruled.value;
}

describe('opening an escalation', () => {
  it('opens with the server\u2019s who and when, no steps and no closure', () => {
    const e = opened();
    expect(e).toEqual({
      id: 'e1',
      providerId: 'the-beeches',
      trigger: 'failed-cqc-inspection',
      reason: 'Rated inadequate overall.',
      openedOn: '2026-07-16',
      openedBy: 'Gareth Lloyd',
      openedAt: '2026-07-20T10:00:00.000Z',
      status: 'open',
      steps: [],
      closure: null,
    });
    expect(Escalation.safeParse(e).success).toBe(true);
    expect(isOpen(e)).toBe(true);
  });

  it('refuses a second while one is open, and allows a new one once it is closed', () => {
    const current = opened();
    const again = startEscalation(
      { trigger: 'safeguarding', reason: 'Another', openedOn: '2026-07-20' },
      { id: 'e2', providerId: 'the-beeches' },
      current,
      acting('2026-07-20'),
    );
    expect(again).toMatchObject({ ok: false, reason: 'already-open' });
    const closed = closeEscalation(
      current,
      { outcome: 'concerns-resolved', summary: 'Verified', closedOn: '2026-07-20' },
      acting('2026-07-20'),
    );
    expect(closed.ok).toBe(true);
    if (!closed.ok) return;
    const next = startEscalation(
      { trigger: 'safeguarding', reason: 'Another', openedOn: '2026-07-20' },
      { id: 'e2', providerId: 'the-beeches' },
      closed.value,
      acting('2026-07-20'),
    );
    expect(next.ok).toBe(true);
  });

  it('refuses an opening date after today', () => {
    expect(
      startEscalation(
        { trigger: 'safeguarding', reason: 'x', openedOn: '2026-07-21' },
        { id: 'e', providerId: 'p' },
        null,
        acting('2026-07-20'),
      ),
    ).toMatchObject({ ok: false, reason: 'invalid', issues: [{ path: 'openedOn' }] });
  });

  it('requires a reason and a known trigger', () => {
    const bad = NewEscalation.safeParse({ trigger: 'rumour', reason: '   ', openedOn: '2026-07-01' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['reason', 'trigger']);
  });

  it('finds the open one of a provider\u2019s escalations', () => {
    const e = opened();
    expect(openEscalation([])).toBeNull();
    expect(openEscalation([e])).toBe(e);
  });
});

describe('steps', () => {
  it('adds steps oldest first, whatever order they are recorded in', () => {
    let e = opened('2026-07-16', '2026-07-30');
    e = withStep(e, step('2026-07-23'), '2026-07-30');
    e = withStep(e, step('2026-07-16', 'placement-embargo'), '2026-07-30');
    expect(e.steps.map((s) => [s.date, s.kind])).toEqual([
      ['2026-07-16', 'placement-embargo'],
      ['2026-07-23', 'concerns-meeting'],
    ]);
    expect(e.steps[0]).toMatchObject({ owner: 'Priya Shah', note: '', recordedBy: 'Gareth Lloyd' });
  });

  it.each([
    ['before the escalation opened', '2026-07-15', /before the escalation opened \(2026-07-16\)/],
    ['after today', '2026-07-31', /cannot be after today/],
  ])('refuses a step dated %s', (_, date, message) => {
    const ruled = addStep(opened('2026-07-16', '2026-07-30'), step(date), 's', acting('2026-07-30'));
    expect(ruled).toMatchObject({ ok: false, reason: 'invalid' });
    if (!ruled.ok) expect(ruled.issues).toEqual([{ path: 'date', message: expect.stringMatching(message) }]);
  });

  it('refuses a step once closed, as a conflict', () => {
    const closed = closeEscalation(
      opened(),
      { outcome: 'contract-ended', summary: 'Placements moved', closedOn: '2026-07-20' },
      acting('2026-07-20'),
    );
    if (!closed.ok) throw new Error(closed.message);
    expect(addStep(closed.value, step('2026-07-20'), 's', acting('2026-07-20'))).toMatchObject({
      ok: false,
      reason: 'closed',
    });
  });

  it('stops at the most steps an escalation records', () => {
    let e = opened('2026-01-01', '2026-07-30');
    for (let i = 0; i < MAX_STEPS; i++) e = withStep(e, step('2026-02-01'), '2026-07-30', `s${i}`);
    expect(addStep(e, step('2026-02-01'), 'one-more', acting('2026-07-30'))).toMatchObject({
      ok: false,
      reason: 'invalid',
    });
  });

  it('needs an owner and a known kind', () => {
    const bad = NewEscalationStep.safeParse({ kind: 'letter', date: '2026-07-20', owner: ' ' });
    expect(bad.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['kind', 'owner']);
  });
});

describe('closing', () => {
  const base = () => withStep(opened('2026-07-16', '2026-08-30'), step('2026-08-01'), '2026-08-30');
  const close = (closedOn: string, e = base()) =>
    closeEscalation(e, { outcome: 'concerns-resolved', summary: ' All verified. ', closedOn }, acting('2026-08-30'));

  it('closes with the outcome, the date and who closed it', () => {
    const ruled = close('2026-08-20');
    expect(ruled.ok).toBe(true);
    if (!ruled.ok) return;
    expect(ruled.value.status).toBe('closed');
    expect(ruled.value.closure).toEqual({
      outcome: 'concerns-resolved',
      summary: 'All verified.',
      closedOn: '2026-08-20',
      closedBy: 'Gareth Lloyd',
      closedAt: '2026-08-30T10:00:00.000Z',
    });
    expect(isOpen(ruled.value)).toBe(false);
  });

  it.each([
    ['before it opened', '2026-07-10', /before the escalation opened/],
    ['before its last step', '2026-07-31', /before its last step \(2026-08-01\)/],
    ['after today', '2026-08-31', /cannot be after today/],
  ])('refuses a closing date %s', (_, closedOn, message) => {
    const ruled = close(closedOn);
    expect(ruled).toMatchObject({ ok: false, reason: 'invalid' });
    if (!ruled.ok) expect(ruled.issues).toEqual([{ path: 'closedOn', message: expect.stringMatching(message) }]);
  });

  it('may close on the day of its last step, and not a second time', () => {
    const first = close('2026-08-01');
    if (!first.ok) throw new Error(first.message);
    expect(close('2026-08-02', first.value)).toMatchObject({ ok: false, reason: 'closed' });
  });

  it('is open on a day from its opening until the day before it closed', () => {
    const ruled = close('2026-08-20');
    if (!ruled.ok) throw new Error(ruled.message);
    expect(openOn(ruled.value, '2026-07-15')).toBe(false);
    expect(openOn(ruled.value, '2026-07-16')).toBe(true);
    expect(openOn(ruled.value, '2026-08-19')).toBe(true);
    expect(openOn(ruled.value, '2026-08-20')).toBe(false);
  });
});

describe('escalations in the quarterly report', () => {
  it('files every trigger under one of seed 002 \u00a78\u2019s headings', () => {
    const headings = new Set<string>(EXCEPTION_HEADINGS.map((h) => h.id));
    const filed = Object.fromEntries(EscalationTrigger.options.map((t) => [t, escalationHeading(t)]));
    expect(filed).toEqual({
      'significant-incident': 'safeguarding-health-safety',
      'failed-cqc-inspection': 'quality-complaints',
      safeguarding: 'safeguarding-health-safety',
      'visit-result': 'quality-complaints',
      intelligence: 'quality-complaints',
    });
    for (const heading of Object.values(filed)) expect(headings.has(heading)).toBe(true);
  });

  it('counts those opened in the quarter by heading, and lists those open at any time in it', () => {
    const e = (
      id: string,
      trigger: ReportEscalation['trigger'],
      openedOn: string,
      closedOn: string | null,
      steps: string[] = [],
    ): ReportEscalation => ({
      id,
      providerId: id,
      trigger,
      openedOn,
      closedOn,
      steps: steps.map((date) => ({ kind: 'concerns-meeting', date })),
    });
    const report = quarterlyReport({
      quarter: { year: 2026, q: 2 },
      today: '2026-12-01',
      records: [],
      templates: [],
      providers: ['before', 'closed-before', 'inside', 'after', 'closed-later'].map((id) => ({
        id,
        name: `Provider ${id}`,
        monitoringLevel: 3,
        registeredOn: '2025-01-01',
        rag: 'red' as const,
      })),
      ragChanges: [],
      actions: [],
      intelligence: [],
      observers: 0,
      frequencies: DEFAULT_VISIT_FREQUENCY_MONTHS,
      deadlineRules: CALENDAR_DAYS,
      escalations: [
        e('before', 'significant-incident', '2026-05-01', null, ['2026-05-02', '2026-07-01']),
        e('closed-before', 'safeguarding', '2026-04-01', '2026-06-30'),
        e('inside', 'failed-cqc-inspection', '2026-08-10', '2026-09-30', ['2026-08-11']),
        e('after', 'visit-result', '2026-10-01', null),
        e('closed-later', 'intelligence', '2026-09-30', '2026-10-15'),
      ],
    });
    const byHeading = Object.fromEntries(report.themes.map((t) => [t.heading, t.escalations]));
    expect(byHeading).toMatchObject({ 'quality-complaints': 2, 'safeguarding-health-safety': 0 });
    expect(report.themes.reduce((n, t) => n + t.escalations, 0)).toBe(2);
    expect(report.escalations.map((l) => [l.providerId, l.closedOn, l.stepsInQuarter, l.headingLabel])).toEqual([
      ['before', null, 1, 'Safeguarding including health and safety'],
      ['inside', '2026-09-30', 1, 'Quality, compliments and complaints'],
      ['closed-later', null, 0, 'Quality, compliments and complaints'],
    ]);
  });
});
