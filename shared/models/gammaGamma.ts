import { RapportError } from "../errors";
import { type MinimizeResult, minimizeWork } from "./optimize";
import { atBoundary } from "./purchaseModel";
import { digamma, lnGamma } from "./special";
import { finish, type Work } from "./work";

/**
 * Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV"): a customer's transaction
 * values are Gamma(p, ν) with ν ~ Gamma(q, γ) across customers. Fitted on customers with repeat
 * purchases (x > 0) and a positive mean repeat spend m̄; customers whose m̄ is zero or negative
 * (returns, free orders) are left out of the fit, and their expected spend follows the same
 * formula as everyone's (floored at 0), so it never rises as what they spent falls.
 */
export interface SpendData {
  /** Repeat purchases per row (> 0). */
  readonly x: Float64Array;
  /** m̄: mean spend per repeat purchase (> 0). */
  readonly monetary: Float64Array;
  /** Weight per row (customers with identical (x, m̄)); all 1 when absent. */
  readonly weight?: Float64Array;
  /** ln m̄ per row, when precomputed (saves a logarithm per row and evaluation). */
  readonly lnMonetary?: Float64Array;
  readonly length: number;
}

export interface SpendFit {
  readonly p: number;
  readonly q: number;
  readonly gamma: number;
  readonly logLikelihood: number;
  /** Customers in the fit. */
  readonly customers: number;
  readonly iterations: number;
  readonly converged: boolean;
  /**
   * Pearson correlation of x and m̄ over the fitted customers. The model assumes spend does not
   * depend on frequency: far from 0 (say |ρ| > 0.3) the spend predictions are biased.
   */
  readonly frequencySpendCorrelation: number;
  readonly penalizer: number;
}

/** Weighted log-likelihood with the gradient with respect to (ln p, ln q, ln γ). */
export function gammaGammaLogLikelihood(params: ArrayLike<number>, data: SpendData, gradient?: Float64Array): number {
  const p = params[0] as number;
  const q = params[1] as number;
  const gamma = params[2] as number;
  const lnGammaQ = lnGamma(q);
  const psiQ = digamma(q);
  const lnG = Math.log(gamma);
  let ll = 0;
  let gp = 0;
  let gq = 0;
  let gg = 0;
  // Terms that depend on x only are cached: repeat counts repeat a lot.
  let lastX = -1;
  let cacheLn = 0;
  let cachePsiPxq = 0;
  let cachePsiPx = 0;
  for (let i = 0; i < data.length; i++) {
    const w = data.weight ? (data.weight[i] as number) : 1;
    if (w === 0) continue;
    const x = data.x[i] as number;
    const m = data.monetary[i] as number;
    const px = p * x;
    if (x !== lastX) {
      lastX = x;
      cacheLn = lnGamma(px + q) - lnGamma(px) - lnGammaQ + px * Math.log(x);
      if (gradient) {
        cachePsiPxq = digamma(px + q);
        cachePsiPx = digamma(px);
      }
    }
    const lnM = data.lnMonetary ? (data.lnMonetary[i] as number) : Math.log(m);
    const lnDen = Math.log(x * m + gamma);
    ll += w * (cacheLn + q * lnG + (px - 1) * lnM - (px + q) * lnDen);
    if (gradient) {
      gp += w * x * (cachePsiPxq - cachePsiPx + lnM + Math.log(x) - lnDen);
      gq += w * (cachePsiPxq - psiQ + lnG - lnDen);
      gg += w * (q / gamma - (px + q) / (x * m + gamma));
    }
  }
  if (gradient) {
    gradient[0] = gp * p;
    gradient[1] = gq * q;
    gradient[2] = gg * gamma;
  }
  return ll;
}

/** Rows of the spend fit: customers with x > 0 and m̄ > 0, grouped by x (for the cache above). */
export function spendRows(x: ArrayLike<number>, monetary: ArrayLike<number>): SpendData {
  // Counting sort by x (whole numbers of repeat purchases); other values fall back to a sort.
  let n = 0;
  let maxX = 0;
  let whole = true;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (v > 0 && (monetary[i] as number) > 0) {
      n++;
      if (v > maxX) maxX = v;
      if (!Number.isInteger(v)) whole = false;
    }
  }
  const order = new Int32Array(n);
  if (whole && maxX <= 1e6) {
    const start = new Int32Array(maxX + 2);
    for (let i = 0; i < x.length; i++) {
      const v = x[i] as number;
      if (v > 0 && (monetary[i] as number) > 0) start[v + 1] = (start[v + 1] as number) + 1;
    }
    for (let v = 1; v <= maxX + 1; v++) start[v] = (start[v] as number) + (start[v - 1] as number);
    for (let i = 0; i < x.length; i++) {
      const v = x[i] as number;
      if (v > 0 && (monetary[i] as number) > 0) order[(start[v] as number)++] = i;
    }
  } else {
    let k = 0;
    for (let i = 0; i < x.length; i++) if ((x[i] as number) > 0 && (monetary[i] as number) > 0) order[k++] = i;
    order.sort((a, b) => (x[a] as number) - (x[b] as number));
  }
  const rx = new Float64Array(n);
  const rm = new Float64Array(n);
  const lnM = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const i = order[k] as number;
    rx[k] = x[i] as number;
    rm[k] = monetary[i] as number;
    lnM[k] = Math.log(rm[k] as number);
  }
  return { x: rx, monetary: rm, lnMonetary: lnM, length: n };
}

function correlation(data: SpendData): number {
  let sw = 0;
  let sx = 0;
  let sm = 0;
  for (let i = 0; i < data.length; i++) {
    const w = data.weight ? (data.weight[i] as number) : 1;
    sw += w;
    sx += w * (data.x[i] as number);
    sm += w * (data.monetary[i] as number);
  }
  const mx = sx / sw;
  const mm = sm / sw;
  let cxx = 0;
  let cmm = 0;
  let cxm = 0;
  for (let i = 0; i < data.length; i++) {
    const w = data.weight ? (data.weight[i] as number) : 1;
    const dx = (data.x[i] as number) - mx;
    const dm = (data.monetary[i] as number) - mm;
    cxx += w * dx * dx;
    cmm += w * dm * dm;
    cxm += w * dx * dm;
  }
  // No variation in one of them: no linear relation can be measured; report 0 rather than NaN.
  return cxx > 0 && cmm > 0 ? cxm / Math.sqrt(cxx * cmm) : 0;
}

/**
 * Maximum-likelihood Gamma-Gamma fit (L-BFGS on log-parameters, two starts). Needs at least two
 * customers with repeat purchases and a positive mean spend, and some variation in spend.
 */
export function fitGammaGamma(data: SpendData, options: { penalizer?: number } = {}): SpendFit {
  return finish(fitGammaGammaWork(data, options));
}

/** The same fit, pausing after each evaluation of the likelihood (see `Work`). */
export function* fitGammaGammaWork(data: SpendData, options: { penalizer?: number } = {}): Work<SpendFit> {
  let total = 0;
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < data.length; i++) {
    const w = data.weight ? (data.weight[i] as number) : 1;
    const m = data.monetary[i] as number;
    const x = data.x[i] as number;
    if (!(m > 0 && Number.isFinite(m) && x > 0 && Number.isFinite(x))) {
      throw new RapportError("models.badSpendRow", { row: i + 1 });
    }
    total += w;
    sum += w * m;
    min = Math.min(min, m);
    max = Math.max(max, m);
  }
  if (total < 2) throw new RapportError("models.tooFewSpenders", { customers: total });
  if (!(max > min)) throw new RapportError("models.identicalSpend", { customers: total });
  const penalizer = options.penalizer ?? 0;
  const mean = sum / total;
  const scale = 1 / total;
  const params = new Float64Array(3);
  const inner = new Float64Array(3);
  function* objective(theta: Float64Array, gradient: Float64Array): Work<number> {
    for (let i = 0; i < 3; i++) params[i] = Math.exp(theta[i] as number);
    let value = -gammaGammaLogLikelihood(params, data, inner) * scale;
    yield data.length;
    for (let i = 0; i < 3; i++) {
      const v = params[i] as number;
      value += penalizer * v * v;
      gradient[i] = -(inner[i] as number) * scale + 2 * penalizer * v * v;
    }
    return value;
  }
  // Starts: E[M] = pγ/(q−1) equal to the observed mean spend.
  const starts = [
    [0, Math.log(2), Math.log(mean)],
    [Math.log(5), Math.log(3), Math.log((mean * 2) / 5)],
  ];
  let best: MinimizeResult | null = null;
  for (const start of starts) {
    const result = yield* minimizeWork(objective, start);
    if (!best || result.value < best.value) best = result;
    if (best.converged && !atBoundary(best.x)) break; // the second start is a fallback
  }
  const result = best as MinimizeResult;
  if (!Number.isFinite(result.value)) throw new RapportError("models.noFit", {});
  const [p, q, gamma] = Array.from(result.x, Math.exp) as [number, number, number];
  return {
    p,
    q,
    gamma,
    logLikelihood: gammaGammaLogLikelihood([p, q, gamma], data),
    customers: total,
    iterations: result.iterations,
    converged: result.converged && !atBoundary(result.x),
    frequencySpendCorrelation: correlation(data),
    penalizer,
  };
}

/** The population mean spend per transaction, pγ/(q − 1); needs q > 1. */
export function populationMeanSpend(fit: Pick<SpendFit, "p" | "q" | "gamma">): number {
  if (!(fit.q > 1)) throw new RapportError("models.spendUndefined", { q: fit.q.toFixed(3) });
  return (fit.p * fit.gamma) / (fit.q - 1);
}

/**
 * E[M | x, m̄] = max(0, (1 − w)·pγ/(q − 1) + w·m̄) with w = px/(px + q − 1): a customer's expected
 * spend per transaction, shrunk from their own mean towards the population mean. Customers
 * without repeat purchases get the population mean. The formula holds for m̄ ≤ 0 too (a client
 * whose only repeat purchase was free gets (1 − w)·pγ/(q − 1), less than one who paid): handing
 * them the population mean instead would make spend rise as what a client spent falls. Net
 * refunds can take it below 0, where spend per purchase cannot be: floored there.
 */
export function expectedSpend(fit: Pick<SpendFit, "p" | "q" | "gamma">, x: number, monetary: number): number {
  const population = populationMeanSpend(fit);
  if (!(x > 0)) return population;
  const px = fit.p * x;
  const w = px / (px + fit.q - 1);
  return Math.max(0, (1 - w) * population + w * monetary);
}
