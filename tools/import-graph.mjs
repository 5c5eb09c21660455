// The import graph of the source tree: every relative import (static, dynamic, `export … from`)
// resolved to a file. Used by check-imports.mjs (cycles), the lint boundaries rule and move-files.mjs.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.js', '.mjs'];
const IMPORT =
  /(?:import|export)\s*(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every source file below `dir` (absolute paths). */
export function sourceFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir)) {
    const path = resolve(dir, entry);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (EXTENSIONS.some((e) => entry.endsWith(e)) && !entry.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** The file a relative import names (trying .ts, .tsx, … and index files), or null. */
export function resolveImport(from, spec) {
  const base = resolve(dirname(from), spec);
  const candidates = [base, ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => join(base, 'index' + e))];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

/** Imports of one file: `{ spec, target, typeOnly }`; target is null for packages. Comments are ignored. */
export function importsOf(file) {
  const text = readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
  const out = [];
  for (const match of text.matchAll(IMPORT)) {
    const spec = match[1] ?? match[2];
    const typeOnly = /^(?:import|export)\s+type\b/.test(match[0]);
    out.push({ spec, target: spec.startsWith('.') ? resolveImport(file, spec) : null, typeOnly });
  }
  return out;
}

/** Import cycles among the files below `root`, each a sorted list of paths relative to `cwd`. Type-only
 * and dynamic imports count: a cycle through them still ties the modules' meaning together. */
export function findCycles(root, cwd = process.cwd()) {
  const files = sourceFiles(root);
  const edges = new Map(files.map((f) => [f, importsOf(f).flatMap((i) => (i.target ? [i.target] : []))]));
  // Tarjan's strongly connected components: any component of two or more files, or a self-import, is a cycle.
  let index = 0;
  const stack = [];
  const info = new Map();
  const cycles = [];
  const visit = (v) => {
    info.set(v, { index, low: index, onStack: true });
    index++;
    stack.push(v);
    for (const w of edges.get(v) ?? []) {
      if (!edges.has(w)) continue;
      if (!info.has(w)) {
        visit(w);
        info.get(v).low = Math.min(info.get(v).low, info.get(w).low);
      } else if (info.get(w).onStack) info.get(v).low = Math.min(info.get(v).low, info.get(w).index);
    }
    if (info.get(v).low !== info.get(v).index) return;
    const component = [];
    let w;
    do {
      w = stack.pop();
      info.get(w).onStack = false;
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (edges.get(v) ?? []).includes(v))
      cycles.push(component.map((f) => relative(cwd, f)).sort());
  };
  for (const f of files) if (!info.has(f)) visit(f);
  return cycles;
}
