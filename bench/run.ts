// `npm run bench [-- --quick | --scale]`: runs every part, prints one table of figures, baselines measured
// in the same run, ratios and budgets (docs/budgets-and-testing.md), and writes it as JSON to
// bench-results/latest.json with the machine it ran on. `--quick` is a small run that proves the
// bench still works (CI runs it through test/e2e/bench-quick.test.ts); its figures mean nothing.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../test/e2e/support/server';
import { device } from './device';
import { firstLoad } from './first-load';
import { ingest } from './ingest';
import { scale } from './scale';
import type { BenchFigure, BenchPart } from './types';

const SCALE = process.argv.includes('--scale');
export const PARTS: Record<string, BenchPart> = {
  'first load': firstLoad,
  device,
  'server ingest': ingest,
  'office at scale': scale({ full: SCALE }),
};

export interface BenchReport {
  at: string;
  quick: boolean;
  machine: { cpus: string; cores: number; memoryGiB: number; node: string };
  figures: (BenchFigure & { part: string })[];
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(n < 10 ? 2 : 1));

export function table(report: BenchReport): string {
  const rows = report.figures.map((f) => [
    f.name,
    `${fmt(f.value)} ${f.unit}`,
    f.baseline ? `${fmt(f.baseline.value)} ${f.unit} (${f.baseline.name})` : '',
    f.ratio === undefined ? '' : `${f.ratio.toFixed(2)}x`,
    f.budget,
    f.holds === undefined ? '' : f.holds ? 'holds' : 'MISSED',
  ]);
  const head = ['figure', 'measured', 'baseline, same run', 'ratio', 'budget', ''];
  return [head, head.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

export async function runBench(options: {
  quick: boolean;
  only?: string[];
  log?: (line: string) => void;
}): Promise<BenchReport> {
  const log = options.log ?? ((line: string) => console.log(line));
  const figures: BenchReport['figures'] = [];
  for (const [part, run] of Object.entries(PARTS)) {
    if (options.only && !options.only.includes(part)) continue;
    log(`— ${part}${options.quick ? ' (quick)' : ''}`);
    const started = Date.now();
    for (const figure of await run({ quick: options.quick, log: (line) => log(`  ${line}`) }))
      figures.push({ ...figure, part });
    log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const cpu = cpus();
  return {
    at: new Date().toISOString(),
    quick: options.quick,
    machine: {
      cpus: cpu[0]?.model ?? 'unknown',
      cores: cpu.length,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
    },
    figures,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const quick = process.argv.includes('--quick');
  // `--scale` is a bench of its own: the office at 10k and 50k records (minutes of seeding per database).
  const report = await runBench({ quick, only: SCALE ? ['office at scale'] : undefined });
  const dir = join(ROOT, 'bench-results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, quick ? 'quick.json' : SCALE ? 'scale.json' : 'latest.json');
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(
    `\n${table(report)}\n\nMachine: ${report.machine.cpus}, ${report.machine.cores} cores, ${report.machine.memoryGiB} GiB, Node ${report.machine.node}. Written to ${file}.`,
  );
  const missed = report.figures.filter((f) => f.holds === false);
  if (missed.length > 0) console.log(`Budgets missed: ${missed.map((f) => f.name).join('; ')}`);
}
