// `npm start`: build the app (dist/) and the server (dist-server/) when either build is missing or
// older than its sources, then run the compiled server, `node dist-server/main.js`, with any
// arguments passed through, e.g. `npm start -- --no-demo`. `npm run create-admin` comes here too,
// as `node scripts/start.mjs create-admin …`: the server build only, then dist-server/create-admin.js.
// Builds need Vite, a dev dependency; where it is not installed (`npm prune --omit=dev`) an existing
// build is run as it is.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const VITE = join(root, 'node_modules', 'vite', 'bin', 'vite.js');

const APP = {
  name: 'the app',
  outputs: ['dist/index.html'],
  sources: ['src/app', 'src/shared', 'index.html', 'public', 'vite.config.ts', 'scripts/precompress.ts'],
  // Warnings and errors only: `npm start` should end with the URL and the sign-ins, not a chunk table.
  viteArgs: ['build', '--logLevel', 'warn'],
};
const SERVER = {
  name: 'the server',
  outputs: ['dist-server/main.js', 'dist-server/create-admin.js'],
  sources: ['src/server', 'src/shared', 'vite.server.config.ts'],
  viteArgs: ['build', '-c', 'vite.server.config.ts', '--logLevel', 'warn'],
};

/** Newest modification time under a file or folder (0 when it does not exist). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

/** Why `target` needs building, or null when its build is there and up to date. */
function needsBuild(target) {
  const missing = target.outputs.find((o) => !existsSync(join(root, o)));
  if (missing) return `${missing} is missing`;
  const builtAt = Math.min(...target.outputs.map((o) => statSync(join(root, o)).mtimeMs));
  const changed = target.sources.find((s) => newest(join(root, s)) > builtAt);
  return changed ? `${changed} changed since the last build` : null;
}

function build(target) {
  const reason = needsBuild(target);
  if (reason === null) return;
  if (!existsSync(VITE)) {
    if (target.outputs.every((o) => existsSync(join(root, o)))) {
      console.warn(`Vite is not installed, so ${target.name} is not rebuilt (${reason}); running the existing build.`);
      return;
    }
    console.error(
      `Cannot build ${target.name} (${reason}): Vite is not installed. Run "npm install" (with dev dependencies), then "npm run build".`,
    );
    process.exit(1);
  }
  console.log(`Building ${target.name} (${reason})…`);
  const result = spawnSync(process.execPath, [VITE, ...target.viteArgs], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`The build of ${target.name} failed; see the messages above.`);
    process.exit(result.status ?? 1);
  }
}

const [first, ...rest] = process.argv.slice(2);
const createAdmin = first === 'create-admin';
const entry = createAdmin ? 'dist-server/create-admin.js' : 'dist-server/main.js';
const args = createAdmin ? rest : process.argv.slice(2);

if (!createAdmin) {
  if (existsSync(join(root, 'index.html'))) build(APP);
  else if (!existsSync(join(root, 'dist', 'index.html')))
    console.warn('No index.html yet, so there is no app to build; starting the server with the API only.');
}
build(SERVER);

const server = spawn(process.execPath, [join(root, entry), ...args], {
  cwd: root,
  stdio: 'inherit',
});
// Forward Ctrl+C / docker stop so the server shuts down cleanly; exit with its code.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
