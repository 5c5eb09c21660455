// The one way the app talks to the server: same-origin JSON requests that never throw and always
// end, as either a response (status, parsed body, Retry-After) or a network error.
// Invariants: a request that hangs past the timeout — headers or body ("lie-fi") — is a network
// error; redirects are refused (our API never redirects, a captive portal does); a body is JSON
// when it parses, else its text (null when empty); Retry-After is whole seconds from now.
// Answers are read with the shared schema of their route (readAnswer).
import type * as z from 'zod/mini';

export type HttpResult =
  | { kind: 'response'; status: number; body: unknown; retryAfterSeconds?: number }
  | { kind: 'network-error'; message: string };

/** Long enough for a visit's JSON on a weak signal; short enough that "lie-fi" is noticed soon. */
export const DEFAULT_TIMEOUT_MS = 20_000;

export type RequestOptions = {
  /** Whole-request limit, including reading the body. */
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
  /** For Retry-After given as an HTTP-date. */
  now?: () => number;
};

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export function requestJson(
  method: HttpMethod,
  url: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<HttpResult> {
  return send(
    method,
    url,
    body === undefined ? undefined : { type: 'application/json', text: JSON.stringify(body) },
    options,
  );
}

/** Sends `text` as the body with its own content type (a CSV upload); the answer is read as for requestJson. */
export function requestText(
  method: HttpMethod,
  url: string,
  text: string,
  contentType: string,
  options: RequestOptions = {},
): Promise<HttpResult> {
  return send(method, url, { type: contentType, text }, options);
}

/** Sends a file's bytes (an attachment) with its own content type; the answer is read as for requestJson. */
export function requestBlob(
  method: HttpMethod,
  url: string,
  blob: Blob,
  contentType: string,
  options: RequestOptions = {},
): Promise<HttpResult> {
  return send(method, url, { type: contentType, text: blob }, options);
}

function send(
  method: HttpMethod,
  url: string,
  body: { type: string; text: string | Blob } | undefined,
  options: RequestOptions,
): Promise<HttpResult> {
  const ms = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // Called bare, never as options.fetch(...): a browser's fetch needs `this` to be the window.
  const doFetch: typeof globalThis.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const now = options.now ?? (() => Date.now());
  return withTimeout(ms, async (signal) => {
    const response = await doFetch(url, {
      method,
      credentials: 'same-origin',
      headers:
        body === undefined ? { Accept: 'application/json' } : { 'Content-Type': body.type, Accept: 'application/json' },
      body: body?.text,
      redirect: 'error',
      cache: 'no-store',
      signal,
    });
    const result: HttpResult = { kind: 'response', status: response.status, body: parseBody(await response.text()) };
    const retryAfter = parseRetryAfter(response.headers.get('Retry-After'), now());
    if (retryAfter !== undefined) result.retryAfterSeconds = retryAfter;
    return result;
  });
}

async function withTimeout(ms: number, work: (signal: AbortSignal) => Promise<HttpResult>): Promise<HttpResult> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The race, not only the abort, ends the wait: a body stream that ignores the signal can't hang us.
  const timedOut = new Promise<HttpResult>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve({ kind: 'network-error', message: `no answer within ${Math.round(ms / 1000)} s` });
    }, ms);
  });
  const attempt = work(controller.signal).catch((err: unknown): HttpResult => ({
    kind: 'network-error',
    message: describe(err),
  }));
  try {
    return await Promise.race([attempt, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

function parseBody(text: string): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text; // a proxy's HTML page or plain text; callers word the problem by status
  }
}

/** Seconds to wait from a Retry-After header (delta-seconds or HTTP-date), or undefined. */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v);
  // Only an HTTP-date (always GMT): Date.parse alone would read "1.5" as a day in 2001.
  if (!/GMT$/i.test(v)) return undefined;
  const at = Date.parse(v);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - nowMs) / 1000));
}

function describe(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  return String(err);
}

/** The server's message from an error body, or a plain fallback. */
export function errorMessage(body: unknown, fallback: string): string {
  if (
    body &&
    typeof body === 'object' &&
    'message' in body &&
    typeof (body as { message: unknown }).message === 'string'
  ) {
    return (body as { message: string }).message;
  }
  return fallback;
}

/**
 * A successful answer read with `schema`. One that does not match (a server newer or older than
 * this page) is a message naming the first mismatch, rather than a page that breaks later.
 */
export function readAnswer<S extends z.ZodMiniType>(
  schema: S,
  body: unknown,
  notDone: string,
): { ok: true; value: z.output<S> } | { ok: false; message: string } {
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, value: parsed.data };
  const first = parsed.error.issues[0];
  const where = first === undefined ? '' : ` (${first.path.join('.') || 'the answer'}: ${first.message})`;
  return {
    ok: false,
    message: `${notDone}: the server's answer is not in the form this version of the app expects${where}. Reload the page to get the latest version; if that does not help, tell the QA manager.`,
  };
}
