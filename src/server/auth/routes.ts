// /api/session: sign in, who am I, sign out. Every bad credential gets the same 401 and takes the
// same scrypt time, so neither the message nor the clock tells an attacker which emails exist.
// Sign-in and who-am-I also carry the council's device policy; a password sign-in that names its
// device gets that device's unlock key (auth/device-keys.ts), and nothing else ever does.
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { SignInRequest } from '../../shared/auth/schema';
import { SessionResponse } from '../../shared/users/api-schemas';
import { recordAudit } from '../audit';
import { devicePolicy } from '../config';
import type { AppContext, Deps } from '../http/env';
import { ApiError, unauthenticated } from '../http/errors';
import { isHttpsRequest, requestClientAddress } from '../http/forwarded';
import { routeDeclarer, json, reply, validBody, type ApiRoute } from '../http/route';
import { deviceKeyFor } from './device-keys';
import { currentUser } from './middleware';
import { burnPasswordCheck, verifyPassword } from './passwords';
import { SESSION_COOKIE, createSession, deleteSession } from './sessions';
import { findUserForSignIn, normaliseEmail } from './users';

const route = routeDeclarer('session');

const BAD_CREDENTIALS = 'Email or password is not right';
const SIGN_IN_BODY_LIMIT = 8 * 1024;

const isHttps = (c: AppContext, deps: Deps) => isHttpsRequest(c, deps.config.trustProxy);

async function signIn(c: AppContext, deps: Deps): Promise<Response> {
  const body = await validBody(c, SignInRequest, SIGN_IN_BODY_LIMIT);
  const email = normaliseEmail(body.email);
  const attempt = deps.limiter.attempt(email, requestClientAddress(c, deps.config.trustProxy));
  if ('retryAfter' in attempt) {
    const retryAfter = { 'Retry-After': String(attempt.retryAfter) };
    throw new ApiError(
      429,
      'rate-limited',
      'Too many sign-in attempts. Wait a few minutes and try again.',
      {},
      retryAfter,
    );
  }
  const user = await findUserForSignIn(deps.db, email);
  const ok =
    user === null ? await burnPasswordCheck(body.password) : await verifyPassword(body.password, user.passwordHash);
  if (user === null || !ok) {
    await recordAudit(deps.db, deps.now(), null, 'session.sign-in-failed');
    throw unauthenticated(BAD_CREDENTIALS);
  }
  attempt.succeeded();
  const token = await createSession(deps.db, user.id, deps.now(), deps.config);
  await recordAudit(deps.db, deps.now(), user.id, 'session.sign-in');
  const deviceKey =
    body.deviceId === undefined ? undefined : await deviceKeyFor(deps.db, user.id, body.deviceId, deps.now());
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure: isHttps(c, deps),
    maxAge: deps.config.sessionMaxDays * 86_400,
  });
  return c.json({
    user: { id: user.id, email: user.email, name: user.name, role: user.role },
    devicePolicy: devicePolicy(deps.config),
    ...(deviceKey === undefined ? {} : { deviceKey }),
  } satisfies SessionResponse);
}

async function signOut(c: AppContext, deps: Deps): Promise<Response> {
  const token = getCookie(c, SESSION_COOKIE);
  if (token !== undefined) {
    const user = await currentUser(c, deps);
    deps.sessions.evict(token);
    await deleteSession(deps.db, token);
    if (user !== null) await recordAudit(deps.db, deps.now(), user.id, 'session.sign-out');
  }
  deleteCookie(c, SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'Strict', secure: isHttps(c, deps) });
  return c.body(null, 204);
}

export const sessionRoutes: readonly ApiRoute[] = [
  route('POST /api/session', 'public', {
    summary: 'Sign in',
    description:
      'Sets the HttpOnly, SameSite=Strict session cookie (Secure over https). Answers the device policy, and with ' +
      "a deviceId this person's unlock key for that device (made on the first such sign-in, the same thereafter).",
    body: json(SignInRequest),
    responses: {
      200: reply('Signed in', SessionResponse),
      401: 'Email or password is not right (one message for any bad credential)',
      429: 'Too many attempts; see Retry-After',
    },
    handler: signIn,
  }),
  route('GET /api/session', 'signed-in', {
    summary: 'Who am I',
    description: 'The signed-in person and the device policy; never an unlock key, which needs the password.',
    responses: { 200: reply('The signed-in person', SessionResponse) },
    handler: (c, deps) =>
      c.json({ user: c.get('user'), devicePolicy: devicePolicy(deps.config) } satisfies SessionResponse),
  }),
  route('DELETE /api/session', 'public', {
    summary: 'Sign out',
    responses: { 204: reply('Signed out; the cookie is cleared') },
    handler: signOut,
  }),
];
