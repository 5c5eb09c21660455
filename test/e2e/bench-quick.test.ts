// `npm run bench -- --quick` still works (issue 7): every part runs in its small form and produces
// every figure, each with a same-run baseline where the budget is relative, a budget and a verdict.
// No time is asserted: a quick run's figures mean nothing; `npm run bench` measures.
import { expect, it } from 'vitest';
import { runBench, table } from '../../bench/run';
import { describeWithChromium } from './support/chromium-suite';

describeWithChromium('bench, quick run', () => {
  it('produces every figure of docs/budgets-and-testing.md', { timeout: 600_000 }, async () => {
    const lines: string[] = [];
    const report = await runBench({ quick: true, log: (line) => lines.push(line) });
    const names = report.figures.map((f) => f.name).join('\n');
    for (const expected of [
      /brotli, as sent/,
      /cold load/,
      /saving one answer/i,
      /sync of \d+ queued/i,
      /My visits opens with \d+ records/,
      /ingest, PGlite/,
      /inbox first page as QA, PGlite/,
      /quarterly report as QA, PGlite/,
      /pull with a cursor, PGlite/,
    ]) {
      expect(names, lines.join('\n')).toMatch(expected);
    }
    if (process.env.DATABASE_URL) expect(names).toMatch(/ingest, PostgreSQL/);
    if (process.env.DATABASE_URL) expect(names).toMatch(/inbox first page as QA, PostgreSQL/);
    for (const figure of report.figures) {
      if (!process.env.DATABASE_URL && /not measured/.test(figure.note ?? '')) continue; // PostgreSQL, without a database to measure
      expect(Number.isFinite(figure.value), figure.name).toBe(true);
      expect(figure.budget, figure.name).not.toBe('');
      if (figure.baseline)
        expect(Number.isFinite(figure.baseline.value) && figure.baseline.value > 0, figure.name).toBe(true);
    }
    expect(table(report).split('\n')).toHaveLength(report.figures.length + 2);
  });
});
