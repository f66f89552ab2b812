import { RapportError } from "../errors";
import { normalQuantile, twoSidedP, zForConfidence } from "./normal";
import { tForConfidence, tTwoSidedP } from "./studentT";

/**
 * A/B tests of a change: two groups' conversion (two-proportion z test, Newcombe's interval for
 * the difference), two groups' means (Welch's t test), and the sample size a conversion test
 * needs. Differences are always B − A: positive when B, the changed version, does better.
 */

/** What a test concluded at its confidence level. */
export type Verdict = "bBetter" | "aBetter" | "noDifference";

/** One group's conversions: successes out of trials. */
export interface Conversions {
  readonly successes: number;
  readonly trials: number;
}

export interface ProportionTest {
  readonly rateA: number;
  readonly rateB: number;
  /** rate B − rate A. */
  readonly difference: number;
  readonly lower: number;
  readonly upper: number;
  /** Pooled two-proportion z statistic (0 when both groups all succeed or all fail). */
  readonly z: number;
  readonly pValue: number;
  readonly verdict: Verdict;
  /**
   * Fewer than 5 successes or 5 failures in a group: the normal approximation behind z and p is
   * rough there (the interval stays valid, being built from Wilson's score intervals).
   */
  readonly smallSample: boolean;
}

function checkConversions(group: Conversions, name: "a" | "b"): void {
  const arg = `trials_${name}`;
  if (group.trials < 1) throw new RapportError("abTest.noTrials", { arg });
  if (group.successes > group.trials) {
    throw new RapportError("abTest.moreSuccessesThanTrials", {
      arg: `successes_${name}`,
      successes: group.successes,
      trials: group.trials,
    });
  }
}

/** Wilson's score interval of a proportion (the building block of Newcombe's interval). */
export function wilsonInterval(successes: number, trials: number, z: number): { lower: number; upper: number } {
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  return { lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) };
}

function verdictOf(significant: boolean, difference: number): Verdict {
  if (!significant || difference === 0) return "noDifference";
  return difference > 0 ? "bBetter" : "aBetter";
}

/**
 * Two groups' conversion compared: the pooled z test (as in every A/B calculator) and Newcombe's
 * (1998) hybrid score interval for the difference, which stays inside −1…1 and keeps its
 * coverage for small groups and rates near 0 or 1, where the textbook Wald interval does not.
 */
export function compareProportions(a: Conversions, b: Conversions, confidence = 0.95): ProportionTest {
  checkConversions(a, "a");
  checkConversions(b, "b");
  const rateA = a.successes / a.trials;
  const rateB = b.successes / b.trials;
  const difference = rateB - rateA;
  const zc = zForConfidence(confidence);
  const wa = wilsonInterval(a.successes, a.trials, zc);
  const wb = wilsonInterval(b.successes, b.trials, zc);
  const lower = difference - Math.sqrt((rateB - wb.lower) ** 2 + (wa.upper - rateA) ** 2);
  const upper = difference + Math.sqrt((wb.upper - rateB) ** 2 + (rateA - wa.lower) ** 2);
  const pooled = (a.successes + b.successes) / (a.trials + b.trials);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / a.trials + 1 / b.trials));
  const z = se > 0 ? difference / se : 0;
  const pValue = se > 0 ? twoSidedP(z) : 1;
  const smallSample = [a, b].some((g) => g.successes < 5 || g.trials - g.successes < 5);
  return {
    rateA,
    rateB,
    difference,
    lower,
    upper,
    z,
    pValue,
    verdict: verdictOf(pValue < 1 - confidence, difference),
    smallSample,
  };
}

/** Mean, sample variance and count of a list of values. */
export interface Sample {
  readonly n: number;
  readonly mean: number;
  readonly variance: number;
}

/** Mean and sample variance in one pass (Welford: no cancellation on large revenue figures). */
export function describeSample(values: ArrayLike<number>): Sample {
  let mean = 0;
  let squares = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    const delta = v - mean;
    mean += delta / (i + 1);
    squares += delta * (v - mean);
  }
  const n = values.length;
  return { n, mean, variance: n > 1 ? squares / (n - 1) : 0 };
}

export interface MeansTest {
  readonly meanA: number;
  readonly meanB: number;
  /** mean B − mean A. */
  readonly difference: number;
  readonly lower: number;
  readonly upper: number;
  readonly t: number;
  /** Welch–Satterthwaite degrees of freedom. */
  readonly df: number;
  readonly pValue: number;
  readonly verdict: Verdict;
  readonly nA: number;
  readonly nB: number;
}

/**
 * Welch's t test of two groups' means (revenue per client, CSAT scores), which does not assume
 * equal variances: R's `t.test(b, a)` default.
 */
export function compareMeans(a: Sample, b: Sample, confidence = 0.95): MeansTest {
  for (const [group, arg] of [
    [a, "values_a"],
    [b, "values_b"],
  ] as const) {
    if (group.n < 2) throw new RapportError("abTest.tooFewValues", { arg, n: group.n });
  }
  const va = a.variance / a.n;
  const vb = b.variance / b.n;
  const se = Math.sqrt(va + vb);
  if (!(se > 0)) throw new RapportError("abTest.noVariation", {});
  const difference = b.mean - a.mean;
  const t = difference / se;
  const df = (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1));
  const half = tForConfidence(confidence, df) * se;
  const pValue = tTwoSidedP(t, df);
  return {
    meanA: a.mean,
    meanB: b.mean,
    difference,
    lower: difference - half,
    upper: difference + half,
    t,
    df,
    pValue,
    verdict: verdictOf(pValue < 1 - confidence, difference),
    nA: a.n,
    nB: b.n,
  };
}

/**
 * Clients needed in each group for a two-sided two-proportion test at `confidence` to detect a
 * change of the conversion rate from `baseline` to baseline·(1 + lift) with probability `power`
 * (Fleiss, Statistical Methods for Rates and Proportions, eq. 4.14 without continuity correction):
 * n = (z_{α/2}·√(2p̄(1−p̄)) + z_β·√(p₁(1−p₁) + p₂(1−p₂)))² / (p₂ − p₁)², rounded up.
 */
export function sampleSizePerGroup(baseline: number, lift: number, power = 0.8, confidence = 0.95): number {
  const p1 = baseline;
  const p2 = baseline * (1 + lift);
  if (lift === 0) throw new RapportError("abTest.zeroLift", {});
  if (!(p2 > 0 && p2 < 1)) throw new RapportError("abTest.liftOutOfRange", { rate: p2 });
  const mean = (p1 + p2) / 2;
  const zAlpha = zForConfidence(confidence);
  const zBeta = normalQuantile(power);
  const root = zAlpha * Math.sqrt(2 * mean * (1 - mean)) + zBeta * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  // The tiny slack keeps an exact whole-number answer from rounding up through float noise.
  return Math.ceil((root * root) / (p2 - p1) ** 2 - 1e-9);
}
