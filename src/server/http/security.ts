// Response hardening for every route (CSP and friends), and the request checks that back up
// SameSite=Strict against cross-site writes: a same-origin Origin when present, and a content type
// on bodies that a cross-site HTML form cannot send without a CORS preflight — JSON, or what the
// route declarations (http/route.ts, passed in) say an address takes instead: CSV on the imports,
// image bytes on attachment uploads (whose type their handler alone checks), nothing on pins.
// An encoded NUL in the address is refused too: ids and filters go to PostgreSQL, which cannot
// hold NUL in text, so it would otherwise surface as a 500.
import type { MiddlewareHandler } from 'hono';
import type { TrustProxy } from './client-address';
import { ApiError, badRequest, forbidden } from './errors';
import { requestHost } from './forwarded';
import type { ApiRoute } from './route';

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  const h = c.res.headers;
  h.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  h.set('X-Content-Type-Options', 'nosniff');
  h.set('Referrer-Policy', 'no-referrer');
  h.set('Permissions-Policy', 'camera=(self), geolocation=()');
  if (c.req.path === '/api' || c.req.path.startsWith('/api/')) h.set('Cache-Control', 'no-store');
};

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * What the guard asks of a write's content type at one address, from the routes declared there
 * (http/route.ts): where a route takes CSV, text/csv as well as JSON; where no write takes JSON
 * (attachment uploads take image bytes, whose type their handler alone checks, refusing anything
 * else and bytes not of that type; pins take no body and ignore whatever is sent), nothing; anywhere
 * else JSON. Every method at an address gets the same check.
 */
type BodyRule = 'json-or-csv' | 'handler';

const takesCsv = (route: ApiRoute) => route.body?.kind === 'raw' && 'text/csv' in route.body.media;

/** Hono's `/api/pins/:providerId` as a pattern of request paths, as Hono matches it: a parameter is one segment. */
const addressPattern = (path: string) =>
  new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:\w+/g, '[^/]+')}$`);

/** The addresses whose writes are not plain JSON, and what they take instead. */
function bodyRules(routes: readonly ApiRoute[]): { pattern: RegExp; rule: BodyRule }[] {
  const writes = new Map<string, ApiRoute[]>();
  for (const route of routes) {
    if (MUTATING.has(route.method.toUpperCase())) writes.set(route.path, [...(writes.get(route.path) ?? []), route]);
  }
  const rules: { pattern: RegExp; rule: BodyRule }[] = [];
  for (const [path, declared] of writes) {
    if (declared.some(takesCsv)) rules.push({ pattern: addressPattern(path), rule: 'json-or-csv' });
    else if (!declared.some((r) => r.body?.kind === 'json'))
      rules.push({ pattern: addressPattern(path), rule: 'handler' });
  }
  return rules;
}

function hasBody(headers: Headers, method: string): boolean {
  if (method === 'POST' || method === 'PUT' || method === 'PATCH') return true;
  const length = headers.get('content-length');
  return headers.has('transfer-encoding') || (length !== null && length !== '0');
}

/**
 * The request checks for /api, with the body rules of `routes` (every route the app registers).
 * X-Forwarded-Host counts only from a trusted proxy (TRUST_PROXY), as its nearest proxy set it.
 */
export function apiRequestGuard(trustProxy: TrustProxy, routes: readonly ApiRoute[]): MiddlewareHandler {
  const rules = bodyRules(routes);
  const ruleAt = (path: string) => rules.find((r) => r.pattern.test(path))?.rule;
  return async (c, next) => {
    // Before the method check: GET filters and ids reach SQL as much as bodies do.
    if (c.req.url.includes('%00')) throw badRequest('The address contains a NUL character');
    const method = c.req.method;
    if (!MUTATING.has(method)) return next();
    const origin = c.req.header('origin');
    if (origin !== undefined) {
      let originHost: string | null = null;
      try {
        originHost = new URL(origin).host;
      } catch {
        // "null" or garbage: treated as cross-origin below.
      }
      if (originHost !== requestHost(c, trustProxy)) throw forbidden('Cross-origin requests are not allowed');
    }
    const rule = ruleAt(c.req.path);
    if (rule !== 'handler' && hasBody(c.req.raw.headers, method)) {
      const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
      if (rule === 'json-or-csv' && type === 'text/csv') return next();
      if (type !== 'application/json') {
        throw new ApiError(415, 'unsupported-type', 'Send the body as JSON with Content-Type: application/json');
      }
    }
    return next();
  };
}
