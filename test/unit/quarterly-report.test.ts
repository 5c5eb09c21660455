// The quarterly report's pure functions against the hand-worked demo quarter (test/fixtures/
// demo-quarter.ts), plus the edge cases of quarters, RAG on a day and action closure.
import { describe, expect, it } from 'vitest';
import { actionDueDate, CALENDAR_DAYS } from '../../src/shared/deadlines';
import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from '../../src/server/deadlines/bank-holidays';
import type { VisitAction } from '../../src/shared/briefings/register';
import { closureFigures } from '../../src/shared/actions/action-closure';
import {
  atMinimumStandard,
  belowStandard,
  levelsBetween,
  quarterlyReport,
  type ReportInput,
  type ReportRecord,
} from '../../src/shared/reports/quarterly-report';
import {
  parseQuarterKey,
  quarterEnd,
  quarterKey,
  quarterLabel,
  quarterOf,
  quarterStart,
  quartersEndingWith,
} from '../../src/shared/reports/quarters';
import { reportCsvRows } from '../../src/shared/reports/report-csv';
import { Template } from '../../src/shared/templates/schema';
import { builtInTemplates } from '../../src/shared/templates/index';
import { DEFAULT_VISIT_FREQUENCY_MONTHS } from '../../src/shared/briefings/visit-due';
import { demoProviders } from '../../src/server/seed/demo-data';
import { demoReviews } from '../../src/server/seed/demo-reviews';
import {
  type HistoryAction,
  historyEscalations,
  historyIntelligence,
  historyPractice,
  historyRagChanges,
  historyVisitTemplate,
  historyVisits,
  visitOverall,
  REGISTERED_ON,
} from '../../src/server/seed/demo-history-data';
import { DEMO_QUARTER, DEMO_QUARTER_FIGURES as FIXTURE } from '../fixtures/demo-quarter';

const templates = builtInTemplates.map((t) => Template.parse(t));
const find = (id: string, version: number) => templates.find((t) => t.id === id && t.version === version)!;

/** The demo history as report input, built from the data alone (no database, no seeding code). */
function demoInput(today: string): ReportInput {
  const records: ReportRecord[] = [];
  const actions: VisitAction[] = [];
  const addActions = (
    recordId: string,
    t: Template,
    date: string,
    owner: string,
    providerId: string | null,
    list: HistoryAction[] = [],
  ) => {
    list.forEach((a, i) =>
      actions.push({
        id: `${recordId}-a${i}`,
        providerId,
        title: a.title,
        detail: '',
        significance: a.significance,
        owner,
        itemId: a.item,
        dueDate: actionDueDate(t, a.significance, date),
        raisedOn: date,
        sourceSubmissionId: recordId,
        status: a.closed?.status ?? 'open',
        closedOn: a.closed?.on ?? null,
      }),
    );
  };
  historyVisits.forEach((v, i) => {
    const id = `visit-${i}`;
    // The care home QMF, or the home care or supported living template, as the seed records it.
    const made = historyVisitTemplate(v.provider);
    const qmf = find(made.id, made.version);
    const sectionRatings = Object.fromEntries(
      qmf.sections.filter((s) => s.rated).map((s) => [s.id, v.areas?.[s.id] ?? 'green']),
    );
    records.push({
      id,
      kind: 'visit',
      templateId: qmf.id,
      templateVersion: qmf.version,
      date: v.date,
      providerId: v.provider,
      subject: v.provider,
      submitterName: v.officer,
      receivedOn: v.date,
      completedAt: null,
      feedbackSentOn: null,
      reviewStatus: v.review ?? 'signed-off',
      sectionRatings,
      overallRating: visitOverall(v),
    });
    addActions(id, qmf, v.date, 'provider', v.provider, v.actions);
  });
  historyPractice.forEach((p, i) => {
    const id = `practice-${i}`;
    const t = p.kind === 'observation' ? find('observation-home-visit', 1) : find('case-file-audit', 1);
    records.push({
      id,
      kind: p.kind,
      templateId: t.id,
      templateVersion: t.version,
      date: p.date,
      providerId: null,
      subject: p.kind === 'audit' ? `Case ${p.caseReference} (${p.practitioner})` : p.practitioner,
      submitterName: 'Priya Shah',
      receivedOn: p.received,
      completedAt: `${p.completed}T16:40:00+01:00`,
      feedbackSentOn: p.feedbackSent ?? null,
      reviewStatus: p.review,
      sectionRatings: p.ratings,
      overallRating: p.overall,
    });
    addActions(id, t, p.date, p.practitioner, null, p.actions);
  });
  return {
    quarter: { year: 2026, q: 2 },
    today,
    records,
    templates,
    actions,
    observers: 1,
    frequencies: DEFAULT_VISIT_FREQUENCY_MONTHS,
    deadlineRules: CALENDAR_DAYS,
    providers: demoProviders.map((p) => ({
      id: p.id,
      name: p.name,
      monitoringLevel: p.monitoringLevel,
      reviewDates: demoReviews.filter((r) => r.provider === p.id).map((r) => r.on),
      registeredOn: REGISTERED_ON,
      rag: p.rag,
    })),
    ragChanges: historyRagChanges.map((c) => ({
      providerId: c.provider,
      on: c.on,
      from: c.from,
      to: c.to,
      reason: c.reason,
    })),
    intelligence: historyIntelligence.map((e) => ({ providerId: e.provider, kind: e.kind, date: e.date, ...e.extra })),
    escalations: historyEscalations.map((e, i) => ({
      id: `escalation-${i}`,
      providerId: e.provider,
      trigger: e.trigger,
      openedOn: e.openedOn,
      closedOn: null,
      steps: e.steps,
    })),
  };
}

const counts = (list: readonly { label: string; count: number }[]) =>
  Object.fromEntries(list.map((c) => [c.label, c.count]));

describe('quarterly report: the hand-worked demo quarter', () => {
  const report = quarterlyReport(demoInput('2026-12-03'));

  it('names the quarter', () => expect(report.quarter).toEqual(DEMO_QUARTER));

  it('counts activity against what was expected', () => {
    expect(Object.fromEntries(report.activity.map((a) => [a.kind, { done: a.done, expected: a.expected }]))).toEqual(
      FIXTURE.activity,
    );
    expect(report.visitsDue.due).toBe(FIXTURE.visitsDue.due);
    expect(report.visitsDue.visited).toBe(FIXTURE.visitsDue.visited);
    expect(report.visitsDue.notVisited.map((p) => p.name)).toEqual(FIXTURE.visitsDue.notVisited);
  });

  it('distributes grades and RAG ratings', () => {
    for (const grade of report.grades) expect(counts(grade.counts)).toEqual(FIXTURE.grades[grade.kind]);
    expect(report.grades.find((g) => g.kind === 'visit')!.counts.map((c) => c.label)).toEqual([
      'Green',
      'Amber',
      'Red',
    ]);
    expect(counts(report.ragAtEnd)).toEqual(FIXTURE.ragAtEnd);
    expect(report.ragChanges.map((c) => c.providerName)).toEqual(FIXTURE.ragChanges);
  });

  it('finds late write-ups and overdue actions', () => {
    expect(
      report.lateWriteUps.map(({ subject, dueDate, writtenUpOn, receivedOn }) => ({
        subject,
        dueDate,
        writtenUpOn,
        receivedOn,
      })),
    ).toEqual(FIXTURE.lateWriteUps);
    expect(report.overdueActions.map((a) => a.title)).toEqual(FIXTURE.overdueActions);
  });

  it('expects visits by the levels providers had in the quarter, the most frequent where it changed', () => {
    const input = demoInput('2026-12-03');
    const moved = (level: number, changes: { on: string; from: number; to: number }[]) => ({
      ...input,
      providers: input.providers.map((p) =>
        p.id === 'brightside-home-care' ? { ...p, monitoringLevel: level, levelChanges: changes } : p,
      ),
    });
    // Brightside (last visited 2 Oct 2025, level 3: next due 2 Oct 2026) moved to level 5 on 1 Aug:
    // three months from its last visit it was overdue inside the quarter.
    const raised = quarterlyReport(moved(5, [{ on: '2026-08-01', from: 3, to: 5 }]));
    expect(raised.visitsDue.due).toBe(FIXTURE.visitsDue.due + 1);
    expect(raised.visitsDue.notVisited).toContainEqual(
      expect.objectContaining({ providerId: 'brightside-home-care', dueDate: '2026-01-02' }),
    );
    // Moved to level 5 only after the quarter: level 3 all through it, so not due (today's level is not used).
    expect(quarterlyReport(moved(5, [{ on: '2026-10-05', from: 3, to: 5 }])).visitsDue.due).toBe(FIXTURE.visitsDue.due);
    // Lowered from 5 to 3 in the quarter: due by level 5 still counts.
    expect(quarterlyReport(moved(3, [{ on: '2026-09-01', from: 5, to: 3 }])).visitsDue.due).toBe(
      FIXTURE.visitsDue.due + 1,
    );
  });

  it('counts the annual desk reviews of levels 1-2 due and done', () => {
    expect(report.deskReviews).toEqual(FIXTURE.deskReviews);
    const input = demoInput('2026-12-03');
    const withReviews = (id: string, reviewDates: string[], level?: number) =>
      quarterlyReport({
        ...input,
        providers: input.providers.map((p) =>
          p.id === id ? { ...p, reviewDates, monitoringLevel: level ?? p.monitoringLevel } : p,
        ),
      }).deskReviews;
    // Crossroads last reviewed on 1 Aug 2025: due 1 Aug 2026, not done.
    expect(withReviews('crossroads-day-centre', ['2025-08-01'])).toEqual({
      due: 1,
      done: 0,
      notDone: [{ providerId: 'crossroads-day-centre', name: expect.any(String), dueDate: '2026-08-01' }],
    });
    // ... and reviewed on 20 Aug 2026: done.
    expect(withReviews('crossroads-day-centre', ['2025-08-01', '2026-08-20'])).toMatchObject({ due: 1, done: 1 });
    // A care home (level 3) has visits, not desk reviews.
    expect(withReviews('willow-bank', [])).toEqual(FIXTURE.deskReviews);
  });

  it('reads the levels a provider had between two days from its changes', () => {
    const provider = { id: 'p', name: 'P', monitoringLevel: 4, registeredOn: '2020-01-01', rag: 'green' as const };
    expect(levelsBetween(provider, '2026-07-01', '2026-09-30')).toEqual([4]);
    const changes = [
      { on: '2026-03-01', from: 2, to: 3 },
      { on: '2026-08-10', from: 3, to: 5 },
      { on: '2026-11-01', from: 5, to: 4 },
    ];
    expect(levelsBetween({ ...provider, levelChanges: changes }, '2026-07-01', '2026-09-30')).toEqual([3, 5]);
    expect(levelsBetween({ ...provider, levelChanges: changes }, '2026-01-01', '2026-02-28')).toEqual([2]);
    expect(levelsBetween({ ...provider, levelChanges: changes }, '2026-12-01', '2026-12-31')).toEqual([4]);
  });

  it('measures the 48-hour audit feedback', () => {
    const { missed, ...figures } = report.auditFeedback;
    const { missed: expected, ...expectedFigures } = FIXTURE.auditFeedback;
    expect(figures).toEqual(expectedFigures);
    expect(missed.map(({ subject, date, dueDate, sentOn }) => ({ subject, date, dueDate, sentOn }))).toEqual(expected);
  });

  it('counts working days when the council chooses them: nothing late in the demo quarter', () => {
    const working = quarterlyReport({
      ...demoInput('2026-12-03'),
      deadlineRules: { dayCount: 'working', bankHolidays: [...ENGLAND_AND_WALES_BANK_HOLIDAYS] },
    });
    expect(working.lateWriteUps).toEqual([]);
    expect(working.auditFeedback).toMatchObject({ audits: 2, onTime: 2, pending: 0, missed: [] });
  });

  it('measures significant actions closed within 3 months', () => expect(report.closure).toEqual(FIXTURE.closure));

  it('counts escalations under the heading their trigger files them', () => {
    expect(Object.fromEntries(report.themes.map((t) => [t.label, t.escalations]))).toEqual(
      FIXTURE.escalationsByHeading,
    );
    expect(
      report.escalations.map(({ providerName, triggerLabel, headingLabel, openedOn, closedOn, stepsInQuarter }) => ({
        providerName,
        triggerLabel,
        headingLabel,
        openedOn,
        closedOn,
        stepsInQuarter,
      })),
    ).toEqual(FIXTURE.escalations);
  });

  it('files findings under the exception headings', () => {
    expect(
      Object.fromEntries(
        report.themes.map((t) => [t.label, [t.belowStandard, t.atMinimum, t.actions, t.intelligence]]),
      ),
    ).toEqual(FIXTURE.themes);
  });

  it('gives the same figures as CSV rows', () => {
    const rows = reportCsvRows(report);
    expect(rows[0]).toEqual(['quarter', 'section', 'measure', 'category', 'value']);
    expect(rows).toContainEqual(['2026-27-q2', 'activity', 'Provider monitoring visits', 'done', '7']);
    expect(rows).toContainEqual(['2026-27-q2', 'action closure', 'Closed within 3 months', 'percent', '63']);
    expect(rows.every((r) => r.length === 5)).toBe(true);
  });

  it('keeps actions within their 3 months out of the percentage', () => {
    // On 2026-11-20 Ashdown's action (raised 1 Sep) is still inside its 3 months.
    expect(quarterlyReport(demoInput('2026-11-20')).closure).toEqual({
      raised: 8,
      closedInTime: 5,
      closedLate: 1,
      openOverdue: 1,
      pending: 1,
      percent: 71,
    });
  });
});

describe('financial quarters', () => {
  it.each([
    ['2026-04-01', '2026-27-q1', '2026-04-01', '2026-06-30'],
    ['2026-09-30', '2026-27-q2', '2026-07-01', '2026-09-30'],
    ['2026-12-31', '2026-27-q3', '2026-10-01', '2026-12-31'],
    ['2027-02-28', '2026-27-q4', '2027-01-01', '2027-03-31'],
    ['2028-02-29', '2027-28-q4', '2028-01-01', '2028-03-31'],
    ['2099-12-01', '2099-00-q3', '2099-10-01', '2099-12-31'],
  ])('%s is in %s', (date, key, start, end) => {
    const q = quarterOf(date);
    expect([quarterKey(q), quarterStart(q), quarterEnd(q)]).toEqual([key, start, end]);
    expect(parseQuarterKey(key)).toEqual(q);
  });

  it('refuses keys that are not quarters', () => {
    for (const key of ['2026-q2', '2026-28-q2', '2026-27-q5', '2026-27-Q2', '', '1999-00-q1'])
      expect(parseQuarterKey(key)).toBeNull();
  });

  it('labels and counts back', () => {
    expect(quarterLabel({ year: 2026, q: 4 })).toBe('Q4 2026/27 (January to March 2027)');
    expect(quartersEndingWith({ year: 2026, q: 1 }, 3).map(quarterKey)).toEqual([
      '2025-26-q3',
      '2025-26-q4',
      '2026-27-q1',
    ]);
  });
});

describe('report rules', () => {
  it('counts the lower half of a scale as below standard, and Amber (seed 001) as the minimum standard', () => {
    expect(['green', 'amber', 'red'].map((r) => belowStandard(find('qmf-care-home', 2), r))).toEqual([
      false,
      false,
      true,
    ]);
    expect(['green', 'amber', 'red'].map(atMinimumStandard)).toEqual([false, true, false]);
    // The case file audit's four grades are seed 001's: Amber meets the minimum, Red does not.
    expect(['outstanding', 'good', 'amber', 'red'].map((r) => belowStandard(find('case-file-audit', 2), r))).toEqual([
      false,
      false,
      false,
      true,
    ]);
    expect(
      ['outstanding', 'good', 'requires-improvement', 'inadequate'].map((r) =>
        belowStandard(find('cqc-saf-provider', 1), r),
      ),
    ).toEqual([false, false, true, true]);
  });

  it('reads a closed action without a closure date from its last status change', () => {
    const action = {
      significance: 'significant' as const,
      raisedOn: '2026-07-01',
      dueDate: '2026-10-01',
      status: 'done' as const,
      statusChangedAt: '2026-11-02T10:00:00Z',
    };
    expect(closureFigures([action], { year: 2026, q: 2 }, '2026-12-01')).toMatchObject({ closedLate: 1, percent: 0 });
    expect(closureFigures([{ ...action, significance: 'routine' }], { year: 2026, q: 2 }, '2026-12-01')).toMatchObject({
      raised: 0,
      percent: null,
    });
  });

  it('takes a provider\u2019s RAG at the quarter end from its history', () => {
    const input = demoInput('2026-12-03');
    const later = {
      ...input,
      ragChanges: [
        ...input.ragChanges,
        { providerId: 'willow-bank', on: '2026-10-05', from: 'amber' as const, to: 'green' as const, reason: 'x' },
      ],
    };
    // Willow Bank is green now, but moved from amber after the quarter: it was amber at 30 September
    // (the fixture's 9 green, 7 amber, 3 red becomes 8, 8, 3).
    expect(counts(quarterlyReport(later).ragAtEnd)).toEqual({ Green: 8, Amber: 8, Red: 3 });
  });
});
