/**
 * A/B test of conversion: compares how many of each group converted (bought, renewed, answered)
 * with a two-proportion z test. Returns a header row and one row: difference (rate B minus rate
 * A), lower and upper bounds of its confidence interval (Newcombe's score interval), z, p_value,
 * and a verdict in words. Group B is the changed version.
 * Example: =AB_TEST(48, 1000, 67, 1000)
 *
 * @param {number} successes_a Conversions in group A (the current version), e.g. 48.
 * @param {number} trials_a Clients (or visits, emails) in group A, e.g. 1000.
 * @param {number} successes_b Conversions in group B (the changed version).
 * @param {number} trials_b Clients (or visits, emails) in group B.
 * @param {number} [confidence] Confidence level from 0.5 to 0.999 (default 0.95).
 * @return {Array<Array<number|string>>} A header row and one row: difference, lower, upper, z, p_value, verdict.
 * @customfunction
 */
function AB_TEST(successes_a, trials_a, successes_b, trials_b, confidence) {
  return Rapport.AB_TEST(successes_a, trials_a, successes_b, trials_b, confidence);
}

/**
 * A/B test of a mean (revenue per client, order value, CSAT score): Welch's t test, which does not
 * assume the groups vary alike. Returns a header row and one row: difference (mean B minus mean
 * A), lower and upper bounds of its confidence interval, t, df (Welch's degrees of freedom),
 * p_value, and a verdict in words. Blank cells are skipped.
 * Example: =AB_TEST_MEANS(B2:B200, C2:C200)
 *
 * @param {Array<Array<number>>} values_a The values of group A (the current version), e.g. B2:B200.
 * @param {Array<Array<number>>} values_b The values of group B (the changed version).
 * @param {number} [confidence] Confidence level from 0.5 to 0.999 (default 0.95).
 * @return {Array<Array<number|string>>} A header row and one row: difference, lower, upper, t, df, p_value, verdict.
 * @customfunction
 */
function AB_TEST_MEANS(values_a, values_b, confidence) {
  return Rapport.AB_TEST_MEANS(values_a, values_b, confidence);
}

/**
 * Clients needed in each group of an A/B test to detect a given relative lift of a conversion
 * rate (two-sided two-proportion test). A lift of 20% from a 5% baseline means detecting 5% → 6%.
 * Example: =AB_SAMPLE_SIZE(5%, 20%) gives 8158 per group.
 *
 * @param {number} baseline_rate The current conversion rate, e.g. 5% or 0.05.
 * @param {number} min_detectable_lift The smallest relative change worth detecting, e.g. 20% (or -20% for a drop).
 * @param {number} [power] Chance of detecting such a lift, 0.5 to 0.999 (default 0.8).
 * @param {number} [confidence] Confidence level from 0.5 to 0.999 (default 0.95).
 * @return {number} Clients per group.
 * @customfunction
 */
function AB_SAMPLE_SIZE(baseline_rate, min_detectable_lift, power, confidence) {
  return Rapport.AB_SAMPLE_SIZE(baseline_rate, min_detectable_lift, power, confidence);
}
