// ARCHITECTURE.md and docs/ stay true to the tree: every repository path they name in backticks
// exists. A path is a backticked token that starts with a top-level folder, or a root .md, .json or
// *.config.ts file (bare test file names in prose are not paths).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const TOP = /^(src|test|docs|tools|scripts|bench|public|\.ci)\/|^[\w.-]+(\.md|\.json|\.config\.ts)$/;

function namedPaths(markdown: string): string[] {
  return [...markdown.matchAll(/`([^`\s]+)`/g)]
    .map((m) => m[1]!)
    .filter((token) => TOP.test(token) && !token.includes('{') && !token.includes('*'));
}

const documents = ['ARCHITECTURE.md', 'README.md', ...readdirSync(join(ROOT, 'docs')).map((f) => `docs/${f}`)];

describe('the design documents name only paths that exist', () => {
  it('ARCHITECTURE.md names many paths', () => {
    expect(namedPaths(readFileSync(join(ROOT, 'ARCHITECTURE.md'), 'utf8')).length).toBeGreaterThan(40);
  });

  it.each(documents)('%s', (document) => {
    const missing = namedPaths(readFileSync(join(ROOT, document), 'utf8')).filter(
      (path) => !existsSync(join(ROOT, path)),
    );
    expect(missing).toEqual([]);
  });
});
