// A record on the wire and as the server stores it (zod/mini): the body of one revision of a visit,
// observation or audit, its answers, ratings, actions and signatures; its review; the stored form.
import * as z from 'zod/mini';
import { nonEmpty, shortText, slug } from '../wire-fields';
import { ACTION_TITLE_MAX, ANSWER_TEXT_MAX, DETAIL_TEXT_MAX, REVIEW_COMMENT_MAX } from './text-limits';
import { ActionStatus, Briefing } from '../briefings/register';
import { Subject } from '../templates/schema';

/** A file held under its SHA-256 (lower-case hex): the name is the content. */
export const Sha256 = z.string().check(z.regex(/^[0-9a-f]{64}$/));

/** A photo attached to an answer. The bytes go to PUT /api/attachments/{sha256} first. */
export const AttachmentRef = z.object({
  sha256: Sha256,
  type: z.enum(['image/jpeg', 'image/png', 'image/webp']),
  bytes: z.int().check(z.gte(1)),
  caption: shortText(500),
});
export type AttachmentRef = z.infer<typeof AttachmentRef>;

const answerValue = z.nullable(z.union([shortText(ANSWER_TEXT_MAX), z.array(slug).check(z.maxLength(100))]));

/** One row of a repeating group: a stable id (so edits on two devices never swap rows) and its answers. */
const GroupRow = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  answers: z.record(
    slug,
    z.object({
      value: answerValue,
      note: shortText(ANSWER_TEXT_MAX),
      attachments: z.optional(z.array(AttachmentRef).check(z.maxLength(20))),
    }),
  ),
});
type GroupRow = z.infer<typeof GroupRow>;

export const Answer = z.object({
  /**
   * The chosen option value (choice, yes-no, rating), the values chosen (multi-choice), the text,
   * a number or an ISO date as text; null when cleared. Groups keep their rows instead.
   */
  value: answerValue,
  note: shortText(ANSWER_TEXT_MAX),
  rows: z.optional(z.array(GroupRow).check(z.maxLength(200))),
  attachments: z.optional(z.array(AttachmentRef).check(z.maxLength(20))),
});
export type Answer = z.infer<typeof Answer>;

export const VisitDetails = z.object({
  providerId: nonEmpty(64),
  /** The visit date as the officer records it (a calendar date, not a clock reading). */
  date: z.iso.date(),
  announced: z.boolean(),
  /** Who the officer spoke to: roles (never full names, as the templates ask), free text. */
  spokeWith: shortText(DETAIL_TEXT_MAX),
});
export type VisitDetails = z.infer<typeof VisitDetails>;

/** Details of a record about a practitioner's work: what identifies it, then their team and the date. */
const practiceDetails = <S extends z.core.$ZodLooseShape>(subject: S) =>
  z.object({ ...subject, team: nonEmpty(120), date: z.iso.date() });

/** An observation of practice: whose practice, and when (seed 003 §10). The observer is the submitter. */
export const ObservationDetails = practiceDetails({
  practitionerName: nonEmpty(120),
  practitionerRole: nonEmpty(120),
});
export type ObservationDetails = z.infer<typeof ObservationDetails>;

/**
 * A case file audit: which case, whose work, and when (seed 003 §4); and the day its summary and
 * actions went to the worker and their manager and onto the case file, due within 48 hours (§4.6),
 * left empty until then.
 */
export const AuditDetails = practiceDetails({
  caseReference: nonEmpty(64),
  practitionerName: nonEmpty(120),
  feedbackSentOn: z.optional(z.nullable(z.iso.date())),
});
export type AuditDetails = z.infer<typeof AuditDetails>;

export const RecordKind = z.enum(['visit', 'observation', 'audit']);
export type RecordKind = z.infer<typeof RecordKind>;

/** The record a template makes, from its subject. */
export const KIND_FOR_SUBJECT: Record<Subject, RecordKind> = {
  provider: 'visit',
  practitioner: 'observation',
  'case-file': 'audit',
};

/** A signature, stored as a PNG attachment with who signed, in what role, and when. */
export const Signature = z.object({
  sha256: Sha256,
  type: z.literal('image/png'),
  bytes: z.int().check(z.gte(1)),
  /** The provider's manager acknowledging the visit feedback; the practitioner and observer on an observation. */
  role: z.enum(['provider-manager', 'practitioner', 'observer']),
  name: nonEmpty(120),
  signedAt: z.iso.datetime({ offset: true }),
});
export type Signature = z.infer<typeof Signature>;

/** An action raised on a record: what must change, by whom, by when (issue 4). */
export const RaisedAction = z.object({
  id: z.uuid(),
  /** The item or section it was raised from; null when raised on the record as a whole. */
  itemId: z.nullable(slug),
  title: nonEmpty(ACTION_TITLE_MAX),
  /** What must change. */
  detail: shortText(DETAIL_TEXT_MAX),
  significance: z.enum(['significant', 'routine']),
  /** Who must do it: the provider (visits) or the practitioner (observations and audits). */
  owner: z.enum(['provider', 'practitioner']),
  dueDate: z.iso.date(),
});
export type RaisedAction = z.infer<typeof RaisedAction>;

/** An open action from an earlier visit, checked at this one: its status now and what shows it. */
export const ActionCheck = z.object({
  actionId: z.string().check(z.minLength(1), z.maxLength(64)),
  status: ActionStatus,
  evidence: shortText(DETAIL_TEXT_MAX),
});
export type ActionCheck = z.infer<typeof ActionCheck>;

/** Where the person chose a rating other than the one the scoring rule suggests, and why. */
export const RatingOverride = z.object({ suggested: slug, reason: nonEmpty(DETAIL_TEXT_MAX) });
export type RatingOverride = z.infer<typeof RatingOverride>;

/** The key under which the overall judgement's override is kept in `ratingOverrides`. */
export const OVERALL = 'overall';

const bodyFields = {
  id: z.uuid(),
  revision: z.int().check(z.gte(1), z.lte(100000)),
  /** The revision this one amends; null for the first revision. */
  baseRevision: z.nullable(z.int().check(z.gte(1))),
  templateId: slug,
  templateVersion: z.int().check(z.gte(1)),
  answers: z.record(slug, Answer),
  /** The rating given to each rated section. */
  sectionRatings: z.record(slug, slug),
  /** The overall judgement, for templates that ask for one. */
  overallRating: z.optional(z.nullable(slug)),
  /** Keyed by section id, or OVERALL: the suggestion that was overridden and the written reason. */
  ratingOverrides: z.optional(z.record(slug, RatingOverride)),
  actions: z.optional(z.array(RaisedAction).check(z.maxLength(200))),
  /** Visits only: earlier actions of this provider checked on the visit (the tracker is updated on receipt). */
  actionChecks: z.optional(z.array(ActionCheck).check(z.maxLength(200))),
  signatures: z.optional(z.array(Signature).check(z.maxLength(6))),
  /** The assignment this visit was started from, if any. */
  assignmentId: z.optional(z.nullable(z.string().check(z.maxLength(64)))),
  /** The pre-visit briefing as the officer had it when the visit started (what they knew). */
  briefingSnapshot: z.optional(z.nullable(Briefing)),
  /** Client clock readings, kept for the record only; the server orders by its own clock. */
  startedAt: z.iso.datetime({ offset: true }),
  submittedAt: z.iso.datetime({ offset: true }),
  /**
   * When the person first marked the record complete on their device (its first submit, carried
   * unchanged by amendments): the write-up deadline is measured to it, not to the council's receipt.
   * Absent from releases before it was kept.
   */
  completedAt: z.optional(z.nullable(z.iso.datetime({ offset: true }))),
};

export const RecordBody = z.discriminatedUnion('kind', [
  z.object({ ...bodyFields, kind: z.literal('visit'), details: VisitDetails }),
  z.object({ ...bodyFields, kind: z.literal('observation'), details: ObservationDetails }),
  z.object({ ...bodyFields, kind: z.literal('audit'), details: AuditDetails }),
]);
export type RecordBody = z.infer<typeof RecordBody>;
export type RecordDetails = RecordBody['details'];
export type VisitBody = Extract<RecordBody, { kind: 'visit' }>;
export type ObservationBody = Extract<RecordBody, { kind: 'observation' }>;

export const ReviewStatus = z.enum(['submitted', 'signed-off', 'returned']);
export type ReviewStatus = z.infer<typeof ReviewStatus>;

/** The latest decision on a record's current revision: signed off, or returned for amendment with a comment. */
export const Review = z.object({
  status: z.enum(['signed-off', 'returned']),
  revision: z.int(),
  comment: shortText(REVIEW_COMMENT_MAX),
  reviewerId: z.string(),
  reviewerName: z.string(),
  at: z.string(),
});
export type Review = z.infer<typeof Review>;

export const ReviewRequest = z.object({
  decision: z.enum(['sign-off', 'return']),
  /** The revision reviewed: a decision on a revision that is no longer current is refused (409). */
  revision: z.int().check(z.gte(1)),
  comment: shortText(REVIEW_COMMENT_MAX),
});
export type ReviewRequest = z.infer<typeof ReviewRequest>;

/** What the server returns for a stored submission. */
export const StoredSubmission = z.object({
  id: z.uuid(),
  revision: z.int(),
  submitterId: z.string(),
  submitterName: z.string(),
  receivedAt: z.string(),
  body: RecordBody,
  reviewStatus: ReviewStatus,
  review: z.nullable(Review),
});
export type StoredSubmission = z.infer<typeof StoredSubmission>;

/** The answer to PUT /api/submissions/{id}: the stored submission's identity, and whether this PUT stored it. */
const IDENTITY = { id: true, revision: true, receivedAt: true } as const;
export const PutSubmissionResponse = z.extend(z.pick(StoredSubmission, IDENTITY), { created: z.boolean() });
export type PutSubmissionResponse = z.infer<typeof PutSubmissionResponse>;
