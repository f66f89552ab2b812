/**
 * What comments say: the words and two-word phrases that set detractors' comments apart from
 * promoters' (or low ratings' from high ones), in English and Russian, with word forms merged
 * ("доставка", "доставки", "доставкой"). Per theme: comments containing it on each side, their
 * shares, the log odds, z and the shortest example. Only themes significant at p < 0.05 and in at
 * least min_count comments are listed; a note says when fewer than 100 comments are compared.
 * Example: =COMMENT_THEMES(F2:F900, E2:E900) or =COMMENT_THEMES(F2:F900, E2:E900, 10, 3, 10, A2:A900, "quarter")
 *
 * @param {Array<Array<string>>} comments The comments, one per answer, e.g. F2:F900.
 * @param {Array<Array<number>>} scores Each answer's score, same height: NPS 0–10 by default.
 * @param {number} [scale_max] 10 (default) for NPS (detractors 0–6 against promoters 9–10); 5 or 7 for a rating scale from 1 (bottom two against top two).
 * @param {number} [min_count] Comments a theme must appear in. Default 3.
 * @param {number} [top] Themes per side and period. Default 10.
 * @param {Array<Array<Date|string>>} [dates] The answers' dates, same height: themes per period.
 * @param {string} [period] With dates: "month" (default), "week", "quarter" or "year".
 * @return {Array<Array<string|number>>} A header row (period, theme, side, negative_comments, positive_comments, share_negative, share_positive, log_odds, z, example) and a row per theme.
 * @customfunction
 */
function COMMENT_THEMES(comments, scores, scale_max, min_count, top, dates, period) {
  return Rapport.COMMENT_THEMES(comments, scores, scale_max, min_count, top, dates, period);
}
