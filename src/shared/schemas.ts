// Shared wire and storage shapes (zod/mini, so the browser bundle stays small).
// Owns: templates, visit submissions, sync pull payloads, the error body and sessions.
// Invariant: imports neither DOM nor Node; the app and the server both parse with these.
import * as z from 'zod/mini';
import { ActionStatus, Assignment, Briefing, ProviderRecord } from './briefings/register';

const nonEmpty = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
const shortText = (max: number) => z.string().check(z.maxLength(max));
/** A stable machine id for templates, sections and items: lower-case words joined by dashes. */
const slug = z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), z.maxLength(80));

// ---------- templates ----------

export const ChoiceOption = z.object({
  value: slug,
  label: nonEmpty(120),
  /** Shown under the option, e.g. the grade description. */
  hint: z.optional(shortText(2000)),
  /** What the option counts for in the template's scoring rule; options without one are not scored (n/a). */
  score: z.optional(z.number()),
});
export type ChoiceOption = z.infer<typeof ChoiceOption>;

const ItemType = z.enum(['text', 'long-text', 'yes-no', 'choice', 'multi-choice', 'number', 'date', 'rating', 'group']);
type ItemType = z.infer<typeof ItemType>;

/** Show the item only when another item's answer is (or, for multiple choice, includes) one of `in`. */
const ShowIf = z.object({ item: slug, in: z.array(slug).check(z.minLength(1)) });
type ShowIf = z.infer<typeof ShowIf>;

const itemFields = {
  id: slug,
  type: ItemType,
  label: nonEmpty(300),
  guidance: z.optional(shortText(4000)),
  required: z.boolean(),
  /** For choice and multi-choice items; a choice item without them uses the template's response options. */
  options: z.optional(z.array(ChoiceOption)),
  /** Whether an evidence note is asked for: never, optional, or required unless the answer is one of `noteOptionalFor`. */
  note: z.enum(['none', 'optional', 'required']),
  noteOptionalFor: z.optional(z.array(slug)),
  showIf: z.optional(ShowIf),
  /** One of the template's evidence categories (e.g. CQC's "observation"). */
  evidenceCategory: z.optional(slug),
  /** Bounds for number items. */
  min: z.optional(z.number()),
  max: z.optional(z.number()),
};

/** An item inside a repeating group (groups do not nest). */
export const GroupChildItem = z.object(itemFields);
export type GroupChildItem = z.infer<typeof GroupChildItem>;

/**
 * A template item. Answers are stored per item id whatever the type; a "group" item repeats its
 * `items` once per row (each person spoken to, each care plan sampled) and keeps the rows in its answer.
 */
export const TemplateItem = z.object({
  ...itemFields,
  items: z.optional(z.array(GroupChildItem)),
  /** What one row of a group is called, e.g. "Person spoken to". */
  rowLabel: z.optional(nonEmpty(80)),
  minRows: z.optional(z.int().check(z.gte(0))),
  maxRows: z.optional(z.int().check(z.gte(1), z.lte(200))),
});
export type TemplateItem = z.infer<typeof TemplateItem>;

export const TemplateSection = z.object({
  id: slug,
  title: nonEmpty(120),
  summary: z.optional(shortText(2000)),
  items: z.array(TemplateItem).check(z.minLength(1)),
  /** Whether the person gives this section a rating on the template's scale. */
  rated: z.boolean(),
});
export type TemplateSection = z.infer<typeof TemplateSection>;

/**
 * How item scores become section ratings and the overall judgement (scoring.ts):
 * - none: the person rates by judgement alone;
 * - worst: the lowest-scoring answer sets the section, the lowest section the overall (QMF RAG);
 * - average: the mean score, rounded toward the lower rating (case file audit grades, observations);
 * - percentage-bands: sum / (count x top score) as a whole percentage, placed in bands (CQC).
 */
export const Scoring = z.object({
  method: z.enum(['none', 'worst', 'average', 'percentage-bands']),
  /** For percentage-bands: each band's lowest whole percentage and the rating it gives, highest first or any order. */
  bands: z.optional(z.array(z.object({ from: z.int().check(z.gte(0), z.lte(100)), rating: slug }))),
});
export type Scoring = z.infer<typeof Scoring>;

/** The kind of record a template makes, from what it is about. */
export const Subject = z.enum(['provider', 'practitioner', 'case-file']);
export type Subject = z.infer<typeof Subject>;

export const Template = z.object({
  id: slug,
  version: z.int().check(z.gte(1)),
  framework: nonEmpty(40),
  title: nonEmpty(160),
  description: shortText(4000),
  /** What the record is about: a provider (a visit), a practitioner (an observation) or a case file (an audit). */
  subject: Subject,
  responseOptions: z.array(ChoiceOption).check(z.minLength(2)),
  ratingScale: z.array(ChoiceOption).check(z.minLength(2)),
  sections: z.array(TemplateSection).check(z.minLength(1)),
  /** Evidence categories items may be tagged with (CQC's six). */
  evidenceCategories: z.optional(z.array(ChoiceOption)),
  scoring: z.optional(Scoring),
  /** Whether the record ends with an overall judgement on the rating scale. */
  overall: z.optional(z.object({ label: nonEmpty(120), guidance: z.optional(shortText(2000)) })),
  /** Months until an action is due, by significance (defaults: significant 3, routine 6). */
  actionDueMonths: z.optional(
    z.object({ significant: z.int().check(z.gte(1), z.lte(24)), routine: z.int().check(z.gte(1), z.lte(24)) }),
  ),
});
export type Template = z.infer<typeof Template>;

// ---------- visit records and submissions ----------

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

const answerValue = z.nullable(z.union([shortText(20000), z.array(slug).check(z.maxLength(100))]));

/** One row of a repeating group: a stable id (so edits on two devices never swap rows) and its answers. */
const GroupRow = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  answers: z.record(
    slug,
    z.object({
      value: answerValue,
      note: shortText(20000),
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
  note: shortText(20000),
  rows: z.optional(z.array(GroupRow).check(z.maxLength(200))),
  attachments: z.optional(z.array(AttachmentRef).check(z.maxLength(20))),
});
export type Answer = z.infer<typeof Answer>;

export const VisitDetails = z.object({
  providerId: nonEmpty(64),
  /** The visit date as the officer records it (a calendar date, not a clock reading). */
  date: z.iso.date(),
  announced: z.boolean(),
  /** Who the officer spoke to: names and roles, free text. */
  spokeWith: shortText(4000),
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

/** A case file audit: which case, whose work, and when (seed 003 §4). */
export const AuditDetails = practiceDetails({ caseReference: nonEmpty(64), practitionerName: nonEmpty(120) });
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
  title: nonEmpty(300),
  /** What must change. */
  detail: shortText(4000),
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
  evidence: shortText(4000),
});
export type ActionCheck = z.infer<typeof ActionCheck>;

/** Where the person chose a rating other than the one the scoring rule suggests, and why. */
export const RatingOverride = z.object({ suggested: slug, reason: nonEmpty(4000) });
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
  comment: shortText(4000),
  reviewerId: z.string(),
  reviewerName: z.string(),
  at: z.string(),
});
export type Review = z.infer<typeof Review>;

export const ReviewRequest = z.object({
  decision: z.enum(['sign-off', 'return']),
  /** The revision reviewed: a decision on a revision that is no longer current is refused (409). */
  revision: z.int().check(z.gte(1)),
  comment: shortText(4000),
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

export const PutSubmissionResponse = z.object({
  id: z.uuid(),
  revision: z.int(),
  receivedAt: z.string(),
  created: z.boolean(),
});
export type PutSubmissionResponse = z.infer<typeof PutSubmissionResponse>;

// ---------- reference data ----------

/** The provider register row; defined with the rest of the pre-visit data in register.ts. */
export const Provider = ProviderRecord;
export type Provider = ProviderRecord;

export const PullResponse = z.object({
  cursor: z.string(),
  /** True when this is a full snapshot: the client replaces what it holds of global collections. */
  full: z.boolean(),
  templates: z.array(Template),
  providers: z.array(Provider),
  /** Briefings and assignments changed since the cursor, within what this user may hold. */
  briefings: z.array(Briefing),
  assignments: z.array(Assignment),
  /** Global collections: ids deleted since the cursor. Templates are never removed from devices. */
  removed: z.object({ providers: z.array(z.string()) }),
  /**
   * Every id of the scoped collections this user may hold now, sent on every pull: the device
   * deletes what is not listed, so withdrawn access removes the data whatever the cursor.
   */
  scope: z.object({ briefings: z.array(z.string()), assignments: z.array(z.string()) }),
  /** Providers this user pinned, so their briefings are kept on the device. */
  pinned: z.array(z.string()),
  /** Server configuration the app needs offline. */
  settings: z.object({ briefingStaleDays: z.int().check(z.gte(1)) }),
  /**
   * This person's records returned for amendment, sent on every pull (a short list): the device
   * shows them with the reviewer's comment and can amend them, even after a sign-out wiped it.
   */
  returned: z.array(StoredSubmission),
});
export type PullResponse = z.infer<typeof PullResponse>;

// ---------- session and errors ----------

export const Role = z.enum(['officer', 'manager', 'qa']);
export type Role = z.infer<typeof Role>;

export const SignInRequest = z.object({
  email: z.string().check(z.trim(), z.minLength(3), z.maxLength(254)),
  password: z.string().check(z.minLength(1), z.maxLength(1024)),
});

export const SessionUser = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: Role,
});
export type SessionUser = z.infer<typeof SessionUser>;

export const ErrorCode = z.enum([
  'bad-request',
  'invalid',
  'unauthenticated',
  'forbidden',
  'not-found',
  'conflict',
  'attachments-missing',
  'too-large',
  'unsupported-type',
  'rate-limited',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorBody = z.object({
  error: ErrorCode,
  message: z.string(),
  issues: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
  missing: z.optional(z.array(z.string())),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** Why a record could not be sent, as the device keeps it beside the record and its outbox entry:
 * the HTTP status (null for a network failure), the error code and message, and what the server named. */
export type Problem = {
  status: number | null;
  code: string;
  message: string;
  issues?: Issue[];
  /** For 409 `attachments-missing`: the SHA-256 hashes the server does not hold. */
  missing?: string[];
};
export type Issue = { path: string; message: string };

/** A revision waiting on the device to be sent, keyed (recordId, revision); `seq` orders the queue.
 * The device database keeps it with its bookkeeping (src/app/storage/database.ts StoredOutboxEntry). */
export type OutboxEntry = {
  seq: number;
  recordId: string;
  revision: number;
  body: RecordBody;
  attempts: number;
  /** Files of this entry the server has acknowledged (so a resumed drain does not send them again). */
  uploaded: string[];
};

// ---------- service ----------

/** GET /api/health. */
export const HealthResponse = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;
