// Attachment rows in the database: which files the server holds, who uploaded each and who may
// read it back (the bytes themselves are in storage.ts). Attachments are never deleted, so "held"
// is safe to check outside a record's write.
import type { SessionUser } from '../../shared/auth/schema';
import { submitterVisible } from '../auth/access';
import type { Db, Queryable } from '../db';

/** The named files the server does not hold, in the order named. */
export async function missingAttachments(q: Queryable, hashes: string[]): Promise<string[]> {
  if (hashes.length === 0) return [];
  const held = await q.query<{ sha256: string }>('SELECT sha256 FROM attachments WHERE sha256 = ANY($1::text[])', [
    hashes,
  ]);
  const have = new Set(held.map((r) => r.sha256));
  return hashes.filter((h) => !have.has(h));
}

/** The stored file's media type, or null when no row names it. */
export async function attachmentType(q: Queryable, sha256: string): Promise<string | null> {
  const [row] = await q.query<{ type: string }>('SELECT type FROM attachments WHERE sha256 = $1', [sha256]);
  return row?.type ?? null;
}

/** Whether this person may read the file: they uploaded it, or may see a record naming it. */
export async function mayReadAttachment(
  q: Queryable,
  user: Pick<SessionUser, 'id' | 'role'>,
  sha256: string,
): Promise<boolean> {
  const rows = await q.query(
    `SELECT 1 FROM attachment_uploads u WHERE u.sha256 = $3 AND u.user_id = $1
     UNION ALL
     SELECT 1 FROM submission_attachments sa JOIN submission_heads h ON h.id = sa.submission_id
      WHERE sa.sha256 = $3 AND ${submitterVisible('h.submitter_id', '$1', '$2')}
     LIMIT 1`,
    [user.id, user.role, sha256],
  );
  return rows.length > 0;
}

export interface StoredFile {
  sha256: string;
  type: string;
  bytes: number;
  width: number | null;
  height: number | null;
}

/** Records the file (once) and who uploaded it; true when the row is new. Call after the bytes are stored. */
export async function recordUpload(db: Db, file: StoredFile, userId: string, at: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const inserted = await tx.query(
      `INSERT INTO attachments (sha256, type, bytes, width, height, stored_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (sha256) DO NOTHING RETURNING sha256`,
      [file.sha256, file.type, file.bytes, file.width, file.height, at],
    );
    await tx.query(
      'INSERT INTO attachment_uploads (sha256, user_id, uploaded_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
      [file.sha256, userId, at],
    );
    return inserted.length === 1;
  });
}
