// /api/session: sign-in, the one 401 for every bad credential, throttling (per address behind
// trusted proxies too), who-am-I, sign-out and session expiry; the device policy on sign-in, who-am-I
// and the pull; and the per-device unlock key, answered only to a password sign-in naming the device.
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { PASSWORD, call, makeApp, manualClock, signIn, signInThrough } from '../helpers';
import type { Ctx } from './ctx';
import { refusedPaths } from './steps';

const BAD = { error: 'unauthenticated', message: 'Email or password is not right' };
const HOUR = 3_600_000;
const DEFAULT_POLICY = {
  lockIdleMinutes: 5,
  unlockAttempts: 10,
  allowPin: false,
  sentRetentionDays: 14,
  referenceRetentionDays: 30,
};
const ONE_HOP = { mode: 'hops', hops: 1 } as const;

export function sessionContract(ctx: () => Ctx) {
  it('signs in (email case and spaces ignored) and sets a strict HttpOnly cookie', async () => {
    const { app, users } = ctx();
    const res = await app.request('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: '  OFFICER.ONE@example.ORG ', password: PASSWORD }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ user: users.officer, devicePolicy: DEFAULT_POLICY });
    expect(users.officer.email).toBe('officer.one@example.org');
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^qa_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
    expect(cookie).not.toContain('Secure');
  });

  it('marks the cookie Secure over https, and behind a trusted proxy that says https', async () => {
    const direct = await ctx().app.request('https://qa.example.gov.uk/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: ctx().users.qa.email, password: PASSWORD }),
    });
    expect(direct.headers.get('set-cookie')).toContain('Secure');
    const viaProxy = (options: Parameters<typeof makeApp>[1], proto: string) =>
      makeApp(ctx().db, options).request('/api/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-proto': proto },
        body: JSON.stringify({ email: ctx().users.qa.email, password: PASSWORD }),
      });
    const cookieOf = async (res: Response | Promise<Response>) => (await res).headers.get('set-cookie') ?? '';
    expect(await cookieOf(viaProxy({ config: { trustProxy: ONE_HOP } }, 'https'))).toContain('Secure');
    // The nearest proxy's value counts: one that appends says "http" last, whatever the client wrote.
    expect(await cookieOf(viaProxy({ config: { trustProxy: ONE_HOP } }, 'https, http'))).not.toContain('Secure');
    expect(await cookieOf(viaProxy({ config: { trustProxy: ONE_HOP } }, 'http, https'))).toContain('Secure');
    // Not believed without a trusted proxy, nor from a peer not on the list (app.request has no peer).
    expect(await cookieOf(viaProxy({}, 'https'))).not.toContain('Secure');
    const listed = { config: { trustProxy: { mode: 'addresses', proxies: ['10.0.0.0/8'] } as const } };
    expect(await cookieOf(viaProxy(listed, 'https'))).not.toContain('Secure');
  });

  it('gives the same 401 for a wrong password and an unknown email', async () => {
    const { app, users } = ctx();
    const wrong = await call(app, '/api/session', {
      method: 'POST',
      body: { email: users.manager.email, password: 'nope' },
    });
    const unknown = await call(app, '/api/session', {
      method: 'POST',
      body: { email: 'nobody@example.org', password: 'nope' },
    });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.json).toEqual(BAD);
    expect(unknown.json).toEqual(BAD);
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('rejects malformed JSON with 400 and a wrong shape with 422', async () => {
    const bad = await call(ctx().app, '/api/session', { method: 'POST', raw: '{"email": "a@b.c",' });
    expect(bad.status).toBe(400);
    expect(bad.json).toEqual({ error: 'bad-request', message: 'The request body is not valid JSON' });
    const invalid = await call(ctx().app, '/api/session', { method: 'POST', body: { email: 'officer@example.org' } });
    expect(invalid.status).toBe(422);
    expect(invalid.json.error).toBe('invalid');
    expect(invalid.json.issues).toEqual([{ path: 'password', message: expect.stringMatching(/expected string/i) }]);
  });

  it('throttles after 5 failures for one email, then lets in after 15 minutes', async () => {
    const clock = manualClock();
    const app = makeApp(ctx().db, { now: clock.now });
    const email = ctx().users.officer2.email;
    for (let i = 0; i < 5; i += 1) {
      expect(
        (await call(app, '/api/session', { method: 'POST', body: { email, password: `guess-${i}` } })).status,
      ).toBe(401);
    }
    const blocked = await call(app, '/api/session', { method: 'POST', body: { email, password: PASSWORD } });
    expect(blocked.status).toBe(429);
    expect(blocked.json).toEqual({
      error: 'rate-limited',
      message: 'Too many sign-in attempts. Wait a few minutes and try again.',
    });
    expect(blocked.headers.get('retry-after')).toBe('900');
    clock.advance(10 * 60_000);
    const later = await call(app, '/api/session', { method: 'POST', body: { email, password: PASSWORD } });
    expect(later.status).toBe(429);
    expect(later.headers.get('retry-after')).toBe('300');
    clock.advance(5 * 60_000);
    expect((await call(app, '/api/session', { method: 'POST', body: { email, password: PASSWORD } })).status).toBe(200);
  });

  it('counts parallel guesses before checking them, so a burst gets no extra tries', async () => {
    const app = makeApp(ctx().db);
    const email = 'burst@example.org';
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        call(app, '/api/session', { method: 'POST', body: { email, password: `g${i}` } }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
  });

  it('throttles after 20 failures from one address', async () => {
    const app = makeApp(ctx().db, { config: { trustProxy: ONE_HOP } });
    const attempt = (email: string, password = 'wrong') => signInThrough(app, '203.0.113.9', email, password);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => attempt(`nobody${i}@example.org`)));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(401));
    const blocked = await attempt(ctx().users.manager.email, PASSWORD);
    expect(blocked.status).toBe(429);
    const otherAddress = await signInThrough(app, '198.51.100.7', ctx().users.manager.email, PASSWORD);
    expect(otherAddress.status).toBe(200);
  });

  it('does not let rotating X-Forwarded-For get round the per-address limit behind one trusted proxy', async () => {
    const app = makeApp(ctx().db, { now: manualClock().now, config: { trustProxy: ONE_HOP } });
    // What a client writes comes first; the proxy appends the address it saw, 203.0.113.77.
    const attempt = (i: number, email: string, password: string) =>
      signInThrough(app, `192.0.2.${i}, 10.${i}.0.1, 203.0.113.77`, email, password);
    const guesses = await Promise.all(Array.from({ length: 20 }, (_, i) => attempt(i, `rotate${i}@example.org`, 'x')));
    expect(guesses.map((r) => r.status)).toEqual(Array(20).fill(401));
    const blocked = await attempt(200, ctx().users.manager.email, PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBe('900');
    // The same person from another real address is let in.
    const elsewhere = await signInThrough(app, '203.0.113.77, 198.51.100.20', ctx().users.manager.email, PASSWORD);
    expect(elsewhere.status).toBe(200);
  });

  it('GET /api/session says who is signed in, with the device policy, or 401', async () => {
    const { app, cookies, users } = ctx();
    const me = await call(app, '/api/session', { cookie: cookies.manager });
    expect(me.status).toBe(200);
    expect(me.json).toEqual({ user: users.manager, devicePolicy: DEFAULT_POLICY });
    const none = await call(app, '/api/session');
    expect(none.status).toBe(401);
    expect(none.json).toEqual({ error: 'unauthenticated', message: 'Sign in to continue' });
    const forged = await call(app, '/api/session', { cookie: `qa_session=${'A'.repeat(43)}` });
    expect(forged.status).toBe(401);
  });

  it('DELETE /api/session signs out: 204, cookie cleared, session row gone', async () => {
    const { app, db, users } = ctx();
    const cookie = await signIn(app, users.qa.email);
    const before = await db.query('SELECT 1 FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.id = $1', [
      users.qa.id,
    ]);
    const out = await call(app, '/api/session', { method: 'DELETE', cookie });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^qa_session=; Max-Age=0; Path=\//);
    expect((await call(app, '/api/session', { cookie })).status).toBe(401);
    const after = await db.query('SELECT 1 FROM sessions WHERE user_id = $1', [users.qa.id]);
    expect(after.length).toBe(before.length - 1);
    const audit = await db.query<{ action: string; subject: string | null }>(
      `SELECT action, subject FROM audit_log WHERE user_id = $1 ORDER BY id`,
      [users.qa.id],
    );
    expect(audit.map((a) => a.action)).toContain('session.sign-out');
  });

  it('a sign-out on another server reaches this one within the 10 s session cache', async () => {
    const clock = manualClock();
    const serverA = makeApp(ctx().db, { now: clock.now });
    const serverB = makeApp(ctx().db, { now: clock.now });
    const cookie = await signIn(serverA, ctx().users.manager.email);
    expect((await call(serverB, '/api/session', { cookie })).status).toBe(200);
    expect((await call(serverA, '/api/session', { method: 'DELETE', cookie })).status).toBe(204);
    expect((await call(serverA, '/api/session', { cookie })).status).toBe(401);
    clock.advance(10_001);
    expect((await call(serverB, '/api/session', { cookie })).status).toBe(401);
  });

  it('ends a session after the idle limit, and after the absolute limit even when in use', async () => {
    // Before the suite's own clock, so sign-in's sweep of dead sessions cannot touch the suite's cookies.
    const clock = manualClock('2025-06-01T09:00:00.000Z');
    const app = makeApp(ctx().db, { now: clock.now });
    const idle = await signIn(app, ctx().users.officer2.email);
    clock.advance(71 * HOUR);
    expect((await call(app, '/api/session', { cookie: idle })).status).toBe(200);
    clock.advance(71 * HOUR); // 142 h since sign-in, but only 71 h since last use
    expect((await call(app, '/api/session', { cookie: idle })).status).toBe(200);
    clock.advance(73 * HOUR);
    expect((await call(app, '/api/session', { cookie: idle })).status).toBe(401);

    const busy = await signIn(app, ctx().users.officer2.email);
    for (let day = 0; day < 13; day += 1) {
      clock.advance(24 * HOUR);
      expect((await call(app, '/api/session', { cookie: busy })).status).toBe(200);
    }
    clock.advance(24 * HOUR);
    expect((await call(app, '/api/session', { cookie: busy })).status).toBe(401);
  });

  it("sends the council's device policy, as configured, on sign-in, GET /api/session and every pull", async () => {
    const app = makeApp(ctx().db, {
      config: {
        lockIdleMinutes: 2,
        unlockAttempts: 4,
        allowPin: true,
        deviceSentRetentionDays: 0,
        deviceReferenceRetentionDays: 90,
      },
    });
    const policy = {
      lockIdleMinutes: 2,
      unlockAttempts: 4,
      allowPin: true,
      sentRetentionDays: 0,
      referenceRetentionDays: 90,
    };
    const signedIn = await call(app, '/api/session', {
      method: 'POST',
      body: { email: ctx().users.officer.email, password: PASSWORD },
    });
    expect(signedIn.json.devicePolicy).toEqual(policy);
    const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect((await call(app, '/api/session', { cookie })).json.devicePolicy).toEqual(policy);
    const pulled = await call(app, '/api/sync/pull', { cookie });
    expect(pulled.status).toBe(200);
    expect(pulled.json.settings).toEqual({
      briefingStaleDays: 7,
      devicePolicy: policy,
      deadlines: expect.objectContaining({ dayCount: 'calendar' }),
    });
  });

  it("answers a password sign-in naming a device with that person's key for it: the same every time, another for another device or person", async () => {
    const app = makeApp(ctx().db);
    const { db, users } = ctx();
    const [tablet, phone] = [randomUUID(), `phone-${randomUUID().slice(0, 8)}`];
    const keyFor = async (email: string, deviceId: string) => {
      const res = await call(app, '/api/session', { method: 'POST', body: { email, password: PASSWORD, deviceId } });
      expect(res.status).toBe(200);
      expect(res.json.devicePolicy).toEqual(DEFAULT_POLICY);
      return res.json.deviceKey as string;
    };
    const first = await keyFor(users.officer.email, tablet);
    expect(first).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(first, 'base64')).toHaveLength(32);
    expect(await keyFor(users.officer.email.toUpperCase(), tablet)).toBe(first);
    const otherDevice = await keyFor(users.officer.email, phone);
    const otherPerson = await keyFor(users.officer2.email, tablet);
    expect(new Set([first, otherDevice, otherPerson]).size).toBe(3);
    expect(await keyFor(users.officer2.email, tablet)).toBe(otherPerson);

    // One audit entry per key made, naming the device (an id) and never the key.
    const made = await db.query<{ user_id: string; subject: string }>(
      `SELECT user_id, subject FROM audit_log WHERE action = 'device-key.create' AND subject = ANY($1::text[]) ORDER BY id`,
      [[tablet, phone]],
    );
    expect(made).toEqual([
      { user_id: users.officer.id, subject: tablet },
      { user_id: users.officer.id, subject: phone },
      { user_id: users.officer2.id, subject: tablet },
    ]);
    const [stored] = await db.query<{ n: string | number }>(
      'SELECT count(*) AS n FROM device_keys WHERE device_id = ANY($1::text[])',
      [[tablet, phone]],
    );
    expect(Number(stored?.n)).toBe(3);
  });

  it('never answers a device key to GET /api/session, to a sign-in without a deviceId, or to a wrong password', async () => {
    const app = makeApp(ctx().db);
    const { db, users } = ctx();
    const device = randomUUID();
    const signedIn = await call(app, '/api/session', {
      method: 'POST',
      body: { email: users.manager2.email, password: PASSWORD, deviceId: device },
    });
    expect(typeof signedIn.json.deviceKey).toBe('string');
    const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0]!;
    const me = await call(app, '/api/session', { cookie });
    expect(me.status).toBe(200);
    expect(me.json).toEqual({ user: users.manager2, devicePolicy: DEFAULT_POLICY });

    const withoutDevice = await call(app, '/api/session', {
      method: 'POST',
      body: { email: users.manager2.email, password: PASSWORD },
    });
    expect(withoutDevice.status).toBe(200);
    expect(withoutDevice.json).toEqual({ user: users.manager2, devicePolicy: DEFAULT_POLICY });

    const otherDevice = randomUUID();
    for (const email of [users.manager2.email, 'nobody@example.org']) {
      const wrong = await call(app, '/api/session', {
        method: 'POST',
        body: { email, password: 'not the password', deviceId: otherDevice },
      });
      expect(wrong.status).toBe(401);
      expect(wrong.json).toEqual(BAD);
    }
    expect(await db.query('SELECT 1 FROM device_keys WHERE device_id = $1', [otherDevice])).toEqual([]);

    const malformed = await call(app, '/api/session', {
      method: 'POST',
      body: { email: users.manager2.email, password: PASSWORD, deviceId: 'short' },
    });
    expect(refusedPaths(malformed)).toEqual(['deviceId']);
  });
}
