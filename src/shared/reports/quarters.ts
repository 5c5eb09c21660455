// Council financial-year quarters (April to March): Q1 April-June ... Q4 January-March. Keys like
// "2026-27-q2" travel in URLs; dates are ISO calendar dates, compared as text.

export interface Quarter {
  /** The calendar year the financial year starts in (2026 for 2026/27). */
  year: number;
  q: 1 | 2 | 3 | 4;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const pad = (n: number) => String(n).padStart(2, '0');

/** The quarter a calendar date falls in. */
export function quarterOf(date: string): Quarter {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  if (month <= 3) return { year: year - 1, q: 4 };
  return { year, q: Math.floor((month - 4) / 3 + 1) as Quarter['q'] };
}

/** First month (1-12) and its calendar year. */
function firstMonth(quarter: Quarter): { year: number; month: number } {
  return quarter.q === 4
    ? { year: quarter.year + 1, month: 1 }
    : { year: quarter.year, month: 4 + (quarter.q - 1) * 3 };
}

export function quarterStart(quarter: Quarter): string {
  const { year, month } = firstMonth(quarter);
  return `${year}-${pad(month)}-01`;
}

export function quarterEnd(quarter: Quarter): string {
  const { year, month } = firstMonth(quarter);
  const last = new Date(Date.UTC(year, month + 2, 0)).getUTCDate();
  return `${year}-${pad(month + 2)}-${pad(last)}`;
}

export const inQuarter = (date: string, quarter: Quarter): boolean =>
  date >= quarterStart(quarter) && date <= quarterEnd(quarter);

export function quarterKey(quarter: Quarter): string {
  return `${quarter.year}-${pad((quarter.year + 1) % 100)}-q${quarter.q}`;
}

/** "2026-27-q2" → the quarter; null for anything else. */
export function parseQuarterKey(key: string): Quarter | null {
  const m = /^(\d{4})-(\d{2})-q([1-4])$/.exec(key);
  if (m === null) return null;
  const year = Number(m[1]);
  if (Number(m[2]) !== (year + 1) % 100 || year < 2000 || year > 2200) return null;
  return { year, q: Number(m[3]) as Quarter['q'] };
}

/** "Q2 2026/27 (July to September 2026)". */
export function quarterLabel(quarter: Quarter): string {
  const { year, month } = firstMonth(quarter);
  return `Q${quarter.q} ${quarter.year}/${pad((quarter.year + 1) % 100)} (${MONTHS[month - 1]} to ${MONTHS[month + 1]} ${year})`;
}

export function previousQuarter(quarter: Quarter): Quarter {
  return quarter.q === 1
    ? { year: quarter.year - 1, q: 4 }
    : { year: quarter.year, q: (quarter.q - 1) as Quarter['q'] };
}

/** The `count` quarters ending with `last`, oldest first. */
export function quartersEndingWith(last: Quarter, count: number): Quarter[] {
  const list = [last];
  while (list.length < count) list.unshift(previousQuarter(list[0]!));
  return list;
}
