// A throw-away folder standing in for dist/, for the server tests that serve built files (static
// serving, compression, security headers): the app shell a build writes, and any other files a
// test needs, with their folders made as needed. The caller removes it when its suite ends.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** The smallest build: the shell (which loads the one hashed asset), the service worker and the manifest. */
export const SHELL: Record<string, string> = {
  'index.html': '<!doctype html><title>QA Visits</title><script type="module" src="/assets/index-AbC123.js"></script>',
  'sw.js': 'self.addEventListener("install", () => {});',
  'manifest.webmanifest': '{"name":"QA Visits"}',
  'assets/index-AbC123.js': 'console.log(1)',
};

/** Writes `files` (paths relative to the build folder) into a new temporary folder and names it. */
export function fakeBuild(files: Record<string, string | Uint8Array>, prefix = 'qa-build-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [path, content] of Object.entries(files)) {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  return dir;
}
