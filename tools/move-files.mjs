// One-off refactoring tool: moves files (git mv) and rewrites every relative import in src/, test/,
// bench/ and scripts/ so it still names the same file. Usage: node scripts/move-files.mjs moves.txt
// where each line is "from to" (a file or a folder). Kept for the next reorganisation.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { sourceFiles } from './import-graph.mjs';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const EXT = ['.ts', '.tsx', '.mts', '.js', '.mjs', '.css'];
const lines = readFileSync(process.argv[2], 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));
const all = ['src', 'test', 'bench', 'scripts'].flatMap((d) => sourceFiles(resolve(root, d)));
const allWithCss = [
  ...all,
  ...execFileSync('git', ['ls-files', '*.css'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map((f) => resolve(root, f)),
];

// old absolute path -> new absolute path, for every file that moves (folders expanded; first rule wins)
const moved = new Map();
for (const line of lines) {
  const [from, to] = line.split(/\s+/).map((p) => resolve(root, p));
  if (!existsSync(from)) throw new Error(`nothing at ${from}`);
  if (statSync(from).isDirectory()) {
    for (const f of allWithCss) if (f.startsWith(from + '/') && !moved.has(f)) moved.set(f, to + f.slice(from.length));
  } else if (!moved.has(from)) moved.set(from, to);
}
const where = (f) => moved.get(f) ?? f;

function resolveSpec(fromFile, spec) {
  const base = resolve(dirname(fromFile), spec);
  for (const c of [base, ...EXT.map((e) => base + e), ...EXT.map((e) => base + '/index' + e)])
    if (existsSync(c) && statSync(c).isFile()) return c;
  return null;
}

const SPEC =
  /((?:import|export)\s*(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?|import\(\s*|vi\.mock\(\s*|new URL\(\s*)(['"])(\.{1,2}\/[^'"]+)\2/g;
const rewrites = new Map();
for (const file of all) {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(SPEC, (whole, head, quote, spec) => {
    const target = resolveSpec(file, spec);
    if (!target) return whole;
    const targetNew = where(target);
    if (targetNew === target && where(file) === file) return whole;
    let rel = relative(dirname(where(file)), targetNew);
    if (!rel.startsWith('.')) rel = './' + rel;
    // keep the original's style: with or without the extension
    const ext = EXT.find((e) => target.endsWith(e) && !spec.endsWith(e));
    if (ext && !spec.endsWith('/index') && spec.split('/').pop() !== 'index') rel = rel.slice(0, -ext.length);
    if (ext && rel.endsWith('/index' + ext)) rel = rel.slice(0, -ext.length);
    return head + quote + rel + quote;
  });
  if (next !== text) rewrites.set(file, next);
}
for (const [from, to] of moved) {
  mkdirSync(dirname(to), { recursive: true });
  execFileSync('git', ['mv', from, to], { cwd: root });
}
for (const [file, text] of rewrites) writeFileSync(where(file), text);
console.log(`moved ${moved.size} files, rewrote imports in ${rewrites.size}`);
