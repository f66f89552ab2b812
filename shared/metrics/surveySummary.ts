import type { CsiFactor, SurveySummary, SurveyType } from "../api/surveys";
import type { Scale } from "../cells/scores";
import { RapportError } from "../errors";
import { NPS_SCALE } from "../surveys/scales";
import { emptyNpsBins, type NpsCounts, npsCountsFromBins } from "./nps";
import { tForConfidence } from "./studentT";
import { csatShare, csiFromMeans, isSmallSample, meanScore, npsInterval, SMALL_SAMPLE, topTwoBox } from "./survey";

/** Stored answers are whole numbers on their survey's scale: only its bounds matter here. */
type ScaleBounds = Pick<Scale, "min" | "max">;

/**
 * A survey's summary from histograms of its current answers (how many gave each score), as the
 * Worker's covering index delivers them: the same definitions as the formulas (shared/metrics/
 * survey.ts), without a row per answer.
 */

/** How many current answers gave `score`. */
export interface ScoreCount {
  readonly score: number;
  readonly count: number;
}

/** How many current answers rated CSI factor `factorId` with `rating`. */
export interface FactorRatingCount {
  readonly factorId: string;
  readonly rating: number;
  readonly count: number;
}

function checkBin(value: number, count: number, scale: ScaleBounds, what: string): void {
  // Stored answers were validated on the way in: a bin outside the scale is a bug, not user input.
  if (!(Number.isInteger(value) && value >= scale.min && value <= scale.max)) {
    throw new RangeError(`${what}: ${value} is outside the scale ${scale.min} to ${scale.max}`);
  }
  if (!(Number.isInteger(count) && count >= 0))
    throw new RangeError(`${what}: count ${count} is not a whole number ≥ 0`);
}

/** Promoters (9–10), passives (7–8) and detractors (0–6) of an NPS histogram. */
export function npsCountsOf(histogram: readonly ScoreCount[]): NpsCounts {
  const bins = emptyNpsBins();
  for (const { score, count } of histogram) {
    checkBin(score, count, NPS_SCALE, "score");
    (bins[score] as number) += count;
  }
  return npsCountsFromBins(bins);
}

/** Count, sum, sum of squares and the count at or above `threshold` of a histogram on `scale`. */
export interface HistogramTally {
  readonly n: number;
  readonly sum: number;
  /** Σ count·(score − mean)², the spread around the mean (computed in a second pass, no cancellation). */
  readonly squaredDeviations: number;
  readonly atLeast: number;
  readonly threshold: number;
}

export function tallyHistogram(
  histogram: readonly ScoreCount[],
  scale: ScaleBounds,
  threshold: number,
): HistogramTally {
  let n = 0;
  let sum = 0;
  let atLeast = 0;
  for (const { score, count } of histogram) {
    checkBin(score, count, scale, "score");
    n += count;
    sum += score * count;
    if (score >= threshold) atLeast += count;
  }
  let squaredDeviations = 0;
  if (n > 0) {
    const mean = sum / n;
    for (const { score, count } of histogram) squaredDeviations += count * (score - mean) ** 2;
  }
  return { n, sum, squaredDeviations, atLeast, threshold };
}

export interface MeanInterval {
  readonly mean: number;
  /** Null below 2 answers: one answer says nothing about the spread. */
  readonly lower: number | null;
  readonly upper: number | null;
}

/**
 * The mean score with the Student t interval mean ± t(n−1)·s/√n, s the sample standard deviation,
 * clipped to the scale. Requires n ≥ 1.
 */
export function meanInterval(tally: HistogramTally, scale: ScaleBounds, confidence: number): MeanInterval {
  if (tally.n < 1) throw new RapportError("input.empty", { arg: "scores" });
  const mean = tally.sum / tally.n;
  if (tally.n < 2) return { mean, lower: null, upper: null };
  const sd = Math.sqrt(tally.squaredDeviations / (tally.n - 1));
  const margin = (tForConfidence(confidence, tally.n - 1) * sd) / Math.sqrt(tally.n);
  return { mean, lower: Math.max(scale.min, mean - margin), upper: Math.min(scale.max, mean + margin) };
}

export interface SummaryInput {
  surveyId: string;
  type: SurveyType;
  scale: ScaleBounds;
  /** The survey's CSI factors (null for other types). */
  factors: readonly CsiFactor[] | null;
  /** Score histogram of the answers counted (NPS, CSAT, CES). */
  scores: readonly ScoreCount[];
  /** Per-factor rating histograms of the answers counted (CSI). */
  ratings: readonly FactorRatingCount[];
  /** CSI: answers counted (each has at least one rating). */
  respondents: number;
  /** Answers carrying flags, counted or not. */
  flagged: number;
  includeFlagged: boolean;
  confidence?: number;
}

/** The summary the API returns: the survey type's metric with its n, interval and small-sample flag. */
export function summarizeSurvey(input: SummaryInput): SurveySummary {
  const confidence = input.confidence ?? 0.95;
  const base = {
    surveyId: input.surveyId,
    type: input.type,
    scale: { min: input.scale.min, max: input.scale.max },
    flagged: input.flagged,
    includeFlagged: input.includeFlagged,
    confidence,
    nps: null,
    csat: null,
    ces: null,
    csi: null,
  };
  if (input.type === "csi") {
    const n = input.respondents;
    const factors = input.factors ?? [];
    const sums = new Map<string, { n: number; sum: number }>();
    for (const { factorId, rating, count } of input.ratings) {
      checkBin(rating, count, input.scale, factorId);
      const entry = sums.get(factorId) ?? { n: 0, sum: 0 };
      entry.n += count;
      entry.sum += rating * count;
      sums.set(factorId, entry);
    }
    const totalWeight = factors.reduce((s, f) => s + f.weight, 0);
    const rows = factors.map((f) => {
      const entry = sums.get(f.id);
      return {
        id: f.id,
        label: f.label,
        weight: f.weight / totalWeight,
        mean: entry && entry.n > 0 ? entry.sum / entry.n : null,
        n: entry?.n ?? 0,
      };
    });
    // The CSI is defined over every factor's mean: while one has no rating the index is unknown.
    const complete = rows.length > 0 && rows.every((r) => r.mean !== null);
    const index = complete
      ? csiFromMeans(
          rows.map((r) => r.mean as number),
          factors.map((f) => f.weight),
          { ...input.scale, integer: true },
        )
      : null;
    return { ...base, n, smallSample: isSmallSample(n), csi: n > 0 ? { index, factors: rows } : null };
  }
  if (input.type === "nps") {
    const counts = npsCountsOf(input.scores);
    const n = counts.n;
    if (n === 0) return { ...base, n, smallSample: true };
    const ci = npsInterval(counts, confidence);
    return {
      ...base,
      n,
      smallSample: ci.smallSample,
      nps: {
        score: ci.nps,
        lower: ci.lower,
        upper: ci.upper,
        promoters: counts.promoters,
        passives: counts.passives,
        detractors: counts.detractors,
      },
    };
  }
  const threshold = topTwoBox(input.scale.max);
  const tally = tallyHistogram(input.scores, input.scale, threshold);
  const n = tally.n;
  if (n === 0) return { ...base, n, smallSample: true };
  const interval = meanInterval(tally, input.scale, confidence);
  const scoreTally = { n, sum: tally.sum, atLeast: tally.atLeast, threshold };
  const smallSample = n < SMALL_SAMPLE;
  if (input.type === "csat") {
    return {
      ...base,
      n,
      smallSample,
      csat: { share: csatShare(scoreTally), threshold, ...interval, mean: meanScore(scoreTally) },
    };
  }
  return { ...base, n, smallSample, ces: { ...interval, mean: meanScore(scoreTally) } };
}
