// What the register, intelligence and assignment routes take and answer beyond the records in
// register.ts (zod/mini). The server declares its routes with these and the office pages send and
// parse with them, so an import result or a list has one definition on both sides.
import * as z from 'zod/mini';
import { Assignment, IntelligenceEntry, ProviderRecord } from './register';

const count = z.int().check(z.gte(0));

/** POST and PUT /api/providers: a register row without the fields the server derives. */
export const RegisterRowBody = z.omit(ProviderRecord, {
  lastVisitDate: true,
  nextVisitDue: true,
  lastReviewDate: true,
  nextDeskReviewDue: true,
});
export type RegisterRowBody = z.infer<typeof RegisterRowBody>;

/** GET /api/providers. */
export const ProviderList = z.object({ providers: z.array(ProviderRecord) });
export type ProviderList = z.infer<typeof ProviderList>;

/** POST /api/providers/import: providers added and updated. */
export const ProviderImportResult = z.object({ imported: count, updated: count });
export type ProviderImportResult = z.infer<typeof ProviderImportResult>;

/** GET /api/providers/{id}/intelligence: newest first. */
export const IntelligenceList = z.object({ entries: z.array(IntelligenceEntry) });
export type IntelligenceList = z.infer<typeof IntelligenceList>;

/**
 * POST /api/providers/{id}/intelligence: an entry without what the server sets (id, providerId
 * from the path, recordedBy, recordedAt); those keys are ignored when sent.
 */
export const NewIntelligenceEntry = z.union(
  IntelligenceEntry.def.options.map((option) =>
    z.omit(option, { id: true, providerId: true, recordedBy: true, recordedAt: true }),
  ),
);

const IntelligenceKindEnum = z.enum(IntelligenceEntry.def.options.map((o) => o.shape.kind.def.values[0]!));

/** POST /api/providers/intelligence/import. */
export const IntelligenceImportResult = z.object({
  /** Entries written by this import. */
  imported: count,
  /** Rows identical to entries already recorded (an earlier import of the same rows): skipped. */
  alreadyRecorded: count,
  /** Entries written, by kind. */
  byKind: z.partialRecord(IntelligenceKindEnum, count),
  /** Providers that received at least one new entry. */
  providerIds: z.array(z.string()),
});
export type IntelligenceImportResult = z.infer<typeof IntelligenceImportResult>;

/** POST /api/assignments: the server sets the id and the status (open). */
export const NewAssignment = z.omit(Assignment, { id: true, status: true });
export type NewAssignment = z.infer<typeof NewAssignment>;

/** PATCH /api/assignments/{id}. */
export const AssignmentStatusChange = z.object({ status: Assignment.shape.status });
export type AssignmentStatusChange = z.infer<typeof AssignmentStatusChange>;

/** GET /api/assignments: those this person may see. */
export const AssignmentList = z.object({ assignments: z.array(Assignment) });
export type AssignmentList = z.infer<typeof AssignmentList>;
