// The security headers on every kind of response, not just the happy API path the contract suite
// checks: API 2xx/204, each API error status (400 to 500, the 404 catch-all included), HEAD, the
// static shell, a client route, an asset, the service worker, static 404s, and a server with no
// build. The CSP is read directive by directive, so a loosened policy fails with its name.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '../../../src/server/db';
import { fakeBuild, SHELL } from '../fake-build';
import { type App, makeApp, visitBody } from '../helpers';
import type { SecurityCtx } from './ctx';

type Kind = { name: string; app: () => App; path: string; init?: RequestInit; status: number; api: boolean };

function directives(csp: string | null): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of (csp ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), values);
  }
  return map;
}

function expectHardened(res: Response, kind: Kind, https: boolean): void {
  const csp = directives(res.headers.get('content-security-policy'));
  const where = `${kind.name} (${res.status})`;
  // No inline script: only same-origin files, and no keyword that would let inline code or eval run.
  expect(csp.get('script-src'), where).toEqual(["'self'"]);
  expect(csp.get('default-src'), where).toEqual(["'self'"]);
  expect(csp.get('object-src'), where).toEqual(["'none'"]);
  expect(csp.get('base-uri'), where).toEqual(["'none'"]);
  expect(csp.get('frame-ancestors'), where).toEqual(["'none'"]);
  const loose = [...csp].filter(([, values]) =>
    values.some((v) => /unsafe-|^\*$|^'?nonce-|^'?sha\d+-|^https?:$/.test(v)),
  );
  expect(loose, `${where}: no directive is loosened`).toEqual([]);
  expect(res.headers.get('x-content-type-options'), where).toBe('nosniff');
  expect(res.headers.get('referrer-policy'), where).toBe('no-referrer');
  expect(res.headers.get('permissions-policy'), where).toMatch(/geolocation=\(\)/);
  expect(res.headers.get('x-powered-by'), where).toBeNull();
  if (kind.api) expect(res.headers.get('cache-control'), where).toBe('no-store');
  const hsts = res.headers.get('strict-transport-security');
  // Browsers ignore HSTS over plain http (RFC 6797 §8.1), so sending it there is a mistake. The app
  // does not send it over https either (the TLS terminator in front is expected to); should it
  // start to, it must be long-lived to mean anything.
  if (!https) expect(hsts, where).toBeNull();
  else if (hsts !== null)
    expect(Number(/max-age=(\d+)/.exec(hsts)?.[1] ?? 0), where).toBeGreaterThanOrEqual(15_552_000);
}

export function headersSuite(ctx: () => SecurityCtx) {
  let dir = '';
  let site: App;
  let bare: App;
  let broken: App;
  let throttled: App;
  beforeAll(async () => {
    dir = fakeBuild(SHELL, 'qa-security-static-');
    site = makeApp(ctx().db, { config: { staticDir: dir } });
    bare = makeApp(ctx().db, { config: { staticDir: join(dir, 'missing') } });
    const failing: Db = { ...ctx().db, query: async () => Promise.reject(new Error('database gone')) };
    broken = makeApp(failing);
    throttled = makeApp(ctx().db);
    // Five failures for one email: the sixth attempt is the 429 below.
    for (let i = 0; i < 5; i += 1) {
      await throttled.request('/api/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'headers@example.org', password: `guess-${i}` }),
      });
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const kinds = (): Kind[] => {
    const { app, cookies } = ctx();
    const json = (method: string, body: unknown, cookie?: string, type = 'application/json'): RequestInit => ({
      method,
      body: typeof body === 'string' ? body : JSON.stringify(body),
      headers: { 'content-type': type, ...(cookie ? { cookie } : {}) },
    });
    const record = visitBody();
    const a = () => app;
    return [
      { name: 'API 200', app: a, path: '/api/health', status: 200, api: true },
      { name: 'API 200 HEAD', app: a, path: '/api/health', init: { method: 'HEAD' }, status: 200, api: true },
      {
        name: 'API 200 signed in',
        app: a,
        path: '/api/session',
        init: { headers: { cookie: cookies.officer } },
        status: 200,
        api: true,
      },
      {
        name: 'API 201',
        app: a,
        path: `/api/submissions/${record.id}`,
        init: json('PUT', record, cookies.officer),
        status: 201,
        api: true,
      },
      {
        name: 'API 204',
        app: a,
        path: '/api/pins/willow-bank',
        init: { method: 'PUT', headers: { cookie: cookies.officer } },
        status: 204,
        api: true,
      },
      {
        name: 'API CSV download',
        app: a,
        path: '/api/exports/submissions.csv',
        init: { headers: { cookie: cookies.qa } },
        status: 200,
        api: true,
      },
      { name: 'API 400', app: a, path: '/api/session', init: json('POST', '{"email":'), status: 400, api: true },
      { name: 'API 401', app: a, path: '/api/submissions', status: 401, api: true },
      {
        name: 'API 403',
        app: a,
        path: '/api/users',
        init: { headers: { cookie: cookies.officer } },
        status: 403,
        api: true,
      },
      {
        name: 'API 404 record',
        app: a,
        path: `/api/submissions/${visitBody().id}`,
        init: { headers: { cookie: cookies.officer } },
        status: 404,
        api: true,
      },
      { name: 'API 404 catch-all', app: a, path: '/api/no-such-route', status: 404, api: true },
      {
        name: 'API 404 catch-all POST',
        app: a,
        path: '/api/no-such-route',
        init: json('POST', {}),
        status: 404,
        api: true,
      },
      { name: 'API 404 OPTIONS', app: a, path: '/api/session', init: { method: 'OPTIONS' }, status: 404, api: true },
      {
        name: 'API 409',
        app: a,
        path: `/api/submissions/${record.id}`,
        init: json('PUT', { ...record, details: { ...record.details, spokeWith: 'Cook' } }, cookies.officer),
        status: 409,
        api: true,
      },
      {
        name: 'API 413',
        app: a,
        path: '/api/session',
        init: json('POST', { email: 'x'.repeat(9000), password: 'y' }),
        status: 413,
        api: true,
      },
      {
        name: 'API 415',
        app: a,
        path: '/api/session',
        init: json('POST', '{}', undefined, 'text/plain'),
        status: 415,
        api: true,
      },
      { name: 'API 422', app: a, path: '/api/session', init: json('POST', { email: 1 }), status: 422, api: true },
      {
        name: 'API 429',
        app: () => throttled,
        path: '/api/session',
        init: json('POST', { email: 'headers@example.org', password: 'again' }),
        status: 429,
        api: true,
      },
      {
        name: 'API 500',
        app: () => broken,
        path: '/api/submissions',
        init: { headers: { cookie: cookies.officer } },
        status: 500,
        api: true,
      },
      { name: 'static index.html', app: () => site, path: '/', status: 200, api: false },
      { name: 'static /index.html', app: () => site, path: '/index.html', status: 200, api: false },
      { name: 'static client route', app: () => site, path: '/visits/some-visit', status: 200, api: false },
      { name: 'static asset', app: () => site, path: '/assets/index-AbC123.js', status: 200, api: false },
      {
        name: 'static asset HEAD',
        app: () => site,
        path: '/assets/index-AbC123.js',
        init: { method: 'HEAD' },
        status: 200,
        api: false,
      },
      { name: 'service worker', app: () => site, path: '/sw.js', status: 200, api: false },
      { name: 'manifest', app: () => site, path: '/manifest.webmanifest', status: 200, api: false },
      { name: 'static 404 asset', app: () => site, path: '/assets/index-gone99.js', status: 404, api: false },
      { name: 'static 404 file', app: () => site, path: '/favicon.ico', status: 404, api: false },
      { name: 'static POST', app: () => site, path: '/', init: { method: 'POST' }, status: 404, api: false },
      { name: 'no build 404', app: () => bare, path: '/', status: 404, api: false },
    ];
  };

  it('sends CSP, nosniff, referrer and permissions policies on every kind of response', async () => {
    for (const kind of kinds()) {
      const res = await kind.app().request(kind.path, kind.init);
      expect(res.status, kind.name).toBe(kind.status);
      expectHardened(res, kind, false);
    }
  });

  it('sends the same headers over https', async () => {
    const https = kinds().filter((k) =>
      ['API 200', 'API 401', 'API 404 catch-all', 'static index.html', 'static asset', 'static 404 file'].includes(
        k.name,
      ),
    );
    for (const kind of https) {
      const res = await kind.app().request(`https://qa.example.gov.uk${kind.path}`, kind.init);
      expect(res.status, kind.name).toBe(kind.status);
      expectHardened(res, kind, true);
    }
  });
}
