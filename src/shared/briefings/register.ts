// Shared shapes for what an officer needs before a visit: the provider register, provider
// intelligence entered or imported in the office, actions carried from earlier visits, visit
// assignments, and the pre-visit briefing the server compiles from all of them (seed 004 §14).
// zod/mini; imports neither DOM nor Node.
import * as z from 'zod/mini';
import { Escalation } from '../escalations/schema';

const text = (max: number) => z.string().check(z.maxLength(max));
const required = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
const isoDate = z.iso.date();
const isoDateTime = z.iso.datetime({ offset: true });

export const ServiceType = z.enum([
  'care-home',
  'nursing-home',
  'home-care',
  'supported-living',
  'childrens-residential',
  'day-service',
  'advice-advocacy',
  'other',
]);
export type ServiceType = z.infer<typeof ServiceType>;

/** Service types as people read them (the app's labels and the risk matrix's reasons). */
export const SERVICE_TYPE_LABELS: Readonly<Record<ServiceType, string>> = {
  'care-home': 'Care home',
  'nursing-home': 'Nursing home',
  'home-care': 'Home care',
  'supported-living': 'Supported living',
  'childrens-residential': "Children's residential",
  'day-service': 'Day service',
  'advice-advocacy': 'Advice and advocacy',
  other: 'Other',
};

export const Rag = z.enum(['green', 'amber', 'red']);
export type Rag = z.infer<typeof Rag>;

export const Contract = z.object({
  reference: required(60),
  /** Annual value in whole pounds. */
  annualValue: z.nullable(z.int().check(z.gte(0))),
  start: isoDate,
  end: z.nullable(isoDate),
});
export type Contract = z.infer<typeof Contract>;

/** The provider register row (what the office keeps; what devices receive). */
export const ProviderRecord = z.object({
  id: required(64),
  name: required(200),
  cqcLocationId: z.nullable(text(20)),
  serviceType: ServiceType,
  address: text(400),
  registeredManager: text(200),
  capacity: z.nullable(z.int().check(z.gte(0), z.lte(10000))),
  contract: z.nullable(Contract),
  allocatedOfficerId: z.nullable(z.string()),
  rag: Rag,
  ragReason: text(1000),
  ragChangedAt: z.nullable(isoDate),
  monitoringLevel: z.int().check(z.gte(1), z.lte(5)),
  /** Derived by the server from stored visits. */
  lastVisitDate: z.nullable(isoDate),
  /**
   * Derived by the server from the monitoring level and the last visit (frequencies are
   * configuration); null at levels 1 and 2, which have a desk review instead (visit-due.ts).
   */
  nextVisitDue: z.nullable(isoDate),
  /**
   * Derived by the server: the council's day of the last monitoring review (the level and RAG
   * confirmed or changed against the risk matrix). Optional: a device may hold rows from before it.
   */
  lastReviewDate: z.optional(z.nullable(isoDate)),
  /** Derived by the server at levels 1 and 2: when the annual desk review falls due; otherwise null. */
  nextDeskReviewDue: z.optional(z.nullable(isoDate)),
});
export type ProviderRecord = z.infer<typeof ProviderRecord>;

export const CqcRating = z.enum(['outstanding', 'good', 'requires-improvement', 'inadequate', 'not-rated']);
export type CqcRating = z.infer<typeof CqcRating>;

/** CQC's five key questions by the names CQC gives them, in CQC's order (the keys of `keyQuestions`). */
export const KEY_QUESTION_NAMES = {
  safe: 'Safe',
  effective: 'Effective',
  caring: 'Caring',
  responsive: 'Responsive',
  wellLed: 'Well-led',
} as const;

/** A CQC inspection's ratings, overall and for each key question (in an entry and in the briefing). */
const cqcRatings = {
  overall: CqcRating,
  keyQuestions: z.object({
    safe: CqcRating,
    effective: CqcRating,
    caring: CqcRating,
    responsive: CqcRating,
    wellLed: CqcRating,
  }),
};
const fireOutcome = z.enum(['satisfactory', 'action-required', 'enforcement']);

const entryBase = {
  id: required(64),
  providerId: required(64),
  /** When it happened (inspection date, complaint received, ...), a calendar date. */
  date: isoDate,
  summary: text(4000),
  /** Who recorded it, as a display name, and when (server clock). */
  recordedBy: text(200),
  recordedAt: isoDateTime,
};

export const IntelligenceEntry = z.discriminatedUnion('kind', [
  z.object({ ...entryBase, kind: z.literal('cqc-inspection'), ...cqcRatings }),
  z.object({ ...entryBase, kind: z.literal('complaint'), status: z.enum(['open', 'closed']) }),
  z.object({ ...entryBase, kind: z.literal('safeguarding-referral'), status: z.enum(['open', 'closed']) }),
  z.object({ ...entryBase, kind: z.literal('incident'), notifiedToCqc: z.boolean() }),
  z.object({
    ...entryBase,
    kind: z.literal('feedback'),
    source: z.enum(['social-work', 'continuing-care', 'gp', 'district-nurse', 'health-professional', 'other']),
    sentiment: z.enum(['positive', 'mixed', 'concern']),
  }),
  z.object({ ...entryBase, kind: z.literal('fire-inspection'), outcome: fireOutcome }),
]);
export type IntelligenceEntry = z.infer<typeof IntelligenceEntry>;
export type IntelligenceKind = IntelligenceEntry['kind'];

export const ActionStatus = z.enum(['open', 'in-progress', 'done', 'verified']);
export type ActionStatus = z.infer<typeof ActionStatus>;

/**
 * An action raised on a record (a visit, observation or audit), as the server tracks it: open
 * actions of a provider travel in its briefing; the next visit verifies them.
 */
export const VisitAction = z.object({
  id: required(64),
  /** The provider it concerns; null for an observation's or audit's action about a practitioner. */
  providerId: z.nullable(required(64)),
  title: required(300),
  detail: text(4000),
  significance: z.enum(['significant', 'routine']),
  /** Who must act, as people read it: the provider's or the practitioner's name. */
  owner: text(200),
  dueDate: isoDate,
  status: ActionStatus,
  raisedOn: isoDate,
  sourceSubmissionId: z.nullable(z.string()),
  /** The item or section it was raised from, when there is one. */
  itemId: z.optional(z.nullable(z.string())),
  /** Evidence of completion, or of verification at the next visit. */
  evidence: z.optional(text(4000)),
  statusChangedAt: z.optional(z.nullable(isoDateTime)),
  statusChangedBy: z.optional(z.nullable(text(200))),
  /** The council's day it was first marked done or verified; null again if it is reopened (seed 004 §9 counts from it). */
  closedOn: z.optional(z.nullable(isoDate)),
});

export const ActionUpdate = z.object({ status: ActionStatus, evidence: text(4000) });
export type ActionUpdate = z.infer<typeof ActionUpdate>;
export type VisitAction = z.infer<typeof VisitAction>;

export const Assignment = z.object({
  id: required(64),
  providerId: required(64),
  officerId: required(64),
  templateId: required(80),
  dueDate: isoDate,
  announced: z.boolean(),
  notes: text(2000),
  status: z.enum(['open', 'done', 'cancelled']),
});
export type Assignment = z.infer<typeof Assignment>;

export const Briefing = z.object({
  providerId: required(64),
  compiledAt: isoDateTime,
  provider: ProviderRecord,
  cqc: z.nullable(z.object({ date: isoDate, ...cqcRatings })),
  complaints: z.object({ open: z.int(), last12Months: z.int(), recent: z.array(IntelligenceEntry) }),
  safeguarding: z.object({ open: z.int(), last12Months: z.int(), recent: z.array(IntelligenceEntry) }),
  incidents: z.object({ last12Months: z.int(), recent: z.array(IntelligenceEntry) }),
  /** Social work, Continuing Care, GP, district nurse and other professionals, newest first. */
  feedback: z.array(IntelligenceEntry),
  fireInspection: z.nullable(
    z.object({
      date: isoDate,
      outcome: fireOutcome,
      summary: text(4000),
    }),
  ),
  openActions: z.array(VisitAction),
  lastVisit: z.nullable(
    z.object({ submissionId: z.string(), date: isoDate, ratings: z.record(z.string(), z.string()) }),
  ),
  /**
   * The provider's open escalation (seed 004 §22) with its steps, or null. Optional only because
   * briefings stored on a device before escalations existed lack it (none could be open then).
   */
  escalation: z.optional(z.nullable(Escalation)),
});
export type Briefing = z.infer<typeof Briefing>;
