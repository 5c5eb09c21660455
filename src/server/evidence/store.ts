// Attachment rows in the database: which files the server holds, who uploaded each, who may name
// one in a record and who may read it back (the bytes themselves are in storage.ts). The rule
// (issue 14, docs/sync-contract.md): a file is reached by right, never by its hash alone. Uploading
// the bytes proves the right (possession); a record may name a file its submitter uploaded, or one
// an earlier revision of the same record named; a file is read by its uploader, or by whoever may
// read a record that names it under that rule. Uploads, files and the files a revision names are
// never deleted, so a right once proven stays proven and is safe to check outside a record's write.
import type { SessionUser } from '../../shared/auth/schema';
import { submitterVisible } from '../auth/access';
import type { Db, Queryable } from '../db';

/**
 * The files a revision names that its submitter has no right to name, in the order named: neither
 * uploaded by them nor named by an earlier revision of this record of theirs. The answer does not
 * depend on whether the server holds the bytes, so it tells nobody which files are held. One
 * statement; each hash is an index lookup (attachment_uploads' and submission_attachments'
 * primary keys, the head's).
 */
export async function attachmentsWithoutRight(
  q: Queryable,
  revision: { id: string; revision: number; hashes: readonly string[] },
  submitterId: string,
): Promise<string[]> {
  if (revision.hashes.length === 0) return [];
  const rows = await q.query<{ sha256: string }>(
    `SELECT named.sha256 FROM unnest($1::text[]) WITH ORDINALITY AS named(sha256, position)
      WHERE NOT EXISTS (SELECT 1 FROM attachment_uploads u WHERE u.sha256 = named.sha256 AND u.user_id = $2::uuid)
        AND NOT EXISTS (
          SELECT 1 FROM submission_attachments sa JOIN submission_heads h ON h.id = sa.submission_id
           WHERE sa.submission_id = $3::uuid AND sa.revision < $4::int AND sa.sha256 = named.sha256
             AND h.submitter_id = $2::uuid)
      ORDER BY named.position`,
    [revision.hashes, submitterId, revision.id, revision.revision],
  );
  return rows.map((r) => r.sha256);
}

/** The stored file's media type, or null when no row names it. */
export async function attachmentType(q: Queryable, sha256: string): Promise<string | null> {
  const [row] = await q.query<{ type: string }>('SELECT type FROM attachments WHERE sha256 = $1', [sha256]);
  return row?.type ?? null;
}

/**
 * Whether this person may read the file: they uploaded it, or they may see a record that names it
 * and whose submitter uploaded it. The second join holds the rule for every row: a revision can
 * name a file only with its submitter's upload behind it (attachmentsWithoutRight), and rows
 * written before that rule (issue 14), by a claim on a hash alone, open nothing.
 */
export async function mayReadAttachment(
  q: Queryable,
  user: Pick<SessionUser, 'id' | 'role'>,
  sha256: string,
): Promise<boolean> {
  const rows = await q.query(
    `SELECT 1 FROM attachment_uploads u WHERE u.sha256 = $3 AND u.user_id = $1
     UNION ALL
     SELECT 1 FROM submission_attachments sa
       JOIN submission_heads h ON h.id = sa.submission_id
       JOIN attachment_uploads up ON up.sha256 = sa.sha256 AND up.user_id = h.submitter_id
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
