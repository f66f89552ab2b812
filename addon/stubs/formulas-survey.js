/**
 * Net Promoter Score of 0–10 survey answers: the share of promoters (9–10) minus the share of
 * detractors (0–6), in points from -100 to 100. Blank cells are skipped and do not count.
 *
 * @param {number|Array<Array<number>>} scores The 0–10 answers, e.g. B2:B500. Blank cells are skipped.
 * @return {number} NPS in points, from -100 to 100.
 * @customfunction
 */
function NPS(scores) {
  return Rapport.NPS(scores);
}

/**
 * Net Promoter Score with its confidence interval, as one row: NPS, lower bound, upper bound,
 * number of answers. With fewer than 100 answers a fifth cell warns that the score can move a lot
 * by chance. The interval is the adjusted-Wald interval (¾ added to promoters and detractors,
 * 3 to n), which stays sensible for small samples and scores near ±100.
 *
 * Example: =NPS_CI(B2:B500) or =NPS_CI(B2:B500, 0.9)
 *
 * @param {number|Array<Array<number>>} scores The 0–10 answers, e.g. B2:B500. Blank cells are skipped.
 * @param {number} [confidence] Confidence level from 0.5 to 0.999 (default 0.95).
 * @return {Array<Array<number|string>>} One row: NPS, lower, upper, n (points, -100 to 100), and a warning when n < 100.
 * @customfunction
 */
function NPS_CI(scores, confidence) {
  return Rapport.NPS_CI(scores, confidence);
}

/**
 * Change in NPS between two independent sets of answers (after minus before), as one row:
 * change in points, z statistic, two-sided p-value. A p-value below 0.05 means the change is
 * unlikely to be chance alone. With fewer than 100 answers on either side a fourth cell warns.
 *
 * Example: =NPS_DIFF(Q1!B2:B300, Q2!B2:B280)
 *
 * @param {number|Array<Array<number>>} scores_before The earlier 0–10 answers, e.g. Q1!B2:B300.
 * @param {number|Array<Array<number>>} scores_after The later 0–10 answers, e.g. Q2!B2:B280.
 * @return {Array<Array<number|string>>} One row: change (points), z, p-value, and a warning when n < 100.
 * @customfunction
 */
function NPS_DIFF(scores_before, scores_after) {
  return Rapport.NPS_DIFF(scores_before, scores_after);
}

/**
 * Promoters (9–10), passives (7–8) and detractors (0–6) with their count and share of all
 * answers, then the total. Spills a table with a header row (group, count, share); with fewer
 * than 100 answers a last row warns that the shares can move a lot by chance.
 *
 * Example: =NPS_BREAKDOWN(B2:B500)
 *
 * @param {number|Array<Array<number>>} scores The 0–10 answers, e.g. B2:B500. Blank cells are skipped.
 * @return {Array<Array<number|string>>} Table: group, count, share (0 to 1).
 * @customfunction
 */
function NPS_BREAKDOWN(scores) {
  return Rapport.NPS_BREAKDOWN(scores);
}

/**
 * Customer satisfaction (CSAT): the share of answers at or above the threshold, from 0 to 1
 * (format the cell as a percentage). On the default 1–5 scale that is answers of 4 or 5
 * ("top-2-box"). Blank cells are skipped.
 *
 * Example: =CSAT(C2:C400) or =CSAT(C2:C400, 7, 6)
 *
 * @param {number|Array<Array<number>>} scores The answers from 1 to scale_max, e.g. C2:C400.
 * @param {number} [scale_max] Top of the scale, a whole number (default 5).
 * @param {number} [threshold] Lowest satisfied answer (default scale_max - 1: 4 on a 1–5 scale).
 * @return {number} Share of satisfied answers, 0 to 1.
 * @customfunction
 */
function CSAT(scores, scale_max, threshold) {
  return Rapport.CSAT(scores, scale_max, threshold);
}

/**
 * Customer effort score (CES): the mean of 1–7 answers (or 1–scale_max). Blank cells are
 * skipped. Scores on different scales are not comparable.
 *
 * Example: =CES(D2:D400) or =CES(D2:D400, 5)
 *
 * @param {number|Array<Array<number>>} scores The answers from 1 to scale_max, e.g. D2:D400.
 * @param {number} [scale_max] Top of the scale, a whole number (default 7).
 * @return {number} Mean score.
 * @customfunction
 */
function CES(scores, scale_max) {
  return Rapport.CES(scores, scale_max);
}

/**
 * Customer satisfaction index (CSI) from 0 to 100: the importance-weighted mean satisfaction
 * over several factors, 100 × Σ wᵢ·(meanᵢ − scale_min)/(scale_max − scale_min) with
 * wᵢ = importanceᵢ / Σ importance. Blank ratings are skipped factor by factor.
 *
 * Example: =CSI(B2:F300, B1:F1)
 *
 * @param {Array<Array<number>>} ratings One column per factor, one row per respondent, e.g. B2:F300.
 * @param {Array<Array<number>>} importance One weight (0 or more) per factor, as a row or a column, e.g. B1:F1.
 * @param {number} [scale_min] Bottom of the rating scale (default 1).
 * @param {number} [scale_max] Top of the rating scale (default 5).
 * @return {number} CSI from 0 to 100.
 * @customfunction
 */
function CSI(ratings, importance, scale_min, scale_max) {
  return Rapport.CSI(ratings, importance, scale_min, scale_max);
}
