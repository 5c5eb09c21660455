// What every part of `npm run bench` returns: figures, each measured against a baseline taken in
// the same run on the same machine, and the docs/budgets-and-testing.md budget it is held to.

export interface BenchFigure {
  /** What was measured, e.g. "server ingest, PGlite, 8 clients". */
  name: string;
  /** The product's figure and its unit ("kB", "ms", "records/s"). */
  value: number;
  unit: string;
  /** The physical floor measured in the same run, in the same unit: a bare IndexedDB put, a bare INSERT, plain fetch PUTs. */
  baseline?: { name: string; value: number };
  /** value / baseline for times (lower is better), baseline-relative rate for throughputs; see `budget`. */
  ratio?: number;
  /** The budget in words, e.g. "≤ 2x a bare put". */
  budget: string;
  /** Whether the budget holds; absent when the figure has no budget (context only). */
  holds?: boolean;
  note?: string;
}

export interface BenchContext {
  /** A small, fast run that proves the bench still works (CI); figures are not meaningful. */
  quick: boolean;
  log(line: string): void;
}

export type BenchPart = (ctx: BenchContext) => Promise<BenchFigure[]>;

/** p-th percentile (0-100) of samples, nearest-rank. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const median = (samples: readonly number[]) => percentile(samples, 50);
