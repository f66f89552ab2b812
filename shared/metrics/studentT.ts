import { RapportError } from "../errors";
import { regularizedBeta } from "../models/special";
import { zForConfidence } from "./normal";

/**
 * Student's t distribution for whole degrees of freedom: the two-sided critical value behind the
 * confidence interval of a mean score (CES, CSAT as a mean). Small samples are common in surveys,
 * and the normal 1.96 understates the uncertainty there (2.78 at 4 degrees of freedom).
 */

/** Above this many degrees of freedom the Cornish–Fisher expansion is exact to double precision. */
const EXPANSION_FROM = 1000;

/**
 * P(|T| ≤ √ν·tan θ) for θ in [0, π/2]: the finite trigonometric series of Abramowitz & Stegun
 * 26.7.3 (odd ν) and 26.7.4 (even ν). Exact, and increasing in θ.
 */
export function tCentralProbability(theta: number, df: number): number {
  const s = Math.sin(theta);
  const c = Math.cos(theta);
  const c2 = c * c;
  if (df % 2 === 0) {
    // sin θ · [1 + ½cos²θ + (1·3)/(2·4)cos⁴θ + … + (1·3…(ν−3))/(2·4…(ν−2))cos^(ν−2)θ]
    let term = 1;
    let sum = 1;
    for (let k = 2; k <= df - 2; k += 2) {
      term *= ((k - 1) / k) * c2;
      sum += term;
    }
    return s * sum;
  }
  if (df === 1) return (2 * theta) / Math.PI;
  // (2/π)·[θ + sin θ·(cos θ + ⅔cos³θ + … + (2·4…(ν−3))/(1·3…(ν−2))cos^(ν−2)θ)]
  let term = c;
  let sum = c;
  for (let k = 3; k <= df - 2; k += 2) {
    term *= ((k - 1) / k) * c2;
    sum += term;
  }
  return (2 / Math.PI) * (theta + s * sum);
}

/**
 * P(|T| ≥ |t|) for T ~ Student(df), any df > 0 (Welch's degrees of freedom are fractional):
 * I_{df/(df+t²)}(df/2, 1/2).
 */
export function tTwoSidedP(t: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`tTwoSidedP: df must be above 0, got ${df}`);
  if (t === 0) return 1;
  return Math.min(1, regularizedBeta(df / (df + t * t), df / 2, 0.5));
}

/**
 * The two-sided critical value t with P(|T| ≤ t) = confidence for T ~ Student(df): 2.776 for
 * 95 % and 4 degrees of freedom. Whole df up to 1000 by bisection on the exact series; above, by
 * the Cornish–Fisher expansion around the normal quantile (A&S 26.7.5); fractional df (at least
 * 1) by bisection on tTwoSidedP.
 */
export function tForConfidence(confidence: number, df: number): number {
  if (!(confidence > 0 && confidence < 1))
    throw new RapportError("arg.fraction", { arg: "confidence", value: confidence, min: 0, max: 1 });
  if (!(df >= 1)) throw new RangeError(`tForConfidence: df must be at least 1, got ${df}`);
  if (!Number.isInteger(df) && df <= EXPANSION_FROM) return fractionalDfQuantile(confidence, df);
  if (df > EXPANSION_FROM) {
    const z = zForConfidence(confidence);
    const z2 = z * z;
    const g1 = (z * (z2 + 1)) / 4;
    const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
    const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
    const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
    return z + g1 / df + g2 / df ** 2 + g3 / df ** 3 + g4 / df ** 4;
  }
  let lo = 0;
  let hi = Math.PI / 2;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    if (tCentralProbability(mid, df) < confidence) lo = mid;
    else hi = mid;
  }
  return Math.sqrt(df) * Math.tan((lo + hi) / 2);
}

/** Bisection on the two-sided p between 0 and the critical value at the df below (which is larger). */
function fractionalDfQuantile(confidence: number, df: number): number {
  let lo = 0;
  let hi = tForConfidence(confidence, Math.floor(df));
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    if (1 - tTwoSidedP(mid, df) < confidence) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
