// Reads a request body (JSON, text or raw bytes) under a byte limit. Content-Length is checked first (cheap refusal),
// then the stream is counted as it arrives, because a chunked or lying client sends no honest length.
// Text that PostgreSQL cannot store (NUL; in JSON also half a surrogate pair, which jsonb refuses) is
// refused here, once for every route, rather than failing later as a database error (a 500).
import type { Context } from 'hono';
import type { Issue } from '../../shared/sync/schema';
import { ApiError, badRequest, invalid } from './errors';

const tooLarge = (limit: number) =>
  new ApiError(413, 'too-large', `The request body is larger than the ${Math.floor(limit / 1024)} kB limit`);

export async function readJsonBody(c: Context, limit: number): Promise<unknown> {
  const text = await readTextBody(c, limit, 'A JSON body is required');
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    throw badRequest('The request body is not valid JSON');
  }
  // The strict UTF-8 decode lets neither through as raw characters, so only a \u escape can carry
  // them: most bodies skip the walk.
  if (ESCAPED_UNSTORABLE.test(text)) {
    const issues = unstorableText(value);
    if (issues.length > 0) throw invalid(issues);
  }
  return value;
}

const ESCAPED_UNSTORABLE = /\\u(?:0000|[dD][89a-fA-F])/;
/** A surrogate code unit that is not half of a pair (the u flag reads a pair as one code point). */
const LONE_SURROGATE = /\p{Cs}/u;
const unstorable = (s: string) => s.includes('\u0000') || LONE_SURROGATE.test(s);
const MAX_TEXT_ISSUES = 20;

type Visit = { value: unknown; key: string; parent: Visit | null };
const pathOf = (at: Visit): string => {
  const keys: string[] = [];
  for (let v: Visit | null = at; v !== null && v.parent !== null; v = v.parent) keys.push(v.key);
  return keys.reverse().join('.');
};

/**
 * Where in a parsed body a string or key holds unstorable text. Iterative, and each node points at
 * its parent rather than copying its path: bodies may be nested hundreds of thousands deep.
 */
function unstorableText(root: unknown): Issue[] {
  const issues: Issue[] = [];
  const stack: Visit[] = [{ value: root, key: '', parent: null }];
  while (stack.length > 0 && issues.length < MAX_TEXT_ISSUES) {
    const at = stack.pop()!;
    if (typeof at.value === 'string') {
      if (unstorable(at.value))
        issues.push({ path: pathOf(at), message: 'Text cannot contain a NUL character or half of a surrogate pair' });
    } else if (at.value !== null && typeof at.value === 'object') {
      for (const [key, value] of Object.entries(at.value)) {
        const child = { value, key, parent: at };
        if (unstorable(key))
          issues.push({
            path: pathOf(child),
            message: 'A name cannot contain a NUL character or half of a surrogate pair',
          });
        stack.push(child);
      }
    }
  }
  return issues;
}

/** The body as UTF-8 text (a leading byte-order mark, as spreadsheets write, is dropped). */
export async function readTextBody(c: Context, limit: number, missing = 'A request body is required'): Promise<string> {
  const bytes = await readBodyBytes(c, limit, tooLarge(limit), missing);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw badRequest('The request body is not valid UTF-8');
  }
  if (text.includes('\u0000')) throw badRequest('The request body is not text: it contains a NUL character');
  return text;
}

/** The raw body under `limit` bytes, throwing `tooLargeError` (413) as soon as it is exceeded. */
export async function readBodyBytes(
  c: Context,
  limit: number,
  tooLargeError: ApiError,
  missing: string,
): Promise<Uint8Array> {
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
