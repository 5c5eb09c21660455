// Sign-in throttling and session lifetimes beyond what contract/session.ts proves (5 failures per
// email, 20 per address, a parallel burst, the default idle and absolute limits on GET /api/session):
// the per-account limit holds when the guesses come from many addresses and spellings of the email;
// a spoofed X-Forwarded-For does not reset the per-address limit unless the proxy is trusted; and
// configured lifetimes end a session on every kind of route, on a server that had it cached too.
import { expect, it } from 'vitest';
import { ErrorBody } from '../../../src/shared/http';
import { PASSWORD, call, makeApp, manualClock, signIn, signInThrough, visitBody } from '../helpers';
import type { SecurityCtx } from './ctx';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const RATE_LIMITED = { error: 'rate-limited', message: 'Too many sign-in attempts. Wait a few minutes and try again.' };

export function sessionAbuseSuite(ctx: () => SecurityCtx) {
  it('locks an account after 5 failures even when each guess comes from another address and spelling of the email', async () => {
    const clock = manualClock();
    const app = makeApp(ctx().db, { now: clock.now, config: { trustProxy: { mode: 'hops', hops: 1 } } });
    const email = ctx().users.officer2.email;
    const spellings = [email, email.toUpperCase(), ` ${email} `, email.replace('officer', 'OFFICER'), `\t${email}`];
    for (const [i, spelling] of spellings.entries()) {
      expect((await signInThrough(app, `198.51.100.${i + 1}`, spelling, `guess-${i}`)).status).toBe(401);
    }
    const blocked = await signInThrough(app, '203.0.113.50', email, PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.json).toEqual(RATE_LIMITED);
    expect(blocked.headers.get('retry-after')).toBe('900');
    expect(blocked.headers.get('set-cookie')).toBeNull();
    // Other people signing in from those addresses are not affected.
    expect((await signInThrough(app, '198.51.100.1', ctx().users.manager2.email, PASSWORD)).status).toBe(200);
    clock.advance(15 * MINUTE);
    expect((await signInThrough(app, '203.0.113.50', email, PASSWORD)).status).toBe(200);
  });

  it('ignores X-Forwarded-For unless the proxy is trusted, so rotating it does not reset the per-address limit', async () => {
    const clock = manualClock();
    const app = makeApp(ctx().db, { now: clock.now });
    const attempt = (i: number, email: string, password: string) => signInThrough(app, `192.0.2.${i}`, email, password);
    const guesses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => attempt(i, `spray-${i}@example.org`, 'Winter2026!')),
    );
    expect(guesses.map((r) => r.status)).toEqual(Array(20).fill(401));
    const blocked = await attempt(99, ctx().users.qa.email, PASSWORD);
    expect(blocked.status).toBe(429);
    expect(ErrorBody.parse(blocked.json)).toEqual(RATE_LIMITED);
    expect(Number(blocked.headers.get('retry-after'))).toBe(900);
    clock.advance(10 * MINUTE);
    expect((await attempt(100, ctx().users.qa.email, PASSWORD)).headers.get('retry-after')).toBe('300');
    clock.advance(5 * MINUTE);
    expect((await attempt(101, ctx().users.qa.email, PASSWORD)).status).toBe(200);
  });

  it('ends sessions at the configured idle and absolute limits on every kind of route', async () => {
    // Before real time, so sign-in's sweep of dead sessions cannot touch the suite's own cookies.
    const clock = manualClock('2025-03-01T09:00:00.000Z');
    const app = makeApp(ctx().db, { now: clock.now, config: { sessionIdleHours: 1, sessionMaxDays: 1 } });
    const { users, db } = ctx();
    const record = visitBody();
    const routes: Array<{ method: string; path: string; body?: unknown }> = [
      { method: 'GET', path: '/api/session' },
      { method: 'GET', path: '/api/sync/pull' },
      { method: 'GET', path: '/api/submissions' },
      { method: 'PUT', path: `/api/submissions/${record.id}`, body: record },
      { method: 'POST', path: '/api/providers', body: { id: 'late-home' } },
      { method: 'GET', path: `/api/attachments/${'0'.repeat(64)}` },
      { method: 'GET', path: '/api/exports/submissions.csv' },
    ];
    const expectEnded = async (cookie: string, why: string) => {
      for (const route of routes) {
        const res = await call(app, route.path, {
          method: route.method,
          cookie,
          ...(route.body ? { body: route.body } : {}),
        });
        expect(res.status, `${why}: ${route.method} ${route.path}`).toBe(401);
        expect(res.json, `${why}: ${route.method} ${route.path}`).toEqual({
          error: 'unauthenticated',
          message: 'Sign in to continue',
        });
      }
    };

    const idle = await signIn(app, users.qa.email);
    clock.advance(59 * MINUTE);
    expect((await call(app, '/api/session', { cookie: idle })).status).toBe(200);
    clock.advance(61 * MINUTE); // 2 h since sign-in, 61 min since last use
    await expectEnded(idle, 'idle');

    // Used every 50 minutes, so never idle; the last use, a second before the day is up, is cached.
    const busy = await signIn(app, users.qa.email);
    let elapsed = 0;
    while (elapsed + 50 * MINUTE < 24 * HOUR) {
      clock.advance(50 * MINUTE);
      elapsed += 50 * MINUTE;
      expect((await call(app, '/api/session', { cookie: busy })).status, `after ${elapsed / MINUTE} min`).toBe(200);
    }
    clock.advance(24 * HOUR - 1000 - elapsed);
    expect((await call(app, '/api/session', { cookie: busy })).status).toBe(200);
    // The per-process cache may vouch for a session for up to 10 s (auth/session-cache.ts); past that it ends.
    clock.advance(1000 + 10_001);
    await expectEnded(busy, 'absolute');
    expect(await db.query('SELECT 1 FROM submissions WHERE id = $1', [record.id])).toEqual([]);
    expect(await db.query("SELECT 1 FROM providers WHERE id = 'late-home'")).toEqual([]);
  });
}
