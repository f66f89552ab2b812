import { twoSidedP } from "../metrics/normal";
import type { NpsCounts } from "../metrics/nps";
import { laterLarger } from "../metrics/rankTest";
import { isSmallSample, npsDifference } from "../metrics/survey";

/**
 * When the dashboard raises an alert between the last two periods (docs/dashboard.md):
 *
 * - NPS: the change between the last two periods that have NPS answers is significant, two-sided
 *   p < 0.05 by the z test of NPS_DIFF (SE_diff = √(SE₁² + SE₂²)), either direction.
 * - Churn: between the last two complete periods with customers at their start, the churn rate
 *   rose by at least 5 percentage points and the rise is significant by a two-proportion z test
 *   (pooled), two-sided p < 0.05. A small rise on a large base is significant but not a jump; a
 *   large one on a handful of customers is a jump but may be chance: both must hold.
 * - First response: between the last two periods with answered requests, the times to a first
 *   answer are significantly longer (one-sided p < 0.05 by the Mann–Whitney U test) and so is the
 *   median. Durations are skewed, so ranks are compared rather than means.
 */
export const ALERT_P_VALUE = 0.05;
export const CHURN_JUMP_POINTS = 0.05;

export interface PeriodNps {
  readonly period: string;
  readonly counts: NpsCounts;
}

export interface PeriodChurn {
  readonly period: string;
  readonly atStart: number;
  readonly lost: number;
}

export interface DashboardAlert {
  readonly kind: "nps" | "churn" | "response";
  readonly from: string;
  readonly to: string;
  /** NPS in points, churn as a fraction 0…1, response as the median hours to a first answer. */
  readonly before: number;
  readonly after: number;
  readonly change: number;
  readonly pValue: number;
  /** Answers (NPS), customers at the start (churn) or answered requests (response) in each period. */
  readonly nBefore: number;
  readonly nAfter: number;
  readonly smallSample: boolean;
}

/** Two-proportion z test of x₂/n₂ against x₁/n₁ with the pooled proportion; p = 1 when there is no spread. */
export function twoProportionTest(
  x1: number,
  n1: number,
  x2: number,
  n2: number,
): { change: number; z: number; pValue: number } {
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (!(se > 0)) return { change: p2 - p1, z: 0, pValue: 1 };
  const z = (p2 - p1) / se;
  return { change: p2 - p1, z, pValue: twoSidedP(z) };
}

/** The NPS alert between two periods, or null when the change is not significant (or untestable). */
export function npsAlert(before: PeriodNps, after: PeriodNps): DashboardAlert | null {
  let diff: ReturnType<typeof npsDifference>;
  try {
    diff = npsDifference(before.counts, after.counts);
  } catch {
    // Both periods all one group (no spread): the z test is undefined, so no claim is made.
    return null;
  }
  if (!(diff.pValue < ALERT_P_VALUE)) return null;
  return {
    kind: "nps",
    from: before.period,
    to: after.period,
    before: 100 * ((before.counts.promoters - before.counts.detractors) / before.counts.n),
    after: 100 * ((after.counts.promoters - after.counts.detractors) / after.counts.n),
    change: diff.change,
    pValue: diff.pValue,
    nBefore: before.counts.n,
    nAfter: after.counts.n,
    smallSample: diff.smallSample,
  };
}

/** The churn alert between two periods, or null when churn did not jump. */
export function churnAlert(before: PeriodChurn, after: PeriodChurn): DashboardAlert | null {
  if (before.atStart === 0 || after.atStart === 0) return null;
  const test = twoProportionTest(before.lost, before.atStart, after.lost, after.atStart);
  // The tolerance keeps a rise of exactly 5 points (0.15 − 0.10 = 0.0499…) a jump.
  if (!(test.change >= CHURN_JUMP_POINTS - 1e-12 && test.pValue < ALERT_P_VALUE)) return null;
  return {
    kind: "churn",
    from: before.period,
    to: after.period,
    before: before.lost / before.atStart,
    after: after.lost / after.atStart,
    change: test.change,
    pValue: test.pValue,
    nBefore: before.atStart,
    nAfter: after.atStart,
    smallSample: isSmallSample(Math.min(before.atStart, after.atStart)),
  };
}

export interface PeriodDurations {
  readonly period: string;
  /** Hours to the first answer of each answered request. */
  readonly hours: readonly number[];
  readonly median: number;
}

/** The response-time alert between two periods, or null when the later one is not significantly slower. */
export function responseAlert(before: PeriodDurations, after: PeriodDurations): DashboardAlert | null {
  const test = laterLarger(before.hours, after.hours);
  if (!test || !(test.p < ALERT_P_VALUE) || !(after.median > before.median)) return null;
  return {
    kind: "response",
    from: before.period,
    to: after.period,
    before: before.median,
    after: after.median,
    change: after.median - before.median,
    pValue: test.p,
    nBefore: before.hours.length,
    nAfter: after.hours.length,
    smallSample: isSmallSample(Math.min(before.hours.length, after.hours.length)),
  };
}
