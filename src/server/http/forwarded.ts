// A request as the browser made it, behind the reverse proxies TRUST_PROXY names: the client's
// address (for the sign-in limiter), whether it came over https (for the Secure cookie) and the
// host it addressed (for the same-origin check). The rules are in ./client-address.ts; this reads
// them off a Hono request.
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { type TrustProxy, clientAddress, nearestForwarded, peerIsTrustedProxy } from './client-address';

/** The socket's peer; undefined under app.request() in tests, which has no socket. */
export function peerAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}

export function requestClientAddress(c: Context, trust: TrustProxy): string {
  return clientAddress(trust, peerAddress(c), c.req.header('x-forwarded-for'));
}

/** X-Forwarded-Proto or -Host as the nearest proxy set it, when that proxy is trusted. */
function forwarded(c: Context, trust: TrustProxy, name: 'x-forwarded-proto' | 'x-forwarded-host'): string | undefined {
  return peerIsTrustedProxy(trust, peerAddress(c)) ? nearestForwarded(c.req.header(name)) : undefined;
}

export function isHttpsRequest(c: Context, trust: TrustProxy): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return forwarded(c, trust, 'x-forwarded-proto')?.toLowerCase() === 'https';
}

/** The host the browser addressed; behind a trusted proxy that may be X-Forwarded-Host. */
export function requestHost(c: Context, trust: TrustProxy): string {
  return forwarded(c, trust, 'x-forwarded-host') || new URL(c.req.url).host;
}
