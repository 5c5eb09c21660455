// The fetch transport: request shape, body parsing, Retry-After, and every failure ending as a
// network error rather than a throw or a hang. Timeouts run on Vitest's fake timers.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHttpTransport, parseRetryAfter } from '../../../src/app/sync/http-transport';
import { ack, makeBody } from './fakes';

const body = makeBody(1);
type Call = { url: string; init: RequestInit };

function fakeFetch(respond: (call: Call) => Promise<Response>) {
  const calls: Call[] = [];
  const fetch = ((url: string, init: RequestInit) => {
    const call = { url, init };
    calls.push(call);
    return respond(call);
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('createHttpTransport', () => {
  it('PUTs the JSON body to /api/submissions/{id} with the session cookie and no redirects', async () => {
    const { fetch, calls } = fakeFetch(async () => Response.json(ack(body), { status: 201 }));
    const result = await createHttpTransport({ baseUrl: 'https://qa.example/', fetch }).putSubmission(body);
    expect(result).toEqual({ kind: 'response', status: 201, body: ack(body) });
    const [call] = calls;
    expect(call?.url).toBe(`https://qa.example/api/submissions/${body.id}`);
    expect(call?.init).toMatchObject({
      method: 'PUT',
      credentials: 'same-origin',
      redirect: 'error',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    });
    expect(JSON.parse(String(call?.init.body))).toEqual(body);
    expect(call?.init.signal).toBeInstanceOf(AbortSignal);
  });

  it('uses the global fetch by default, called without a foreign `this`', async () => {
    const spy = vi.fn(async () => Response.json(ack(body), { status: 200 }));
    vi.stubGlobal('fetch', spy);
    const result = await createHttpTransport().putSubmission(body);
    expect(result).toMatchObject({ kind: 'response', status: 200 });
    expect(spy).toHaveBeenCalledWith(`/api/submissions/${body.id}`, expect.objectContaining({ method: 'PUT' }));
  });

  it.each([
    ['JSON', '{"error":"invalid","message":"x"}', { error: 'invalid', message: 'x' }],
    ['HTML', '<h1>Bad Gateway</h1>', '<h1>Bad Gateway</h1>'],
    ['empty', '', null],
    ['truncated JSON', '{"error":"inv', '{"error":"inv'],
  ])('reads a %s body', async (_kind, text, expected) => {
    const { fetch } = fakeFetch(async () => new Response(text, { status: 502 }));
    expect(await createHttpTransport({ fetch }).putSubmission(body)).toEqual({
      kind: 'response',
      status: 502,
      body: expected,
    });
  });

  it('passes Retry-After on as seconds', async () => {
    const { fetch } = fakeFetch(async () => new Response('', { status: 429, headers: { 'Retry-After': '120' } }));
    expect(await createHttpTransport({ fetch }).putSubmission(body)).toMatchObject({
      status: 429,
      retryAfterSeconds: 120,
    });
  });

  it('turns a refused connection into a network error', async () => {
    const { fetch } = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await createHttpTransport({ fetch }).putSubmission(body)).toEqual({
      kind: 'network-error',
      message: 'Failed to fetch',
    });
  });

  it('ends a request that never answers as a network error and aborts it ("lie-fi")', async () => {
    vi.useFakeTimers();
    const { fetch, calls } = fakeFetch(() => new Promise<Response>(() => undefined));
    const pending = createHttpTransport({ fetch, timeoutMs: 10_000 }).putSubmission(body);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(calls[0]?.init.signal?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await pending).toEqual({ kind: 'network-error', message: 'no answer within 10 s' });
    expect(calls[0]?.init.signal?.aborted).toBe(true);
  });

  it('times out a body that stalls after the headers arrive', async () => {
    vi.useFakeTimers();
    const stalled = new ReadableStream<Uint8Array>({ start: () => undefined });
    const { fetch } = fakeFetch(async () => new Response(stalled, { status: 201 }));
    const pending = createHttpTransport({ fetch, timeoutMs: 5_000 }).putSubmission(body);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await pending).toMatchObject({ kind: 'network-error' });
  });

  it('clears its timer once answered', async () => {
    vi.useFakeTimers();
    const { fetch } = fakeFetch(async () => Response.json(ack(body), { status: 201 }));
    await createHttpTransport({ fetch }).putSubmission(body);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-03-14T12:00:00Z');
  it.each([
    ['120', 120],
    [' 0 ', 0],
    ['Fri, 14 Mar 2025 12:01:30 GMT', 90],
    ['Fri, 14 Mar 2025 11:00:00 GMT', 0],
    ['1.5', undefined],
    ['-3', undefined],
    ['soon', undefined],
    [null, undefined],
  ])('%s → %s', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});
