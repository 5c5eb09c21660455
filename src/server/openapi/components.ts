// The names under components/schemas in /api/openapi.json: each shared zod schema a route declares
// is listed once under its contract name, so a schema inside another becomes a $ref rather than a
// copy. A declared schema missing here is still documented, under a name made from its route.
import type * as z from 'zod/mini';
import { ActionList, DeadlineRecord, Deadlines } from '../../shared/actions/api-schemas';
import {
  AssignmentList,
  AssignmentStatusChange,
  IntelligenceImportResult,
  IntelligenceList,
  NewAssignment,
  NewIntelligenceEntry,
  ProviderImportResult,
  ProviderList,
  RegisterRowBody,
} from '../../shared/briefings/api-schemas';
import {
  ActionUpdate,
  Assignment,
  Briefing,
  IntelligenceEntry,
  ProviderRecord,
  VisitAction,
} from '../../shared/briefings/register';
import { AttachmentStored, RevisionHistory, SubmissionPage, SubmissionSummary } from '../../shared/records/api-schemas';
import * as escalations from '../../shared/escalations/schema';
import { ProviderTimeline, QuarterlyReport, TimelineEvent } from '../../shared/reports/report-schemas';
import { SessionUser, SignInRequest } from '../../shared/auth/schema';
import { ErrorBody, HealthResponse } from '../../shared/http';
import {
  AttachmentRef,
  PutSubmissionResponse,
  RecordBody,
  Review,
  ReviewRequest,
  StoredSubmission,
} from '../../shared/records/schema';
import { PullResponse } from '../../shared/sync/schema';
import { Template } from '../../shared/templates/schema';
import { NewUserRequest, SessionResponse, UserList, UserSummary } from '../../shared/users/api-schemas';

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
  SubmissionSummary,
  SubmissionPage,
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
  Escalation: escalations.Escalation,
  EscalationList: escalations.EscalationList,
  NewEscalation: escalations.NewEscalation,
  NewEscalationStep: escalations.NewEscalationStep,
  CloseEscalation: escalations.CloseEscalation,
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
