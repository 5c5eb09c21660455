// Reads a request body (JSON, text or raw bytes) under a byte limit. Content-Length is checked first (cheap refusal),
// then the stream is counted as it arrives, because a chunked or lying client sends no honest length.
import type { Context } from 'hono';
import { ApiError, badRequest } from './errors';

const tooLarge = (limit: number) =>
  new ApiError(413, 'too-large', `The request body is larger than the ${Math.floor(limit / 1024)} kB limit`);

export async function readJsonBody(c: Context, limit: number): Promise<unknown> {
  const text = await readTextBody(c, limit, 'A JSON body is required');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badRequest('The request body is not valid JSON');
  }
}

/** The body as UTF-8 text (a leading byte-order mark, as spreadsheets write, is dropped). */
export async function readTextBody(c: Context, limit: number, missing = 'A request body is required'): Promise<string> {
  const bytes = await readBodyBytes(c, limit, tooLarge(limit), missing);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw badRequest('The request body is not valid UTF-8');
  }
}

/** The raw body under `limit` bytes, throwing `tooLargeError` (413) as soon as it is exceeded. */
export async function readBodyBytes(c: Context, limit: number, tooLargeError: ApiError, missing: string): Promise<Uint8Array> {
  const declared = c.req.header('content-length');
  if (declared !== undefined && /^\d+$/.test(declared) && Number(declared) > limit) throw tooLargeError;
  const stream = c.req.raw.body;
  if (stream === null) throw badRequest(missing);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLargeError;
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}
