// The risk matrix (seed 004 §18: providers "identified for action, using the matrix designed process
// and against agreed criteria of risk and vulnerability, in order to establish the level of quality
// monitoring they will require"). A pure function of the evidence the council holds about one
// provider; it SUGGESTS a RAG rating and a monitoring level, each with the reasons that produced it.
// QA confirms the suggestion or overrides it with a written reason (server: providers/monitoring-*).
//
// Risk (the RAG): every criterion below reads one source of evidence and raises a concern, Amber or
// Red, with its reason. The suggested RAG is the worst concern (nothing averages a Red away), and
// several separate Amber concerns together make Red (`ambersMakeRed`). Sources: the latest visit
// result (seed 004 §15: the visit result feeds the RAG), follow-up actions (§9), CQC, complaints,
// safeguarding referrals, incidents, professionals' feedback and the fire inspection (§10, §11, §14,
// §16: "the level of risk is determined by all the information sources"; §19c: incidents).
// Vulnerability (the level): the service type sets where a provider starts (`baseLevel`): levels 1
// and 2 for preventative contracts that do not provide personal care (advice, advocacy, tier-2 day
// services, §19a), levels 3 to 5 for services to people eligible for social care or children's
// services (residential and nursing care, home care, supported living, children's homes, §19b).
// Amber raises the level by one, Red by two, up to 5 ("poorer services visited more frequently",
// §16).
//
// Where the seeds are silent the rule chosen is the safer one, the one that cannot hide a Red:
// - a latest visit rated Red always suggests Red, and Amber at least Amber, however old it is and
//   whether or not it has been signed off yet (not configurable);
// - CQC Inadequate, overall or on any key question, suggests Red; Requires improvement Amber (not
//   configurable; an Inadequate key question is a failed part of the inspection);
// - a fire inspection ending in an enforcement notice suggests Red, one needing action Amber;
// - a service type the matrix does not know as preventative ('other') starts at level 3, so it is
//   visited until QA says otherwise;
// - a preventative service rated Red leaves the desk-review levels (1 + 2 = level 3) and is visited;
// - three separate Amber concerns make Red.
// The thresholds and base levels are the council's to set (RISK_MATRIX_FILE); the defaults are
// DEFAULT_RISK_MATRIX, documented in docs/domain.md.
import * as z from 'zod/mini';
import {
  type CqcRating,
  type IntelligenceEntry,
  KEY_QUESTION_NAMES,
  type Rag,
  SERVICE_TYPE_LABELS,
  ServiceType,
  type VisitAction,
} from '../briefings/register';
import { addMonths } from '../calendar';

const level = z.int().check(z.gte(1), z.lte(5));
const count = z.nullable(z.int().check(z.gte(1), z.lte(1000)));

/** A count of something that raises an Amber concern at `amber` or more, Red at `red` or more; null: never. */
const Threshold = z.strictObject({ amber: count, red: count });
export type Threshold = z.infer<typeof Threshold>;

export const RiskMatrix = z.strictObject({
  /** Vulnerability: the level each service type is monitored at when no concern is found. */
  baseLevel: z.record(ServiceType, level),
  /** Significant follow-up actions open (in progress included), whether or not yet due. */
  openSignificantActions: Threshold,
  /** Significant actions open past their due date (seed 004 §9: closed within 3 months). */
  overdueSignificantActions: Threshold,
  /** Routine actions open past their due date. */
  overdueRoutineActions: Threshold,
  openSafeguardingReferrals: Threshold,
  /** Safeguarding referrals dated in the last 12 months, open or closed. */
  safeguardingReferrals12Months: Threshold,
  openComplaints: Threshold,
  complaints12Months: Threshold,
  /** Incidents and notifications in the last 12 months. */
  incidents12Months: Threshold,
  /** Feedback from professionals (social work, Continuing Care, GP, nurses) raising a concern, last 12 months. */
  concernFeedback12Months: Threshold,
  /** This many separate Amber concerns together suggest Red; null: never. */
  ambersMakeRed: count,
});
export type RiskMatrix = z.infer<typeof RiskMatrix>;

/** The matrix a council gets unless it sets its own (docs/domain.md lists these with their reasons). */
export const DEFAULT_RISK_MATRIX: RiskMatrix = {
  baseLevel: {
    'care-home': 3,
    'nursing-home': 3,
    'home-care': 3,
    'supported-living': 3,
    'childrens-residential': 3,
    'day-service': 1,
    'advice-advocacy': 1,
    other: 3,
  },
  // A visit raising one or two significant actions is already rated by its result; three open at
  // once is a concern of its own.
  openSignificantActions: { amber: 3, red: null },
  overdueSignificantActions: { amber: 1, red: 2 },
  overdueRoutineActions: { amber: 3, red: null },
  openSafeguardingReferrals: { amber: 1, red: 2 },
  safeguardingReferrals12Months: { amber: 2, red: 3 },
  openComplaints: { amber: 2, red: null },
  complaints12Months: { amber: 4, red: null },
  incidents12Months: { amber: 3, red: null },
  concernFeedback12Months: { amber: 2, red: null },
  ambersMakeRed: 3,
};

/**
 * A council's matrix from its JSON file: any key may be left out (the default is kept), and a
 * threshold or the base levels may give only some of their keys. Returns a message naming what is
 * wrong otherwise (an unknown key included, so a misspelt one is not silently ignored).
 */
export function parseRiskMatrix(input: unknown): RiskMatrix | string {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return 'the risk matrix must be a JSON object (see docs/domain.md)';
  const merged: Record<string, unknown> = { ...DEFAULT_RISK_MATRIX };
  for (const [key, value] of Object.entries(input)) {
    const fallback = (DEFAULT_RISK_MATRIX as Record<string, unknown>)[key];
    merged[key] =
      typeof fallback === 'object' && fallback !== null && typeof value === 'object' && value !== null
        ? { ...fallback, ...value }
        : value;
  }
  const parsed = RiskMatrix.safeParse(merged);
  if (parsed.success) return parsed.data;
  return parsed.error.issues
    .map((i) => {
      const path = [...i.path, ...('keys' in i && Array.isArray(i.keys) ? [i.keys.join(', ')] : [])].join('.');
      return `${path || 'the matrix'}: ${i.message}`;
    })
    .join('; ');
}

/** One source of evidence the matrix reads; each raises at most one concern. */
export type Criterion =
  | 'service-type'
  | 'visit'
  | 'actions'
  | 'safeguarding'
  | 'complaints'
  | 'cqc'
  | 'incidents'
  | 'feedback'
  | 'fire'
  | 'combined'
  | 'level';

/** Why the suggestion is what it is: a concern (red or amber), or a fact that set the level (null). */
export interface RiskReason {
  criterion: Criterion;
  rag: 'red' | 'amber' | null;
  text: string;
}

export interface RiskSuggestion {
  level: 1 | 2 | 3 | 4 | 5;
  rag: Rag;
  /** Concerns worst first, then how the level was reached. */
  reasons: RiskReason[];
}

type Evidence<E> = E extends IntelligenceEntry
  ? Omit<E, 'id' | 'providerId' | 'summary' | 'recordedBy' | 'recordedAt'>
  : never;
/** An intelligence entry as the matrix reads it (whole entries do). */
export type RiskIntelligence = Evidence<IntelligenceEntry>;

export interface RiskEvidence {
  serviceType: ServiceType;
  /** The latest monitoring visit by its date, and its result as a RAG (null: not rated); null when never visited. */
  latestVisit: { date: string; rag: Rag | null } | null;
  /** The provider's actions (closed ones are ignored). */
  actions: readonly Pick<VisitAction, 'significance' | 'status' | 'dueDate'>[];
  intelligence: readonly RiskIntelligence[];
}

const SEVERITY: Record<Rag, number> = { green: 0, amber: 1, red: 2 };
const RAG_NAME: Record<Rag, string> = { green: 'Green', amber: 'Amber', red: 'Red' };
const CQC_NAME: Record<CqcRating, string> = {
  outstanding: 'Outstanding',
  good: 'Good',
  'requires-improvement': 'Requires improvement',
  inadequate: 'Inadequate',
  'not-rated': 'Not rated',
};

const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
/** "15 July 2026", whatever the time zone it runs in. */
export const dayText = (date: string): string => longDate.format(new Date(`${date}T12:00:00Z`));

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The concern a count raises under a threshold, or null. */
function byThreshold(n: number, threshold: Threshold): 'red' | 'amber' | null {
  if (threshold.red !== null && n >= threshold.red) return 'red';
  if (threshold.amber !== null && n >= threshold.amber) return 'amber';
  return null;
}

/** The newest entry of a kind by its date (the later one in the list on a tie). */
function latest<K extends RiskIntelligence['kind']>(
  entries: readonly RiskIntelligence[],
  kind: K,
): Extract<RiskIntelligence, { kind: K }> | null {
  let found: Extract<RiskIntelligence, { kind: K }> | null = null;
  for (const e of entries)
    if (e.kind === kind && (found === null || e.date >= found.date))
      found = e as Extract<RiskIntelligence, { kind: K }>;
  return found;
}

/** The matrix's suggestion for one provider on `today` (the council's day). */
export function suggestMonitoring(
  evidence: RiskEvidence,
  today: string,
  matrix: RiskMatrix = DEFAULT_RISK_MATRIX,
): RiskSuggestion {
  const concerns: RiskReason[] = [];
  /** Adds the worst of a criterion's findings as its one concern, every finding as a reason. */
  const criterion = (name: Criterion, findings: Array<{ rag: 'red' | 'amber' | null; text: string }>) => {
    const raised = findings.filter((f) => f.rag !== null);
    raised.sort((a, b) => SEVERITY[b.rag!] - SEVERITY[a.rag!]);
    for (const f of raised) concerns.push({ criterion: name, rag: f.rag, text: f.text });
  };
  const yearAgo = addMonths(today, -12);
  const inYear = (e: { date: string }) => e.date > yearAgo && e.date <= today;
  const counted = (n: number, threshold: Threshold, text: string) => ({ rag: byThreshold(n, threshold), text });

  // The latest visit: never a better RAG than its result.
  const visit = evidence.latestVisit;
  if (visit !== null && visit.rag !== null && visit.rag !== 'green')
    criterion('visit', [
      {
        rag: visit.rag,
        text: `The latest monitoring visit, on ${dayText(visit.date)}, was rated ${RAG_NAME[visit.rag]}.`,
      },
    ]);

  const open = evidence.actions.filter((a) => a.status === 'open' || a.status === 'in-progress');
  const overdue = open.filter((a) => a.dueDate < today);
  const significant = (list: typeof open) => list.filter((a) => a.significance === 'significant').length;
  const overdueSignificant = significant(overdue);
  const overdueRoutine = overdue.length - overdueSignificant;
  criterion('actions', [
    counted(
      overdueSignificant,
      matrix.overdueSignificantActions,
      `${plural(overdueSignificant, 'significant action')} past ${overdueSignificant === 1 ? 'its' : 'their'} due date.`,
    ),
    counted(
      significant(open),
      matrix.openSignificantActions,
      `${plural(significant(open), 'significant action')} open.`,
    ),
    counted(overdueRoutine, matrix.overdueRoutineActions, `${plural(overdueRoutine, 'routine action')} overdue.`),
  ]);

  const of = <K extends RiskIntelligence['kind']>(kind: K) =>
    evidence.intelligence.filter((e): e is Extract<RiskIntelligence, { kind: K }> => e.kind === kind);
  const referrals = of('safeguarding-referral');
  const openReferrals = referrals.filter((e) => e.status === 'open').length;
  const yearReferrals = referrals.filter(inYear).length;
  criterion('safeguarding', [
    counted(openReferrals, matrix.openSafeguardingReferrals, `${plural(openReferrals, 'safeguarding referral')} open.`),
    counted(
      yearReferrals,
      matrix.safeguardingReferrals12Months,
      `${plural(yearReferrals, 'safeguarding referral')} in the last 12 months.`,
    ),
  ]);

  const complaints = of('complaint');
  const openComplaints = complaints.filter((e) => e.status === 'open').length;
  const yearComplaints = complaints.filter(inYear).length;
  criterion('complaints', [
    counted(openComplaints, matrix.openComplaints, `${plural(openComplaints, 'complaint')} open.`),
    counted(yearComplaints, matrix.complaints12Months, `${plural(yearComplaints, 'complaint')} in the last 12 months.`),
  ]);

  const cqc = latest(evidence.intelligence, 'cqc-inspection');
  if (cqc !== null) {
    const when = dayText(cqc.date);
    const inadequate = (Object.keys(KEY_QUESTION_NAMES) as (keyof typeof KEY_QUESTION_NAMES)[]).filter(
      (q) => cqc.keyQuestions[q] === 'inadequate',
    );
    criterion('cqc', [
      cqc.overall === 'inadequate'
        ? { rag: 'red', text: `CQC rated it Inadequate overall (${when}).` }
        : inadequate.length > 0
          ? {
              rag: 'red',
              text: `CQC rated ${inadequate.map((q) => KEY_QUESTION_NAMES[q]).join(' and ')} Inadequate (${when}), ${CQC_NAME[cqc.overall]} overall.`,
            }
          : cqc.overall === 'requires-improvement'
            ? { rag: 'amber', text: `CQC rated it Requires improvement overall (${when}).` }
            : { rag: null, text: '' },
    ]);
  }

  const incidents = of('incident').filter(inYear).length;
  criterion('incidents', [
    counted(incidents, matrix.incidents12Months, `${plural(incidents, 'incident')} in the last 12 months.`),
  ]);

  const concernsRaised = of('feedback').filter((e) => e.sentiment === 'concern' && inYear(e)).length;
  criterion('feedback', [
    counted(
      concernsRaised,
      matrix.concernFeedback12Months,
      `${plural(concernsRaised, 'concern')} raised by professionals in the last 12 months.`,
    ),
  ]);

  const fire = latest(evidence.intelligence, 'fire-inspection');
  if (fire !== null && fire.outcome !== 'satisfactory')
    criterion('fire', [
      {
        rag: fire.outcome === 'enforcement' ? 'red' : 'amber',
        text: `The latest fire inspection (${dayText(fire.date)}) ${fire.outcome === 'enforcement' ? 'ended in an enforcement notice' : 'found action required'}.`,
      },
    ]);

  // One concern per source: a source with several findings counts once towards ambersMakeRed.
  const worstBySource = new Map<Criterion, 'red' | 'amber'>();
  for (const c of concerns) if (!worstBySource.has(c.criterion)) worstBySource.set(c.criterion, c.rag!);
  const sources = [...worstBySource.values()];
  const ambers = sources.filter((r) => r === 'amber').length;
  let rag: Rag = sources.includes('red') ? 'red' : ambers > 0 ? 'amber' : 'green';
  if (rag === 'amber' && matrix.ambersMakeRed !== null && ambers >= matrix.ambersMakeRed) {
    rag = 'red';
    concerns.push({ criterion: 'combined', rag: 'red', text: `${ambers} separate Amber concerns together make Red.` });
  }
  concerns.sort((a, b) => SEVERITY[b.rag!] - SEVERITY[a.rag!]);

  const base = matrix.baseLevel[evidence.serviceType];
  const raise = rag === 'red' ? 2 : rag === 'amber' ? 1 : 0;
  const suggested = Math.min(5, base + raise) as RiskSuggestion['level'];
  const type = SERVICE_TYPE_LABELS[evidence.serviceType];
  const reasons: RiskReason[] = [...concerns];
  if (concerns.length === 0)
    reasons.push({ criterion: 'level', rag: null, text: 'No concern found in the evidence held: Green.' });
  reasons.push({
    criterion: 'service-type',
    rag: null,
    text:
      base <= 2
        ? `${type}: a preventative service, monitored at level ${base} when there is no concern (an annual desk review and sample visits).`
        : `${type}: care or support for people eligible for social care or children's services, monitored at level ${base} when there is no concern (scheduled visits).`,
  });
  if (raise > 0)
    reasons.push({
      criterion: 'level',
      rag: null,
      text:
        suggested === base + raise
          ? `${RAG_NAME[rag]} raises the level by ${raise === 1 ? 'one' : 'two'}, to level ${suggested}.`
          : `${RAG_NAME[rag]} raises the level to the highest, level 5.`,
    });
  return { level: suggested, rag, reasons };
}

/**
 * A visit's overall rating as a RAG, whatever its template's scale: RAG values as they are; CQC and
 * PAMMS words by their meaning; any other scale by its place (best first): the worst option Red,
 * the lower half Amber (the middle of an odd scale included), the rest Green. Null when not rated.
 */
export function visitResultRag(overallRating: string | null, scale: readonly string[]): Rag | null {
  if (overallRating === null || overallRating === '') return null;
  const known: Record<string, Rag> = {
    green: 'green',
    amber: 'amber',
    red: 'red',
    outstanding: 'green',
    excellent: 'green',
    good: 'green',
    'requires-improvement': 'amber',
    inadequate: 'red',
    poor: 'red',
  };
  const named = known[overallRating];
  if (named !== undefined) return named;
  const index = scale.indexOf(overallRating);
  if (index < 0) return 'amber'; // an option the scale does not list: not known to be good
  if (index === scale.length - 1) return 'red';
  return index >= Math.floor(scale.length / 2) ? 'amber' : 'green';
}
