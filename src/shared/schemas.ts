// Shared wire and storage shapes (zod/mini, so the browser bundle stays small).
// Owns: templates, visit submissions, sync pull payloads, the error body and sessions.
// Invariant: imports neither DOM nor Node; the app and the server both parse with these.
import * as z from 'zod/mini';
import { Assignment, Briefing, ProviderRecord } from './register';

const nonEmpty = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
const shortText = (max: number) => z.string().check(z.maxLength(max));
/** A stable machine id for templates, sections and items: lower-case words joined by dashes. */
const slug = z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), z.maxLength(80));

// ---------- templates ----------

export const ChoiceOption = z.object({
  value: slug,
  label: nonEmpty(120),
  /** Shown under the option, e.g. the grade description. */
  hint: z.optional(shortText(600)),
});
export type ChoiceOption = z.infer<typeof ChoiceOption>;

/**
 * A template item. Issue 2 needs "choice" (met / partly met / ...) and free text; later item
 * types join this union without changing how answers are stored.
 */
export const TemplateItem = z.object({
  id: slug,
  type: z.enum(['choice', 'text', 'long-text']),
  label: nonEmpty(300),
  guidance: z.optional(shortText(2000)),
  required: z.boolean(),
  /** For "choice" items; when absent the template's default response options apply. */
  options: z.optional(z.array(ChoiceOption)),
  /** Whether the evidence note is asked for: never, optional, or required unless the answer is one of `noteOptionalFor`. */
  note: z.enum(['none', 'optional', 'required']),
  noteOptionalFor: z.optional(z.array(slug)),
});
export type TemplateItem = z.infer<typeof TemplateItem>;

export const TemplateSection = z.object({
  id: slug,
  title: nonEmpty(120),
  summary: z.optional(shortText(600)),
  items: z.array(TemplateItem).check(z.minLength(1)),
  /** Whether the officer gives this area a rating on the template's scale. */
  rated: z.boolean(),
});
export type TemplateSection = z.infer<typeof TemplateSection>;

export const Template = z.object({
  id: slug,
  version: z.int().check(z.gte(1)),
  framework: nonEmpty(40),
  title: nonEmpty(160),
  description: shortText(2000),
  /** What the record is about: a provider (a care home) or a practitioner (later templates). */
  subject: z.enum(['provider']),
  responseOptions: z.array(ChoiceOption).check(z.minLength(2)),
  ratingScale: z.array(ChoiceOption).check(z.minLength(2)),
  sections: z.array(TemplateSection).check(z.minLength(1)),
});
export type Template = z.infer<typeof Template>;

// ---------- visit records and submissions ----------

export const Answer = z.object({
  /** The chosen option value, or the text for text items; null when cleared. */
  value: z.nullable(shortText(20000)),
  note: shortText(20000),
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

export const SubmissionBody = z.object({
  id: z.uuid(),
  revision: z.int().check(z.gte(1), z.lte(100000)),
  /** The revision this one amends; null for the first revision. */
  baseRevision: z.nullable(z.int().check(z.gte(1))),
  kind: z.literal('visit'),
  templateId: slug,
  templateVersion: z.int().check(z.gte(1)),
  details: VisitDetails,
  answers: z.record(slug, Answer),
  sectionRatings: z.record(slug, slug),
  /** The assignment this visit was started from, if any. */
  assignmentId: z.optional(z.nullable(z.string().check(z.maxLength(64)))),
  /** The pre-visit briefing as the officer had it when the visit started (what they knew). */
  briefingSnapshot: z.optional(z.nullable(Briefing)),
  /** Client clock readings, kept for the record only; the server orders by its own clock. */
  startedAt: z.iso.datetime({ offset: true }),
  submittedAt: z.iso.datetime({ offset: true }),
});
export type SubmissionBody = z.infer<typeof SubmissionBody>;

/** What the server returns for a stored submission. */
export const StoredSubmission = z.object({
  id: z.uuid(),
  revision: z.int(),
  submitterId: z.string(),
  submitterName: z.string(),
  receivedAt: z.string(),
  body: SubmissionBody,
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
export type Issue = { path: string; message: string };
