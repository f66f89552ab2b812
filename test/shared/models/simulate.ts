/**
 * Simulation of the models' generative processes, with a seededRandom generator, for parameter
 * recovery, Monte Carlo checks and benchmarks. Independent of the model code on purpose: it
 * follows the stories in the papers, not the likelihoods.
 */
import type { PurchaseSummaries } from "../../../shared/models/summary";
import { seededRandom } from "../../../shared/random";

export class Random {
  private readonly uniform: () => number;
  private spare: number | null = null;
  constructor(seed: number) {
    this.uniform = seededRandom(seed);
  }
  /** Uniform on (0, 1). */
  next(): number {
    let u = this.uniform();
    while (u === 0) u = this.uniform();
    return u;
  }
  normal(): number {
    if (this.spare !== null) {
      const s = this.spare;
      this.spare = null;
      return s;
    }
    const u = this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }
  exponential(rate: number): number {
    return -Math.log(this.next()) / rate;
  }
  /** Gamma(shape, rate) by Marsaglia & Tsang (boosted for shape < 1). */
  gamma(shape: number, rate: number): number {
    if (shape < 1) return this.gamma(shape + 1, rate) * this.next() ** (1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.next();
      if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return (d * v) / rate;
    }
  }
  beta(a: number, b: number): number {
    const x = this.gamma(a, 1);
    return x / (x + this.gamma(b, 1));
  }
  poisson(mean: number): number {
    if (mean > 50) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }
}

export type ModelStory = "bgnbd" | "mbgnbd" | "pareto";

/**
 * Purchase times (after the first purchase at 0) of one customer up to `horizon`, following the
 * model's story. BG/NBD: after each repeat purchase the customer drops out with probability p.
 * MBG/NBD: also right after the first purchase. Pareto/NBD: an exponential lifetime.
 */
export function simulateCustomer(
  story: ModelStory,
  params: readonly number[],
  horizon: number,
  random: Random,
): number[] {
  const [r, alpha, a, b] = params as [number, number, number, number];
  const lambda = random.gamma(r, alpha);
  const times: number[] = [];
  if (story === "pareto") {
    const mu = random.gamma(a, b); // [r, alpha, s, beta]
    const end = Math.min(horizon, random.exponential(mu));
    let t = random.exponential(lambda);
    while (t <= end) {
      times.push(t);
      t += random.exponential(lambda);
    }
    return times;
  }
  const p = random.beta(a, b);
  if (story === "mbgnbd" && random.next() < p) return times;
  let t = random.exponential(lambda);
  while (t <= horizon) {
    times.push(t);
    if (random.next() < p) break;
    t += random.exponential(lambda);
  }
  return times;
}

/** Calibration histories (x, tₓ, T) of n customers with T spread uniformly on [minT, maxT]. */
export function simulateHistories(
  story: ModelStory,
  params: readonly number[],
  n: number,
  seed: number,
  { minT = 20, maxT = 40, holdout = 0 } = {},
): PurchaseSummaries & { future: Float64Array } {
  const random = new Random(seed);
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  const future = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const age = minT + (maxT - minT) * random.next();
    const times = simulateCustomer(story, params, age + holdout, random);
    let count = 0;
    let last = 0;
    let later = 0;
    for (const t of times) {
      if (t <= age) {
        count++;
        last = t;
      } else later++;
    }
    x[i] = count;
    tx[i] = last;
    T[i] = age;
    future[i] = later;
  }
  return { x, tx, T, length: n, future };
}

/** Mean spend per repeat purchase under Gamma-Gamma: z ~ Gamma(p, ν), ν ~ Gamma(q, γ). */
export function simulateSpend(x: ArrayLike<number>, p: number, q: number, gamma: number, seed: number): Float64Array {
  const random = new Random(seed);
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const n = x[i] as number;
    if (n <= 0) continue;
    const nu = random.gamma(q, gamma);
    let sum = 0;
    for (let k = 0; k < n; k++) sum += random.gamma(p, nu);
    out[i] = sum / n;
  }
  return out;
}
