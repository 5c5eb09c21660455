// What goes under components/schemas in /api/openapi.json: the shared contract's schemas under
// their own names, and zod descriptions of the response bodies that handlers build inline. These
// extra shapes only document (nothing parses with them), so they live here rather than in
// src/shared; keep them in step with the handlers named beside each.
import * as z from 'zod/mini';
import {
  ActionUpdate,
  Assignment,
  Briefing,
  IntelligenceEntry,
  ProviderRecord,
  VisitAction,
} from '../../shared/briefings/register';
import {
  AttachmentRef,
  ErrorBody,
  PullResponse,
  PutSubmissionResponse,
  RecordKind,
  Review,
  ReviewRequest,
  SessionUser,
  Sha256,
  SignInRequest,
  StoredSubmission,
  RecordBody,
  Template,
} from '../../shared/schemas';
import { ProviderTimeline, QuarterlyReport, TimelineEvent } from '../../shared/reports/report-schemas';
import { RegisterRowBody } from '../providers/routes';
import { NewUserRequest } from '../users/routes';

const count = z.int().check(z.gte(0));

/** GET /api/health (app.ts). */
export const HealthResponse = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
});

/** /api/session and POST /api/users (auth/routes.ts, users/routes.ts). */
export const SessionResponse = z.object({ user: SessionUser });

/** GET /api/users (auth/users.ts listUsers). */
export const UserSummary = z.extend(SessionUser, {
  teamId: z.nullable(z.string()),
  teamName: z.nullable(z.string()),
  /** The team this person manages, if any. */
  managesTeamId: z.nullable(z.string()),
});
export const UserList = z.object({ users: z.array(UserSummary) });

export const SubmissionList = z.object({ submissions: z.array(StoredSubmission) });
/** GET /api/submissions/{id}/revisions (reviews/routes.ts). */
export const RevisionHistory = z.object({ revisions: z.array(StoredSubmission), reviews: z.array(Review) });

/** PUT /api/attachments/{sha256} (attachments/routes.ts). */
export const AttachmentStored = z.object({
  sha256: Sha256,
  type: AttachmentRef.shape.type,
  bytes: count,
  created: z.boolean(),
});

export const ActionList = z.object({ actions: z.array(VisitAction) });

/** One record in GET /api/deadlines (deadlines/routes.ts DeadlineRecord). */
export const DeadlineRecord = z.object({
  id: z.uuid(),
  kind: RecordKind,
  subject: z.string(),
  submitterName: z.string(),
  date: z.iso.date(),
  receivedAt: z.iso.datetime(),
  /** The last deadline the record carries (write-up, or audit form to QA). */
  dueDate: z.nullable(z.iso.date()),
});
export const Deadlines = z.object({
  /** The council's day (Europe/London). */
  today: z.iso.date(),
  actions: z.array(VisitAction),
  awaitingSignOff: z.array(DeadlineRecord),
  late: z.array(DeadlineRecord),
});

export const ProviderList = z.object({ providers: z.array(ProviderRecord) });
/** POST /api/providers/import (providers/import-route.ts). */
export const ProviderImportResult = z.object({ imported: count, updated: count });

export const IntelligenceList = z.object({ entries: z.array(IntelligenceEntry) });
/**
 * POST /api/providers/{id}/intelligence: an entry without what the server sets (id, providerId
 * from the path, recordedBy, recordedAt); those keys are ignored when sent.
 */
export const NewIntelligenceEntry = z.union(
  IntelligenceEntry.def.options.map((option) =>
    z.omit(option, { id: true, providerId: true, recordedBy: true, recordedAt: true }),
  ),
);
/** POST /api/providers/intelligence/import (intelligence/import-route.ts IntelligenceImportResult). */
export const IntelligenceImportResult = z.object({
  imported: count,
  alreadyRecorded: count,
  byKind: z.partialRecord(z.enum(IntelligenceEntry.def.options.map((o) => o.shape.kind.def.values[0]!)), count),
  providerIds: z.array(z.string()),
});

/** POST /api/assignments and PATCH /api/assignments/{id} bodies (as in assignments/routes.ts). */
export const NewAssignment = z.omit(Assignment, { id: true, status: true });
export const AssignmentStatusChange = z.object({ status: Assignment.shape.status });
export const AssignmentList = z.object({ assignments: z.array(Assignment) });

/** Every named schema; a body schema missing here is still documented, under a name made from its route. */
export const NAMED_SCHEMAS: Readonly<Record<string, z.ZodMiniType>> = {
  ErrorBody,
  SignInRequest,
  SessionUser,
  SessionResponse,
  HealthResponse,
  UserSummary,
  UserList,
  NewUserRequest,
  PullResponse,
  Template,
  RecordBody,
  StoredSubmission,
  PutSubmissionResponse,
  SubmissionList,
  Review,
  ReviewRequest,
  RevisionHistory,
  AttachmentRef,
  AttachmentStored,
  Provider: ProviderRecord,
  RegisterRow: RegisterRowBody,
  ProviderList,
  ProviderImportResult,
  IntelligenceEntry,
  NewIntelligenceEntry,
  IntelligenceList,
  IntelligenceImportResult,
  Briefing,
  VisitAction,
  ActionUpdate,
  ActionList,
  DeadlineRecord,
  Deadlines,
  Assignment,
  NewAssignment,
  AssignmentStatusChange,
  AssignmentList,
  QuarterlyReport,
  ProviderTimeline,
  TimelineEvent,
};
