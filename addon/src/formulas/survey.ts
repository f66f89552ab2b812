import { numberArg } from "../../../shared/cells/arguments";
import type { Cell, Range } from "../../../shared/cells/values";
import { t } from "../../../shared/i18n/translate";
import { countNps, npsFromCounts } from "../../../shared/metrics/nps";
import {
  csatShare,
  csiOfRatings,
  meanScore,
  npsBreakdown,
  npsDifference,
  npsInterval,
  ratingScale,
  tallyScores,
  topTwoBox,
} from "../../../shared/metrics/survey";
import { formula } from "./formula";

/* Survey-score formulas. Their JSDoc for Sheets' autocomplete is in addon/stubs/formulas-survey.js. */

const CONFIDENCE = { fraction: true, min: 0.5, max: 0.999 } as const;

/** NPS(scores): Net Promoter Score in points, −100…100. */
export function NPS(scores: Range): number {
  return formula("NPS", ["scores"], () => npsFromCounts(countNps(scores, "scores")));
}

/** NPS_CI(scores, [confidence]): one row: NPS, lower, upper, n (+ a warning cell when n < 100). */
export function NPS_CI(scores: Range, confidence?: Range): Cell[][] {
  return formula("NPS_CI", ["scores", "confidence"], (context) => {
    const level = numberArg(confidence, "confidence", 0.95, CONFIDENCE);
    const ci = npsInterval(countNps(scores, "scores"), level);
    const row: Cell[] = [ci.nps, ci.lower, ci.upper, ci.n];
    if (ci.smallSample) row.push(t(context.locale, "note.smallSample", { n: ci.n }));
    return [row];
  });
}

/** NPS_DIFF(scores_before, scores_after): one row: change in points, z, two-sided p (+ warning). */
export function NPS_DIFF(scoresBefore: Range, scoresAfter: Range): Cell[][] {
  return formula("NPS_DIFF", ["scores_before", "scores_after"], (context) => {
    const diff = npsDifference(countNps(scoresBefore, "scores_before"), countNps(scoresAfter, "scores_after"));
    const row: Cell[] = [diff.change, diff.z, diff.pValue];
    if (diff.smallSample) {
      row.push(t(context.locale, "note.smallSampleDiff", { before: diff.before, after: diff.after }));
    }
    return [row];
  });
}

/** NPS_BREAKDOWN(scores): group, count, share for promoters, passives, detractors, total (+ note). */
export function NPS_BREAKDOWN(scores: Range): Cell[][] {
  return formula("NPS_BREAKDOWN", ["scores"], (context) => {
    const counts = countNps(scores, "scores");
    const out: Cell[][] = [["group", "count", "share"]];
    for (const row of npsBreakdown(counts)) out.push([row.group, row.count, row.share]);
    if (counts.n < 100) out.push([t(context.locale, "note.smallSample", { n: counts.n }), "", ""]);
    return out;
  });
}

/** CSAT(scores, [scale_max], [threshold]): share of answers at or above the threshold, 0…1. */
export function CSAT(scores: Range, scaleMax?: Range, threshold?: Range): number {
  return formula("CSAT", ["scores", "scale_max", "threshold"], () => {
    const max = numberArg(scaleMax, "scale_max", 5, { min: 2, max: 100, integer: true });
    const cut = numberArg(threshold, "threshold", topTwoBox(max), { min: 1, max });
    return csatShare(tallyScores(scores, ratingScale(max), cut, "scores"));
  });
}

/** CES(scores, [scale_max]): mean effort score. */
export function CES(scores: Range, scaleMax?: Range): number {
  return formula("CES", ["scores", "scale_max"], () => {
    const max = numberArg(scaleMax, "scale_max", 7, { min: 2, max: 100, integer: true });
    return meanScore(tallyScores(scores, ratingScale(max), max, "scores"));
  });
}

/** CSI(ratings, importance, [scale_min], [scale_max]): importance-weighted satisfaction, 0…100. */
export function CSI(ratings: Range, importance: Range, scaleMin?: Range, scaleMax?: Range): number {
  return formula("CSI", ["ratings", "importance", "scale_min", "scale_max"], () => {
    const min = numberArg(scaleMin, "scale_min", 1);
    const max = numberArg(scaleMax, "scale_max", 5);
    return csiOfRatings(ratings, importance, ratingScale(max, min)).csi;
  });
}
