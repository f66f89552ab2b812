import { readScore, type Scale } from "../cells/scores";
import {
  asRows,
  type Cell,
  type CellOrigin,
  cellNumber,
  cellPosition,
  displayValue,
  isBlank,
  isErrorCell,
  type Range,
  requireValues,
} from "../cells/values";
import { RapportError } from "../errors";
import { twoSidedP, zForConfidence } from "./normal";
import { type NpsCounts, npsFromCounts } from "./nps";

/**
 * Survey metrics beyond the plain NPS (docs/formulas.md): NPS intervals, differences and breakdowns,
 * CSAT, CES and CSI. Counting functions read ranges as Sheets passes them (or plain lists of
 * validated numbers, as the Worker holds them); the rest are pure functions of the counts.
 */

/** Below this many answers a metric moves a lot by chance: outputs say so. */
export const SMALL_SAMPLE = 100;

export function isSmallSample(n: number): boolean {
  return n < SMALL_SAMPLE;
}

// ---------------------------------------------------------------------------------------------
// NPS

/** Standard error of the NPS in points, plain (Wald): 100·√([p + d − (p − d)²]/n). */
export function npsStandardError(counts: NpsCounts): number {
  const p = counts.promoters / counts.n;
  const d = counts.detractors / counts.n;
  return 100 * Math.sqrt(Math.max(0, p + d - (p - d) ** 2) / counts.n);
}

export interface NpsInterval {
  /** The observed NPS in points. */
  readonly nps: number;
  readonly lower: number;
  readonly upper: number;
  readonly n: number;
  readonly confidence: number;
  /** n < 100: the score can move a lot by chance. */
  readonly smallSample: boolean;
}

/**
 * Confidence interval of the NPS, in points, by the adjusted-Wald method (Rocks 2016, "Interval
 * estimation for the Net Promoter Score", The American Statistician 70(4)): add ¾ to the promoters,
 * ¾ to the detractors and 3 to n, then take the normal interval around the adjusted score with
 * Var = [p′ + d′ − (p′ − d′)²]/n′. Unlike the plain normal interval it does not collapse to a
 * point for small n or a score at ±100. Bounds are clipped to −100…100 and, when the pseudo-counts
 * pull the interval past the observed score (only for a handful of answers or a low confidence
 * level), the near bound is moved to the observed score so that the interval always contains it.
 */
export function npsInterval(counts: NpsCounts, confidence = 0.95): NpsInterval {
  if (!(confidence > 0 && confidence < 1))
    throw new RapportError("arg.fraction", { arg: "confidence", value: confidence, min: 0, max: 1 });
  const nps = npsFromCounts(counts);
  const z = zForConfidence(confidence);
  const n = counts.n + 3;
  const p = (counts.promoters + 0.75) / n;
  const d = (counts.detractors + 0.75) / n;
  const centre = p - d;
  const margin = z * Math.sqrt((p + d - centre * centre) / n);
  const lower = Math.min(nps, Math.max(-100, 100 * (centre - margin)));
  const upper = Math.max(nps, Math.min(100, 100 * (centre + margin)));
  return { nps, lower, upper, n: counts.n, confidence, smallSample: isSmallSample(counts.n) };
}

export interface NpsDifference {
  /** NPS after − NPS before, in points. */
  readonly change: number;
  readonly z: number;
  /** Two-sided p-value of the z test. */
  readonly pValue: number;
  /** √(SE₁² + SE₂²) in points. */
  readonly standardError: number;
  readonly before: number;
  readonly after: number;
  /** Either sample has fewer than 100 answers. */
  readonly smallSample: boolean;
}

/**
 * Change in NPS between two independent samples: ΔNPS = after − before, SE_diff = √(SE₁² + SE₂²)
 * with the plain standard errors, z = ΔNPS/SE_diff, two-sided normal p-value. When both samples
 * have no spread (each is all one group) SE_diff is 0 and the test is undefined: that is an error.
 */
export function npsDifference(before: NpsCounts, after: NpsCounts): NpsDifference {
  const change = npsFromCounts(after) - npsFromCounts(before);
  const standardError = Math.sqrt(npsStandardError(before) ** 2 + npsStandardError(after) ** 2);
  if (!(standardError > 0)) throw new RapportError("nps.diffNoSpread", {});
  const z = change / standardError;
  return {
    change,
    z,
    pValue: twoSidedP(z),
    standardError,
    before: before.n,
    after: after.n,
    smallSample: isSmallSample(Math.min(before.n, after.n)),
  };
}

export type NpsGroup = "promoters" | "passives" | "detractors" | "total";

export interface NpsBreakdownRow {
  readonly group: NpsGroup;
  readonly count: number;
  /** Share of all answers, 0…1. */
  readonly share: number;
}

/** Promoters, passives, detractors and the total with their counts and shares of n. */
export function npsBreakdown(counts: NpsCounts): NpsBreakdownRow[] {
  return [
    { group: "promoters", count: counts.promoters, share: counts.promoters / counts.n },
    { group: "passives", count: counts.passives, share: counts.passives / counts.n },
    { group: "detractors", count: counts.detractors, share: counts.detractors / counts.n },
    { group: "total", count: counts.n, share: 1 },
  ];
}

// ---------------------------------------------------------------------------------------------
// CSAT and CES

/** A rating scale from `min` to `max`; fractional scores (averaged answers) are accepted. */
export function ratingScale(max: number, min = 1): Scale {
  return { min, max, integer: false };
}

/** Answers on a rating scale: how many, their sum, and how many are at or above a threshold. */
export interface ScoreTally {
  readonly n: number;
  readonly sum: number;
  readonly atLeast: number;
  readonly threshold: number;
}

/**
 * Tallies a range of scores on `scale` as Sheets passes it: blank cells skipped, numeric text
 * read, anything else (or a score outside the scale) an error naming `arg` and the cell. One
 * pass, no intermediate arrays: this runs on million-row columns.
 */
export function tallyScores(
  range: Range,
  scale: Scale,
  threshold: number,
  arg = "scores",
  origin?: CellOrigin,
): ScoreTally {
  const rows = asRows(range);
  const { min, max } = scale;
  // Whole-number answers are counted per score (bins[s − min]), as NPS does: no data-dependent
  // branch in the hot loop. Anything else (fractions, text, out-of-scale) takes the slow path.
  const binned = Number.isInteger(min) && Number.isInteger(max) && max - min <= 1000;
  const bins: number[] = new Array(binned ? max - min + 1 : 0).fill(0);
  let n = 0;
  let sum = 0;
  let atLeast = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as readonly Cell[];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (typeof cell === "number" && binned && (cell - min) >>> 0 === cell - min && cell <= max) {
        (bins[cell - min] as number)++;
      } else if (!isBlank(cell)) {
        const value = readScore(cell, scale, arg, r, c, row.length, origin);
        n++;
        sum += value;
        if (value >= threshold) atLeast++;
      }
    }
  }
  for (let b = 0; b < bins.length; b++) {
    const count = bins[b] as number;
    n += count;
    sum += count * (b + min);
    if (b + min >= threshold) atLeast += count;
  }
  requireValues(n, arg);
  return { n, sum, atLeast, threshold };
}

/** The same tally over a plain list of numbers (the Worker's stored answers). */
export function tallyScoreList(scores: ArrayLike<number>, scale: Scale, threshold: number, arg = "scores"): ScoreTally {
  let sum = 0;
  let atLeast = 0;
  for (let i = 0; i < scores.length; i++) {
    const value = readScore(scores[i] as number, scale, arg, i, 0, 1);
    sum += value;
    if (value >= threshold) atLeast++;
  }
  requireValues(scores.length, arg);
  return { n: scores.length, sum, atLeast, threshold };
}

/** CSAT as the share of answers at or above the threshold ("top-2-box" at 4 on a 1–5 scale), 0…1. */
export function csatShare(tally: ScoreTally): number {
  return tally.atLeast / tally.n;
}

/** Mean score (CES, or CSAT reported as a mean). */
export function meanScore(tally: ScoreTally): number {
  return tally.sum / tally.n;
}

/** The top-2-box threshold of a scale ending at `max`: 4 on 1–5, 6 on 1–7, 9 on 1–10. */
export function topTwoBox(max: number): number {
  return max - 1;
}

// ---------------------------------------------------------------------------------------------
// CSI

export interface CsiResult {
  /** 0…100. */
  readonly csi: number;
  /** Mean rating of each factor (blank cells skipped); null for a weight-0 factor without answers. */
  readonly factorMeans: (number | null)[];
  /** Normalised weights wᵢ = Iᵢ/ΣI. */
  readonly weights: number[];
  /** Respondents: rows with at least one rating. */
  readonly respondents: number;
}

/**
 * CSI = 100·Σ wᵢ·(Sᵢ − min)/(max − min), wᵢ = Iᵢ/ΣI, Sᵢ the mean rating of factor i over the
 * respondents who rated it. Pure: means and raw importances in, index out.
 */
export function csiFromMeans(means: readonly number[], importance: readonly number[], scale: Scale): number {
  let total = 0;
  for (const w of importance) total += w;
  if (!(total > 0)) throw new RapportError("csi.weightsZero", {});
  let csi = 0;
  for (let i = 0; i < importance.length; i++) {
    const w = (importance[i] as number) / total;
    if (w === 0) continue;
    csi += (w * ((means[i] as number) - scale.min)) / (scale.max - scale.min);
  }
  return 100 * csi;
}

/** Reads the importance weights: one per factor, in a row or a column, each 0 or more. */
export function readWeights(range: Range, factors: number, arg = "importance"): number[] {
  const rows = asRows(range);
  const height = rows.length;
  const width = height ? (rows[0] as readonly Cell[]).length : 0;
  const weights: number[] = [];
  for (let r = 0; r < height; r++) {
    const row = rows[r] as readonly Cell[];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      const position = cellPosition(r, c, width);
      if (isBlank(cell)) throw new RapportError("csi.weightBlank", { arg, cell: position });
      const value = cellNumber(cell);
      if (value === null) {
        if (isErrorCell(cell)) throw new RapportError("input.errorCell", { arg, cell: position, value: cell });
        throw new RapportError("input.notNumber", { arg, cell: position, value: displayValue(cell) });
      }
      if (value < 0) throw new RapportError("csi.weightNegative", { arg, cell: position, value });
      weights.push(value);
    }
  }
  if (height > 1 && width > 1) throw new RapportError("csi.weightsShape", { arg, rows: height, columns: width });
  if (weights.length !== factors) throw new RapportError("csi.weightsCount", { arg, weights: weights.length, factors });
  return weights;
}

/**
 * CSI from a ratings range (one row per respondent, one column per factor) and importance
 * weights (one per factor). Blank ratings are skipped factor by factor; a factor with a positive
 * weight and no ratings at all is an error, as its mean is undefined.
 */
export function csiOfRatings(
  ratings: Range,
  importance: Range,
  scale: Scale,
  args = { ratings: "ratings", importance: "importance" },
): CsiResult {
  if (!(scale.max > scale.min)) throw new RapportError("arg.scaleOrder", { min: scale.min, max: scale.max });
  const rows = asRows(ratings);
  const factors = rows.length ? (rows[0] as readonly Cell[]).length : 0;
  const weights = readWeights(importance, factors, args.importance);
  const sums = new Array<number>(factors).fill(0);
  const counts = new Array<number>(factors).fill(0);
  let respondents = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as readonly Cell[];
    let answered = false;
    for (let c = 0; c < factors; c++) {
      const cell = row[c];
      if (isBlank(cell)) continue;
      const value =
        typeof cell === "number" && cell >= scale.min && cell <= scale.max
          ? cell
          : readScore(cell, scale, args.ratings, r, c, factors);
      sums[c] = (sums[c] as number) + value;
      counts[c] = (counts[c] as number) + 1;
      answered = true;
    }
    if (answered) respondents++;
  }
  requireValues(respondents, args.ratings);
  const factorMeans: (number | null)[] = [];
  for (let c = 0; c < factors; c++) {
    const count = counts[c] as number;
    if (count === 0 && (weights[c] as number) > 0) {
      throw new RapportError("csi.factorEmpty", { arg: args.ratings, column: c + 1 });
    }
    factorMeans.push(count ? (sums[c] as number) / count : null);
  }
  const csi = csiFromMeans(
    factorMeans.map((m) => m ?? scale.min),
    weights,
    scale,
  );
  let total = 0;
  for (const w of weights) total += w;
  return { csi, factorMeans, weights: weights.map((w) => w / total), respondents };
}
