// Deadlines with a fixed clock: write-ups and audit returns across month ends and the UK clock
// changes, action due dates by significance, and "today" as the council's day, not UTC's.
import { describe, expect, it } from 'vitest';
import {
  actionDueDate,
  addDeadlineDays,
  CALENDAR_DAYS,
  type DeadlineRules,
  dueText,
  isOverdue,
  openDeadlines,
  recordDeadlines,
  writeUpDue,
  writtenUpOn,
} from '../../../src/shared/deadlines';
import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from '../../../src/server/deadlines/bank-holidays';
import { calendarDay, daysBetween } from '../../../src/shared/calendar';

describe('record deadlines', () => {
  it.each([
    ['observation mid-month', 'observation', '2026-06-10', [['observation-write-up', '2026-06-15']]],
    ['observation across a month end', 'observation', '2026-01-29', [['observation-write-up', '2026-02-03']]],
    ['observation across a leap day', 'observation', '2028-02-26', [['observation-write-up', '2028-03-02']]],
    [
      'observation across the spring clock change',
      'observation',
      '2026-03-27',
      [['observation-write-up', '2026-04-01']],
    ],
    [
      'audit across the autumn clock change and a month end',
      'audit',
      '2026-10-30',
      [
        ['audit-feedback', '2026-11-01'],
        ['audit-form', '2026-11-04'],
      ],
    ],
    [
      'audit across a year end',
      'audit',
      '2026-12-30',
      [
        ['audit-feedback', '2027-01-01'],
        ['audit-form', '2027-01-04'],
      ],
    ],
    ['a visit has none', 'visit', '2026-06-10', []],
  ] as const)('%s', (_name, kind, date, expected) => {
    expect(recordDeadlines(kind, date, CALENDAR_DAYS).map((d) => [d.kind, d.dueDate])).toEqual(expected);
  });
});

const WORKING: DeadlineRules = { dayCount: 'working', bankHolidays: [...ENGLAND_AND_WALES_BANK_HOLIDAYS] };

describe('working days (DEADLINE_DAYS=working)', () => {
  it.each([
    ['Monday + 5 is the next Monday', '2026-06-08', 5, '2026-06-15'],
    ['Thursday + 2 skips the weekend', '2026-09-10', 2, '2026-09-14'],
    ['Friday + 1 is Monday', '2026-06-12', 1, '2026-06-15'],
    ['a Saturday audit: + 2 is Tuesday', '2026-06-13', 2, '2026-06-16'],
    [
      'Easter: Thursday 2 April 2026 + 1 skips Good Friday to Easter Monday and on to Tuesday',
      '2026-04-02',
      1,
      '2026-04-07',
    ],
    ['the summer bank holiday (31 August 2026)', '2026-08-28', 1, '2026-09-01'],
    ['Christmas 2026 (25th Friday, Boxing Day substitute 28th)', '2026-12-24', 2, '2026-12-30'],
    ['New Year 2027 (Friday 1st)', '2026-12-31', 1, '2027-01-04'],
  ])('%s', (_name, date, days, expected) => {
    expect(addDeadlineDays(date, days, WORKING)).toBe(expected);
  });

  it('gives the same dates as calendar days when nothing is skipped, and counts every day by default', () => {
    expect(addDeadlineDays('2026-06-08', 4, WORKING)).toBe(addDeadlineDays('2026-06-08', 4, CALENDAR_DAYS));
    expect(addDeadlineDays('2026-12-24', 2, CALENDAR_DAYS)).toBe('2026-12-26');
  });

  it('moves an audit form and its feedback, and an observation write-up', () => {
    expect(recordDeadlines('audit', '2026-09-10', WORKING).map((d) => d.dueDate)).toEqual(['2026-09-14', '2026-09-17']);
    expect(writeUpDue('observation', '2026-08-04', WORKING)).toBe('2026-08-11');
    expect(writeUpDue('audit', '2026-09-10', CALENDAR_DAYS)).toBe('2026-09-15');
    expect(writeUpDue('visit', '2026-09-10', CALENDAR_DAYS)).toBeNull();
  });
});

describe('the day a record was written up', () => {
  it.each([
    ['finished on the device, sent days later', '2026-08-04', '2026-08-08T16:40:00+01:00', '2026-08-13', '2026-08-08'],
    [
      'finished late in the evening: the council’s day, not UTC’s',
      '2026-08-04',
      '2026-08-08T23:30:00Z',
      '2026-08-13',
      '2026-08-09',
    ],
    ['sent straight away', '2026-08-04', '2026-08-06T10:00:00Z', '2026-08-06', '2026-08-06'],
    ['not kept (an older release): the day of receipt', '2026-08-04', null, '2026-08-13', '2026-08-13'],
    [
      'a device clock set before the observation: the day of receipt',
      '2026-08-04',
      '2025-01-01T10:00:00Z',
      '2026-08-13',
      '2026-08-13',
    ],
    [
      'a device clock ahead of the server: the day of receipt',
      '2026-08-04',
      '2026-09-30T10:00:00Z',
      '2026-08-13',
      '2026-08-13',
    ],
  ])('%s', (_name, date, completedAt, receivedOn, expected) => {
    expect(writtenUpOn({ date, completedAt, receivedOn })).toBe(expected);
  });
});

describe('open deadlines on a draft', () => {
  it('drops the audit feedback once it is recorded as sent, and keeps the form', () => {
    const open = (feedbackSentOn: string | null) =>
      openDeadlines('audit', { date: '2026-09-10', feedbackSentOn }, CALENDAR_DAYS).map((d) => d.kind);
    expect(open(null)).toEqual(['audit-feedback', 'audit-form']);
    expect(open('2026-09-11')).toEqual(['audit-form']);
    expect(openDeadlines('observation', { date: '2026-09-10' }, CALENDAR_DAYS).map((d) => d.kind)).toEqual([
      'observation-write-up',
    ]);
  });
});

describe('action due dates', () => {
  it.each([
    ['significant: 3 months', 'significant', '2026-03-15', undefined, '2026-06-15'],
    ['significant from 30 November clamps to February’s end', 'significant', '2026-11-30', undefined, '2027-02-28'],
    ['significant into a leap February', 'significant', '2027-11-30', undefined, '2028-02-29'],
    ['routine: 6 months by default', 'routine', '2026-08-31', undefined, '2027-02-28'],
    ['per-template policy', 'significant', '2026-01-31', { significant: 1, routine: 2 }, '2026-02-28'],
  ] as const)('%s', (_name, significance, raisedOn, policy, expected) => {
    expect(actionDueDate({ actionDueMonths: policy }, significance, raisedOn)).toBe(expected);
  });
});

describe('due text and today', () => {
  it.each([
    ['2026-03-30', '2026-03-28', 'Due in 2 days'], // spans the spring clock change (29 March 2026)
    ['2026-10-26', '2026-10-24', 'Due in 2 days'], // spans the autumn clock change (25 October 2026)
    ['2026-03-01', '2026-02-28', 'Due in 1 day'],
    ['2026-06-01', '2026-06-01', 'Due today'],
    ['2026-05-31', '2026-06-01', 'Overdue by 1 day'],
    ['2026-01-31', '2026-03-01', 'Overdue by 29 days'],
  ])('due %s seen on %s: %s', (due, today, text) => {
    expect(dueText(due, today)).toBe(text);
    expect(isOverdue(due, today)).toBe(text.startsWith('Overdue'));
  });

  it('counts days on calendar dates whatever the clock change', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-31', '2026-10-24')).toBe(-7);
  });

  it('takes today in the council’s time zone', () => {
    expect(calendarDay(new Date('2026-06-01T23:30:00Z'))).toBe('2026-06-02'); // BST: already the 2nd
    expect(calendarDay(new Date('2026-12-01T23:30:00Z'))).toBe('2026-12-01'); // GMT
    expect(calendarDay(new Date('2026-03-29T00:59:00Z'))).toBe('2026-03-29'); // the clock-change night
    expect(calendarDay(new Date('2026-10-24T23:30:00Z'))).toBe('2026-10-25');
  });
});
