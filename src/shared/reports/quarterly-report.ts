// The quarterly QA report (issue 6; seed 003 §19, seed 002 §8, seed 004 §9) as a pure function of
// what the server holds: activity done against expected, grade and RAG distributions, RAG changes,
// write-ups and audit feedback past their deadlines, overdue actions, significant actions closed within 3 months, and themes (escalations,
// seed 004 §22, among them) under the exception headings. No clock and no I/O: `today` is passed in, so a hand-worked quarter tests it.
import type * as z from 'zod/mini';
import { type DeadlineRules, recordDeadlines, writeUpDue, writtenUpOn } from '../deadlines';
import type { IntelligenceEntry, Rag, VisitAction } from '../briefings/register';
import type { RecordKind, ReviewStatus } from '../records/schema';
import type { Template } from '../templates/schema';
import { isDeskReviewLevel, nextDeskReviewDue, nextVisitDue, type VisitFrequencies } from '../briefings/visit-due';
import { closedOn, closureFigures } from '../actions/action-closure';
import {
  EXCEPTION_HEADINGS,
  escalationHeading,
  type HeadingId,
  intelligenceHeading,
  itemHeading,
  sectionHeading,
} from './exception-themes';
import { inQuarter, type Quarter, quarterEnd, quarterKey, quarterLabel, quarterStart } from './quarters';
import type { EscalationStepKind, EscalationTrigger } from '../escalations/schema';
import { TRIGGER_LABELS } from '../escalations/labels';
import type {
  ActivityLine as ActivityLineSchema,
  AuditFeedback as AuditFeedbackSchema,
  Count as CountSchema,
  EscalationLine as EscalationLineSchema,
  LateWriteUp as LateWriteUpSchema,
  OverdueAction as OverdueActionSchema,
  QuarterlyReport as QuarterlyReportSchema,
  RagChangeLine as RagChangeLineSchema,
  ThemeLine as ThemeLineSchema,
} from './report-schemas';

/** A record's current revision, as the report needs it. */
export interface ReportRecord {
  id: string;
  kind: RecordKind;
  templateId: string;
  templateVersion: number;
  /** The date the record is about (visit, observation or audit date). */
  date: string;
  providerId: string | null;
  /** Who or what it is about, as people read it. */
  subject: string;
  submitterName: string;
  /** The council's day the server first received it. */
  receivedOn: string;
  /** When it was first marked complete on a device (the record's `completedAt`); null when not kept. */
  completedAt: string | null;
  /** Audits: the day the summary went to the worker and their manager; null until recorded. */
  feedbackSentOn: string | null;
  reviewStatus: ReviewStatus;
  sectionRatings: Record<string, string>;
  overallRating: string | null;
}

export interface ReportProvider {
  id: string;
  name: string;
  /** The level now. */
  monitoringLevel: number;
  /** Every change of level (monitoring reviews and register changes), oldest first; absent: none. */
  levelChanges?: readonly { on: string; from: number; to: number }[];
  /** The days of its monitoring reviews (desk reviews at levels 1-2; not register changes); absent: none. */
  reviewDates?: readonly string[];
  registeredOn: string;
  rag: Rag;
}

/**
 * The levels a provider had at some time between `start` and `end`: the one in force at the start
 * (the last change before it, else the level before the first change, else the level now) and
 * each one it was moved to inside.
 */
export function levelsBetween(provider: ReportProvider, start: string, end: string): number[] {
  const changes = provider.levelChanges ?? [];
  const before = changes.filter((c) => c.on < start).at(-1);
  const atStart = before?.to ?? changes[0]?.from ?? provider.monitoringLevel;
  const inside = changes.filter((c) => c.on >= start && c.on <= end).map((c) => c.to);
  return [...new Set([atStart, ...inside])];
}
export interface RagChange {
  providerId: string;
  on: string;
  from: Rag | null;
  to: Rag;
  reason: string;
}
/** An escalation (seed 004 §22) as the report needs it. */
export interface ReportEscalation {
  id: string;
  providerId: string;
  trigger: EscalationTrigger;
  openedOn: string;
  /** The day it was closed; null while open. */
  closedOn: string | null;
  steps: readonly { kind: EscalationStepKind; date: string }[];
}
type ReportIntelligence = Pick<IntelligenceEntry, 'providerId' | 'kind' | 'date'> &
  Partial<{ sentiment: string; outcome: string }>;

export interface ReportInput {
  quarter: Quarter;
  today: string;
  /** Every record's current revision (all time: visits before the quarter set what falls due in it). */
  records: readonly ReportRecord[];
  templates: readonly Template[];
  providers: readonly ReportProvider[];
  ragChanges: readonly RagChange[];
  actions: readonly VisitAction[];
  intelligence: readonly ReportIntelligence[];
  /** Every escalation, open or closed (all time: those opened before the quarter may still be open in it). */
  escalations: readonly ReportEscalation[];
  /** People expected to observe practice and audit case files (team managers). */
  observers: number;
  frequencies: VisitFrequencies;
  /** How the council counts deadline days (calendar or working). */
  deadlineRules: DeadlineRules;
}

/** Seed 003 §4 table: each team manager observes at least once a month and audits one case file a month. */
const PER_OBSERVER_PER_QUARTER = { observation: 3, audit: 3 } as const;

const KIND_LABELS: Record<RecordKind, string> = {
  visit: 'Provider monitoring visits',
  observation: 'Observations of practice',
  audit: 'Case file audits',
};

export type Count = z.infer<typeof CountSchema>;
export type ActivityLine = z.infer<typeof ActivityLineSchema>;
export type LateWriteUp = z.infer<typeof LateWriteUpSchema>;
export type AuditFeedback = z.infer<typeof AuditFeedbackSchema>;
export type OverdueAction = z.infer<typeof OverdueActionSchema>;
export type ThemeLine = z.infer<typeof ThemeLineSchema> & { heading: HeadingId };
export type RagChangeLine = z.infer<typeof RagChangeLineSchema>;
export type EscalationLine = z.infer<typeof EscalationLineSchema>;
export type QuarterlyReport = z.infer<typeof QuarterlyReportSchema>;

const RAGS: { key: Rag; label: string }[] = [
  { key: 'green', label: 'Green' },
  { key: 'amber', label: 'Amber' },
  { key: 'red', label: 'Red' },
];

const templateKey = (id: string, version: number) => `${id}@${version}`;

/**
 * Seed 001's grade table: Amber is "Service or practice has reached the required minimum standard";
 * Red "has failed to reach the minimum standard". Amber is therefore reported apart, as at the
 * minimum standard: neither an exception nor hidden among the Greens.
 */
const MINIMUM_STANDARD = 'amber';

export function atMinimumStandard(rating: string): boolean {
  return rating === MINIMUM_STANDARD;
}

/**
 * Whether a rating is below the minimum standard: the lower half of its scale (the middle of an
 * odd scale included), except Amber (above). On CQC's four-point scale Requires improvement and
 * Inadequate both count: the safer reading, as Requires improvement is not "good".
 */
export function belowStandard(template: Template, rating: string): boolean {
  if (atMinimumStandard(rating)) return false;
  const index = template.ratingScale.findIndex((o) => o.value === rating);
  return index >= Math.floor(template.ratingScale.length / 2);
}

export function quarterlyReport(input: ReportInput): QuarterlyReport {
  const { quarter, today } = input;
  const start = quarterStart(quarter);
  const end = quarterEnd(quarter);
  const templates = new Map(input.templates.map((t) => [templateKey(t.id, t.version), t]));
  const templateOf = (r: ReportRecord) => templates.get(templateKey(r.templateId, r.templateVersion));
  const inside = input.records.filter((r) => inQuarter(r.date, quarter));
  const byKind = (kind: RecordKind) => inside.filter((r) => r.kind === kind);
  const providers = input.providers.filter((p) => p.registeredOn <= end);

  const visitsDue = dueVisits(input, providers, start, end);
  const activity: ActivityLine[] = [
    { kind: 'visit', label: KIND_LABELS.visit, done: byKind('visit').length, expected: visitsDue.due },
    {
      kind: 'observation',
      label: KIND_LABELS.observation,
      done: byKind('observation').length,
      expected: input.observers * PER_OBSERVER_PER_QUARTER.observation,
    },
    {
      kind: 'audit',
      label: KIND_LABELS.audit,
      done: byKind('audit').length,
      expected: input.observers * PER_OBSERVER_PER_QUARTER.audit,
    },
  ];

  const grades = (['visit', 'observation', 'audit'] as const).map((kind) => {
    const counts = new Map<string, Count>();
    for (const record of byKind(kind)) {
      const template = templateOf(record);
      if (record.overallRating === null || template === undefined) continue;
      const option = template.ratingScale.find((o) => o.value === record.overallRating);
      const entry = counts.get(record.overallRating) ?? {
        key: record.overallRating,
        label: option?.label ?? record.overallRating,
        count: 0,
      };
      entry.count += 1;
      counts.set(record.overallRating, entry);
    }
    const order = scaleOrder(input.templates, kind);
    const list = [...counts.values()].sort(
      (a, b) => (order.get(a.key) ?? 99) - (order.get(b.key) ?? 99) || a.label.localeCompare(b.label),
    );
    return { kind, label: KIND_LABELS[kind], counts: list, total: list.reduce((n, c) => n + c.count, 0) };
  });

  const names = new Map(input.providers.map((p) => [p.id, p.name]));
  const ragChanges = input.ragChanges
    .filter((c) => inQuarter(c.on, quarter))
    .sort((a, b) => a.on.localeCompare(b.on) || a.providerId.localeCompare(b.providerId))
    .map((c) => ({ ...c, providerName: names.get(c.providerId) ?? c.providerId }));
  const ragAtEnd = RAGS.map(({ key, label }) => ({
    key,
    label,
    count: providers.filter((p) => ragOn(p, input.ragChanges, end) === key).length,
  }));

  // Measured to the day the person finished it on their device (writtenUpOn says when that is believed).
  const lateWriteUps: LateWriteUp[] = inside
    .flatMap((r) => {
      const due = writeUpDue(r.kind, r.date, input.deadlineRules);
      const done = writtenUpOn(r);
      return due !== null && done > due
        ? [
            {
              id: r.id,
              kind: r.kind,
              subject: r.subject,
              date: r.date,
              dueDate: due,
              writtenUpOn: done,
              receivedOn: r.receivedOn,
            },
          ]
        : [];
    })
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate));

  const overdueActions: OverdueAction[] = input.actions
    .filter((a) => a.raisedOn <= end && a.dueDate < end && !closedBy(a, end))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id))
    .map((a) => ({
      id: a.id,
      title: a.title,
      owner: a.owner,
      significance: a.significance,
      dueDate: a.dueDate,
      providerId: a.providerId,
    }));

  return {
    quarter: { key: quarterKey(quarter), label: quarterLabel(quarter), start, end },
    today,
    activity,
    visitsDue,
    deskReviews: dueDeskReviews(providers, start, end),
    grades,
    ragAtEnd,
    ragChanges,
    lateWriteUps,
    auditFeedback: auditFeedback(byKind('audit'), input.deadlineRules, today),
    overdueActions,
    closure: closureFigures(input.actions, quarter, today),
    themes: themes(input, inside, templateOf),
    escalations: escalationLines(input, names),
  };
}

const closedBy = (action: VisitAction, day: string): boolean => {
  const closed = closedOn(action);
  return closed !== null && closed <= day;
};

/** A scale's order (best first) for a kind, from its templates. */
function scaleOrder(templates: readonly Template[], kind: RecordKind): Map<string, number> {
  const order = new Map<string, number>();
  const subject = { visit: 'provider', observation: 'practitioner', audit: 'case-file' }[kind];
  for (const t of templates.filter((t) => t.subject === subject)) {
    t.ratingScale.forEach((o, i) => {
      if (!order.has(o.value)) order.set(o.value, i);
    });
  }
  return order;
}

/** A provider's RAG on a day: the last change on or before it, else what the first later change moved from. */
function ragOn(provider: ReportProvider, changes: readonly RagChange[], day: string): Rag {
  const own = changes.filter((c) => c.providerId === provider.id).sort((a, b) => a.on.localeCompare(b.on));
  const before = own.filter((c) => c.on <= day).at(-1);
  if (before !== undefined) return before.to;
  return own.find((c) => c.on > day)?.from ?? provider.rag;
}

/** Providers (levels 3-5) whose visit fell due by the quarter's end, from their last visit before it began. */
function dueVisits(
  input: ReportInput,
  providers: readonly ReportProvider[],
  start: string,
  end: string,
): QuarterlyReport['visitsDue'] {
  const visits = input.records.filter((r) => r.kind === 'visit' && r.providerId !== null);
  const notVisited: QuarterlyReport['visitsDue']['notVisited'] = [];
  let due = 0;
  let visited = 0;
  for (const provider of providers) {
    const own = visits.filter((v) => v.providerId === provider.id);
    const lastBefore =
      own
        .filter((v) => v.date < start)
        .map((v) => v.date)
        .sort()
        .at(-1) ?? null;
    // The level each provider had during the quarter, not today's: where it had more than one, the
    // one that makes a visit due soonest (the safer reading: a move to a less frequent level late
    // in the quarter does not excuse a visit that fell due before it). Levels 1 and 2 have an
    // annual desk review and sample visits: no visit is expected of them.
    const dueDate =
      levelsBetween(provider, start, end)
        .map((level) => nextVisitDue(level, lastBefore, input.frequencies, provider.registeredOn))
        .filter((d): d is string => d !== null)
        .sort()[0] ?? null;
    if (dueDate === null || dueDate > end) continue;
    due += 1;
    if (own.some((v) => v.date >= start && v.date <= end)) visited += 1;
    else notVisited.push({ providerId: provider.id, name: provider.name, dueDate });
  }
  notVisited.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.name.localeCompare(b.name));
  return { due, visited, notVisited };
}

/**
 * Seed 004 §19a: services at levels 1-2 have an annual desk review of all the evidence. Due by the
 * end of the quarter, a year after the last review before it began (never reviewed: from
 * registration), for each provider at level 1 or 2 at some time in the quarter; done when a review
 * is recorded inside it.
 */
function dueDeskReviews(
  providers: readonly ReportProvider[],
  start: string,
  end: string,
): QuarterlyReport['deskReviews'] {
  const notDone: QuarterlyReport['deskReviews']['notDone'] = [];
  let due = 0;
  let done = 0;
  for (const provider of providers) {
    const deskLevel = levelsBetween(provider, start, end).find(isDeskReviewLevel);
    if (deskLevel === undefined) continue;
    const reviews = provider.reviewDates ?? [];
    const lastBefore =
      reviews
        .filter((d) => d < start)
        .sort()
        .at(-1) ?? null;
    const dueDate = nextDeskReviewDue(deskLevel, lastBefore, provider.registeredOn);
    if (dueDate === null || dueDate > end) continue;
    due += 1;
    if (reviews.some((d) => d >= start && d <= end)) done += 1;
    else notDone.push({ providerId: provider.id, name: provider.name, dueDate });
  }
  notDone.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.name.localeCompare(b.name));
  return { due, done, notDone };
}

function themes(
  input: ReportInput,
  inside: readonly ReportRecord[],
  templateOf: (r: ReportRecord) => Template | undefined,
): ThemeLine[] {
  const lines = new Map<HeadingId, ThemeLine>(
    EXCEPTION_HEADINGS.map((h) => [
      h.id,
      { heading: h.id, label: h.label, belowStandard: 0, atMinimum: 0, actions: 0, intelligence: 0, escalations: 0 },
    ]),
  );
  const add = (
    heading: HeadingId,
    field: 'belowStandard' | 'atMinimum' | 'actions' | 'intelligence' | 'escalations',
  ) => {
    lines.get(heading)![field] += 1;
  };
  for (const record of inside) {
    const template = templateOf(record);
    if (template === undefined) continue;
    for (const [sectionId, rating] of Object.entries(record.sectionRatings)) {
      if (belowStandard(template, rating)) add(sectionHeading(template.id, sectionId), 'belowStandard');
      else if (atMinimumStandard(rating)) add(sectionHeading(template.id, sectionId), 'atMinimum');
    }
  }
  const records = new Map(input.records.map((r) => [r.id, r]));
  for (const action of input.actions) {
    if (!inQuarter(action.raisedOn, input.quarter)) continue;
    const source = action.sourceSubmissionId ? records.get(action.sourceSubmissionId) : undefined;
    const template = source ? templateOf(source) : undefined;
    add(template ? itemHeading(template, action.itemId) : 'delivery-performance', 'actions');
  }
  for (const entry of input.intelligence) {
    const heading = inQuarter(entry.date, input.quarter) ? intelligenceHeading(entry) : null;
    if (heading !== null) add(heading, 'intelligence');
  }
  for (const escalation of input.escalations) {
    if (inQuarter(escalation.openedOn, input.quarter)) add(escalationHeading(escalation.trigger), 'escalations');
  }
  return [...lines.values()];
}

/** Escalations open at some time in the quarter (opened by its end, not closed before it began), oldest first. */
function escalationLines(input: ReportInput, names: ReadonlyMap<string, string>): EscalationLine[] {
  const start = quarterStart(input.quarter);
  const end = quarterEnd(input.quarter);
  const labels = new Map<string, string>(EXCEPTION_HEADINGS.map((h) => [h.id, h.label]));
  return input.escalations
    .filter((e) => e.openedOn <= end && (e.closedOn === null || e.closedOn >= start))
    .sort((a, b) => a.openedOn.localeCompare(b.openedOn) || a.id.localeCompare(b.id))
    .map((e) => {
      const heading = escalationHeading(e.trigger);
      return {
        id: e.id,
        providerId: e.providerId,
        providerName: names.get(e.providerId) ?? e.providerId,
        trigger: e.trigger,
        triggerLabel: TRIGGER_LABELS[e.trigger],
        heading,
        headingLabel: labels.get(heading) ?? heading,
        openedOn: e.openedOn,
        closedOn: e.closedOn !== null && e.closedOn <= end ? e.closedOn : null,
        stepsInQuarter: e.steps.filter((s) => inQuarter(s.date, input.quarter)).length,
      };
    });
}

/**
 * Seed 003 §4.6: each audit's summary and actions reach the worker and their team manager, and the
 * case file, within 48 hours. An audit with no date recorded counts as missed once its deadline has
 * passed (the safer reading: an unrecorded feedback is not evidence of one given), and as pending
 * before that.
 */
function auditFeedback(audits: readonly ReportRecord[], rules: DeadlineRules, today: string): AuditFeedback {
  let onTime = 0;
  let pending = 0;
  const missed: AuditFeedback['missed'] = [];
  for (const audit of audits) {
    const dueDate = recordDeadlines('audit', audit.date, rules).find((d) => d.kind === 'audit-feedback')!.dueDate;
    const sentOn = audit.feedbackSentOn;
    if (sentOn !== null && sentOn <= dueDate) onTime += 1;
    else if (sentOn === null && dueDate >= today) pending += 1;
    else missed.push({ id: audit.id, subject: audit.subject, date: audit.date, dueDate, sentOn });
  }
  missed.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id));
  return { audits: audits.length, onTime, pending, missed };
}
