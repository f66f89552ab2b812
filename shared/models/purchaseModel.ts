import { RapportError } from "../errors";
import { type MinimizeResult, minimize } from "./optimize";
import type { PurchaseSummaries, WeightedPurchaseSummaries } from "./summary";

export type PurchaseModelName = "bgnbd" | "mbgnbd" | "pareto";

/**
 * Weighted histories prepared for repeated likelihood evaluations: rows grouped by x, because
 * the gamma-function terms depend on x only and a data set has few distinct x values.
 */
export interface PreparedHistories extends WeightedPurchaseSummaries {
  /** Distinct x values, ascending. */
  readonly xValues: Float64Array;
  /** Index into xValues of each row. */
  readonly xGroup: Int32Array;
  /** Total weight of each x group. */
  readonly groupWeight: Float64Array;
  readonly totalWeight: number;
}

export function prepare(data: WeightedPurchaseSummaries): PreparedHistories {
  const distinct = Array.from(new Set(Array.from(data.x))).sort((a, b) => a - b);
  const position = new Map<number, number>();
  for (let i = 0; i < distinct.length; i++) position.set(distinct[i] as number, i);
  const xGroup = new Int32Array(data.length);
  const groupWeight = new Float64Array(distinct.length);
  let totalWeight = 0;
  for (let i = 0; i < data.length; i++) {
    const g = position.get(data.x[i] as number) as number;
    xGroup[i] = g;
    groupWeight[g] = (groupWeight[g] as number) + (data.weight[i] as number);
    totalWeight += data.weight[i] as number;
  }
  return { ...data, xValues: Float64Array.from(distinct), xGroup, groupWeight, totalWeight };
}

/**
 * One model of the purchase process (BG/NBD, MBG/NBD, Pareto/NBD): all share this surface.
 * Parameters are positive numbers in the order of `parameterNames`.
 */
export interface PurchaseModel {
  readonly name: PurchaseModelName;
  readonly parameterNames: readonly string[];
  /**
   * Weighted log-likelihood of the rows. With `gradient`, writes d/d(ln θᵢ) of the
   * log-likelihood (derivatives with respect to the log-parameters).
   */
  logLikelihood(params: ArrayLike<number>, data: PreparedHistories, gradient?: Float64Array): number;
  /** Starting points (log-parameters) for the optimizer, chosen from the data. */
  starts(data: PreparedHistories): number[][];
  /** Probability that a customer with this history is still active at T. */
  pAlive(params: ArrayLike<number>, x: number, tx: number, T: number): number;
  /**
   * Expected purchases in the next t periods of a customer known to be alive at T with this
   * history. E[Y(t) | x, tₓ, T] = P(alive)·expectedIfAlive; split so that a horizon of many
   * months computes P(alive) once.
   */
  expectedIfAlive(params: ArrayLike<number>, t: number, x: number, tx: number, T: number): number;
  /** E[X(t)]: expected repeat purchases in t periods of a new customer (right after the first purchase). */
  expectedPurchasesNew(params: ArrayLike<number>, t: number): number;
}

export interface FitOptions {
  /** L2 penalty λ·Σθ² added to the mean negative log-likelihood (θ the parameters); default 0. */
  penalizer?: number;
}

export interface PurchaseFit {
  readonly model: PurchaseModelName;
  /** Parameters by name (r, alpha, a, b or r, alpha, s, beta). */
  readonly params: Readonly<Record<string, number>>;
  /** The same parameters in the model's order. */
  readonly values: readonly number[];
  /** Weighted log-likelihood at the estimate (without the penalty). */
  readonly logLikelihood: number;
  /** Customers in the fit (total weight). */
  readonly customers: number;
  readonly iterations: number;
  /**
   * True when the optimizer met its tolerance and no parameter ran off towards 0 or infinity
   * (which happens when the data cannot identify the model, e.g. too few repeat buyers).
   */
  readonly converged: boolean;
  readonly penalizer: number;
}

/** Log-parameters beyond ±this mean the estimate ran off to a boundary (e^18 ≈ 6.6e7). */
const BOUNDARY = 18;

export function atBoundary(theta: ArrayLike<number>): boolean {
  for (let i = 0; i < theta.length; i++) if (Math.abs(theta[i] as number) > BOUNDARY) return true;
  return false;
}

/**
 * Checks that histories can identify a purchase model: at least two customers, some repeat
 * purchases, and not all customers alike. Each failure is a clear, translated error.
 */
export function checkHistories(data: WeightedPurchaseSummaries): void {
  let total = 0;
  let repeat = 0;
  for (let i = 0; i < data.length; i++) {
    const w = data.weight[i] as number;
    if (!(w >= 0) || !Number.isFinite(w)) throw new RapportError("models.badWeight", { row: i + 1 });
    const x = data.x[i] as number;
    const tx = data.tx[i] as number;
    const T = data.T[i] as number;
    if (!(x >= 0 && tx >= 0 && T >= tx && Number.isFinite(T)) || (x > 0 && tx <= 0)) {
      throw new RapportError("models.badHistory", { row: i + 1 });
    }
    total += w;
    if (x > 0) repeat += w;
  }
  if (total < 2) throw new RapportError("models.tooFewCustomers", { customers: total });
  if (repeat === 0) throw new RapportError("models.allOneTime", { customers: total });
  // Every customer alike (whether collapsed or not): heterogeneity cannot be identified.
  let first = -1;
  let alike = true;
  for (let i = 0; i < data.length && alike; i++) {
    if ((data.weight[i] as number) === 0) continue;
    if (first < 0) first = i;
    else if (data.x[i] !== data.x[first] || data.tx[i] !== data.tx[first] || data.T[i] !== data.T[first]) alike = false;
  }
  if (alike) throw new RapportError("models.identicalHistories", { customers: total });
}

/**
 * Maximum-likelihood fit of a purchase model: L-BFGS on the log-parameters from each of the
 * model's starting points, keeping the best. The objective is the mean negative log-likelihood
 * (so tolerances do not depend on the number of customers) plus the optional L2 penalty.
 */
export function fitPurchaseModel(
  model: PurchaseModel,
  data: WeightedPurchaseSummaries,
  options: FitOptions = {},
): PurchaseFit {
  checkHistories(data);
  const penalizer = options.penalizer ?? 0;
  if (!(penalizer >= 0) || !Number.isFinite(penalizer)) {
    throw new RapportError("models.badPenalizer", { value: String(penalizer) });
  }
  const prepared = prepare(data);
  const k = model.parameterNames.length;
  const params = new Float64Array(k);
  const inner = new Float64Array(k);
  const scale = 1 / prepared.totalWeight;
  const objective = (theta: Float64Array, gradient: Float64Array): number => {
    for (let i = 0; i < k; i++) params[i] = Math.exp(theta[i] as number);
    const ll = model.logLikelihood(params, prepared, inner);
    let value = -ll * scale;
    for (let i = 0; i < k; i++) {
      const p = params[i] as number;
      value += penalizer * p * p;
      gradient[i] = -(inner[i] as number) * scale + 2 * penalizer * p * p;
    }
    return value;
  };
  // The data-driven start first; the others only when it fails (no convergence, or a parameter
  // running off to a boundary), keeping the best result.
  let best: MinimizeResult | null = null;
  for (const start of model.starts(prepared)) {
    const result = minimize(objective, start);
    if (!best || result.value < best.value || (result.value === best.value && result.converged && !best.converged)) {
      best = result;
    }
    if (best.converged && !atBoundary(best.x)) break;
  }
  const result = best as MinimizeResult;
  if (!Number.isFinite(result.value)) throw new RapportError("models.noFit", {});
  const values = Array.from(result.x, Math.exp);
  const named: Record<string, number> = {};
  model.parameterNames.forEach((name, i) => {
    named[name] = values[i] as number;
  });
  return {
    model: model.name,
    params: named,
    values,
    logLikelihood: model.logLikelihood(values, prepared),
    customers: prepared.totalWeight,
    iterations: result.iterations,
    converged: result.converged && !atBoundary(result.x),
    penalizer,
  };
}

/** E[Y(t) | x, tₓ, T]: expected repeat purchases in the next t periods. */
export function expectedPurchases(
  model: PurchaseModel,
  params: ArrayLike<number>,
  t: number,
  x: number,
  tx: number,
  T: number,
): number {
  if (!(t > 0)) return 0;
  return model.pAlive(params, x, tx, T) * model.expectedIfAlive(params, t, x, tx, T);
}

/** Per-row P(alive) for histories. */
export function pAliveAll(model: PurchaseModel, params: ArrayLike<number>, h: PurchaseSummaries): Float64Array {
  const out = new Float64Array(h.length);
  for (let i = 0; i < h.length; i++)
    out[i] = model.pAlive(params, h.x[i] as number, h.tx[i] as number, h.T[i] as number);
  return out;
}

/** Mean of the data's T, x: used for starting points. */
export function dataScale(data: PreparedHistories): { meanX: number; meanT: number } {
  let sx = 0;
  let sT = 0;
  for (let i = 0; i < data.length; i++) {
    const w = data.weight[i] as number;
    sx += w * (data.x[i] as number);
    sT += w * (data.T[i] as number);
  }
  return { meanX: sx / data.totalWeight, meanT: sT / data.totalWeight };
}

/**
 * Σₖ P(N > k)·(b)ₖ/(a+b)ₖ with N negative binomial (m, z = t/(scale + t)): the expected number
 * of purchases in t periods of a customer alive now, with purchase rate ~ Gamma(m, scale) and
 * dropout probability per purchase ~ Beta(a, b). Derived by expanding E_p[(1 − E[e^(−λpt)])/p]
 * in powers of 1 − p; every term is positive, so unlike the textbook closed form
 * (a+b−1)/(a−1)·[1 − …₂F₁(…; a+b−1; …)] it needs neither a > 1 nor a + b > 1 and cannot change
 * sign. Work grows with the expected count (m·t/scale), which is small for real customers.
 */
export function betaGeometricExpectation(m: number, scale: number, t: number, a: number, b: number): number {
  if (!(t > 0)) return 0;
  const z = t / (scale + t);
  let logScale = m * Math.log1p(-z);
  let w = 1; // pmf_i / e^logScale
  let c = 1; // (b)_i / (a+b)_i
  let C = 0; // Σ_{k<i} c_k
  let sum = 0;
  const maxTerms = 10_000_000;
  for (let i = 0; i < maxTerms; i++) {
    sum += w * C;
    C += c;
    c *= (b + i) / (a + b + i);
    const ratio = ((m + i) / (i + 1)) * z;
    w *= ratio;
    if (w > 1e200) {
      w *= 1e-200;
      sum *= 1e-200;
      logScale += 460.51701859880916; // ln 1e200
    }
    const next = ((m + i + 1) / (i + 2)) * z;
    if (next < 1 && sum > 0) {
      const tail = w * (C * (next / (1 - next)) + next / ((1 - next) * (1 - next)));
      if (tail <= 1e-16 * sum) {
        sum += w * C;
        break;
      }
    }
  }
  return sum * Math.exp(logScale);
}
