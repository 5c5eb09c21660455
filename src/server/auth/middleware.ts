// Resolves the session cookie to a user. requireUser guards every route that needs one; a missing,
// unknown or expired session is 401 (the client pauses its outbox and asks the person to sign in).
import { getCookie } from 'hono/cookie';
import type { MiddlewareHandler } from 'hono';
import type { SessionUser } from '../../shared/auth/schema';
import type { AppContext, AppEnv, Deps } from '../http/env';
import { unauthenticated } from '../http/errors';
import { SESSION_COOKIE, findSession } from './sessions';

export async function currentUser(c: AppContext, deps: Deps): Promise<SessionUser | null> {
  const token = getCookie(c, SESSION_COOKIE);
  if (token === undefined) return null;
  const cached = deps.sessions.get(token);
  if (cached !== null) return cached;
  const user = await findSession(deps.db, token, deps.now(), deps.config);
  if (user !== null) deps.sessions.set(token, user);
  return user;
}

export const requireUser =
  (deps: Deps): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const user = await currentUser(c, deps);
    if (user === null) throw unauthenticated();
    c.set('user', user);
    await next();
  };
