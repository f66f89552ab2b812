import type { Scale } from "../cells/scores";
import { Vocabulary } from "../text/words";
import { normalQuantile } from "./normal";
import { PASSIVE_MIN, PROMOTER_MIN } from "./nps";
import { topTwoBox } from "./survey";

/**
 * Themes of comments (docs/formulas.md, "COMMENT_THEMES"): the words and two-word phrases that
 * set one side's comments (detractors, or low ratings) apart from the other's. For each term, a
 * = negative comments that contain it, b = positive ones, of N₋ and N₊ comments; its score is the
 * log odds ratio of a comment containing it on each side, with Haldane and Anscombe's ½ added to
 * every cell so that a term absent on one side has a finite score, and z = log odds / its
 * standard error (Woolf's √(1/a + 1/(N₋−a) + 1/b + 1/(N₊−b)), each with its ½):
 *
 *   log odds = ln((a + ½)/(N₋ − a + ½)) − ln((b + ½)/(N₊ − b + ½))
 *
 * A term is a theme of the negative side when z ≥ z(1 − α/2) (α = 0.05 by default) and of the
 * positive side when z ≤ −z(1 − α/2), and it must occur in at least `minCount` comments. Counting
 * comments, not words, keeps one long rant from making a theme.
 */

export type Side = "negative" | "positive";

/**
 * Which side an answer is on. NPS (0–10): detractors (0–6) against promoters (9–10), passives
 * left out. A rating scale min…max: the bottom two boxes (1–2 on 1–5) against the top two (4–5).
 */
export function sideOfScore(score: number, scale: Scale): Side | null {
  if (scale.min === 0 && scale.max === 10)
    return score < PASSIVE_MIN ? "negative" : score >= PROMOTER_MIN ? "positive" : null;
  if (score <= scale.min + 1) return "negative";
  return score >= topTwoBox(scale.max) ? "positive" : null;
}

/** A comment to read: its text, its side (or null: a passive, left out) and its period (or 0). */
export interface CommentInput {
  readonly text: string;
  readonly side: Side | null;
  readonly period: number;
}

export interface Theme {
  /** The term as most often written ("slow delivery"). */
  readonly text: string;
  readonly side: Side;
  /** Comments on each side that contain it. */
  readonly negative: number;
  readonly positive: number;
  /** Those as shares of each side's comments. */
  readonly shareNegative: number;
  readonly sharePositive: number;
  readonly logOdds: number;
  readonly z: number;
  /** Indexes of up to `examples` comments of its side that contain it, shortest first. */
  readonly examples: number[];
}

export interface ThemeOptions {
  /** Comments (both sides together) a term must occur in. */
  readonly minCount: number;
  /** Themes kept per side and period. */
  readonly top: number;
  /** Two-sided significance level of a theme. */
  readonly alpha: number;
  /** Example comments kept per theme. */
  readonly examples: number;
}

export const THEME_DEFAULTS: ThemeOptions = { minCount: 3, top: 10, alpha: 0.05, examples: 3 };

export interface PeriodThemes {
  readonly period: number;
  /** Comments on each side in the period (with any text). */
  readonly negativeComments: number;
  readonly positiveComments: number;
  /** Negative-side themes (highest z first), then positive-side ones (lowest z first). */
  readonly themes: Theme[];
}

const HALF = 0.5;

/** The log odds ratio of a term on the negative side against the positive, and its z. */
export function themeScore(a: number, negatives: number, b: number, positives: number): { logOdds: number; z: number } {
  const logOdds = Math.log((a + HALF) / (negatives - a + HALF)) - Math.log((b + HALF) / (positives - b + HALF));
  const se = Math.sqrt(1 / (a + HALF) + 1 / (negatives - a + HALF) + 1 / (b + HALF) + 1 / (positives - b + HALF));
  return { logOdds, z: logOdds / se };
}

/** Per comment: its terms, in one flat list (comment i's are terms[start[i] … start[i + 1] − 1]). */
interface CommentTerms {
  readonly terms: Int32Array;
  readonly start: Int32Array;
  readonly vocabulary: Vocabulary;
}

function readTerms(comments: readonly CommentInput[]): CommentTerms {
  const vocabulary = new Vocabulary();
  const terms: number[] = [];
  const start = new Int32Array(comments.length + 1);
  for (let i = 0; i < comments.length; i++) {
    const comment = comments[i] as CommentInput;
    // Passives are read for nothing.
    if (comment.side !== null) vocabulary.read(comment.text, terms);
    start[i + 1] = terms.length;
  }
  return { terms: Int32Array.from(terms), start, vocabulary };
}

/** Themes of one set of comments (one period). */
function themesOf(
  comments: readonly CommentInput[],
  read: CommentTerms,
  indexes: readonly number[],
  options: ThemeOptions,
): Omit<PeriodThemes, "period"> {
  const { terms, start, vocabulary } = read;
  const negativeCounts = new Int32Array(vocabulary.size);
  const positiveCounts = new Int32Array(vocabulary.size);
  let negatives = 0;
  let positives = 0;
  for (const i of indexes) {
    const side = (comments[i] as CommentInput).side;
    if (side === null) continue;
    const counts = side === "negative" ? negativeCounts : positiveCounts;
    if (side === "negative") negatives++;
    else positives++;
    for (let k = start[i] as number; k < (start[i + 1] as number); k++) (counts[terms[k] as number] as number)++;
  }
  const found: { term: number; side: Side; logOdds: number; z: number }[] = [];
  if (negatives > 0 && positives > 0) {
    const critical = normalQuantile(1 - options.alpha / 2);
    for (let term = 0; term < vocabulary.size; term++) {
      const a = negativeCounts[term] as number;
      const b = positiveCounts[term] as number;
      if (a + b < options.minCount) continue;
      const { logOdds, z } = themeScore(a, negatives, b, positives);
      if (Math.abs(z) >= critical) found.push({ term, side: z > 0 ? "negative" : "positive", logOdds, z });
    }
  }
  // Terms found in exactly the same comments ("hard", "reach", "hard reach" in "Hard to reach
  // support") are one theme: the phrase is kept, the rest dropped. Sets are compared by a
  // signature (count and two hashes of the comment numbers), for the found terms only.
  const signatures = new Map<number, [number, number, number]>(found.map((theme) => [theme.term, [0, 0, 0]]));
  for (const i of indexes) {
    for (let k = start[i] as number; k < (start[i + 1] as number); k++) {
      const signature = signatures.get(terms[k] as number);
      if (!signature) continue;
      signature[0]++;
      signature[1] = (signature[1] + Math.imul(i + 1, 0x9e3779b1)) | 0;
      signature[2] ^= Math.imul(i + 1, 0x85ebca6b) ^ (i >>> 3);
    }
  }
  const pick = (side: Side, sign: number) => {
    const seen = new Set<string>();
    return found
      .filter((theme) => theme.side === side)
      .sort(
        (x, y) =>
          sign * (y.z - x.z) ||
          Number(vocabulary.isPhrase(y.term)) - Number(vocabulary.isPhrase(x.term)) ||
          x.term - y.term,
      )
      .filter((theme) => {
        const key = (signatures.get(theme.term) as number[]).join(":");
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .slice(0, options.top);
  };
  const chosen = [...pick("negative", 1), ...pick("positive", -1)];
  // Examples for the chosen themes only: one more pass over the period's comments.
  const examples = new Map<number, number[]>(chosen.map((theme) => [theme.term, []]));
  const sideOf = new Map<number, Side>(chosen.map((theme) => [theme.term, theme.side]));
  for (const i of indexes) {
    const side = (comments[i] as CommentInput).side;
    for (let k = start[i] as number; k < (start[i + 1] as number); k++) {
      const term = terms[k] as number;
      if (sideOf.get(term) === side) examples.get(term)?.push(i);
    }
  }
  const length = (i: number) => (comments[i] as CommentInput).text.length;
  return {
    negativeComments: negatives,
    positiveComments: positives,
    themes: chosen.map((theme) => {
      const a = negativeCounts[theme.term] as number;
      const b = positiveCounts[theme.term] as number;
      return {
        text: vocabulary.text(theme.term),
        side: theme.side,
        negative: a,
        positive: b,
        shareNegative: a / negatives,
        sharePositive: b / positives,
        logOdds: theme.logOdds,
        z: theme.z,
        examples: distinctTexts(
          comments,
          (examples.get(theme.term) as number[]).sort((x, y) => length(x) - length(y) || x - y),
        ).slice(0, options.examples),
      };
    }),
  };
}

/** Comments with the same text (a template answer, a copied line) are one example. */
function distinctTexts(comments: readonly CommentInput[], indexes: readonly number[]): number[] {
  const seen = new Set<string>();
  return indexes.filter((i) => {
    const text = (comments[i] as CommentInput).text.toLowerCase();
    if (seen.has(text)) return false;
    seen.add(text);
    return true;
  });
}

/**
 * Themes per period (periods in ascending order; a single period 0 when comments carry none).
 * Comments without a side (passives) are read for nothing and left out.
 */
export function commentThemes(
  comments: readonly CommentInput[],
  options: ThemeOptions = THEME_DEFAULTS,
): PeriodThemes[] {
  const read = readTerms(comments);
  const byPeriod = new Map<number, number[]>();
  for (const [i, comment] of comments.entries()) {
    const list = byPeriod.get(comment.period);
    if (list) list.push(i);
    else byPeriod.set(comment.period, [i]);
  }
  return [...byPeriod.keys()]
    .sort((a, b) => a - b)
    .map((period) => ({ period, ...themesOf(comments, read, byPeriod.get(period) as number[], options) }));
}
