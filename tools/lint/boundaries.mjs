// A local ESLint rule that refuses imports across the architecture's boundaries (ARCHITECTURE.md,
// "Boundaries"). Each file belongs to the first zone whose folder contains it; a zone names the
// zones it may import from and the packages it must not use. Relative imports are resolved to
// the file they name, so `../../server/x` is caught however deep the importer sits.
import { dirname, relative, resolve, sep } from 'node:path';
import { resolveImport } from '../import-graph.mjs';

/** Zones, most specific first. `may` lists zones it may import; `noPackages`, package prefixes it must not use. */
export const ZONES = [
  { name: 'service worker', dir: 'src/app/sw', may: ['service worker', 'shared'], noPackages: ['preact', 'dexie'] },
  {
    name: 'sync core',
    files: ['src/app/sync/engine.ts', 'src/app/sync/scheduler.ts', 'src/app/sync/backoff.ts'],
    may: ['sync core', 'shared'],
    noPackages: ['dexie', 'idb-keyval', 'preact'],
  },
  { name: 'components', dir: 'src/app/components', may: ['components', 'app lib', 'app storage', 'shared'] },
  { name: 'app lib', dir: 'src/app/lib', may: ['app lib', 'shared'] },
  { name: 'app storage', dir: 'src/app/storage', may: ['app storage', 'app lib', 'shared'] },
  {
    name: 'app',
    dir: 'src/app',
    may: ['app', 'sync core', 'components', 'app lib', 'app storage', 'shared'],
    noPackages: ['node:', 'hono', '@hono/', 'pg', '@electric-sql/'],
  },
  {
    name: 'server',
    dir: 'src/server',
    may: ['server', 'shared'],
    noPackages: ['preact', 'dexie', 'idb-keyval', 'workbox-'],
  },
  {
    name: 'shared',
    dir: 'src/shared',
    may: ['shared'],
    noPackages: ['node:', 'preact', 'dexie', 'idb-keyval', 'hono', '@hono/', 'pg', '@electric-sql/', 'workbox-'],
  },
];

export function zoneOf(path, root) {
  const rel = relative(root, path).split(sep).join('/');
  return ZONES.find((z) => (z.files ? z.files.includes(rel) : rel === z.dir || rel.startsWith(z.dir + '/'))) ?? null;
}

/** @type {import('eslint').Rule.RuleModule} */
export const boundariesRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Refuse imports across the architecture boundaries (ARCHITECTURE.md)' },
    schema: [],
  },
  create(context) {
    const root = context.cwd;
    const from = zoneOf(context.filename, root);
    if (from === null) return {};
    const check = (node, spec) => {
      if (typeof spec !== 'string') return;
      if (spec.startsWith('.')) {
        const target = resolveImport(context.filename, spec) ?? resolve(dirname(context.filename), spec);
        const to = zoneOf(target, root);
        const targetName = relative(root, target).split(sep).join('/');
        if (to === null) {
          if (targetName.startsWith('src/') || !targetName.startsWith('..'))
            context.report({ node, message: `${from.name} code may not import ${targetName} (outside src zones)` });
          return;
        }
        if (!from.may.includes(to.name))
          context.report({ node, message: `${from.name} code may not import ${to.name} code (${targetName})` });
        return;
      }
      // 'node:' and 'workbox-' ban a prefix; '@hono/' a scope; 'pg' the package and its subpaths.
      const banned = (from.noPackages ?? []).find((p) =>
        /[:/-]$/.test(p) ? spec.startsWith(p) : spec === p || spec.startsWith(p + '/'),
      );
      if (banned) context.report({ node, message: `${from.name} code may not use the package "${spec}"` });
    };
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};

export default { rules: { boundaries: boundariesRule } };
