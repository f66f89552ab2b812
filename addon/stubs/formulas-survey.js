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
