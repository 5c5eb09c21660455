// The shipped England and Wales bank holidays (src/server/deadlines/bank-holidays.ts) checked
// against the standing rules worked out independently here (Easter by the Gregorian computus,
// first and last Mondays, weekend substitutes), with the one-off proclaimed changes listed by
// hand from GOV.UK. A typo in the data, or a rule misapplied, shows as a difference.
import { describe, expect, it } from 'vitest';
import { ENGLAND_AND_WALES_BANK_HOLIDAYS, LAST_SHIPPED_YEAR } from '../../src/server/deadlines/bank-holidays';

const iso = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
const weekday = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).getUTCDay();

/** Easter Sunday (anonymous Gregorian algorithm): [month, day]. */
function easter(y: number): [number, number] {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return [month, ((h + l - 7 * m + 114) % 31) + 1];
}

const firstMonday = (y: number, m: number) => iso(y, m, 1 + ((8 - weekday(y, m, 1)) % 7));
function lastMonday(y: number, m: number): string {
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return iso(y, m, last - ((weekday(y, m, last) + 6) % 7));
}

function standingRules(y: number): string[] {
  const newYear = weekday(y, 1, 1);
  const [em, ed] = easter(y);
  const christmas = weekday(y, 12, 25);
  // Christmas and Boxing Day: a day at the weekend moves to the next weekday not already a holiday.
  const xmas =
    christmas === 6 ? [iso(y, 12, 27), iso(y, 12, 28)] : christmas === 0 ? [iso(y, 12, 26), iso(y, 12, 27)] : [];
  const boxing = christmas === 5 ? [iso(y, 12, 25), iso(y, 12, 28)] : [];
  return [
    iso(y, 1, newYear === 6 ? 3 : newYear === 0 ? 2 : 1),
    iso(y, em, ed - 2),
    iso(y, em, ed + 1),
    firstMonday(y, 5),
    lastMonday(y, 5),
    lastMonday(y, 8),
    ...(xmas.length > 0 ? xmas : boxing.length > 0 ? boxing : [iso(y, 12, 25), iso(y, 12, 26)]),
  ];
}

/** Proclaimed one-off changes (GOV.UK): [removed, added]. */
const PROCLAIMED: Record<number, [string[], string[]]> = {
  2020: [['2020-05-04'], ['2020-05-08']], // VE Day
  2022: [['2022-05-30'], ['2022-06-02', '2022-06-03', '2022-09-19']], // Platinum Jubilee; the Queen's funeral
  2023: [[], ['2023-05-08']], // the Coronation
};

describe('England and Wales bank holidays', () => {
  for (let year = 2020; year <= LAST_SHIPPED_YEAR; year++) {
    it(`${year} matches the rules and the proclaimed changes`, () => {
      const [removed, added] = PROCLAIMED[year] ?? [[], []];
      const expected = [...standingRules(year).filter((d) => !removed.includes(d)), ...added].sort();
      expect(ENGLAND_AND_WALES_BANK_HOLIDAYS.filter((d) => d.startsWith(`${year}-`))).toEqual(expected);
    });
  }

  it('are in date order, each once', () => {
    expect([...ENGLAND_AND_WALES_BANK_HOLIDAYS].sort()).toEqual(ENGLAND_AND_WALES_BANK_HOLIDAYS);
    expect(new Set(ENGLAND_AND_WALES_BANK_HOLIDAYS).size).toBe(ENGLAND_AND_WALES_BANK_HOLIDAYS.length);
  });

  it('know some dates by heart', () => {
    for (const day of ['2020-12-28', '2021-12-27', '2022-01-03', '2024-03-29', '2026-12-28', '2027-03-26'])
      expect(ENGLAND_AND_WALES_BANK_HOLIDAYS).toContain(day);
  });
});
