// /api/attachments/{sha256} (docs/sync-contract.md, issue 5):
// - PUT takes the raw bytes of a photo or signature. Checked in this order: 401; 400 for a name
//   that is not a SHA-256; 415 for a type that is not allowed or bytes that are not that type
//   (magic bytes, not the declared type alone); 413 over the size limit; 422 when the bytes do not
//   hash to the name, or the image is over the pixel limit. 201 when stored, 200 when the server
//   already held it (the bytes are not stored again). Only then is the upload recorded: having sent
//   the bytes is what lets this person name the file in a record (issue 14, store.ts).
// - GET returns the bytes to their uploader, or to anyone who may read a record that names them by
//   right; 404 otherwise, so a stranger cannot tell a held file from a missing one, and a hash
//   alone (in an export, say) opens nothing.
import { createHash } from 'node:crypto';
import * as z from 'zod/mini';
import { AttachmentStored } from '../../shared/records/api-schemas';
import { Sha256 } from '../../shared/records/schema';
import { readBodyBytes } from '../http/body';
import type { AppContext, Deps } from '../http/env';
import { ApiError, badRequest, invalid, notFound } from '../http/errors';
import { routeDeclarer, raw, reply, type ApiRoute } from '../http/route';
import { ALLOWED_TYPES, type ImageType, sniffImage } from './sniff';
import { attachmentType, mayReadAttachment, recordUpload } from './store';

const route = routeDeclarer('attachments');

const Sha256Params = z.object({ sha256: Sha256.check(z.describe('SHA-256 of the file, 64 lower-case hex digits')) });
const isSha256 = (name: string) => Sha256.safeParse(name).success;
const image = raw('The image bytes; the declared type must match the magic bytes', ALLOWED_TYPES, { type: 'string' });

/** The bytes under the limit, of an allowed image type they really are, hashing to `sha256`, within the pixel limit. */
async function checkedImage(c: AppContext, deps: Deps, sha256: string) {
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
  return { bytes, type: sniffed.type, width: sniffed.width, height: sniffed.height };
}

export const attachmentRoutes: readonly ApiRoute[] = [
  route('PUT /api/attachments/:sha256', 'signed-in', {
    summary: 'Upload a file under its hash',
    params: Sha256Params,
    body: image,
    responses: {
      201: reply('Stored', AttachmentStored),
      200: reply('Already held', AttachmentStored),
      400: 'The name is not a SHA-256',
      413: 'The file is over the size limit',
      415: 'The type is not allowed or the bytes are not that type',
      422: 'The bytes do not hash to the name, or the image is too large in pixels',
    },
    handler: async (c, deps) => {
      const sha256 = c.req.param('sha256');
      if (!isSha256(sha256)) throw badRequest('The file name must be its SHA-256, as 64 lower-case hex digits');
      const file = await checkedImage(c, deps, sha256);
      const now = deps.now();
      // Bytes first, then the row: a row always has its file (a crash in between leaves only an orphan file).
      const known = (await attachmentType(deps.db, sha256)) !== null;
      if (!known || !(await deps.attachments.has(sha256))) await deps.attachments.put(sha256, file.bytes);
      const stored = { sha256, type: file.type, bytes: file.bytes.byteLength, width: file.width, height: file.height };
      const created = await recordUpload(deps.db, stored, c.get('user').id, now);
      const answer: AttachmentStored = { sha256, type: file.type, bytes: file.bytes.byteLength, created };
      return c.json(answer, created ? 201 : 200);
    },
  }),
  route('GET /api/attachments/:sha256', 'signed-in', {
    summary: 'Read a file back',
    params: Sha256Params,
    responses: { 200: { description: 'The bytes', body: image }, 404: 'No such file, or not visible to this person' },
    handler: async (c, deps) => {
      const sha256 = c.req.param('sha256');
      if (!isSha256(sha256) || !(await mayReadAttachment(deps.db, c.get('user'), sha256))) {
        throw notFound('No such file');
      }
      const type = await attachmentType(deps.db, sha256);
      const bytes = type === null ? null : await deps.attachments.get(sha256);
      if (type === null || bytes === null) throw notFound('No such file');
      return c.body(new Uint8Array(bytes).buffer, 200, { 'Content-Type': type, 'Content-Disposition': 'inline' });
    },
  }),
];
