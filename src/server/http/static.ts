// Serves the built app from STATIC_DIR. The service worker, index.html and the manifest must be
// revalidated on every load (so an update is noticed); hashed /assets/* never change, so they are
// cached for good. Any other path without a file extension gets index.html (client-side routes);
// a missing file with an extension is a plain 404, never the shell with the wrong type.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler } from 'hono';

const REVALIDATE = new Set(['/', '/index.html', '/sw.js', '/manifest.webmanifest', '/manifest.json']);

function cacheHeader(path: string): string {
  if (path.startsWith('/assets/')) return 'public, max-age=31536000, immutable';
  if (REVALIDATE.has(path) || path.endsWith('.webmanifest')) return 'no-cache';
  // Icons and other unhashed files: cache briefly, then revalidate.
  return 'public, max-age=3600, must-revalidate';
}

const noNext = async () => undefined;

export function staticApp(staticDir: string): MiddlewareHandler {
  // Made on first use: serveStatic complains at creation when the folder does not exist yet.
  let files: MiddlewareHandler | undefined;
  let shell: MiddlewareHandler | undefined;
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    // Checked per request, not at start: the server may be up before `vite build` has finished.
    if (!existsSync(join(staticDir, 'index.html'))) return next();
    files ??= serveStatic({ root: staticDir });
    shell ??= serveStatic({ root: staticDir, path: 'index.html' });
    const served = await files(c, noNext);
    if (served instanceof Response) {
      served.headers.set('Cache-Control', cacheHeader(c.req.path));
      return served;
    }
    const last = c.req.path.split('/').pop() ?? '';
    if (c.req.path.startsWith('/assets/') || last.includes('.')) return next();
    const fallback = await shell(c, noNext);
    if (!(fallback instanceof Response)) return next();
    fallback.headers.set('Cache-Control', 'no-cache');
    return fallback;
  };
}
