// Starts the real server (the compiled dist-server/main.js serving the production build, embedded
// PGlite in a temporary data folder) as a child process for browser tests, on a free port, and
// stops or kills it on demand. Both builds come from `npm run build`.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

export interface RunningServer {
  url: string;
  port: number;
  dataDir: string;
  output: () => string;
  stop(): Promise<void>;
  /** Kills it at once (SIGKILL): no shutdown, no flush, as a power cut or an OOM kill would. */
  kill(): Promise<void>;
  /** Starts it again on the same port and data folder (after stop). */
  restart(): Promise<void>;
  cleanup(): Promise<void>;
}

export async function startServer(
  options: { staticDir?: string; env?: Record<string, string> } = {},
): Promise<RunningServer> {
  const staticDir = options.staticDir ?? join(ROOT, 'dist');
  if (!existsSync(join(staticDir, 'index.html')))
    throw new Error(`No production build in ${staticDir}: run "npm run build" first`);
  const serverEntry = join(ROOT, 'dist-server', 'main.js');
  if (!existsSync(serverEntry)) throw new Error(`No server build (${serverEntry}): run "npm run build" first`);
  const dataDir = mkdtempSync(join(tmpdir(), 'qa-visits-e2e-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let log = '';

  async function launch(): Promise<void> {
    child = spawn(process.execPath, [serverEntry], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: '',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        STATIC_DIR: staticDir,
        DEMO_DATA: 'on',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`Server exited early:\n${log}`);
      try {
        const res = await fetch(`${url}/api/health`);
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`Server did not start within 60 s:\n${log}`);
  }

  async function end(signal: NodeJS.Signals): Promise<void> {
    const running = child;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    await new Promise<void>((done) => {
      running.once('exit', () => done());
      running.kill(signal);
    });
  }
  const stop = () => end('SIGTERM');

  await launch();
  return {
    url,
    port,
    dataDir,
    output: () => log,
    stop,
    kill: () => end('SIGKILL'),
    restart: launch,
    async cleanup() {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
