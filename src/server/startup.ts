// Start-up safety checks that give one clear sentence instead of a stack trace: the port is free,
// and no other QA Visits process has the embedded database open (PGlite is single-process; two
// writers on one data folder would corrupt it).
//
// The data-folder lock is a socket the holder listens on, not a process id in a file. A process id
// says nothing after a crash: a killed server stays a zombie until its parent reaps it, and its id
// is soon given to another process (in a container, often to the next server), so a pid file
// refused restarts after a SIGKILL about half the time (issue 14). A listening socket is closed by
// the kernel the moment its process dies, however it dies, so "someone answers" means a live holder
// and "refused" means none. What each platform gets:
// - Linux and macOS: a Unix socket file, `server.lock`, in the data folder. Being in the folder, it
//   is seen by every process that can open the folder, containers sharing the volume included. A
//   holder that died leaves the file behind; it is replaced once a connection to it is refused.
//   Where the path is too long for a socket address (about 100 bytes) or the file system cannot hold
//   a socket: on Linux an abstract socket named by the folder's real path (freed by the kernel, no
//   file; seen only within one network namespace), elsewhere a socket file in the temp folder.
// - Windows: a named pipe named by the folder's real path; the kernel frees it when the process ends.
import { createHash } from 'node:crypto';
import { mkdirSync, realpathSync, rmSync, statSync } from 'node:fs';
import { type Server, createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
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

/** The socket file's name in the data folder. */
export const LOCK_FILE = 'server.lock';
/** Under both Linux's 108-byte and macOS's 104-byte limit on a socket's path, with room to spare. */
const MAX_SOCKET_PATH = 100;
/** A claim (see withClaim) takes milliseconds; one this old was left by a process killed mid-claim. */
const CLAIM_ABANDONED_MS = 5_000;
const CLAIM_WAIT_MS = 10_000;
const PROBE_TIMEOUT_MS = 2_000;

export interface LockEndpoint {
  /** What net's listen() and connect() take: a socket path, an abstract name or a pipe name. */
  address: string;
  /** A socket file, left behind by a holder that dies, and so replaced once found dead. */
  file: boolean;
}

/** Where the lock for the folder at `realDir` (its real path) may listen on `platform`, best first. */
export function lockEndpoints(realDir: string, platform: NodeJS.Platform, temp: string = tmpdir()): LockEndpoint[] {
  // Windows paths are case-insensitive: one folder, one name.
  const key = platform === 'win32' ? realDir.toLowerCase() : realDir;
  const id = createHash('sha256').update(key).digest('hex').slice(0, 32);
  if (platform === 'win32') return [{ address: `\\\\.\\pipe\\qa-visits-${id}`, file: false }];
  const inFolder = join(realDir, LOCK_FILE);
  const endpoints: LockEndpoint[] =
    Buffer.byteLength(inFolder) <= MAX_SOCKET_PATH ? [{ address: inFolder, file: true }] : [];
  if (platform === 'linux') endpoints.push({ address: `\0qa-visits-${id}`, file: false });
  else endpoints.push({ address: join(temp, `qa-visits-${id}.lock`), file: true });
  return endpoints;
}

const errorCode = (err: unknown) => (err as NodeJS.ErrnoException | null)?.code;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What a connection to the lock found: nobody listening, the holder (with its pid if it said), or no answer either way. */
type Holder = { live: false } | { live: true; pid: number | null } | { live: 'unknown'; error: string };

function probe(address: string): Promise<Holder> {
  return new Promise((resolve) => {
    const socket = createConnection(address);
    let text = '';
    let connected = false;
    const finish = (holder: Holder) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(holder);
    };
    const said = (): Holder => {
      const pid = /^qa-visits (\d+)\n/.exec(text)?.[1];
      return { live: true, pid: pid === undefined ? null : Number(pid) };
    };
    // Connected but silent is still a live holder (a stopped or very busy server); not even
    // connected after this long is a lock we cannot judge.
    const timer = setTimeout(
      () => finish(connected ? said() : { live: 'unknown', error: 'no answer' }),
      PROBE_TIMEOUT_MS,
    );
    socket.setEncoding('utf8');
    socket.on('connect', () => (connected = true));
    socket.on('data', (chunk: string) => {
      text += chunk;
      if (text.includes('\n')) finish(said());
    });
    socket.on('end', () => finish(said()));
    socket.on('error', (err) => {
      if (connected) finish(said());
      else if (errorCode(err) === 'ECONNREFUSED' || errorCode(err) === 'ENOENT') finish({ live: false });
      else finish({ live: 'unknown', error: err.message });
    });
  });
}

/** Listens on `address`, telling whoever connects this process's id; does not keep the process alive. */
function listen(address: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer((socket) => {
      socket.on('error', () => undefined); // a prober that hangs up early is no concern of ours
      socket.end(`qa-visits ${process.pid}\n`);
    });
    server.once('error', reject);
    server.listen(address, () => {
      server.off('error', reject);
      server.unref();
      resolve(server);
    });
  });
}

function held(dir: string, holder: Exclude<Holder, { live: false }>, address: string): StartupError {
  if (holder.live === 'unknown') {
    return new StartupError(
      `cannot tell whether another QA Visits server is using ${dir} (${address}: ${holder.error}). ` +
        'If none is running, delete that file and start again.',
    );
  }
  const who = holder.pid === null ? 'another QA Visits server' : `another QA Visits server (process ${holder.pid})`;
  return new StartupError(`${who} is using ${dir}. Stop it, or set DATA_DIR.`);
}

/**
 * Runs `fn` holding a claim on a socket file, a folder made beside it (mkdir either makes it or
 * fails, atomically): without one, two servers starting together could each find the file dead,
 * and the second would delete the socket the first had just made. A claim is held for milliseconds,
 * so one older than CLAIM_ABANDONED_MS was left by a process killed while holding it, and is cleared.
 */
async function withClaim<T>(socketPath: string, dir: string, fn: () => Promise<T>): Promise<T> {
  const claim = `${socketPath}.claim`;
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(claim);
      break;
    } catch (err) {
      // Not a reason to fall back to another kind of lock: a folder we cannot write is no place for a database.
      if (errorCode(err) !== 'EEXIST') throw new StartupError(`cannot lock ${dir}: ${(err as Error).message}`);
    }
    let age: number;
    try {
      age = Date.now() - statSync(claim).mtimeMs;
    } catch {
      continue; // released while we looked
    }
    if (age > CLAIM_ABANDONED_MS) rmSync(claim, { recursive: true, force: true });
    else if (Date.now() - started > CLAIM_WAIT_MS)
      throw new StartupError(`another QA Visits server is starting on ${dir}; if none is, delete ${claim}.`);
    else await sleep(25);
  }
  try {
    return await fn();
  } finally {
    rmSync(claim, { recursive: true, force: true });
  }
}

async function claim(endpoint: LockEndpoint, dir: string): Promise<Server> {
  const tryListen = async (): Promise<Server | null> => {
    try {
      return await listen(endpoint.address);
    } catch (err) {
      if (errorCode(err) === 'EADDRINUSE') return null;
      throw err;
    }
  };
  if (!endpoint.file) {
    // The kernel frees a pipe or abstract socket with its process: in use means a live holder, unless
    // it ended between our listen and our probe, when listening again succeeds.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const server = await tryListen();
      if (server !== null) return server;
      const holder = await probe(endpoint.address);
      if (holder.live !== false) throw held(dir, holder, endpoint.address);
    }
    throw new StartupError(`cannot lock ${dir}: ${endpoint.address} is taken and released over and over`);
  }
  return withClaim(endpoint.address, dir, async () => {
    const server = await tryListen();
    if (server !== null) return server;
    const holder = await probe(endpoint.address);
    if (holder.live !== false) throw held(dir, holder, endpoint.address);
    // Left by a holder that died (nothing listens on it): replace it.
    rmSync(endpoint.address, { force: true });
    const again = await tryListen();
    if (again === null) throw new StartupError(`cannot lock ${dir}: ${endpoint.address} is in use`);
    return again;
  });
}

/**
 * Takes the data folder's lock (see the top of this file), or throws a StartupError naming the
 * live holder. Returns the release function; the lock also ends with the process, however it ends.
 */
export async function lockDataDir(dir: string, platform: NodeJS.Platform = process.platform): Promise<() => void> {
  mkdirSync(dir, { recursive: true });
  let failure: unknown = null;
  for (const endpoint of lockEndpoints(realpathSync.native(dir), platform)) {
    let server: Server;
    try {
      server = await claim(endpoint, dir);
    } catch (err) {
      if (err instanceof StartupError) throw err;
      failure = err; // this kind of socket cannot be made here (e.g. the file system holds no sockets): try the next
      continue;
    }
    // The pid file of earlier versions, no longer read: left alone it would only mislead.
    rmSync(join(dir, 'server.pid'), { force: true });
    // Closing a socket file's server also removes the file.
    return () => void server.close();
  }
  throw new StartupError(`cannot lock ${dir}: ${failure instanceof Error ? failure.message : String(failure)}`);
}
