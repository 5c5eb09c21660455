// What falls due for a provider, by its monitoring level (seed 004 §19):
// - levels 1 and 2 (preventative contracts: advice, advocacy, day services) have an annual desk
//   review of all available evidence, plus sample visits assigned by hand; no visit is scheduled;
// - levels 3 to 5 (people eligible for social care or children's services: residential and nursing
//   care, home care, supported living) have monitoring visits at council-set frequencies (defaults
//   12, 6 and 3 months: "at least a formal annual review, for very high risk areas more frequent
//   e.g. quarterly").
// Pure calendar arithmetic on ISO dates (YYYY-MM-DD), in UTC, so the server and the app agree
// whatever the device's time zone. Month-end safe: 31 Jan + 1 month = 28/29 Feb.
import { addMonths } from '../calendar';

/** Monitoring level (3-5) → months between monitoring visits. */
export type VisitFrequencies = Readonly<Record<number, number>>;

export const DEFAULT_VISIT_FREQUENCY_MONTHS: VisitFrequencies = { 3: 12, 4: 6, 5: 3 };

/** The levels whose review is an annual desk review, not scheduled visits (seed 004 §19a). */
export const DESK_REVIEW_LEVELS: readonly number[] = [1, 2];
const VISITED_LEVELS = [3, 4, 5] as const;

/** "A desk based annual review of all available evidence" (seed 004 §19a): fixed by the seed, not configured. */
export const DESK_REVIEW_MONTHS = 12;

export const isDeskReviewLevel = (monitoringLevel: number): boolean => DESK_REVIEW_LEVELS.includes(monitoringLevel);

/**
 * The next monitoring visit due date at levels 3-5: the last visit plus the level's frequency. A
 * provider never visited is due at once, on `neverVisitedDue` (the app passes today; the server
 * passes the day the provider joined the register, so the value does not change from one day to
 * the next). Null at levels 1 and 2: their visits are samples, assigned by hand, never scheduled.
 */
export function nextVisitDue(
  monitoringLevel: number,
  lastVisitDate: string | null,
  frequencies: VisitFrequencies,
  neverVisitedDue: string,
): string | null {
  if (isDeskReviewLevel(monitoringLevel)) return null;
  if (lastVisitDate === null) return neverVisitedDue;
  const months = frequencies[monitoringLevel];
  if (months === undefined) throw new Error(`no visit frequency for monitoring level ${monitoringLevel}`);
  return addMonths(lastVisitDate, months);
}

/**
 * The next desk review due date at levels 1 and 2: a year after the last monitoring review (the
 * office's review of the evidence, with the level and RAG confirmed); never reviewed, at once, on
 * `neverReviewedDue`. Null at levels 3-5, which are reviewed by their visits.
 */
export function nextDeskReviewDue(
  monitoringLevel: number,
  lastReviewDate: string | null,
  neverReviewedDue: string,
): string | null {
  if (!isDeskReviewLevel(monitoringLevel)) return null;
  return lastReviewDate === null ? neverReviewedDue : addMonths(lastReviewDate, DESK_REVIEW_MONTHS);
}

/**
 * Parses "3:12,4:6,5:3" (levels 3 to 5, each once); returns an error message when it is not a
 * complete table. Levels 1 and 2 are refused by name: they have no scheduled visits, and a council
 * that used to set them must learn that at start, not find their visits quietly gone.
 */
export function parseVisitFrequencies(text: string): VisitFrequencies | string {
  const table: Record<number, number> = {};
  for (const part of text.split(',')) {
    const m = /^\s*([1-5])\s*:\s*(\d{1,3})\s*$/.exec(part);
    if (m === null || Number(m[2]) < 1) return `"${part.trim()}" is not level:months (levels 3-5, months 1-999)`;
    if (isDeskReviewLevel(Number(m[1])))
      return `"${part.trim()}": levels 1 and 2 have an annual desk review and sample visits, not scheduled visits; give levels 3-5 only`;
    table[Number(m[1])] = Number(m[2]);
  }
  const missing = VISITED_LEVELS.filter((l) => table[l] === undefined);
  if (missing.length > 0) return `no frequency for level ${missing.join(', ')}`;
  return table;
}
