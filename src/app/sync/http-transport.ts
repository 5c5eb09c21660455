// The engine's Transport over fetch: `PUT /api/submissions/{id}` with the session cookie.
// Owns: turning fetch's many failure shapes into a TransportResult; it never throws.
// Invariants: a request that hangs past the timeout — headers or body ("lie-fi") — is a network
// error; redirects are refused (our API never redirects, a captive portal does); a body is JSON
// when it parses, else its text (null when empty); Retry-After is whole seconds from now.
import type { SubmissionBody } from '../../shared/schemas';
import type { Transport, TransportResult } from './engine';

export type HttpTransportOptions = {
  /** Prefix for the API paths; '' means this origin. */
  baseUrl?: string;
  /** Whole-request limit, including reading the body. */
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
  /** For Retry-After given as an HTTP-date. */
  now?: () => number;
};

export const DEFAULT_TIMEOUT_MS = 30_000;

export function createHttpTransport(options: HttpTransportOptions = {}): Transport {
  const baseUrl = (options.baseUrl ?? '').replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // Called bare, never as options.fetch(...): a browser's fetch needs `this` to be the window.
  const doFetch: typeof globalThis.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const now = options.now ?? (() => Date.now());

  return {
    putSubmission(body: SubmissionBody): Promise<TransportResult> {
      const url = `${baseUrl}/api/submissions/${encodeURIComponent(body.id)}`;
      return withTimeout(timeoutMs, async (signal) => {
        const response = await doFetch(url, {
          method: 'PUT',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify(body),
          redirect: 'error',
          cache: 'no-store',
          signal,
        });
        const parsed = parseBody(await response.text());
        const result: TransportResult = { kind: 'response', status: response.status, body: parsed };
        const retryAfter = parseRetryAfter(response.headers.get('Retry-After'), now());
        if (retryAfter !== undefined) result.retryAfterSeconds = retryAfter;
        return result;
      });
    },
  };
}

async function withTimeout(
  ms: number,
  work: (signal: AbortSignal) => Promise<TransportResult>,
): Promise<TransportResult> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The race, not only the abort, ends the wait: a body stream that ignores the signal can't hang us.
  const timedOut = new Promise<TransportResult>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve({ kind: 'network-error', message: `no answer within ${Math.round(ms / 1000)} s` });
    }, ms);
  });
  const attempt = work(controller.signal).catch(
    (err: unknown): TransportResult => ({ kind: 'network-error', message: describe(err) }),
  );
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
    return text; // a proxy's HTML page or plain text; the engine words the problem by status
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
