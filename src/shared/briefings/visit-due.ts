// When a provider's next monitoring visit is due (seed 004 §19: poorer services more often, level 5
// quarterly). Pure calendar arithmetic on ISO dates (YYYY-MM-DD), in UTC, so the server and the app
// agree whatever the device's time zone. Month-end safe: 31 Jan + 1 month = 28/29 Feb.
import { addMonths } from '../calendar';

/** Monitoring level (1-5) → months between visits. */
export type VisitFrequencies = Readonly<Record<number, number>>;

export const DEFAULT_VISIT_FREQUENCY_MONTHS: VisitFrequencies = { 1: 24, 2: 12, 3: 12, 4: 6, 5: 3 };

/**
 * The next visit due date: the last visit plus the level's frequency. A provider never visited is
 * due at once, on `neverVisitedDue` (the app passes today; the server passes the day the provider
 * joined the register, so the value does not change from one day to the next).
 */
export function nextVisitDue(
  monitoringLevel: number,
  lastVisitDate: string | null,
  frequencies: VisitFrequencies,
  neverVisitedDue: string,
): string {
  if (lastVisitDate === null) return neverVisitedDue;
  const months = frequencies[monitoringLevel];
  if (months === undefined) throw new Error(`no visit frequency for monitoring level ${monitoringLevel}`);
  return addMonths(lastVisitDate, months);
}

/** Parses "1:24,2:12,3:12,4:6,5:3"; returns an error message when it is not a complete table. */
export function parseVisitFrequencies(text: string): VisitFrequencies | string {
  const table: Record<number, number> = {};
  for (const part of text.split(',')) {
    const m = /^\s*([1-5])\s*:\s*(\d{1,3})\s*$/.exec(part);
    if (m === null || Number(m[2]) < 1) return `"${part.trim()}" is not level:months (levels 1-5, months 1-999)`;
    table[Number(m[1])] = Number(m[2]);
  }
  const missing = [1, 2, 3, 4, 5].filter((l) => table[l] === undefined);
  if (missing.length > 0) return `no frequency for level ${missing.join(', ')}`;
  return table;
}
