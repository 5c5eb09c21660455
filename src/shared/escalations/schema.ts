// The escalation procedure (seed 004 §22: "The review and monitoring approach will be complemented
// by our escalation procedure. This is needed to deal with situations where certain action events
// have occurred e.g. significant incident or failed CQC inspection"; seed 000 names escalation
// processes among what contracts define). A provider is put into escalation with a reason and
// what triggered it; the steps taken are recorded with their dates and owners; it is closed with an
// outcome and a date. At most one escalation of a provider is open at a time (the safer rule: two
// open ones would split the steps and let one be closed while the concerns stay open).
// Wire shapes (zod/mini); the rules are in rules.ts, display names in labels.ts.
import * as z from 'zod/mini';
import { nonEmpty, shortText } from '../wire-fields';

const isoDate = z.iso.date();
const isoDateTime = z.iso.datetime({ offset: true });
const id = nonEmpty(64);

/** What put the provider into escalation: seed 004 §22's two examples, and the council's other sources of concern. */
export const EscalationTrigger = z.enum([
  'significant-incident',
  'failed-cqc-inspection',
  'safeguarding',
  'visit-result',
  'intelligence',
]);
export type EscalationTrigger = z.infer<typeof EscalationTrigger>;

/** The steps the procedure takes. */
export const EscalationStepKind = z.enum([
  'concerns-meeting',
  'improvement-plan',
  'placement-embargo',
  'notify-cqc',
  'safeguarding-referral',
  'contract-action',
]);
export type EscalationStepKind = z.infer<typeof EscalationStepKind>;

/** How it ended. */
export const EscalationOutcome = z.enum(['concerns-resolved', 'contract-ended', 'service-closed', 'other']);
export type EscalationOutcome = z.infer<typeof EscalationOutcome>;

/** No escalation records more steps than this (a bound on the stored body, not a rule of the procedure). */
export const MAX_STEPS = 100;

export const EscalationStep = z.object({
  id,
  kind: EscalationStepKind,
  /** When it was taken: a council calendar day, not after the day it is recorded. */
  date: isoDate,
  /** Who owns the step, as people read it (a name, a role or a team). */
  owner: nonEmpty(200),
  note: shortText(2000),
  /** Who recorded it, as a display name, and when (server clock). */
  recordedBy: shortText(200),
  recordedAt: isoDateTime,
});
export type EscalationStep = z.infer<typeof EscalationStep>;

export const EscalationClosure = z.object({
  outcome: EscalationOutcome,
  /** What was found and decided. */
  summary: nonEmpty(2000),
  closedOn: isoDate,
  closedBy: shortText(200),
  closedAt: isoDateTime,
});
export type EscalationClosure = z.infer<typeof EscalationClosure>;

export const Escalation = z.object({
  id,
  providerId: id,
  trigger: EscalationTrigger,
  reason: nonEmpty(2000),
  /** The day the provider went into escalation. */
  openedOn: isoDate,
  openedBy: shortText(200),
  openedAt: isoDateTime,
  /** Open until closed; `closure` is null exactly while open. */
  status: z.enum(['open', 'closed']),
  /** Oldest first, by date. */
  steps: z.array(EscalationStep).check(z.maxLength(MAX_STEPS)),
  closure: z.nullable(EscalationClosure),
});
export type Escalation = z.infer<typeof Escalation>;

/** POST /api/providers/{id}/escalations: the server sets the id, provider (from the path), who and when. */
export const NewEscalation = z.pick(Escalation, { trigger: true, reason: true, openedOn: true });
export type NewEscalation = z.infer<typeof NewEscalation>;

/** POST /api/escalations/{id}/steps. */
export const NewEscalationStep = z.object({
  kind: EscalationStepKind,
  date: isoDate,
  owner: nonEmpty(200),
  note: z.optional(shortText(2000)),
});
export type NewEscalationStep = z.infer<typeof NewEscalationStep>;

/** POST /api/escalations/{id}/close: the server sets who and when. */
export const CloseEscalation = z.pick(EscalationClosure, { outcome: true, summary: true, closedOn: true });
export type CloseEscalation = z.infer<typeof CloseEscalation>;

/** GET /api/providers/{id}/escalations (newest first) and GET /api/escalations. */
export const EscalationList = z.object({ escalations: z.array(Escalation) });
export type EscalationList = z.infer<typeof EscalationList>;
