/** Small timing helpers for `npm run bench`: warm up, then take the median of several runs. */

export interface Timing {
  medianMs: number;
  minMs: number;
  runs: number;
}

export function time(fn: () => unknown, { warmup = 3, runs = 7 } = {}): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { medianMs: samples[Math.floor(samples.length / 2)] as number, minMs: samples[0] as number, runs };
}

export interface BenchResult {
  name: string;
  value: string;
  goal: string;
  ok: boolean;
}

export interface Bench {
  title: string;
  run(): Promise<BenchResult[]> | BenchResult[];
}

export const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ms`;

/**
 * Times `fn` and `baseline` in alternation, so both see the same load on a shared machine, and
 * returns each median and the median of the per-round ratios fn/baseline.
 */
export function timeAgainst(
  fn: () => unknown,
  baseline: () => unknown,
  { warmup = 3, runs = 11 } = {},
): { fn: Timing; baseline: Timing; ratio: number } {
  for (let i = 0; i < warmup; i++) {
    baseline();
    fn();
  }
  const a: number[] = [];
  const b: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < runs; i++) {
    let started = performance.now();
    baseline();
    const base = performance.now() - started;
    started = performance.now();
    fn();
    const own = performance.now() - started;
    a.push(own);
    b.push(base);
    ratios.push(own / base);
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] as number;
  const timing = (xs: number[]): Timing => ({ medianMs: median(xs), minMs: Math.min(...xs), runs });
  return { fn: timing(a), baseline: timing(b), ratio: median(ratios) };
}
