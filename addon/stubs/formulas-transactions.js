/**
 * Repeat rate: the share of customers with two or more orders, from 0 to 1. Each non-blank row
 * of customer_ids is one order.
 *
 * Example: =REPEAT_RATE(Transactions!A2:A5000)
 *
 * @param {Array<Array<string|number>>} customer_ids Customer id of each order, one order per row.
 * @return {number} Repeat rate, 0 to 1.
 * @customfunction
 */
function REPEAT_RATE(customer_ids) {
  return Rapport.REPEAT_RATE(customer_ids);
}

/**
 * Purchase frequency: orders per customer (non-blank rows divided by distinct customer ids).
 *
 * Example: =PURCHASE_FREQUENCY(Transactions!A2:A5000)
 *
 * @param {Array<Array<string|number>>} customer_ids Customer id of each order, one order per row.
 * @return {number} Orders per customer.
 * @customfunction
 */
function PURCHASE_FREQUENCY(customer_ids) {
  return Rapport.PURCHASE_FREQUENCY(customer_ids);
}

/**
 * Churn by period from a transaction list: period, customers at start, new, lost, customers at
 * end, churn rate, retention rate. A customer counts as lost once inactive_days pass without a
 * purchase. By default inactive_days is the 90th percentile of the gaps between a customer's
 * purchases in the data (a last row then says which value was used).
 *
 * Example: =CHURN_TABLE(A2:A5000, B2:B5000, "month", 90)
 *
 * @param {Array<Array<string|number>>} customer_ids Customer id of each transaction, e.g. A2:A5000.
 * @param {Array<Array<Date|string>>} dates Date of each transaction (same height), e.g. B2:B5000.
 * @param {string} [period] "week", "month", "quarter" (default) or "year".
 * @param {number} [inactive_days] Days without a purchase after which a customer is lost (default: from the data).
 * @return {Array<Array<string|number>>} Table with a header row, one row per period.
 * @customfunction
 */
function CHURN_TABLE(customer_ids, dates, period, inactive_days) {
  return Rapport.CHURN_TABLE(customer_ids, dates, period, inactive_days);
}

/**
 * RFM segmentation: one row per customer with recency (days since the last purchase), frequency
 * (orders), monetary (total spend), their 1–5 quintile scores, the RFM score (e.g. 545) and the
 * segment (Champions, Loyal, At Risk, …). Best customers first. Under five customers a note row
 * says the quintile scores mean little.
 *
 * Example: =RFM(A2:A5000, B2:B5000, C2:C5000) or =RFM(A2:A5000, B2:B5000, C2:C5000, DATE(2024, 6, 30))
 *
 * @param {Array<Array<string|number>>} customer_ids Customer id of each transaction, e.g. A2:A5000.
 * @param {Array<Array<Date|string>>} dates Date of each transaction (same height), e.g. B2:B5000.
 * @param {Array<Array<number>>} amounts Amount of each transaction (same height), e.g. C2:C5000.
 * @param {Date|string} [as_of_date] Date recency is measured at (default: the last date in the data); later transactions are left out.
 * @return {Array<Array<string|number>>} Table: customer, recency_days, frequency, monetary, r_score, f_score, m_score, rfm_score, segment.
 * @customfunction
 */
function RFM(customer_ids, dates, amounts, as_of_date) {
  return Rapport.RFM(customer_ids, dates, amounts, as_of_date);
}

/**
 * ABC/XYZ key-client analysis: one row per client with revenue, share, cumulative share, ABC class
 * (A = the top clients making up a_share of revenue, B up to b_share, C the rest), the coefficient
 * of variation of monthly revenue, XYZ class (X ≤ x_cv, Y ≤ y_cv, Z above) and the combined class
 * such as AX. Largest clients first.
 *
 * Example: =ABC_XYZ(A2:A5000, B2:B5000, C2:C5000)
 *
 * @param {Array<Array<string|number>>} customer_ids Customer id of each transaction, e.g. A2:A5000.
 * @param {Array<Array<Date|string>>} dates Date of each transaction (same height), e.g. B2:B5000.
 * @param {Array<Array<number>>} amounts Amount of each transaction (same height), e.g. C2:C5000.
 * @param {number} [a_share] Cumulative revenue share of class A (default 0.8).
 * @param {number} [b_share] Cumulative revenue share of classes A and B (default 0.95).
 * @param {number} [x_cv] Highest coefficient of variation of class X (default 0.1).
 * @param {number} [y_cv] Highest coefficient of variation of class Y (default 0.25).
 * @return {Array<Array<string|number>>} Table: customer, revenue, share, cumulative_share, abc, cv, xyz, class.
 * @customfunction
 */
function ABC_XYZ(customer_ids, dates, amounts, a_share, b_share, x_cv, y_cv) {
  return Rapport.ABC_XYZ(customer_ids, dates, amounts, a_share, b_share, x_cv, y_cv);
}

/**
 * Cohort retention: one row per cohort (customers by the period of their first purchase) with
 * its size and, for each period since, the share of its customers who bought in that period
 * (period 0 is 1). Cells after the end of the data are blank.
 *
 * Example: =COHORT_RETENTION(A2:A5000, B2:B5000, "month")
 *
 * @param {Array<Array<string|number>>} customer_ids Customer id of each transaction, e.g. A2:A5000.
 * @param {Array<Array<Date|string>>} dates Date of each transaction (same height), e.g. B2:B5000.
 * @param {string} [period] "week", "month" (default), "quarter" or "year".
 * @return {Array<Array<string|number>>} Table: cohort, size, 0, 1, 2, … (shares 0 to 1).
 * @customfunction
 */
function COHORT_RETENTION(customer_ids, dates, period) {
  return Rapport.COHORT_RETENTION(customer_ids, dates, period);
}

/**
 * Kaplan–Meier survival table of customer lifetimes: time, number at risk, churn events,
 * survival (share still active), its confidence band and standard error, and in the first row the
 * median lifetime with its confidence limits. Customers not churned yet are counted as censored
 * at their duration.
 *
 * Example: =SURVIVAL(D2:D900, E2:E900) or =SURVIVAL(D2:D900, E2:E900, 0.9, "plain")
 *
 * @param {Array<Array<number>>} durations Lifetime of each customer so far, e.g. in days or months (0 or more).
 * @param {Array<Array<boolean|number|string>>} churned Whether the customer churned: TRUE/FALSE, 1/0 or yes/no (same height).
 * @param {number} [confidence] Confidence level of the band, 0.5 to 0.999 (default 0.95).
 * @param {string} [band] Band type as in R's survfit: "log-log" (default), "log" or "plain".
 * @return {Array<Array<number|string>>} Table: time, at_risk, events, survival, lower, upper, std_err, median, median_lower, median_upper.
 * @customfunction
 */
function SURVIVAL(durations, churned, confidence, band) {
  return Rapport.SURVIVAL(durations, churned, confidence, band);
}

/**
 * Relationship stage of each client, in the order of client_ids, so it sits as a column beside
 * the client list: awareness (no purchase yet), exploration (one order), expansion (two or more),
 * commitment (commitment_orders or more over at least commitment_days), dissolution (no purchase
 * for more than lapsed_days).
 *
 * Example: =CLIENT_STAGE(Clients!A2:A300, Transactions!A2:A5000, Transactions!B2:B5000)
 *
 * @param {Array<Array<string|number>>} client_ids The client list, e.g. Clients!A2:A300.
 * @param {Array<Array<string|number>>} customer_ids Customer id of each transaction.
 * @param {Array<Array<Date|string>>} dates Date of each transaction (same height).
 * @param {Date|string} [as_of_date] Date the stages are computed at (default: the last date in the data).
 * @param {number} [lapsed_days] Days without a purchase after which a client is in dissolution (default: 90th percentile of gaps between purchases).
 * @param {number} [commitment_orders] Orders needed for commitment (default 4).
 * @param {number} [commitment_days] Days since the first purchase needed for commitment (default 365).
 * @return {Array<Array<string>>} One stage per client.
 * @customfunction
 */
function CLIENT_STAGE(client_ids, customer_ids, dates, as_of_date, lapsed_days, commitment_orders, commitment_days) {
  return Rapport.CLIENT_STAGE(
    client_ids,
    customer_ids,
    dates,
    as_of_date,
    lapsed_days,
    commitment_orders,
    commitment_days,
  );
}
