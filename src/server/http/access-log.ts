// One line per API request: method, the matched route pattern (never the raw URL, which carries
// record ids and cursors), status and time taken. No bodies, no query strings, no emails. Static
// files are logged only when they fail (a day's use fetches hundreds of them; issue 17).
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
      const api = c.req.path === '/api' || c.req.path.startsWith('/api/');
      const pattern = endpoint?.path ?? (api ? '(unmatched api)' : '(static)');
      if (api || c.res.status >= 400) log(`${c.req.method} ${pattern} ${c.res.status} ${ms}ms`);
    }
  };
