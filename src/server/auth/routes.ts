// /api/session: sign in, who am I, sign out. Every bad credential gets the same 401 and takes the
// same scrypt time, so neither the message nor the clock tells an attacker which emails exist.
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { SignInRequest } from '../../shared/schemas';
import { toIssues } from '../../shared/records/record-rules';
import { recordAudit } from '../audit';
import type { AppContext, AppEnv, Deps } from '../http/env';
import { ApiError, invalid, unauthenticated } from '../http/errors';
import { readJsonBody } from '../http/body';
import { currentUser } from './middleware';
import { burnPasswordCheck, verifyPassword } from './passwords';
import { SESSION_COOKIE, createSession, deleteSession } from './sessions';
import { findUserForSignIn, normaliseEmail } from './users';

const BAD_CREDENTIALS = 'Email or password is not right';
const SIGN_IN_BODY_LIMIT = 8 * 1024;

function isHttps(c: AppContext, deps: Deps): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return deps.config.trustProxy && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}

function clientIp(c: AppContext, deps: Deps): string {
  if (deps.config.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // app.request() in tests has no socket
  }
}

export function registerSessionRoutes(app: Hono<AppEnv>, deps: Deps): void {
  app.post('/api/session', async (c) => {
    const parsed = SignInRequest.safeParse(await readJsonBody(c, SIGN_IN_BODY_LIMIT));
    if (!parsed.success) throw invalid(toIssues(parsed.error.issues));
    const email = normaliseEmail(parsed.data.email);
    const ip = clientIp(c, deps);
    const attempt = deps.limiter.attempt(email, ip);
    if ('retryAfter' in attempt) {
      throw new ApiError(
        429,
        'rate-limited',
        'Too many sign-in attempts. Wait a few minutes and try again.',
        {},
        {
          'Retry-After': String(attempt.retryAfter),
        },
      );
    }
    const user = await findUserForSignIn(deps.db, email);
    const ok =
      user === null
        ? await burnPasswordCheck(parsed.data.password)
        : await verifyPassword(parsed.data.password, user.passwordHash);
    if (user === null || !ok) {
      await recordAudit(deps.db, deps.now(), null, 'session.sign-in-failed');
      throw unauthenticated(BAD_CREDENTIALS);
    }
    attempt.succeeded();
    const token = await createSession(deps.db, user.id, deps.now(), deps.config);
    await recordAudit(deps.db, deps.now(), user.id, 'session.sign-in');
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      secure: isHttps(c, deps),
      maxAge: deps.config.sessionMaxDays * 86_400,
    });
    return c.json({ user: { id: user.id, email: user.email, name: user.name, role: user.role } });
  });

  app.get('/api/session', async (c) => {
    const user = await currentUser(c, deps);
    if (user === null) throw unauthenticated();
    return c.json({ user });
  });

  app.delete('/api/session', async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token !== undefined) {
      const user = await currentUser(c, deps);
      deps.sessions.evict(token);
      await deleteSession(deps.db, token);
      if (user !== null) await recordAudit(deps.db, deps.now(), user.id, 'session.sign-out');
    }
    deleteCookie(c, SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'Strict', secure: isHttps(c, deps) });
    return c.body(null, 204);
  });
}
