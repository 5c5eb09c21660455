// The data-folder lock (src/server/startup.ts). In-process: a second claim is refused naming the
// holder, a lock left by a dead process (a plain file, or the socket of a process killed with
// SIGKILL) is taken over, claims racing for one folder leave exactly one holder, the pid file of
// earlier versions is not believed, and a folder path too long for a socket still locks. Then the
// real compiled server (built fresh from the sources, as in create-admin.test.ts), on one temporary
// data folder: killed with SIGKILL and started again at once, 10 times, every start succeeds — on
// Unix through a parent that never reaps, so each killed server stays a zombie, the case a pid
// check counted as alive — and a second server on the folder while one runs is refused.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE, StartupError, lockDataDir, lockEndpoints } from '../../src/server/startup';
import { freePort } from '../e2e/support/server';

const ROOT = resolve(import.meta.dirname, '../..');
const folders: string[] = [];
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});
function folder(prefix = 'qa-lock-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  folders.push(dir);
  return dir;
}

const refusal = (pid: number, dir: string) =>
  new StartupError(`another QA Visits server (process ${pid}) is using ${dir}. Stop it, or set DATA_DIR.`);

describe.skipIf(process.platform === 'win32')('the data-folder lock, in-process', () => {
  it('refuses a second claim naming the holder, and is free again once released', async () => {
    const dir = folder();
    const release = await lockDataDir(dir);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true);
    await expect(lockDataDir(dir)).rejects.toEqual(refusal(process.pid, dir));
    release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    (await lockDataDir(dir))();
  });

  it('takes over a lock whose holder died: a leftover file, or the socket of a process killed with SIGKILL', async () => {
    const leftover = folder();
    writeFileSync(join(leftover, LOCK_FILE), 'not a socket');
    (await lockDataDir(leftover))();

    const killed = folder();
    const socket = join(killed, LOCK_FILE);
    const holder = spawn(process.execPath, [
      '-e',
      // Hangs up without a word: still a live holder, only an unnamed one.
      `require('node:net').createServer((s) => s.end()).listen(${JSON.stringify(socket)}, () => console.log('on'))`,
    ]);
    await new Promise<void>((done) => holder.stdout.once('data', () => done()));
    await expect(lockDataDir(killed)).rejects.toEqual(
      new StartupError(`another QA Visits server is using ${killed}. Stop it, or set DATA_DIR.`),
    );
    await new Promise<void>((done) => {
      holder.once('exit', () => done());
      holder.kill('SIGKILL');
    });
    expect(existsSync(socket)).toBe(true); // SIGKILL leaves the socket file behind
    (await lockDataDir(killed))();
  });

  it('leaves exactly one holder when claims race, on a fresh folder and over a dead lock', async () => {
    for (const stale of [false, true]) {
      const dir = folder();
      if (stale) writeFileSync(join(dir, LOCK_FILE), '');
      const claims = await Promise.allSettled(Array.from({ length: 6 }, () => lockDataDir(dir)));
      const won = claims.filter((c) => c.status === 'fulfilled');
      expect(won).toHaveLength(1);
      for (const lost of claims.filter((c) => c.status === 'rejected'))
        expect(lost.reason).toEqual(refusal(process.pid, dir));
      won[0]!.value();
    }
  });

  it('does not believe the pid file of earlier versions, and removes it', async () => {
    const dir = folder();
    // Process 1 is always alive: the old check refused this folder for good.
    writeFileSync(join(dir, 'server.pid'), '1');
    const release = await lockDataDir(dir);
    expect(existsSync(join(dir, 'server.pid'))).toBe(false);
    release();
  });

  it('takes over a claim left by a process killed in the middle of one', async () => {
    const dir = folder();
    const claim = join(dir, `${LOCK_FILE}.claim`);
    mkdirSync(claim);
    const old = new Date(Date.now() - 60_000);
    utimesSync(claim, old, old);
    (await lockDataDir(dir))();
    expect(existsSync(claim)).toBe(false);
  });

  it('locks a folder whose path is too long for a socket, where it lives elsewhere', async () => {
    const dir = join(folder(), 'a-folder-name-long-enough'.repeat(5));
    expect(lockEndpoints(dir, 'linux').map((e) => e.address.startsWith('\0'))).toEqual([true]);
    expect(lockEndpoints(dir, 'darwin', '/var/folders/xy/T')[0]?.address).toMatch(
      /^\/var\/folders\/xy\/T\/qa-visits-[0-9a-f]{32}\.lock$/,
    );
    for (const platform of [process.platform, 'darwin'] as const) {
      const release = await lockDataDir(dir, platform);
      await expect(lockDataDir(dir, platform)).rejects.toEqual(refusal(process.pid, dir));
      release();
    }
  });
});

describe('the lock on Windows', () => {
  it('names one pipe per folder on Windows, whatever the case of its path', () => {
    const [pipe] = lockEndpoints('C:\\QA\\Data', 'win32');
    expect(pipe?.address).toMatch(/^\\\\\.\\pipe\\qa-visits-[0-9a-f]{32}$/);
    expect(lockEndpoints('c:\\qa\\data', 'win32')).toEqual([pipe]);
    expect(lockEndpoints('C:\\QA\\Other', 'win32')).not.toEqual([pipe]);
  });
});

describe('the compiled server on one data folder', () => {
  const out = join(ROOT, 'node_modules', '.cache', `qa-visits-startup-test-${process.pid}`);
  const entry = join(out, 'main.js');
  let dataDir = '';
  const parents: ChildProcess[] = [];
  let port = 0;
  let live: { pid: number; output: () => string } | null = null;
  // Unix: started by a shell that then becomes `sleep`, which never reaps, so a killed server stays
  // a zombie (its pid "alive" to kill(pid, 0)) for as long as the test runs.
  const zombies = process.platform !== 'win32';

  beforeAll(async () => {
    // Inside the project, so the bundle's package imports resolve from its node_modules.
    const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
    const args = ['build', '-c', 'vite.server.config.ts', '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'];
    const built = spawnSync(process.execPath, [vite, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    if (built.status !== 0) throw new Error(`The server build failed:\n${built.stdout}${built.stderr}`);
    // Made here, not while collecting, so a run that filters these tests out leaves no folder behind.
    dataDir = folder('qa-restart-');
    port = await freePort();
  });
  afterAll(() => {
    if (live !== null) process.kill(live.pid, 'SIGKILL');
    for (const parent of parents) if (parent.exitCode === null && parent.signalCode === null) parent.kill('SIGKILL');
    rmSync(out, { recursive: true, force: true });
  });

  /** Starts the server on the data folder; resolves with its pid once it answers, or with its output if it exits. */
  async function start(serverPort: number): Promise<{ pid: number; output: () => string } | { failed: string }> {
    const { DATABASE_URL: _url, ...base } = process.env;
    const env = {
      ...base,
      PORT: String(serverPort),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      STATIC_DIR: join(dataDir, 'no-app'),
      DEMO_DATA: 'off',
    };
    const child = zombies
      ? spawn('/bin/sh', ['-c', '"$0" "$1" & echo "pid $!"; exec sleep 600', process.execPath, entry], { env })
      : spawn(process.execPath, [entry], { env });
    parents.push(child);
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    let exited = false;
    if (!zombies) child.once('exit', () => (exited = true));
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      if (output.includes('could not start') || exited) return { failed: output };
      const pid = zombies ? Number(/^pid (\d+)$/m.exec(output)?.[1] ?? 0) : (child.pid ?? 0);
      if (pid > 0) {
        try {
          if ((await fetch(`http://127.0.0.1:${serverPort}/api/health`)).ok) return { pid, output: () => output };
        } catch {
          // not listening yet
        }
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    return { failed: `no answer within 90 s:\n${output}` };
  }

  /** The process state letter ("Z" for a zombie), or null once it is gone; null where /proc is missing. */
  function state(pid: number): string | null {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    } catch {
      return null;
    }
  }

  /** SIGKILL, then back as soon as the process is dead: on Linux, a zombie or gone; elsewhere, no longer answering. */
  async function kill(pid: number): Promise<string | null> {
    process.kill(pid, 'SIGKILL');
    for (;;) {
      if (process.platform === 'linux') {
        const now = state(pid);
        if (now === 'Z' || now === null) return now;
      } else {
        try {
          await fetch(`http://127.0.0.1:${port}/api/health`);
        } catch {
          return null;
        }
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  it('starts every time when killed with SIGKILL and started again at once, 10 times in a row', async () => {
    const first = await start(port);
    if ('failed' in first) throw new Error(first.failed);
    live = first;
    const outcomes: string[] = [];
    for (let round = 1; round <= 10; round += 1) {
      const after = await kill(live.pid);
      if (process.platform === 'linux' && zombies)
        expect(after, `round ${round}: the killed server is a zombie`).toBe('Z');
      live = null;
      const next = await start(port);
      outcomes.push('failed' in next ? `round ${round}: ${next.failed}` : 'started');
      if ('failed' in next) break;
      live = next;
    }
    expect(outcomes).toEqual(Array(10).fill('started'));
  }, 300_000);

  it('refuses a second server on the folder while one runs, naming it, and the first keeps serving', async () => {
    if (live === null) throw new Error('no server running from the previous test');
    const second = await start(await freePort());
    expect(second).toEqual({
      failed: expect.stringContaining(
        `QA Visits could not start: another QA Visits server (process ${live.pid}) is using ${dataDir}. Stop it, or set DATA_DIR.`,
      ),
    });
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
  }, 120_000);
});
