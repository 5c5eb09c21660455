// Compression (issue 16, part 4): built files go out as their precompressed brotli or gzip
// siblings, chosen by Accept-Encoding (http/static.ts), and API answers above a kilobyte are
// compressed as they leave (http/compress.ts). A throw-away folder stands in for dist/, its
// siblings written here with zlib as the build writes them (scripts/precompress.ts); the API is
// the real app on PGlite, and one test goes over a real socket to see the bytes on the wire.
import { createHash } from 'node:crypto';
import { rmSync, utimesSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compressResponses } from '../../src/server/http/compress';
import { acceptedCodings } from '../../src/server/http/encoding';
import { png } from './contract/attachments';
import { fakeBuild } from './fake-build';
import { type App, type Fixture, makeApp, openTestDb, prepare, signIn, type TestDb, visitBody } from './helpers';

const JS = `export function greet(name) {\n  return 'Hello, ' + name;\n}\n`.repeat(80);
const CSS = `.govuk-button { display: inline-block; padding: 8px 10px; color: #fff; background: #00703c; }\n`.repeat(
  60,
);
const HTML = `<!doctype html><html lang="en"><head><title>QA Visits</title><script type="module" src="/assets/app-Ab12Cd.js"></script></head><body>${'<p>Offline-first visits.</p>'.repeat(50)}</body></html>`;

const FILES: Record<string, { text: string; type: RegExp }> = {
  '/assets/app-Ab12Cd.js': { text: JS, type: /^text\/javascript/ },
  '/assets/app-Ef34Gh.css': { text: CSS, type: /^text\/css/ },
  '/index.html': { text: HTML, type: /^text\/html/ },
};

/** What the client would read once it has undone the Content-Encoding. */
function decoded(bytes: Buffer, coding: string | null): string {
  if (coding === 'br') return brotliDecompressSync(bytes).toString('utf8');
  if (coding === 'gzip') return gunzipSync(bytes).toString('utf8');
  expect(coding).toBeNull();
  return bytes.toString('utf8');
}

async function fetchBytes(app: App | Hono, path: string, headers: Record<string, string> = {}, method = 'GET') {
  const res = await app.request(path, { method, headers });
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

describe('compressed responses', () => {
  let dir: string;
  let testDb: TestDb;
  let fixture: Fixture;
  let app: App;
  let officer: string;
  let manager: string;

  beforeAll(async () => {
    // Each file with its brotli and gzip siblings, as scripts/precompress.ts leaves them, and an icon.
    const built: Record<string, string | Uint8Array> = { 'icons/icon-192.png': png(192, 192, 'x'.repeat(4000)) };
    for (const [path, { text }] of Object.entries(FILES)) {
      built[path] = text;
      built[`${path}.br`] = brotliCompressSync(text);
      built[`${path}.gz`] = gzipSync(text, { level: 9 });
    }
    dir = fakeBuild(built, 'qa-compress-');
    testDb = await openTestDb('pglite');
    fixture = await prepare(testDb.db);
    app = makeApp(testDb.db, { config: { staticDir: dir }, attachmentsDir: join(dir, 'attachments-store') });
    officer = await signIn(app, fixture.users.officer.email);
    manager = await signIn(app, fixture.users.manager.email);
  });
  afterAll(async () => {
    await testDb.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('built files', () => {
    for (const [path, { text, type }] of Object.entries(FILES)) {
      it(`${path}: brotli when accepted, gzip when only gzip is, identity otherwise`, async () => {
        const cases: [string | undefined, string | null][] = [
          ['gzip, deflate, br, zstd', 'br'],
          ['br;q=1.0, gzip;q=0.8', 'br'],
          ['gzip, deflate', 'gzip'],
          ['br;q=0, gzip', 'gzip'],
          ['gzip;q=0.5, br;q=0.4', 'gzip'],
          ['x-gzip', 'gzip'],
          ['*', 'br'],
          [undefined, null],
          ['identity', null],
          ['deflate', null],
          ['br;q=0, gzip;q=0', null],
          ['*;q=0', null],
        ];
        for (const [accept, coding] of cases) {
          const { res, bytes } = await fetchBytes(app, path, accept === undefined ? {} : { 'accept-encoding': accept });
          const label = `${path} with Accept-Encoding ${accept ?? '(none)'}`;
          expect(res.status, label).toBe(200);
          expect(res.headers.get('content-encoding'), label).toBe(coding);
          expect(res.headers.get('content-type'), label).toMatch(type);
          expect(res.headers.get('vary'), label).toBe('Accept-Encoding');
          expect(res.headers.get('content-length'), label).toBe(String(bytes.length));
          expect(decoded(bytes, coding), label).toBe(text);
          if (coding !== null) expect(bytes.length, label).toBeLessThan(Buffer.byteLength(text) / 3);
        }
      });
    }

    it('keeps the cache rules, and gives each coding its own ETag', async () => {
      const br = await app.request('/assets/app-Ab12Cd.js', { headers: { 'accept-encoding': 'br' } });
      const gz = await app.request('/assets/app-Ab12Cd.js', { headers: { 'accept-encoding': 'gzip' } });
      const plain = await app.request('/assets/app-Ab12Cd.js');
      for (const res of [br, gz, plain])
        expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const tags = [br, gz, plain].map((r) => r.headers.get('etag'));
      expect(new Set(tags).size).toBe(3);
      for (const tag of tags) expect(tag).toMatch(/^"[^"]+"$/);
      const shell = await app.request('/', { headers: { 'accept-encoding': 'br' } });
      expect(shell.headers.get('cache-control')).toBe('no-cache');
      expect(shell.headers.get('content-encoding')).toBe('br');
    });

    it('answers a matching If-None-Match with 304 for that coding only', async () => {
      const first = await app.request('/index.html', { headers: { 'accept-encoding': 'br' } });
      const etag = first.headers.get('etag')!;
      const again = await app.request('/index.html', { headers: { 'accept-encoding': 'br', 'if-none-match': etag } });
      expect(again.status).toBe(304);
      expect(again.headers.get('etag')).toBe(etag);
      expect(again.headers.get('vary')).toBe('Accept-Encoding');
      expect(await again.text()).toBe('');
      // The brotli tag does not validate the gzip bytes.
      const other = await app.request('/index.html', { headers: { 'accept-encoding': 'gzip', 'if-none-match': etag } });
      expect(other.status).toBe(200);
      expect(other.headers.get('content-encoding')).toBe('gzip');
    });

    it('sends the shell compressed for client routes', async () => {
      const { res, bytes } = await fetchBytes(app, '/visits/0b7a4a52-3f1e-4f0e-9a53-3c0d7e1f2a10', {
        'accept-encoding': 'gzip, br',
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-encoding')).toBe('br');
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(decoded(bytes, 'br')).toBe(HTML);
    });

    it('answers HEAD with the headers of the GET and no body', async () => {
      for (const [accept, coding] of [
        ['br', 'br'],
        ['gzip', 'gzip'],
        ['identity', null],
      ] as const) {
        const get = await fetchBytes(app, '/assets/app-Ef34Gh.css', { 'accept-encoding': accept });
        const head = await fetchBytes(app, '/assets/app-Ef34Gh.css', { 'accept-encoding': accept }, 'HEAD');
        expect(head.res.status).toBe(200);
        expect(head.bytes.length).toBe(0);
        expect(head.res.headers.get('content-encoding')).toBe(coding);
        expect(head.res.headers.get('content-length')).toBe(String(get.bytes.length));
        for (const name of ['content-type', 'vary', 'etag', 'cache-control'])
          expect(head.res.headers.get(name), name).toBe(get.res.headers.get(name));
      }
    });

    it('answers a Range request from the uncompressed file', async () => {
      const { res, bytes } = await fetchBytes(app, '/assets/app-Ab12Cd.js', {
        'accept-encoding': 'br, gzip',
        range: 'bytes=7-14',
      });
      expect(res.status).toBe(206);
      expect(res.headers.get('content-encoding')).toBeNull();
      expect(res.headers.get('content-range')).toBe(`bytes 7-14/${Buffer.byteLength(JS)}`);
      expect(res.headers.get('content-length')).toBe('8');
      expect(res.headers.get('vary')).toBe('Accept-Encoding');
      expect(bytes.toString('utf8')).toBe(JS.slice(7, 15));
      const suffix = await fetchBytes(app, '/assets/app-Ab12Cd.js', { range: 'bytes=-5' });
      expect(suffix.res.status).toBe(206);
      expect(suffix.bytes.toString('utf8')).toBe(JS.slice(-5));
      const beyond = await app.request('/assets/app-Ab12Cd.js', { headers: { range: 'bytes=999999-' } });
      expect(beyond.status).toBe(416);
      expect(beyond.headers.get('content-range')).toBe(`bytes */${Buffer.byteLength(JS)}`);
      // A Range for another version of the file (If-Range no longer matching) gets the whole file.
      const stale = await fetchBytes(app, '/assets/app-Ab12Cd.js', { range: 'bytes=0-3', 'if-range': '"old"' });
      expect(stale.res.status).toBe(200);
      expect(stale.bytes.toString('utf8')).toBe(JS);
    });

    it('never serves a sibling by its own name', async () => {
      for (const path of ['/assets/app-Ab12Cd.js.br', '/assets/app-Ab12Cd.js.gz', '/index.html.br', '/index.html.gz']) {
        const res = await app.request(path, { headers: { 'accept-encoding': 'br, gzip' } });
        expect(res.status, path).toBe(404);
      }
    });

    it('ignores a sibling older than its original (the file was changed after the build)', async () => {
      const path = join(dir, 'assets', 'changed-Zz99.js');
      writeFileSync(`${path}.br`, brotliCompressSync('old text'));
      writeFileSync(`${path}.gz`, gzipSync('old text'));
      writeFileSync(path, JS);
      const past = new Date(Date.now() - 60_000);
      utimesSync(`${path}.br`, past, past);
      utimesSync(`${path}.gz`, past, past);
      const { res, bytes } = await fetchBytes(app, '/assets/changed-Zz99.js', { 'accept-encoding': 'br, gzip' });
      expect(res.headers.get('content-encoding')).toBeNull();
      expect(bytes.toString('utf8')).toBe(JS);
    });

    it('sends images as they are, without Vary', async () => {
      const { res, bytes } = await fetchBytes(app, '/icons/icon-192.png', { 'accept-encoding': 'br, gzip' });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/png');
      expect(res.headers.get('content-encoding')).toBeNull();
      expect(res.headers.get('vary')).toBeNull();
      expect(bytes.length).toBe(png(192, 192, 'x'.repeat(4000)).length);
    });

    it('puts the right bytes and lengths on the wire', async () => {
      const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
      await new Promise<void>((done) => server.once('listening', done));
      const { port } = server.address() as AddressInfo;
      const get = (path: string, headers: Record<string, string>, method = 'GET') =>
        new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>((done, fail) => {
          const req = httpRequest({ host: '127.0.0.1', port, path, method, headers }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => done({ headers: res.headers, body: Buffer.concat(chunks) }));
            res.on('error', fail);
          });
          req.on('error', fail);
          req.end();
        });
      try {
        const br = await get('/assets/app-Ab12Cd.js', { 'accept-encoding': 'gzip, deflate, br' });
        expect(br.headers['content-encoding']).toBe('br');
        expect(br.headers['content-length']).toBe(String(br.body.length));
        expect(decoded(br.body, 'br')).toBe(JS);
        const plain = await get('/assets/app-Ab12Cd.js', {});
        expect(plain.headers['content-encoding']).toBeUndefined();
        expect(plain.body.length).toBe(Buffer.byteLength(JS));
        const head = await get('/assets/app-Ab12Cd.js', { 'accept-encoding': 'gzip' }, 'HEAD');
        expect(head.headers['content-encoding']).toBe('gzip');
        expect(head.headers['content-length']).toBe(String(gzipSync(JS, { level: 9 }).length));
        expect(head.body.length).toBe(0);
        const api = await get('/api/openapi.json', { 'accept-encoding': 'br' });
        expect(api.headers['content-encoding']).toBe('br');
        expect(JSON.parse(decoded(api.body, 'br'))).toHaveProperty('openapi');
      } finally {
        await new Promise((done) => server.close(done));
      }
    });
  });

  describe('API answers', () => {
    it('compresses a large JSON answer when the client accepts it, and not otherwise', async () => {
      for (const [path, cookie] of [
        ['/api/openapi.json', undefined],
        ['/api/sync/pull', officer],
      ] as const) {
        const headers: Record<string, string> = cookie === undefined ? {} : { cookie };
        const plain = await fetchBytes(app, path, headers);
        expect(plain.res.status, path).toBe(200);
        expect(plain.res.headers.get('content-encoding'), path).toBeNull();
        expect(plain.res.headers.get('vary'), path).toMatch(/Accept-Encoding/);
        expect(plain.bytes.length, path).toBeGreaterThan(20_000);
        const reference = JSON.parse(plain.bytes.toString('utf8')) as unknown;
        for (const [accept, coding] of [
          ['gzip, deflate, br', 'br'],
          ['gzip', 'gzip'],
          ['br;q=0, gzip;q=0', null],
        ] as const) {
          const { res, bytes } = await fetchBytes(app, path, { ...headers, 'accept-encoding': accept });
          const label = `${path} with ${accept}`;
          expect(res.status, label).toBe(200);
          expect(res.headers.get('content-encoding'), label).toBe(coding);
          expect(res.headers.get('content-type'), label).toMatch(/^application\/json/);
          expect(res.headers.get('vary'), label).toMatch(/Accept-Encoding/);
          expect(res.headers.get('cache-control'), label).toBe('no-store');
          // The pull's cursor and times may move between calls; compare what they hold.
          const body = JSON.parse(decoded(bytes, coding)) as unknown;
          if (path === '/api/openapi.json') expect(body, label).toEqual(reference);
          else expect(Object.keys(body as object), label).toEqual(Object.keys(reference as object));
          if (coding !== null) expect(bytes.length, label).toBeLessThan(plain.bytes.length / 4);
        }
      }
    });

    it('leaves small answers, 204s and HEAD as they are', async () => {
      const health = await app.request('/api/health', { headers: { 'accept-encoding': 'br, gzip' } });
      expect(health.status).toBe(200);
      expect(health.headers.get('content-encoding')).toBeNull();
      expect(health.headers.get('vary')).toBe('Accept-Encoding');
      expect(await health.json()).toMatchObject({ status: 'ok' });
      const pin = await app.request('/api/pins/willow-bank', {
        method: 'PUT',
        headers: { cookie: officer, 'accept-encoding': 'br, gzip' },
      });
      expect(pin.status).toBe(204);
      expect(pin.headers.get('content-encoding')).toBeNull();
      const head = await app.request('/api/openapi.json', { method: 'HEAD', headers: { 'accept-encoding': 'br' } });
      expect(head.status).toBe(200);
      expect(head.headers.get('content-encoding')).toBeNull();
      expect(await head.text()).toBe('');
    });

    it('compresses a CSV export, which decodes to the same file', async () => {
      for (let i = 0; i < 3; i += 1) {
        const record = visitBody();
        const put = await app.request(`/api/submissions/${record.id}`, {
          method: 'PUT',
          headers: { cookie: officer, 'content-type': 'application/json' },
          body: JSON.stringify(record),
        });
        expect(put.status).toBe(201);
      }
      const plain = await fetchBytes(app, '/api/exports/answers.csv', { cookie: manager });
      expect(plain.res.status).toBe(200);
      expect(plain.bytes.length).toBeGreaterThan(1024);
      const { res, bytes } = await fetchBytes(app, '/api/exports/answers.csv', {
        cookie: manager,
        'accept-encoding': 'gzip',
      });
      expect(res.headers.get('content-encoding')).toBe('gzip');
      expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(res.headers.get('content-disposition')).toMatch(/^attachment/);
      expect(decoded(bytes, 'gzip')).toBe(plain.bytes.toString('utf8'));
    });

    it('never compresses photo bytes', async () => {
      const bytes = png(640, 480, 'y'.repeat(8000));
      const sha = createHash('sha256').update(bytes).digest('hex');
      const put = await app.request(`/api/attachments/${sha}`, {
        method: 'PUT',
        headers: { cookie: officer, 'content-type': 'image/png' },
        body: Buffer.from(bytes),
      });
      expect(put.status).toBe(201);
      const got = await fetchBytes(app, `/api/attachments/${sha}`, { cookie: officer, 'accept-encoding': 'br, gzip' });
      expect(got.res.status).toBe(200);
      expect(got.res.headers.get('content-type')).toBe('image/png');
      expect(got.res.headers.get('content-encoding')).toBeNull();
      expect(got.bytes.equals(Buffer.from(bytes))).toBe(true);
    });
  });

  describe('the middleware on a streamed body', () => {
    it('compresses as the body comes, without waiting for its end', async () => {
      let finish: () => void = () => undefined;
      const finished = new Promise<void>((done) => (finish = done));
      const rows = (from: number) => Array.from({ length: 200 }, (_, i) => `row ${from + i},some text\n`).join('');
      const streamed = new Hono();
      streamed.use('*', compressResponses());
      streamed.get('/export.csv', (c) =>
        c.body(
          new ReadableStream<Uint8Array>({
            async start(controller) {
              controller.enqueue(new TextEncoder().encode(rows(0)));
              await finished;
              controller.enqueue(new TextEncoder().encode(rows(200)));
              controller.close();
            },
          }),
          200,
          { 'Content-Type': 'text/csv; charset=utf-8' },
        ),
      );
      streamed.get('/events', (c) => c.body('data: x\n\n'.repeat(500), 200, { 'Content-Type': 'text/event-stream' }));
      // The response (headers and a body still being written) arrives while the source is open.
      const res = await streamed.request('/export.csv', { headers: { 'accept-encoding': 'br' } });
      expect(res.headers.get('content-encoding')).toBe('br');
      expect(res.headers.get('content-length')).toBeNull();
      finish();
      expect(decoded(Buffer.from(await res.arrayBuffer()), 'br')).toBe(rows(0) + rows(200));
      const events = await streamed.request('/events', { headers: { 'accept-encoding': 'br, gzip' } });
      expect(events.headers.get('content-encoding')).toBeNull();
    });
  });

  it('reads Accept-Encoding as RFC 9110 writes it', () => {
    expect(acceptedCodings('gzip, deflate, br')).toEqual(['br', 'gzip']);
    expect(acceptedCodings('gzip;q=1, br;q=0.5')).toEqual(['gzip', 'br']);
    expect(acceptedCodings('BR;Q=0.9, *;q=0.1')).toEqual(['br', 'gzip']);
    expect(acceptedCodings('br;q=0')).toEqual([]);
    expect(acceptedCodings('br;q=2, gzip;q=abc')).toEqual([]);
    expect(acceptedCodings('')).toEqual([]);
    expect(acceptedCodings(undefined)).toEqual([]);
  });
});
