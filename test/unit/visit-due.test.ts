// The visit-due rule: month arithmetic at month ends and leap years, levels (visits at 3-5, a desk
// review at 1-2), never-visited, parsing.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VISIT_FREQUENCY_MONTHS,
  nextDeskReviewDue,
  nextVisitDue,
  parseVisitFrequencies,
} from '../../src/shared/briefings/visit-due';
import { addDays, addMonths } from '../../src/shared/calendar';

describe('addMonths', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 24, '2026-02-28'],
    ['2026-05-10', 0, '2026-05-10'],
    ['2026-01-15', -1, '2025-12-15'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});

describe('addDays', () => {
  it.each([
    ['2026-02-28', 1, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-01', -28, '2026-02-01'],
  ])('%s + %i days = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });
});

describe('nextVisitDue', () => {
  it.each([
    [3, '2026-01-31', '2027-01-31'],
    [4, '2026-08-31', '2027-02-28'],
    [5, '2026-11-30', '2027-02-28'],
    [5, null, '2026-06-01'],
    [3, null, '2026-06-01'],
    // Levels 1 and 2: an annual desk review and sample visits, never a scheduled visit (seed 004 §19a).
    [1, '2026-01-31', null],
    [2, '2026-01-31', null],
    [1, null, null],
  ])('level %i, last visit %s → %s', (level, last, expected) => {
    expect(nextVisitDue(level, last, DEFAULT_VISIT_FREQUENCY_MONTHS, '2026-06-01')).toBe(expected);
  });

  it('uses the configured frequencies', () => {
    expect(nextVisitDue(5, '2026-01-31', { ...DEFAULT_VISIT_FREQUENCY_MONTHS, 5: 1 }, '2026-06-01')).toBe('2026-02-28');
  });

  it('defaults to 12, 6 and 3 months at levels 3, 4 and 5 (seed 004 §19b: at least annual, quarterly for very high risk)', () => {
    expect(DEFAULT_VISIT_FREQUENCY_MONTHS).toEqual({ 3: 12, 4: 6, 5: 3 });
  });
});

describe('nextDeskReviewDue', () => {
  it.each([
    [1, '2026-02-28', '2027-02-28'],
    [2, '2028-02-29', '2029-02-28'],
    [2, null, '2025-04-01'],
    [3, '2026-02-28', null],
    [5, null, null],
  ])('level %i, last review %s → %s', (level, last, expected) => {
    expect(nextDeskReviewDue(level, last, '2025-04-01')).toBe(expected);
  });
});

describe('parseVisitFrequencies', () => {
  it('reads the default table', () => {
    expect(parseVisitFrequencies('3:12,4:6,5:3')).toEqual(DEFAULT_VISIT_FREQUENCY_MONTHS);
    expect(parseVisitFrequencies(' 5:1, 4:2 ,3:3')).toEqual({ 3: 3, 4: 2, 5: 1 });
  });

  it.each([
    ['3:12,4:6', 'no frequency for level 5'],
    ['3:12,4:6,6:3', '"6:3" is not level:months (levels 3-5, months 1-999)'],
    ['3:0,4:6,5:3', '"3:0" is not level:months (levels 3-5, months 1-999)'],
    ['monthly', '"monthly" is not level:months (levels 3-5, months 1-999)'],
    [
      '1:24,2:12,3:12,4:6,5:3',
      '"1:24": levels 1 and 2 have an annual desk review and sample visits, not scheduled visits; give levels 3-5 only',
    ],
  ])('rejects %s', (text, message) => {
    expect(parseVisitFrequencies(text)).toBe(message);
  });
});
