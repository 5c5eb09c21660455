// Cross-cutting HTTP behaviour: health, security headers, error shapes, CSRF guards and the log.
import { expect, it } from 'vitest';
import type { Db } from '../../../src/server/db';
import { call, makeApp, visitBody } from '../helpers';
import type { Ctx } from './ctx';

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; " +
  "worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

export function httpContract(ctx: () => Ctx) {
  it('GET /api/health reports the database kind and version', async () => {
    const res = await call(ctx().app, '/api/health');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ status: 'ok', database: ctx().kind, version: '0.1.0' });
  });

  it('sets the security headers and no-store on API responses', async () => {
    const res = await call(ctx().app, '/api/health');
    expect(res.headers.get('content-security-policy')).toBe(CSP);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('permissions-policy')).toBe('camera=(self), geolocation=()');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('answers unknown API routes with a 404 error body', async () => {
    const res = await call(ctx().app, '/api/nothing-here', { cookie: ctx().cookies.officer });
    expect(res.status).toBe(404);
    expect(res.json).toEqual({ error: 'not-found', message: 'No such API route' });
    expect(res.headers.get('content-security-policy')).toBe(CSP);
    const post = await call(ctx().app, '/api/nothing-here', { method: 'POST', body: {} });
    expect(post.status).toBe(404);
  });

  it('refuses a mutating request whose Origin is another site', async () => {
    const body = visitBody();
    const res = await call(ctx().app, `/api/submissions/${body.id}`, {
      method: 'PUT',
      body,
      cookie: ctx().cookies.officer,
      headers: { origin: 'https://evil.example' },
    });
    expect(res.status).toBe(403);
    expect(res.json).toEqual({ error: 'forbidden', message: 'Cross-origin requests are not allowed' });
    const signIn = await call(ctx().app, '/api/session', {
      method: 'POST',
      body: { email: 'x@example.org', password: 'y' },
      headers: { origin: 'null' },
    });
    expect(signIn.status).toBe(403);
  });

  it('accepts a same-origin Origin header', async () => {
    const res = await call(ctx().app, '/api/session', {
      method: 'DELETE',
      headers: { origin: 'http://localhost' },
    });
    expect(res.status).toBe(204);
  });

  it('requires Content-Type: application/json on JSON bodies', async () => {
    const res = await ctx().app.request('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ email: 'officer@example.org', password: 'x' }),
    });
    expect(res.status).toBe(415);
    expect(await res.json()).toEqual({
      error: 'unsupported-type',
      message: 'Send the body as JSON with Content-Type: application/json',
    });
  });

  it('logs route patterns, never record ids, emails or bodies', async () => {
    const { app, cookies, log } = ctx();
    const id = '0b7a4a52-3f1e-4f0e-9a53-3c0d7e1f2a10';
    await call(app, `/api/submissions/${id}`, { cookie: cookies.manager });
    const line = log.at(-1) ?? '';
    expect(line).toMatch(/^GET \/api\/submissions\/:id 404 \d+(\.\d)?ms$/);
    expect(log.join('\n')).not.toContain(id);
    expect(log.join('\n')).not.toMatch(/@example\.org/i);
  });

  it('turns an unexpected failure into 500 internal without details', async () => {
    const lines: string[] = [];
    const broken: Db = {
      ...ctx().db,
      query: async (sql, params) => {
        if (sql.includes('FROM sessions'))
          throw Object.assign(new Error('connection reset'), { detail: 'Key (email)=(x@y) secret' });
        return ctx().db.query(sql, params);
      },
    };
    const app = makeApp(broken, { log: (l) => lines.push(l) });
    const res = await call(app, '/api/submissions', { cookie: ctx().cookies.officer });
    expect(res.status).toBe(500);
    expect(res.json).toEqual({ error: 'internal', message: 'Something went wrong on the server. Try again later.' });
    expect(lines.join('\n')).toContain('connection reset');
    expect(lines.join('\n')).not.toContain('secret');
  });
}
