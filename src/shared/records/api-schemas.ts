// What the record routes answer beyond a single record (zod/mini): lists, a record's history and
// a stored attachment. The server declares its routes with these and the office pages parse with them.
import * as z from 'zod/mini';
import { AttachmentRef, Review, Sha256, StoredSubmission } from './schema';

/** GET /api/submissions: the current revisions this person may see. */
export const SubmissionList = z.object({ submissions: z.array(StoredSubmission) });
export type SubmissionList = z.infer<typeof SubmissionList>;

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
