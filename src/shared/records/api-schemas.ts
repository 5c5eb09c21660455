// What the record routes answer beyond a single record (zod/mini): lists, a record's history and
// a stored attachment. The server declares its routes with these and the office pages parse with them.
import * as z from 'zod/mini';
import {
  AttachmentRef,
  AuditDetails,
  ObservationDetails,
  Review,
  Sha256,
  StoredSubmission,
  VisitDetails,
} from './schema';

/** What a list shows of a record's current revision: what and who it is about, and where it stands; never its answers. */
const { id, revision, submitterId, submitterName, receivedAt, reviewStatus } = StoredSubmission.shape;
const summaryFields = { id, revision, submitterId, submitterName, receivedAt, reviewStatus };
export const SubmissionSummary = z.discriminatedUnion('kind', [
  z.object({ ...summaryFields, kind: z.literal('visit'), details: VisitDetails }),
  z.object({ ...summaryFields, kind: z.literal('observation'), details: ObservationDetails }),
  z.object({ ...summaryFields, kind: z.literal('audit'), details: AuditDetails }),
]);
export type SubmissionSummary = z.infer<typeof SubmissionSummary>;

/**
 * GET /api/submissions: one page of the records this person may see, awaiting sign-off first, then
 * by the record's date, newest first. `next` asks for the page after (null on the last page).
 */
export const SubmissionPage = z.object({ submissions: z.array(SubmissionSummary), next: z.nullable(z.string()) });
export type SubmissionPage = z.infer<typeof SubmissionPage>;

/** GET /api/submissions/{id}/revisions: every revision and every decision made on them. */
export const RevisionHistory = z.object({ revisions: z.array(StoredSubmission), reviews: z.array(Review) });
export type RevisionHistory = z.infer<typeof RevisionHistory>;

/** PUT /api/attachments/{sha256}: what was stored, and whether it was new (201) or already held (200). */
export const AttachmentStored = z.object({
  sha256: Sha256,
  type: AttachmentRef.shape.type,
  bytes: z.int().check(z.gte(0)),
  created: z.boolean(),
});
export type AttachmentStored = z.infer<typeof AttachmentStored>;
