// The first load (docs/budgets-and-testing.md): the bytes of JS and CSS the field app loads before it is
// usable, as the server sends them to a browser that accepts brotli (the build's .br files; the bare
// page's files compressed the same way, so both are measured alike), and a cold load to the first usable input under a 4x CPU throttle in Chromium, against
// a bare Vite + Preact + Dexie page built and loaded the same way in the same run. "Usable" is
// the moment the sign-in page's email input is in the document and enabled (the bare page shows
// the same input once its Dexie database is open). Every load uses a fresh browser context, so
// nothing is cached and no service worker answers.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import preact from '@preact/preset-vite';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM, CHROMIUM_ARGS } from '../test/e2e/engines/chromium';
import { freePort, ROOT, startServer } from '../test/e2e/support/server';
import { initialFiles } from './initial-files';
import { type BenchFigure, type BenchPart, median } from './types';

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/** A file's bytes on the wire: its precompressed .br when the build wrote one, else brotli at the same quality. */
const brotliBytes = (file: string) =>
  existsSync(`${file}.br`)
    ? readFileSync(`${file}.br`).length
    : Math.min(
        readFileSync(file).length,
        brotliCompressSync(readFileSync(file), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
      );

const wireBytes = (dist: string) => initialFiles(dist).reduce((n, f) => n + brotliBytes(join(dist, f)), 0);

async function buildBare(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'qa-bench-bare-'));
  await build({
    root: join(ROOT, 'bench/bare'),
    configFile: false,
    logLevel: 'silent',
    plugins: [preact()],
    build: { outDir, target: 'es2022', emptyOutDir: true },
  });
  return outDir;
}

async function serveStatic(dir: string): Promise<{ url: string; server: Server }> {
  const port = await freePort();
  const server = createServer((req, res) => {
    const path = req.url === '/' || req.url === undefined ? '/index.html' : req.url.split('?')[0]!;
    try {
      const body = readFileSync(join(dir, path));
      res.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${port}/`, server };
}

/** Milliseconds from navigation start until an enabled email input is in the page, under a 4x CPU throttle. */
async function coldLoad(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  // As text, not a function: the bench runs under tsx, whose transpiled functions call a helper the page lacks.
  await page.addInitScript(`(() => {
    const check = () => {
      const input = document.querySelector('input[type="email"]');
      if (input && !input.disabled && window.usableAt === undefined) window.usableAt = performance.now();
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
  })()`);
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => (window as { usableAt?: number }).usableAt !== undefined, undefined, {
    timeout: 60_000,
  });
  const at = await page.evaluate(() => (window as { usableAt?: number }).usableAt!);
  await context.close();
  return at;
}

export const firstLoad: BenchPart = async (ctx) => {
  const dist = join(ROOT, 'dist');
  const bareDist = await buildBare();
  const bare = await serveStatic(bareDist);
  const app = await startServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const appBytes = wireBytes(dist);
    const bareBytes = wireBytes(bareDist);
    const runs = ctx.quick ? 2 : 9;
    const appTimes: number[] = [];
    const bareTimes: number[] = [];
    await coldLoad(browser, app.url); // warm the server's and the OS's caches, not the browser's
    for (let i = 0; i < runs; i++) {
      // Alternate, so drift on the machine affects both pages alike.
      appTimes.push(await coldLoad(browser, app.url));
      bareTimes.push(await coldLoad(browser, bare.url));
    }
    ctx.log(
      `cold loads (ms) app: ${appTimes.map(Math.round).join(', ')}; bare: ${bareTimes.map(Math.round).join(', ')}`,
    );
    const kB = (bytes: number) => Math.round(bytes / 102.4) / 10;
    const appMs = median(appTimes);
    const bareMs = median(bareTimes);
    const figures: BenchFigure[] = [
      {
        name: 'JS + CSS loaded before the field app is usable (brotli, as sent)',
        value: kB(appBytes),
        unit: 'kB',
        baseline: { name: 'bare Vite + Preact + Dexie page', value: kB(bareBytes) },
        ratio: appBytes / bareBytes,
        budget: '≤ 60 kB',
        holds: appBytes <= 60 * 1024,
      },
      {
        name: `cold load to the first usable input, 4x CPU throttle (median of ${runs})`,
        value: Math.round(appMs),
        unit: 'ms',
        baseline: { name: 'bare Vite + Preact + Dexie page', value: Math.round(bareMs) },
        ratio: appMs / bareMs,
        budget: '≤ 1.5x the bare page',
        holds: appMs <= 1.5 * bareMs,
      },
    ];
    return figures;
  } finally {
    await browser.close();
    await app.cleanup();
    bare.server.close();
    rmSync(bareDist, { recursive: true, force: true });
  }
};
