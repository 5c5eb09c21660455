// The files a browser loads before the app can run: index.html's entry scripts, preloads and
// stylesheets, and every module they import statically (dynamic imports are left out: they load
// on demand). Shared by the bench (bytes of the first load) and the bundle test (what is in it).
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

const STATIC_IMPORT = /(?:^|[;\s}])import\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+\.js)["']/g;

/** Paths relative to `dist`, e.g. "assets/index-abc.js". */
export function initialFiles(dist: string): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const found = new Set<string>();
  const queue: string[] = [];
  for (const m of html.matchAll(/<(?:script|link)\b[^>]*(?:src|href)="\/?([^"]+\.(?:js|css))"/g)) queue.push(m[1]!);
  while (queue.length > 0) {
    const file = posix.normalize(queue.shift()!);
    if (found.has(file)) continue;
    found.add(file);
    if (!file.endsWith('.js')) continue;
    const code = readFileSync(join(dist, file), 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT)) queue.push(posix.join(posix.dirname(file), m[1]!));
  }
  return [...found];
}
