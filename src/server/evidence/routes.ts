// /api/attachments/{sha256} (DESIGN §4, issue 5):
// - PUT takes the raw bytes of a photo or signature. Checked in this order: 401; 400 for a name
//   that is not a SHA-256; 415 for a type that is not allowed or bytes that are not that type
//   (magic bytes, not the declared type alone); 413 over the size limit; 422 when the bytes do not
//   hash to the name, or the image is over the pixel limit. 201 when stored, 200 when the server
//   already held it (the bytes are not stored again). Only then is the upload recorded.
// - GET returns the bytes to their uploader, or to anyone who may read a record that names them;
//   404 otherwise, so a stranger cannot tell a held file from a missing one.
import { createHash } from 'node:crypto';
import type { Hono } from 'hono';
import { submitterVisible } from '../auth/access';
import { requireUser } from '../auth/middleware';
import type { Queryable } from '../db/index';
import { readBodyBytes } from '../http/body';
import type { AppEnv, Deps } from '../http/env';
import { ApiError, badRequest, invalid, notFound } from '../http/errors';
import { ALLOWED_TYPES, type ImageType, sniffImage } from './sniff';

const HASH = /^[0-9a-f]{64}$/;

/** Whether this person may read the file: they uploaded it, or may see a record naming it. */
async function mayRead(q: Queryable, userId: string, role: string, sha256: string): Promise<boolean> {
  const rows = await q.query(
    `SELECT 1 FROM attachment_uploads u WHERE u.sha256 = $3 AND u.user_id = $1
     UNION ALL
     SELECT 1 FROM submission_attachments sa JOIN submission_heads h ON h.id = sa.submission_id
      WHERE sa.sha256 = $3 AND ${submitterVisible('h.submitter_id', '$1', '$2')}
     LIMIT 1`,
    [userId, role, sha256],
  );
  return rows.length > 0;
}

export function registerAttachmentRoutes(app: Hono<AppEnv>, deps: Deps): void {
  const signedIn = requireUser(deps);

  app.put('/api/attachments/:sha256', signedIn, async (c) => {
    const sha256 = c.req.param('sha256');
    if (!HASH.test(sha256)) throw badRequest('The file name must be its SHA-256, as 64 lower-case hex digits');
    const declaredType = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!ALLOWED_TYPES.includes(declaredType as ImageType)) {
      throw new ApiError(415, 'unsupported-type', 'Only JPEG, PNG and WebP images can be attached');
    }
    const limit = deps.config.attachmentLimitBytes;
    const tooLarge = new ApiError(
      413,
      'too-large',
      `The file is larger than the ${Math.floor(limit / (1024 * 1024))} MB limit`,
    );
    const bytes = await readBodyBytes(c, limit, tooLarge, 'The file is missing');
    const sniffed = sniffImage(bytes);
    if (sniffed === null || sniffed.type !== declaredType) {
      throw new ApiError(415, 'unsupported-type', `The file is not the ${declaredType} it says it is`);
    }
    if (createHash('sha256').update(bytes).digest('hex') !== sha256) {
      throw invalid([
        { path: 'sha256', message: 'The file does not hash to its name: it was changed or cut short on the way' },
      ]);
    }
    if (sniffed.width === null || sniffed.height === null) {
      throw invalid([{ path: 'body', message: 'The image header could not be read' }]);
    }
    if (sniffed.width * sniffed.height > deps.config.maxImagePixels) {
      throw invalid([
        {
          path: 'body',
          message: `The image is ${sniffed.width} × ${sniffed.height} pixels, over the ${deps.config.maxImagePixels.toLocaleString('en-GB')}-pixel limit`,
        },
      ]);
    }
    const user = c.get('user');
    const now = deps.now();
    const [known] = await deps.db.query<{ sha256: string }>('SELECT sha256 FROM attachments WHERE sha256 = $1', [
      sha256,
    ]);
    // Bytes first, then the row: a row always has its file (a crash in between leaves only an orphan file).
    if (known === undefined || !(await deps.attachments.has(sha256))) await deps.attachments.put(sha256, bytes);
    const created = await deps.db.transaction(async (tx) => {
      const inserted = await tx.query(
        `INSERT INTO attachments (sha256, type, bytes, width, height, stored_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (sha256) DO NOTHING RETURNING sha256`,
        [sha256, sniffed.type, bytes.byteLength, sniffed.width, sniffed.height, now],
      );
      await tx.query(
        'INSERT INTO attachment_uploads (sha256, user_id, uploaded_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
        [sha256, user.id, now],
      );
      return inserted.length === 1;
    });
    return c.json({ sha256, type: sniffed.type, bytes: bytes.byteLength, created }, created ? 201 : 200);
  });

  app.get('/api/attachments/:sha256', signedIn, async (c) => {
    const sha256 = c.req.param('sha256');
    const user = c.get('user');
    if (!HASH.test(sha256) || !(await mayRead(deps.db, user.id, user.role, sha256))) throw notFound('No such file');
    const [row] = await deps.db.query<{ type: string }>('SELECT type FROM attachments WHERE sha256 = $1', [sha256]);
    const bytes = row === undefined ? null : await deps.attachments.get(sha256);
    if (row === undefined || bytes === null) throw notFound('No such file');
    return c.body(new Uint8Array(bytes).buffer, 200, { 'Content-Type': row.type, 'Content-Disposition': 'inline' });
  });
}
