// `npm start`: build the app when dist/ is missing or older than its sources, then run the server
// (TypeScript through tsx) with any arguments passed through, e.g. `npm start -- --no-demo`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = ['src/app', 'src/shared', 'index.html', 'public', 'vite.config.ts'];

/** Newest modification time under a file or folder (0 when it does not exist). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

function needsBuild() {
  const built = join(root, 'dist', 'index.html');
  if (!existsSync(built)) return 'dist/index.html is missing';
  const builtAt = statSync(built).mtimeMs;
  const changed = SOURCES.find((s) => newest(join(root, s)) > builtAt);
  return changed ? `${changed} changed since the last build` : null;
}

const reason = needsBuild();
if (reason !== null) {
  if (!existsSync(join(root, 'index.html'))) {
    console.warn('No index.html yet, so there is no app to build; starting the server with the API only.');
  } else {
    console.log(`Building the app (${reason})…`);
    const build = spawnSync('npx', ['vite', 'build'], {
      cwd: root,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    if (build.status !== 0) {
      console.error('The app build failed; see the messages above.');
      process.exit(build.status ?? 1);
    }
  }
}

const server = spawn(
  process.execPath,
  ['--import', 'tsx', join(root, 'src/server/main.ts'), ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
// Forward Ctrl+C / docker stop so the server shuts down cleanly; exit with its code.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
