// One way to talk to the server: same-origin JSON requests with a timeout, returning either the
// response (status and parsed body) or a network error. A request that hangs ("lie-fi") ends as
// a network error instead of a spinner that never stops.
export type HttpResult =
  | { kind: 'response'; status: number; body: unknown; retryAfterSeconds?: number }
  | { kind: 'network-error'; message: string };

export const DEFAULT_TIMEOUT_MS = 30_000;

export async function requestJson(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  body?: unknown,
  options: { timeoutMs?: number; fetch?: typeof fetch } = {},
): Promise<HttpResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  try {
    const response = await (options.fetch ?? fetch)(url, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: controller.signal,
      cache: 'no-store',
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? null : JSON.parse(text);
    } catch {
      // Keep the raw text: a proxy's HTML error page still tells the person something.
    }
    const retryAfter = Number(response.headers.get('Retry-After'));
    return {
      kind: 'response',
      status: response.status,
      body: parsed,
      ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}),
    };
  } catch (error) {
    const timedOut = controller.signal.aborted;
    return { kind: 'network-error', message: timedOut ? 'The server did not answer in time' : String((error as Error)?.message ?? error) };
  } finally {
    clearTimeout(timer);
  }
}

/** The server's message from an error body, or a plain fallback. */
export function errorMessage(body: unknown, fallback: string): string {
  if (body && typeof body === 'object' && 'message' in body && typeof (body as { message: unknown }).message === 'string') {
    return (body as { message: string }).message;
  }
  return fallback;
}
