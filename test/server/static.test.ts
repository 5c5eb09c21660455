// Serving the built app: cache rules per kind of file, the SPA fallback, and the same security
// headers as the API. Uses a throw-away folder standing in for dist/.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/server/db';
import { openPglite } from '../../src/server/db/pglite';
import { fakeBuild, SHELL } from './fake-build';
import { type App, makeApp } from './helpers';

describe('static app', () => {
  let dir: string;
  let db: Db;
  let app: App;
  beforeAll(async () => {
    dir = fakeBuild(SHELL, 'qa-static-');
    db = await openPglite();
    app = makeApp(db, { config: { staticDir: dir } });
  });
  afterAll(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('revalidates the shell, service worker and manifest; caches hashed assets for good', async () => {
    for (const path of ['/', '/index.html', '/sw.js', '/manifest.webmanifest']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe('no-cache');
    }
    const asset = await app.request('/assets/index-AbC123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('falls back to index.html for client routes, but not for missing files', async () => {
    const route = await app.request('/visits/0b7a4a52-3f1e-4f0e-9a53-3c0d7e1f2a10');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>QA Visits</title>');
    expect(route.headers.get('cache-control')).toBe('no-cache');
    expect((await app.request('/assets/index-gone99.js')).status).toBe(404);
    expect((await app.request('/favicon.ico')).status).toBe(404);
    expect((await app.request('/../package.json')).status).not.toBe(200);
  });

  it('sends the security headers with static files', async () => {
    const res = await app.request('/');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });

  it('still answers the API with JSON 404s, never the shell', async () => {
    const res = await app.request('/api/unknown');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'not-found', message: 'No such API route' });
  });

  it('starts without a built app and answers 404 for pages', async () => {
    const bare = makeApp(db, { config: { staticDir: join(dir, 'missing') } });
    expect((await bare.request('/')).status).toBe(404);
    expect((await bare.request('/api/health')).status).toBe(200);
  });
});
