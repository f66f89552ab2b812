import { RapportError } from "../errors";
import { type MinimizeResult, minimizeWork } from "./optimize";
import { lnGamma } from "./special";
import type { PurchaseSummaries, WeightedPurchaseSummaries } from "./summary";
import { finish, type Work } from "./work";

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
 * Rows per piece of a likelihood evaluation. Between pieces a fit can pause (see `Work`); a piece
 * of Pareto/NBD's slowest rows (long hypergeometric series) takes a few milliseconds.
 */
export const ROWS_PER_PIECE = 256;

/**
 * The rows in pieces of at most `rows`, sorted by x so that each piece spans few x groups (the
 * terms computed once per group). A log-likelihood is a sum over rows, so the pieces' sum is the
 * whole's.
 */
export function preparePieces(data: WeightedPurchaseSummaries, rows = ROWS_PER_PIECE): PreparedHistories[] {
  if (data.length <= rows) return [prepare(data)];
  const order = Int32Array.from({ length: data.length }, (_, i) => i).sort(
    (a, b) => (data.x[a] as number) - (data.x[b] as number),
  );
  const pieces: PreparedHistories[] = [];
  for (let from = 0; from < data.length; from += rows) {
    const rowsOfPiece = order.subarray(from, Math.min(from + rows, data.length));
    const pick = (column: Float64Array) => Float64Array.from(rowsOfPiece, (i) => column[i] as number);
    pieces.push(
      prepare({
        x: pick(data.x),
        tx: pick(data.tx),
        T: pick(data.T),
        weight: pick(data.weight),
        length: rowsOfPiece.length,
      }),
    );
  }
  return pieces;
}

/**
 * One model of the purchase process (BG/NBD, MBG/NBD, Pareto/NBD): all share this surface.
 * Parameters are positive numbers in the order of `parameterNames`.
 */
export interface PurchaseModel {
  readonly name: PurchaseModelName;
  readonly parameterNames: readonly string[];
  /**
   * Work of the evaluations since the last call beyond one unit per row and evaluation (Pareto/NBD's
   * series), in units of one row's evaluation; absent when an evaluation costs one unit per row.
   */
  extraWork?(): number;
  /** Parameters measured in periods (scales of a rate): judged relative to the data's mean T. */
  readonly timeScaleParameters: readonly string[];
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
  /**
   * P(exactly n purchases in the next t periods) of a customer known to be alive at T with this
   * history; P(X = n | x, tₓ, T) = P(alive)·countIfAlive (+ 1 − P(alive) for n = 0).
   */
  countIfAlive(params: ArrayLike<number>, n: number, t: number, x: number, tx: number, T: number): number;
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
  /** The parameter that ran off towards 0 or infinity, when one did (then `converged` is false). */
  readonly runaway: Runaway | null;
  readonly penalizer: number;
}

/** A parameter of a fit that ran off: the likelihood still rises as it goes to 0 or infinity. */
export interface Runaway {
  readonly name: string;
  readonly value: number;
  /** What such a fit says of the clients: every one alive, every repeat buyer gone, or neither. */
  readonly effect: "allAlive" | "allGone" | null;
}

/**
 * How far a parameter may be from 1 (from the data's mean T for scale parameters) and still be
 * an estimate: 10⁴ either way. Fits on a handful of clients end with a = 4.2e-6 and b = 1.1e5,
 * or a and b in the millions while the likelihood still creeps up; real data sets (CDNOW:
 * r 0.24, α 4.4 weeks for a mean T of 32, a 0.79, b 2.4) sit orders of magnitude inside.
 */
export const RUNAWAY_RATIO = 1e4;

/** P(alive) this close to 1 (or, for repeat buyers, to 0) for every client is a fit saying nothing. */
const DEGENERATE_P_ALIVE = 1e-3;

/** What a fit says of the data's clients, judged from their P(alive). */
function effectOnClients(model: PurchaseModel, values: readonly number[], data: PreparedHistories): Runaway["effect"] {
  let allAlive = true;
  let repeatersGone = true;
  for (let r = 0; r < data.length; r++) {
    if ((data.weight[r] as number) === 0) continue;
    const x = data.x[r] as number;
    const p = model.pAlive(values, x, data.tx[r] as number, data.T[r] as number);
    if (p < 1 - DEGENERATE_P_ALIVE) allAlive = false;
    if (x > 0 && p > DEGENERATE_P_ALIVE) repeatersGone = false;
  }
  return allAlive ? "allAlive" : repeatersGone ? "allGone" : null;
}

/**
 * The parameter outside the plausible range (the last such: the dropout ones come last, and name
 * what the effect is about), or null; with what the fit then says of the data's clients.
 */
export function runawayParameter(
  model: PurchaseModel,
  values: readonly number[],
  data: PreparedHistories,
): Runaway | null {
  const meanT = dataScale(data).meanT;
  for (let i = values.length - 1; i >= 0; i--) {
    const name = model.parameterNames[i] as string;
    const value = values[i] as number;
    const ratio = model.timeScaleParameters.includes(name) ? value / meanT : value;
    if (ratio < 1 / RUNAWAY_RATIO || ratio > RUNAWAY_RATIO) {
      return { name, value, effect: effectOnClients(model, values, data) };
    }
  }
  return null;
}

/** Why a fit cannot be used, as a translatable error (null when it can). */
export function fitProblem(fit: PurchaseFit): RapportError | null {
  if (fit.runaway) {
    const { name, value, effect } = fit.runaway;
    const key =
      effect === "allAlive" ? "models.runawayAlive" : effect === "allGone" ? "models.runawayGone" : "models.runaway";
    return new RapportError(key, { model: fit.model, name, value: Number(value.toPrecision(2)) });
  }
  return fit.converged ? null : new RapportError("models.notConverged", { model: fit.model });
}

/** Log-parameters beyond ±this mean the optimizer is lost near a boundary (e^18 ≈ 6.6e7): try another start. */
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
 * A fit's work budget, in evaluations of one row (0.03–0.15 µs each): 2,000 evaluations of the
 * whole data, at least 5 and at most 50 million (well under a second, and a few seconds, of CPU;
 * the Worker's default limit is 30 s). Real fits use far less: CDNOW's Pareto/NBD 0.05 M, 64,000
 * simulated clients 4.4 M, 500 clients with one who bought 10,000 times 2.2 M. Data that make a
 * fit wander (2,000 look-alike clients kept Pareto/NBD busy for a minute) end with a clear error.
 */
export function fitWorkBudget(rows: number): number {
  return Math.min(50_000_000, Math.max(5_000_000, 2000 * rows));
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
  return finish(fitPurchaseModelWork(model, data, options));
}

/** The same fit, pausing after each evaluation of the likelihood (see `Work`). */
export function* fitPurchaseModelWork(
  model: PurchaseModel,
  data: WeightedPurchaseSummaries,
  options: FitOptions = {},
): Work<PurchaseFit> {
  checkHistories(data);
  const penalizer = options.penalizer ?? 0;
  if (!(penalizer >= 0) || !Number.isFinite(penalizer)) {
    throw new RapportError("models.badPenalizer", { value: String(penalizer) });
  }
  const prepared = prepare(data);
  const pieces = preparePieces(data);
  const k = model.parameterNames.length;
  const params = new Float64Array(k);
  const inner = new Float64Array(k);
  const sum = new Float64Array(k);
  const scale = 1 / prepared.totalWeight;
  const budget = fitWorkBudget(prepared.length);
  model.extraWork?.();
  let work = 0;
  function* objective(theta: Float64Array, gradient: Float64Array): Work<number> {
    for (let i = 0; i < k; i++) params[i] = Math.exp(theta[i] as number);
    let ll = 0;
    sum.fill(0);
    for (const piece of pieces) {
      ll += model.logLikelihood(params, piece, inner);
      for (let i = 0; i < k; i++) sum[i] = (sum[i] as number) + (inner[i] as number);
      const pieceWork = piece.length + (model.extraWork?.() ?? 0);
      work += pieceWork;
      if (work > budget) {
        throw new RapportError("models.fitBudget", { model: model.name, customers: prepared.totalWeight });
      }
      yield pieceWork;
    }
    let value = -ll * scale;
    for (let i = 0; i < k; i++) {
      const p = params[i] as number;
      value += penalizer * p * p;
      gradient[i] = -(sum[i] as number) * scale + 2 * penalizer * p * p;
    }
    return value;
  }
  // The data-driven start first; the others only when it fails (no convergence, or a parameter
  // running off to a boundary), keeping the best result.
  let best: MinimizeResult | null = null;
  for (const start of model.starts(prepared)) {
    const result = yield* minimizeWork(objective, start);
    if (!best || result.value < best.value || (result.value === best.value && result.converged && !best.converged)) {
      best = result;
    }
    if (best.converged && !atBoundary(best.x)) break;
  }
  const result = best as MinimizeResult;
  if (!Number.isFinite(result.value)) throw new RapportError("models.noFit", {});
  const values = Array.from(result.x, Math.exp);
  const runaway = runawayParameter(model, values, prepared);
  const named: Record<string, number> = Object.create(null);
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
    converged: result.converged && !atBoundary(result.x) && runaway === null,
    runaway,
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

/**
 * P(X(T, T+t) = n | x, tₓ, T): the probability that a customer with this history makes exactly n
 * purchases in the next t periods (a customer no longer active makes none). `alive`: P(alive) when
 * the caller has it already.
 */
export function purchaseCountProbability(
  model: PurchaseModel,
  params: ArrayLike<number>,
  n: number,
  t: number,
  x: number,
  tx: number,
  T: number,
  alive = model.pAlive(params, x, tx, T),
): number {
  return alive * model.countIfAlive(params, n, t, x, tx, T) + (n === 0 ? 1 - alive : 0);
}

/** ln Γ(shape+j)/(Γ(shape) j!): the t-free part of the negative binomial below. */
export function lnNegativeBinomialCoefficient(j: number, shape: number): number {
  return lnGamma(shape + j) - lnGamma(shape) - lnGamma(j + 1);
}

/**
 * ln P(N = j) of the purchases N in t periods when the rate is Gamma(shape, scale) distributed:
 * the negative binomial Γ(shape+j)/(Γ(shape) j!)·(scale/(scale+t))^shape·(t/(scale+t))^j.
 */
export function lnGammaPoissonCount(j: number, shape: number, scale: number, t: number): number {
  const head = lnNegativeBinomialCoefficient(j, shape) - shape * Math.log1p(t / scale);
  return j === 0 ? head : head + j * Math.log(t / (scale + t));
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
