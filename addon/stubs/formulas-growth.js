/**
 * A conversion funnel: for each stage, how many reached it, the conversion from the stage before
 * with its confidence interval, the conversion from the first stage, how many were lost, and a
 * note on the weakest step. Give counts (one column, or stage names beside counts), or a column
 * with each client's furthest stage and the order of the stages.
 * Example: =FUNNEL(A2:B5) or =FUNNEL(D2:D900, "Lead, First purchase, Repeat, Regular")
 *
 * @param {Array<Array<string|number>>} stages_or_counts Counts per stage (a column, or names and counts side by side), or each client's furthest stage.
 * @param {string} [stage_order] The stages in order, first stage first, e.g. "Lead, First purchase, Repeat" or a range of names. Needed for a stage column.
 * @param {number} [confidence] Level of the conversion intervals, 0.5 to 0.999. Default 0.95.
 * @return {Array<Array<string|number>>} A header row (stage, reached, conversion, lower, upper, from_first, lost, note) and a row per stage.
 * @customfunction
 */
function FUNNEL(stages_or_counts, stage_order, confidence) {
  return Rapport.FUNNEL(stages_or_counts, stage_order, confidence);
}

/**
 * Returns and refunds as a share of orders and of revenue, per month (or week, quarter, year, or
 * per client with "client"), with a total row. A row is a return when its amount is negative, or
 * when it is marked TRUE in the returns column if you give one. Returns count in the period of
 * their own date.
 * Example: =RETURN_RATE(A2:A5000, B2:B5000, C2:C5000, "quarter")
 *
 * @param {Array<Array<string|number>>} customer_ids Client id of each order or return, e.g. A2:A5000.
 * @param {Array<Array<Date|string>>} dates Date of each row, same height.
 * @param {Array<Array<number>>} amounts Amount of each row; returns may be negative.
 * @param {string} [by] "month" (default), "week", "quarter", "year", or "client" for a row per client (most returned first).
 * @param {Array<Array<boolean|string>>} [returns] TRUE on rows that are returns, same height. Default: negative amounts are returns.
 * @return {Array<Array<string|number>>} A header row (period or client, orders, returns, sales, returned, return_rate_orders, return_rate_revenue), a row per group, a total row.
 * @customfunction
 */
function RETURN_RATE(customer_ids, dates, amounts, by, returns) {
  return Rapport.RETURN_RATE(customer_ids, dates, amounts, by, returns);
}

/**
 * Renewals of contracts by the month (or week, quarter, year) they were due: due, renewed, renewed
 * on time, lapsed, still open, and the renewal and on-time rates over the decided contracts, with
 * a total row. In renewed put the renewal date, TRUE/FALSE, or leave it blank while undecided: a
 * blank becomes lapsed once the end date plus the grace days has passed.
 * Example: =RENEWAL_RATE(D2:D400, E2:E400, "quarter", 14, TODAY())
 *
 * @param {Array<Array<Date|string>>} contract_ends End date of each contract, e.g. D2:D400.
 * @param {Array<Array<Date|boolean|string>>} renewed Renewal date, TRUE/FALSE, or blank while undecided; same height.
 * @param {string} [period] "month" (default), "week", "quarter" or "year".
 * @param {number} [grace_days] Days after the end date a renewal still counts as on time. Default 0.
 * @param {Date|string} [as_of] "Today" for undecided contracts, e.g. TODAY(). Default: the day the formula runs.
 * @return {Array<Array<string|number>>} A header row (period, due, renewed, on_time, lapsed, open, renewal_rate, on_time_rate), a row per period, a total row.
 * @customfunction
 */
function RENEWAL_RATE(contract_ends, renewed, period, grace_days, as_of) {
  return Rapport.RENEWAL_RATE(contract_ends, renewed, period, grace_days, as_of);
}

/**
 * Upsell by cohort (the month of each client's first purchase): clients, those who bought again in
 * a later month, those whose spend in some later month reached the first month's spend plus
 * min_increase (a dearer plan, a bigger basket), and the upsell rate over all clients and over
 * returning clients, with a total row. periods_seen says how many later months each cohort has had.
 * Example: =UPSELL_RATE(A2:A5000, B2:B5000, C2:C5000, "quarter", 20%)
 *
 * @param {Array<Array<string|number>>} customer_ids Client id of each purchase, e.g. A2:A5000.
 * @param {Array<Array<Date|string>>} dates Date of each purchase, same height.
 * @param {Array<Array<number>>} amounts Amount of each purchase, same height.
 * @param {string} [period] "month" (default), "week", "quarter" or "year": the first period and the later ones compared with it.
 * @param {number} [min_increase] How much more a later period's spend must be, e.g. 20% or 0.2. Default 10%.
 * @param {number} [window] Count only this many periods after the first one. Default: all up to the end of the data.
 * @return {Array<Array<string|number>>} A header row (cohort, clients, returned, upsold, upsell_rate, upsell_rate_returning, periods_seen), a row per cohort, a total row.
 * @customfunction
 */
function UPSELL_RATE(customer_ids, dates, amounts, period, min_increase, window) {
  return Rapport.UPSELL_RATE(customer_ids, dates, amounts, period, min_increase, window);
}

/**
 * Cross-sell by cohort (the month of each client's first purchase): clients, those who bought again
 * in a later month, those who then bought in a category they had not bought in their first month,
 * and the cross-sell rate over all clients and over returning clients, with a total row. With show
 * "categories": which categories clients crossed into, most first.
 * Example: =CROSS_SELL_RATE(A2:A5000, B2:B5000, D2:D5000) or =CROSS_SELL_RATE(A2:A5000, B2:B5000, D2:D5000, "quarter", 4, "categories")
 *
 * @param {Array<Array<string|number>>} customer_ids Client id of each purchase, e.g. A2:A5000.
 * @param {Array<Array<Date|string>>} dates Date of each purchase, same height.
 * @param {Array<Array<string>>} categories Product or category of each purchase, same height.
 * @param {string} [period] "month" (default), "week", "quarter" or "year".
 * @param {number} [window] Count only this many periods after the first one. Default: all up to the end of the data.
 * @param {string} [show] "cohorts" (default) or "categories" for a row per category crossed into.
 * @return {Array<Array<string|number>>} A header row (cohort, clients, returned, cross_sold, cross_sell_rate, cross_sell_rate_returning, periods_seen), a row per cohort, a total row; or (category, clients, share_of_cross_sold).
 * @customfunction
 */
function CROSS_SELL_RATE(customer_ids, dates, categories, period, window, show) {
  return Rapport.CROSS_SELL_RATE(customer_ids, dates, categories, period, window, show);
}
