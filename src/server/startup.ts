// Start-up safety checks that give one clear sentence instead of a stack trace: the port is free,
// and no other QA Visits process has the embedded database open (PGlite is single-process; two
// writers on one data folder would corrupt it).
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export class StartupError extends Error {
  override name = 'StartupError';
}

export function assertPortFree(port: number, host: string): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE')
        reject(new StartupError(`port ${port} is already in use. Stop the other program or set PORT.`));
      else if (err.code === 'EACCES')
        reject(new StartupError(`not allowed to listen on port ${port}. Choose a port above 1024 with PORT.`));
      else reject(new StartupError(`cannot listen on ${host}:${port}: ${err.message}`));
    });
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes `${dir}/server.pid`; a lock left by a process that died is taken over. Returns the release function. */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'server.pid');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isRunning(pid)) {
        throw new StartupError(`another QA Visits server (process ${pid}) is using ${dir}. Stop it, or set DATA_DIR.`);
      }
      rmSync(file, { force: true });
    }
  }
  throw new StartupError(`cannot lock ${file}`);
}
