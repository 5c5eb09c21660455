// Wire shapes of the office reports (zod/mini): the quarterly report and a provider's timeline.
// The pure functions return these types; the OpenAPI document is generated from the schemas.
import * as z from 'zod/mini';
import { RecordKind } from '../records/schema';
import { EscalationTrigger } from '../escalations/schema';

const isoDate = z.iso.date();
const Rag = z.enum(['green', 'amber', 'red']);

export const Count = z.object({ key: z.string(), label: z.string(), count: z.int() });
export const ActivityLine = z.object({ kind: RecordKind, label: z.string(), done: z.int(), expected: z.int() });
export const LateWriteUp = z.object({
  id: z.string(),
  kind: RecordKind,
  subject: z.string(),
  date: isoDate,
  dueDate: isoDate,
  /** The day it was finished on the device (or received, where the device's day cannot be believed). */
  writtenUpOn: isoDate,
  receivedOn: isoDate,
});
/** Audits dated in the quarter and their feedback to the worker within 48 hours (seed 003 §4.6). */
export const AuditFeedback = z.object({
  audits: z.int(),
  onTime: z.int(),
  /** Not yet recorded and not yet due. */
  pending: z.int(),
  /** Sent after the deadline, or not recorded by it. */
  missed: z.array(
    z.object({ id: z.string(), subject: z.string(), date: isoDate, dueDate: isoDate, sentOn: z.nullable(isoDate) }),
  ),
});
export const OverdueAction = z.object({
  id: z.string(),
  title: z.string(),
  owner: z.string(),
  significance: z.enum(['significant', 'routine']),
  dueDate: isoDate,
  providerId: z.nullable(z.string()),
});
export const ThemeLine = z.object({
  heading: z.string(),
  label: z.string(),
  /** Areas rated below the minimum standard (Red, Requires improvement, Inadequate). */
  belowStandard: z.int(),
  /** Areas rated Amber: at the minimum standard (seed 001), reported apart from the exceptions. */
  atMinimum: z.int(),
  actions: z.int(),
  intelligence: z.int(),
  /** Escalations opened in the quarter (seed 004 §22), filed by what triggered them. */
  escalations: z.int(),
});
/** An escalation open at some time in the quarter. */
export const EscalationLine = z.object({
  id: z.string(),
  providerId: z.string(),
  providerName: z.string(),
  trigger: EscalationTrigger,
  triggerLabel: z.string(),
  /** The exception heading it is counted under, and its label. */
  heading: z.string(),
  headingLabel: z.string(),
  openedOn: isoDate,
  /** Closed on or before the quarter's end; null when still open then. */
  closedOn: z.nullable(isoDate),
  stepsInQuarter: z.int(),
});
export const RagChangeLine = z.object({
  providerId: z.string(),
  providerName: z.string(),
  on: isoDate,
  from: z.nullable(Rag),
  to: Rag,
  reason: z.string(),
});
export const ClosureFigures = z.object({
  raised: z.int(),
  closedInTime: z.int(),
  closedLate: z.int(),
  openOverdue: z.int(),
  pending: z.int(),
  /** closedInTime as a whole percentage of those decided; null when none are. */
  percent: z.nullable(z.int()),
});

export const QuarterlyReport = z.object({
  quarter: z.object({ key: z.string(), label: z.string(), start: isoDate, end: isoDate }),
  today: isoDate,
  activity: z.array(ActivityLine),
  visitsDue: z.object({
    due: z.int(),
    visited: z.int(),
    notVisited: z.array(z.object({ providerId: z.string(), name: z.string(), dueDate: isoDate })),
  }),
  /** Annual desk reviews of providers at levels 1-2 (seed 004 §19a) due by the quarter's end, and done in it. */
  deskReviews: z.object({
    due: z.int(),
    done: z.int(),
    notDone: z.array(z.object({ providerId: z.string(), name: z.string(), dueDate: isoDate })),
  }),
  grades: z.array(z.object({ kind: RecordKind, label: z.string(), counts: z.array(Count), total: z.int() })),
  ragAtEnd: z.array(Count),
  ragChanges: z.array(RagChangeLine),
  lateWriteUps: z.array(LateWriteUp),
  auditFeedback: AuditFeedback,
  overdueActions: z.array(OverdueAction),
  closure: ClosureFigures,
  themes: z.array(ThemeLine),
  escalations: z.array(EscalationLine),
});

export const TimelineEvent = z.object({
  date: isoDate,
  kind: z.enum([
    'visit',
    'rag-change',
    'monitoring-review',
    'escalation',
    'intelligence',
    'action-raised',
    'action-closed',
  ]),
  title: z.string(),
  detail: z.string(),
  /** The record it comes from, when there is one (opens the visit report). */
  recordId: z.nullable(z.string()),
});
export const ProviderTimeline = z.object({ providerId: z.string(), events: z.array(TimelineEvent) });
export type ProviderTimeline = z.infer<typeof ProviderTimeline>;
