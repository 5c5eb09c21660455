// One line per request: method, the matched route pattern (never the raw URL, which carries record
// ids and cursors), status and time taken. No bodies, no query strings, no emails.
import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';

export const accessLog =
  (log: (line: string) => void): MiddlewareHandler =>
  async (c, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      const ms = (performance.now() - started).toFixed(1);
      // Middleware is registered with method ALL; the first method-specific match is the endpoint,
      // even when a guard answered before reaching it.
      const endpoint = matchedRoutes(c).find((r) => r.method !== 'ALL' && !r.path.endsWith('*'));
      const pattern = endpoint?.path ?? (c.req.path.startsWith('/api/') ? '(unmatched api)' : '(static)');
      log(`${c.req.method} ${pattern} ${c.res.status} ${ms}ms`);
    }
  };
