// Deadlines with a fixed clock: write-ups and audit returns across month ends and the UK clock
// changes, action due dates by significance, and "today" as the council's day, not UTC's.
import { describe, expect, it } from 'vitest';
import { actionDueDate, dueText, isOverdue, recordDeadlines } from '../../../src/shared/deadlines';
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
    expect(recordDeadlines(kind, date).map((d) => [d.kind, d.dueDate])).toEqual(expected);
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
