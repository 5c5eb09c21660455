// `npm run create-admin`: run as a child process against a temporary DATA_DIR, then sign in with
// the account it made. Refuses an existing email and a short password; reads stdin when
// ADMIN_PASSWORD is not set.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/server/db';
import { makeApp, signIn } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'qa-create-admin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string>, input?: string) {
  const { DATABASE_URL: _, ...base } = process.env;
  return spawnSync(join(process.cwd(), 'node_modules/.bin/tsx'), ['src/server/create-admin.ts', ...args], {
    env: { ...base, DATA_DIR: dir, ...env },
    input: input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('create-admin', () => {
  it('creates a QA manager who can sign in, and refuses the same email again', async () => {
    const made = run(['--email', 'Head.Of.QA@Council.gov.uk', '--name', 'Alex Morgan'], {
      ADMIN_PASSWORD: 'a very long password',
    });
    expect(made.stderr).toBe('');
    expect(made.status).toBe(0);
    expect(made.stdout).toContain('Created QA manager head.of.qa@council.gov.uk');

    const again = run(['--email', 'head.of.qa@council.gov.uk', '--name', 'Someone'], {
      ADMIN_PASSWORD: 'another long password',
    });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exists');

    const short = run(['--email', 'x@council.gov.uk', '--name', 'X'], { ADMIN_PASSWORD: 'short' });
    expect(short.status).toBe(1);
    expect(short.stderr).toContain('at least 12 characters');

    const piped = run(['--email', 'second@council.gov.uk', '--name', 'Sam Lee'], {}, 'piped in password\n');
    expect(piped.status).toBe(0);

    const db = await openDb({ dataDir: dir, databaseUrl: null });
    try {
      const app = makeApp(db);
      const cookie = await signIn(app, 'head.of.qa@council.gov.uk', 'a very long password');
      const me = await app.request('/api/session', { headers: { cookie } });
      expect(((await me.json()) as { user: { role: string } }).user.role).toBe('qa');
      await signIn(app, 'second@council.gov.uk', 'piped in password');
      const users = await db.query<{ email: string }>('SELECT email FROM users ORDER BY email');
      expect(users.map((u) => u.email)).toEqual(['head.of.qa@council.gov.uk', 'second@council.gov.uk']);
    } finally {
      await db.close();
    }
  });
});
