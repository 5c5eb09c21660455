// TRUST_PROXY as a list of proxies, over a real socket (the app served on 127.0.0.1, so the peer
// address is real, which app.request() cannot give): behind a listed proxy, rotating what a client
// writes into X-Forwarded-For does not get round the per-address sign-in limit; a peer that is not
// a listed proxy has its X-Forwarded-* ignored; X-Forwarded-Proto and -Host count only from a
// trusted peer. Hops are tested through app.request in contract/session.ts, the pure rules in
// test/unit/client-address.test.ts.
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/server/config';
import { PASSWORD, type Fixture, makeApp, manualClock, openTestDb, prepare, type TestDb } from './helpers';

let testDb: TestDb | undefined;
let fixture: Fixture | undefined;
const closers: Array<() => Promise<void>> = [];

beforeAll(async () => {
  testDb = await openTestDb('pglite');
  fixture = await prepare(testDb.db);
});
afterAll(async () => {
  for (const close of closers) await close();
  await testDb?.dispose();
});

/** The app behind `trustProxy`, listening on a free port of 127.0.0.1; its base URL. */
async function listening(trustProxy: Config['trustProxy']): Promise<string> {
  const app = makeApp(fixture!.db, { now: manualClock().now, config: { trustProxy } });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function signIn(base: string, email: string, password: string, headers: Record<string, string> = {}) {
  return fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email, password }),
  });
}

/** 20 failed sign-ins, each naming a different client in front of what the proxy appended; then the 21st. */
async function rotatingThenCorrect(base: string, appended: string | null): Promise<number> {
  const forwarded = (i: number) => [`192.0.2.${i}`, `198.51.100.${i}`, ...(appended ? [appended] : [])].join(', ');
  const guesses = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      signIn(base, `nobody${i}@example.org`, 'wrong', { 'x-forwarded-for': forwarded(i) }),
    ),
  );
  expect(guesses.map((r) => r.status)).toEqual(Array(20).fill(401));
  return (await signIn(base, fixture!.users.qa.email, PASSWORD, { 'x-forwarded-for': forwarded(99) })).status;
}

describe('TRUST_PROXY over a real socket', () => {
  it('behind a listed proxy, limits by the address it appended whatever the client writes before it; a peer not listed is the client itself', async () => {
    const listed = await listening({ mode: 'addresses', proxies: ['127.0.0.0/8', '::1'] });
    expect(await rotatingThenCorrect(listed, '203.0.113.9')).toBe(429);
    expect(
      (await signIn(listed, fixture!.users.qa.email, PASSWORD, { 'x-forwarded-for': '203.0.113.10' })).status,
    ).toBe(200);

    // The peer (127.0.0.1) is not on this list, so every X-Forwarded-For is the client's invention.
    const unlisted = await listening({ mode: 'addresses', proxies: ['10.0.0.0/8'] });
    expect(await rotatingThenCorrect(unlisted, null)).toBe(429);
    expect(
      (await signIn(unlisted, fixture!.users.qa.email, PASSWORD, { 'x-forwarded-for': '203.0.113.10' })).status,
    ).toBe(429);
  });

  it('believes X-Forwarded-Proto and -Host only from a trusted peer', async () => {
    const trusted = await listening({ mode: 'addresses', proxies: ['127.0.0.1'] });
    const untrusted = await listening({ mode: 'addresses', proxies: ['10.0.0.1'] });
    const forwardedHeaders = {
      origin: 'https://qa.example.gov.uk',
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'qa.example.gov.uk',
    };
    const viaTrusted = await signIn(trusted, fixture!.users.qa.email, PASSWORD, forwardedHeaders);
    expect(viaTrusted.status).toBe(200);
    expect(viaTrusted.headers.get('set-cookie')).toContain('Secure');

    // Not from a trusted proxy: the Origin does not match the host addressed, and nothing says https.
    const viaUntrusted = await signIn(untrusted, fixture!.users.qa.email, PASSWORD, forwardedHeaders);
    expect(viaUntrusted.status).toBe(403);
    const { origin: _origin, ...withoutOrigin } = forwardedHeaders;
    const plain = await signIn(untrusted, fixture!.users.qa.email, PASSWORD, withoutOrigin);
    expect(plain.status).toBe(200);
    expect(plain.headers.get('set-cookie')).not.toContain('Secure');
  });
});
