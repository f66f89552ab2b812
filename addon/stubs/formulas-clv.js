/**
 * Fits a probabilistic customer-base model (BG/NBD, MBG/NBD or Pareto/NBD) to a transaction list
 * by maximum likelihood, and with amounts the Gamma-Gamma spend model. Returns two columns, name
 * and value: model, the model's parameters (r, alpha, a, b; or r, alpha, s, beta for pareto),
 * log_likelihood, customers, converged, with amounts p, q, gamma and
 * spend_frequency_correlation (the spend model assumes it is near 0), and note: why the fit
 * cannot be used (a parameter ran off), blank when it can.
 * Example: =CLV_FIT(A2:A9000, B2:B9000, C2:C9000, DATE(2024,6,30), 7, "bgnbd")
 *
 * @param {Array<Array<string|number>>} customer_ids Customer id of each transaction, e.g. A2:A9000.
 * @param {Array<Array<Date|string>>} dates Date of each transaction (date cells, or text such as 2024-03-01), same height.
 * @param {Array<Array<number>>} [amounts] Amount of each transaction, same height; adds the spend model. Leave out or "" to skip.
 * @param {Date|string} [calibration_end] Last day to fit on; later transactions are ignored. Default: the last date.
 * @param {number} [period_days] Length of a period in days: 7 (weeks, default), 1 (days), 30 …
 * @param {string} [model] "bgnbd" (default), "mbgnbd" or "pareto".
 * @return {Array<Array<string|number|boolean>>} Name/value rows of the fitted models.
 * @customfunction
 */
function CLV_FIT(customer_ids, dates, amounts, calibration_end, period_days, model) {
  return Rapport.CLV_FIT(customer_ids, dates, amounts, calibration_end, period_days, model);
}

/**
 * Predicts each customer's future from their purchase history: probability of still being
 * active, expected purchases and spend over the horizon, and the discounted customer lifetime
 * value. Returns a header row, then per customer: customer, frequency (repeat purchases),
 * recency and T (in periods), p_alive, expected_purchases, expected_spend, clv; with purchases
 * = n, also p_n_purchases: the probability of exactly n purchases over the horizon.
 * Example: =CLV_PREDICT(A2:A9000, B2:B9000, C2:C9000, 12, 0.01)
 *
 * @param {Array<Array<string|number>>} customer_ids Customer id of each transaction, e.g. A2:A9000.
 * @param {Array<Array<Date|string>>} dates Date of each transaction, same height.
 * @param {Array<Array<number>>} amounts Amount of each transaction, same height.
 * @param {number} [horizon_months] Months to predict (default 12); a part month is fine: 39 weeks = 39*7*12/365.
 * @param {number} [monthly_discount] Discount rate per month, e.g. 0.01 for 1 % (default 0.01).
 * @param {Date|string} [calibration_end] Predict from this day on, using transactions up to it. Default: the last date.
 * @param {number} [period_days] Length of a period in days (default 7: weeks).
 * @param {string} [model] "bgnbd" (default), "mbgnbd" or "pareto".
 * @param {number} [purchases] A whole number n (0 to 1000): adds P(exactly n purchases over the horizon).
 * @return {Array<Array<string|number>>} A header row and one row per customer.
 * @customfunction
 */
function CLV_PREDICT(
  customer_ids,
  dates,
  amounts,
  horizon_months,
  monthly_discount,
  calibration_end,
  period_days,
  model,
  purchases,
) {
  return Rapport.CLV_PREDICT(
    customer_ids,
    dates,
    amounts,
    horizon_months,
    monthly_discount,
    calibration_end,
    period_days,
    model,
    purchases,
  );
}

/**
 * Checks whether the model fits your business: fits on transactions up to calibration_end and
 * compares the repeat purchases it predicts after that date with those that happened, by the
 * number of repeat purchases in the calibration period (0, 1, … 7+), with a total row.
 * Example: =CLV_VALIDATE(A2:A9000, B2:B9000, DATE(2024,3,31))
 *
 * @param {Array<Array<string|number>>} customer_ids Customer id of each transaction, e.g. A2:A9000.
 * @param {Array<Array<Date|string>>} dates Date of each transaction, same height.
 * @param {Date|string} calibration_end Last day of the calibration period; the rest of the data is the holdout.
 * @param {number} [period_days] Length of a period in days (default 7: weeks).
 * @param {string} [model] "bgnbd" (default), "mbgnbd" or "pareto".
 * @return {Array<Array<string|number>>} A header row, rows 0 … 7+ and a total row: customers, actual and predicted repeat purchases.
 * @customfunction
 */
function CLV_VALIDATE(customer_ids, dates, calibration_end, period_days, model) {
  return Rapport.CLV_VALIDATE(customer_ids, dates, calibration_end, period_days, model);
}
