// The gates `npm test` runs before any test (package.json "verify": typecheck, lint with the
// architecture rules and the cycle check, format check) really refuse what they are for: each fault
// is planted in a temporary copy of the working tree, the same npm script is run there, and it must
// fail naming the fault. The copy shares node_modules through a symlink.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
let copy = '';

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'qa-gates-'));
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: ROOT })
    .toString()
    .split('\0')
    .filter((f) => f !== '' && !f.startsWith('node_modules/'));
  for (const file of files) {
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    try {
      cpSync(join(ROOT, file), join(copy, file));
    } catch {
      // deleted in the working tree but not yet in the index: nothing to copy
    }
  }
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
});
afterAll(() => rmSync(copy, { recursive: true, force: true }));

/** Runs `command` (an npm script, or one step of one) in the copy with `plant` applied, then undoes it. */
function runWith(command: string[], plant: Record<string, (text: string) => string>) {
  const originals = new Map<string, string>();
  for (const [file, change] of Object.entries(plant)) {
    const path = join(copy, file);
    let text = '';
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      // a new file
    }
    originals.set(path, text);
    writeFileSync(path, change(text));
  }
  try {
    const [program = 'npm', ...args] = command;
    const run = spawnSync(program, args, { cwd: copy, encoding: 'utf8', timeout: 240_000 });
    return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
  } finally {
    for (const [path, text] of originals) {
      if (text === '') rmSync(path, { force: true });
      else writeFileSync(path, text);
    }
  }
}

const append = (line: string) => (text: string) => `${text}\n${line}\n`;

describe('npm test refuses', () => {
  it('runs the gates before building or testing', () => {
    const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(scripts.test).toMatch(/^npm run verify && /);
    expect(scripts.verify).toBe('npm run typecheck && npm run lint && npm run format:check');
    // one project per runtime, each with its own lib and types (the tests below run one step each)
    for (const project of ['src/shared', 'src/app', 'src/app/sw', 'src/server', 'tsconfig.json'])
      expect(scripts.typecheck).toContain(`tsc -p ${project}`);
    expect(scripts.lint).toBe('eslint . && node tools/check-imports.mjs');
    expect(readFileSync(join(ROOT, '.ci/run'), 'utf8')).toMatch(/^npm test$/m);
  });

  it('a type error, and a Node API in shared code (shared has neither DOM nor Node types)', () => {
    const typeError = runWith(['npm', 'run', 'typecheck'], {
      'src/shared/calendar.ts': append("export const planted: number = 'x';"),
    });
    expect(typeError.status).not.toBe(0);
    expect(typeError.output).toMatch(/src\/shared\/calendar\.ts.*TS2322/);

    const nodeInShared = runWith(['npx', 'tsc', '-p', 'src/shared'], {
      'src/shared/calendar.ts': append('export const plantedEnv = process.env.HOME;'),
    });
    expect(nodeInShared.status).not.toBe(0);
    expect(nodeInShared.output).toMatch(/src\/shared\/calendar\.ts.*Cannot find name 'process'/);
  });

  it('the DOM in server or shared code', () => {
    const domInServer = runWith(['npx', 'tsc', '-p', 'src/server'], {
      'src/server/version.ts': append('export const plantedTitle = document.title;'),
    });
    expect(domInServer.status).not.toBe(0);
    expect(domInServer.output).toMatch(/src\/server\/version\.ts.*Cannot find name 'document'/);

    const domInShared = runWith(['npx', 'tsc', '-p', 'src/shared'], {
      'src/shared/calendar.ts': append('export const plantedWidth = window.innerWidth;'),
    });
    expect(domInShared.status).not.toBe(0);
    expect(domInShared.output).toMatch(/src\/shared\/calendar\.ts.*Cannot find name 'window'/);
  });

  it('a lint error and imports across boundaries', () => {
    const result = runWith(['npm', 'run', 'lint'], {
      'src/shared/calendar.ts': append(
        "import { APP_VERSION } from '../server/version';\nexport const v = APP_VERSION;",
      ),
      'src/app/components/Planted.tsx': () =>
        "import { useVisits } from '../records/queries';\nexport const planted = useVisits;\n",
      'src/app/sync/engine.ts': append("import Dexie from 'dexie';\nexport const plantedDb = new Dexie('x');"),
      'src/app/records/PlantedView.tsx': () =>
        "import { db } from '../storage/database';\nexport const plantedView = () => db();\n",
      'src/server/planted.ts': () => 'export function planted(value: any) {\n  return value;\n}\n',
    });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('shared code may not import server code');
    expect(result.output).toContain('components code may not import app code');
    expect(result.output).toContain('sync core code may not use the package "dexie"');
    expect(result.output).toContain('Views read through a hook');
    expect(result.output).toMatch(/planted\.ts[\s\S]*no-explicit-any/);
  });

  it('an import cycle', () => {
    const result = runWith(['npm', 'run', 'lint'], {
      'src/shared/planted-a.ts': () => "import { b } from './planted-b';\nexport const a = (): number => b() + 1;\n",
      'src/shared/planted-b.ts': () => "import { a } from './planted-a';\nexport const b = (): number => a() - 1;\n",
    });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('src/shared/planted-a.ts <-> src/shared/planted-b.ts');
  });

  it('an unformatted file', () => {
    const result = runWith(['npm', 'run', 'format:check'], {
      'src/shared/calendar.ts': append('export   const   plantedSpacing = {a:1,b:2}'),
    });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('src/shared/calendar.ts');
  });
});
