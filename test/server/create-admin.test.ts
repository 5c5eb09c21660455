// `npm run create-admin`. The command's logic runs in-process against an in-memory PGlite: it
// creates a QA manager who can sign in, refuses the same email, refuses a short password or
// missing arguments before opening the database, and reads the password from standard input only
// when ADMIN_PASSWORD is unset. Then one run of the compiled command as a child process (built
// fresh from the sources by vite.server.config.ts, so it is never stale or missing) against a
// temporary DATA_DIR, with the password piped in, proves the real entry point works end to end.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/server/config';
import { openDb } from '../../src/server/db';
import { createAdmin, type CreateAdminIo } from '../../src/server/users/create-admin';
import { makeApp, openTestDb, signIn, type TestDb } from './helpers';

const ROOT = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'qa-create-admin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A stdin that fails the test if the command reads it. */
const unreadStdin: CreateAdminIo['stdin'] = {
  [Symbol.asyncIterator]() {
    throw new Error('standard input was read although ADMIN_PASSWORD is set');
  },
};

describe('create-admin (in-process)', () => {
  let test: TestDb;
  beforeAll(async () => {
    test = await openTestDb('pglite');
  });
  afterAll(() => test.dispose());

  async function run(args: string[], env: Record<string, string>, stdin: CreateAdminIo['stdin'] = unreadStdin) {
    let stdout = '';
    let stderr = '';
    const configs: Config[] = [];
    const code = await createAdmin(
      {
        args,
        env: { DATA_DIR: dir, ...env },
        stdin,
        stdout: { write: (text: string) => (stdout += text) },
        stderr: { write: (text: string) => (stderr += text) },
      },
      async (config) => {
        configs.push(config);
        return test.db;
      },
    );
    return { code, stdout, stderr, configs };
  }

  const emails = async () =>
    (await test.db.query<{ email: string }>('SELECT email FROM users ORDER BY email')).map((u) => u.email);

  it('creates a QA manager who can sign in, and refuses the same email again', async () => {
    const made = await run(['--email', 'Head.Of.QA@Council.gov.uk', '--name', 'Alex Morgan'], {
      ADMIN_PASSWORD: 'a very long password',
    });
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    expect(made.stdout).toContain('Created QA manager head.of.qa@council.gov.uk');
    // The server's own configuration: PGlite in DATA_DIR (DATABASE_URL unset).
    expect(made.configs.map((c) => [c.dataDir, c.databaseUrl])).toEqual([[resolve(dir), null]]);

    const app = makeApp(test.db);
    const cookie = await signIn(app, 'head.of.qa@council.gov.uk', 'a very long password');
    const me = await app.request('/api/session', { headers: { cookie } });
    expect(((await me.json()) as { user: { role: string } }).user.role).toBe('qa');

    const again = await run(['--email', 'head.of.qa@council.gov.uk', '--name', 'Someone'], {
      ADMIN_PASSWORD: 'another long password',
    });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
    expect(again.stdout).toBe('');
    const rows = await test.db.query<{ name: string }>('SELECT name FROM users WHERE email = $1', [
      'head.of.qa@council.gov.uk',
    ]);
    expect(rows.map((r) => r.name)).toEqual(['Alex Morgan']);
    await signIn(app, 'head.of.qa@council.gov.uk', 'a very long password');
  });

  it('refuses a short password or missing arguments before opening the database', async () => {
    const short = await run(['--email', 'x@council.gov.uk', '--name', 'X'], { ADMIN_PASSWORD: 'short' });
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('at least 12 characters');
    expect(short.configs).toEqual([]);

    const noName = await run(['--email', 'x@council.gov.uk'], { ADMIN_PASSWORD: 'a very long password' });
    expect(noName.code).toBe(1);
    expect(noName.stderr).toContain('usage: npm run create-admin');
    expect(noName.configs).toEqual([]);

    const unknown = await run(['--email', 'x@council.gov.uk', '--name', 'X', '--password', 'p'], {
      ADMIN_PASSWORD: 'a very long password',
    });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^create-admin: .*--password/);
    expect(unknown.configs).toEqual([]);

    expect(await emails()).not.toContain('x@council.gov.uk');
  });

  it('reads the password from the first line of standard input when ADMIN_PASSWORD is unset', async () => {
    const piped = await run(
      ['--email', 'second@council.gov.uk', '--name', 'Sam Lee'],
      {},
      Readable.from([Buffer.from('piped in '), Buffer.from('password\nnot this line\n')]),
    );
    expect(piped.stderr).toBe('');
    expect(piped.code).toBe(0);
    await signIn(makeApp(test.db), 'second@council.gov.uk', 'piped in password');

    // A terminal gets a prompt on stderr.
    const typed = Object.assign(Readable.from(['typed in password\r\n']), { isTTY: true });
    const prompted = await run(['--email', 'third@council.gov.uk', '--name', 'Jo Bloggs'], {}, typed);
    expect(prompted.code).toBe(0);
    expect(prompted.stderr).toContain('Password for the new QA manager');
    await signIn(makeApp(test.db), 'third@council.gov.uk', 'typed in password');

    expect(await emails()).toEqual(['head.of.qa@council.gov.uk', 'second@council.gov.uk', 'third@council.gov.uk']);
  });
});

describe('create-admin (the built command, as a process)', () => {
  const out = join(ROOT, 'node_modules', '.cache', `qa-visits-create-admin-test-${process.pid}`);
  beforeAll(() => {
    // Inside the project, so the bundle's package imports resolve from its node_modules.
    const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
    const args = ['build', '-c', 'vite.server.config.ts', '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'];
    const built = spawnSync(process.execPath, [vite, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    if (built.status !== 0) throw new Error(`The server build failed:\n${built.stdout}${built.stderr}`);
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  // A fresh process compiles PGlite's WebAssembly and creates the database: slow on a busy machine.
  it('creates a QA manager in DATA_DIR from a password piped on stdin', async () => {
    const { DATABASE_URL: _url, ADMIN_PASSWORD: _password, ...base } = process.env;
    const made = spawnSync(
      process.execPath,
      [join(out, 'create-admin.js'), '--email', 'Head.Of.QA@Council.gov.uk', '--name', 'Alex Morgan'],
      { cwd: ROOT, env: { ...base, DATA_DIR: dir }, input: 'piped in password\n', encoding: 'utf8', timeout: 110_000 },
    );
    expect(made.stderr).toBe('');
    expect(made.status).toBe(0);
    expect(made.stdout).toContain('Created QA manager head.of.qa@council.gov.uk (Alex Morgan)');

    const db = await openDb({ dataDir: dir, databaseUrl: null });
    try {
      const app = makeApp(db);
      const cookie = await signIn(app, 'head.of.qa@council.gov.uk', 'piped in password');
      const me = await app.request('/api/session', { headers: { cookie } });
      expect(((await me.json()) as { user: { role: string } }).user.role).toBe('qa');
      const users = await db.query<{ email: string }>('SELECT email FROM users ORDER BY email');
      expect(users.map((u) => u.email)).toEqual(['head.of.qa@council.gov.uk']);
    } finally {
      await db.close();
    }
  }, 120_000);
});
