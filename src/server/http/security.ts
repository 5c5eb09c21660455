// Response hardening for every route (CSP and friends), and the request checks that back up
// SameSite=Strict against cross-site writes: a same-origin Origin when present, and a JSON content
// type on bodies (a cross-site HTML form cannot send application/json without a CORS preflight).
// An encoded NUL in the address is refused too: ids and filters go to PostgreSQL, which cannot
// hold NUL in text, so it would otherwise surface as a 500.
import type { Context, MiddlewareHandler } from 'hono';
import { ApiError, badRequest, forbidden } from './errors';

export const CONTENT_SECURITY_POLICY = [
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

/** Routes that take raw bytes rather than JSON (attachments, in a later issue). */
const RAW_BODY_PREFIXES = ['/api/attachments/'];
/** Routes that never read a body (PUT/DELETE of a pin): their handlers ignore whatever is sent. */
const NO_BODY_PREFIXES = ['/api/pins/'];
/** Routes whose body is a CSV file; still not a type a cross-site form can send (text/plain is refused). */
const CSV_BODY_PATHS = new Set(['/api/providers/import', '/api/providers/intelligence/import']);
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function hasBody(headers: Headers, method: string): boolean {
  if (method === 'POST' || method === 'PUT' || method === 'PATCH') return true;
  const length = headers.get('content-length');
  return headers.has('transfer-encoding') || (length !== null && length !== '0');
}

/** The host the browser addressed; behind a trusted proxy that may be X-Forwarded-Host. */
function requestHost(c: Context, trustProxy: boolean): string {
  const forwarded = trustProxy ? c.req.header('x-forwarded-host')?.split(',')[0]?.trim() : undefined;
  return forwarded || new URL(c.req.url).host;
}

export const apiRequestGuard =
  (trustProxy: boolean): MiddlewareHandler =>
  async (c, next) => {
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
    const raw = [...RAW_BODY_PREFIXES, ...NO_BODY_PREFIXES].some((p) => c.req.path.startsWith(p));
    if (!raw && hasBody(c.req.raw.headers, method)) {
      const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
      if (CSV_BODY_PATHS.has(c.req.path) && type === 'text/csv') return next();
      if (type !== 'application/json') {
        throw new ApiError(415, 'unsupported-type', 'Send the body as JSON with Content-Type: application/json');
      }
    }
    return next();
  };
