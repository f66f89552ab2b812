import { commentThemes, sideOfScore, THEME_DEFAULTS } from "../metrics/commentThemes";
import { isSmallSample } from "../metrics/survey";
import { countedInFigures } from "../surveys/flags";
import { NPS_SCALE } from "../surveys/scales";
import type { Answer } from "./answers";

/**
 * "What clients say": the themes of the NPS comments the Dashboard counts (flagged answers left
 * out), detractors against promoters, as COMMENT_THEMES computes them over all periods together.
 */

export interface ThemeFigure {
  readonly text: string;
  readonly side: "negative" | "positive";
  /** Detractors' and promoters' comments that contain it. */
  readonly negative: number;
  readonly positive: number;
  readonly shareNegative: number;
  readonly sharePositive: number;
  readonly z: number;
  /** Up to two of its side's comments that contain it, shortest first. */
  readonly examples: readonly string[];
}

export interface ThemesFigure {
  /** Detractors' and promoters' comments compared (passives' are not). */
  readonly negative: number;
  readonly positive: number;
  readonly n: number;
  readonly smallSample: boolean;
  readonly themes: readonly ThemeFigure[];
}

/** Themes per side on the Dashboard (the formula lists as many as asked). */
const DASHBOARD_THEMES = 5;

/** The themes of NPS answers' comments, or null when no answer has a comment. */
export function themesFigure(answers: readonly Answer[]): ThemesFigure | null {
  const comments = countedInFigures(answers)
    .filter((answer) => answer.comment.trim() !== "")
    .map((answer) => ({ text: answer.comment.trim(), side: sideOfScore(answer.score, NPS_SCALE), period: 0 }));
  if (comments.length === 0) return null;
  const [all] = commentThemes(comments, { ...THEME_DEFAULTS, top: DASHBOARD_THEMES, examples: 2 });
  if (!all) return null;
  const n = all.negativeComments + all.positiveComments;
  return {
    negative: all.negativeComments,
    positive: all.positiveComments,
    n,
    smallSample: isSmallSample(n),
    themes: all.themes.map((theme) => ({
      text: theme.text,
      side: theme.side,
      negative: theme.negative,
      positive: theme.positive,
      shareNegative: theme.shareNegative,
      sharePositive: theme.sharePositive,
      z: theme.z,
      examples: theme.examples.map((i) => (comments[i] as { text: string }).text),
    })),
  };
}
