/**
 * Churn rate for a period: customers lost during it divided by customers at its start, from 0
 * to 1 (format as a percentage). Give single values or ranges of the same size to get one rate
 * per row, e.g. one per month.
 *
 * Example: =CHURN_RATE(B2:B13, C2:C13)
 *
 * @param {number|Array<Array<number>>} customers_at_start Customers at the start of the period (whole number, more than 0).
 * @param {number|Array<Array<number>>} customers_lost Customers lost during the period (0 to customers_at_start).
 * @return {number|Array<Array<number>>} Churn rate, 0 to 1.
 * @customfunction
 */
function CHURN_RATE(customers_at_start, customers_lost) {
  return Rapport.CHURN_RATE(customers_at_start, customers_lost);
}

/**
 * Customer retention rate (CRR) = (customers at end − new customers) / customers at start, from
 * 0 to 1. Works on single values or row by row over ranges of the same size.
 *
 * Example: =RETENTION_RATE(B2, C2, D2) or =RETENTION_RATE(B2:B13, C2:C13, D2:D13)
 *
 * @param {number|Array<Array<number>>} customers_at_start Customers at the start of the period.
 * @param {number|Array<Array<number>>} customers_at_end Customers at the end of the period.
 * @param {number|Array<Array<number>>} new_customers Customers acquired during the period.
 * @return {number|Array<Array<number>>} Retention rate, 0 to 1.
 * @customfunction
 */
function RETENTION_RATE(customers_at_start, customers_at_end, new_customers) {
  return Rapport.RETENTION_RATE(customers_at_start, customers_at_end, new_customers);
}

/**
 * Customer acquisition cost: acquisition spend divided by the number of new customers. Works on
 * single values or row by row over ranges of the same size.
 *
 * Example: =CAC(B2, C2)
 *
 * @param {number|Array<Array<number>>} acquisition_spend Marketing and sales spend on acquisition (0 or more).
 * @param {number|Array<Array<number>>} new_customers Customers acquired with it (whole number, more than 0).
 * @return {number|Array<Array<number>>} Cost per new customer.
 * @customfunction
 */
function CAC(acquisition_spend, new_customers) {
  return Rapport.CAC(acquisition_spend, new_customers);
}

/**
 * Simple customer lifetime value: average order value × purchases per year × margin, summed over
 * the expected lifetime in years, each year discounted at its end by the annual discount rate
 * (a part year counts pro rata). With no discounting: AOV × purchases per year × margin × years.
 *
 * Example: =CLV(45, 4, 3, 0.3, 0.1)
 *
 * @param {number|Array<Array<number>>} avg_order_value Average order value (0 or more).
 * @param {number|Array<Array<number>>} purchases_per_year Purchases per customer per year (0 or more).
 * @param {number|Array<Array<number>>} expected_years Expected lifetime in years (0 or more).
 * @param {number|Array<Array<number>>} [margin] Gross margin as a fraction, e.g. 0.3 or 30% (default 1: revenue CLV).
 * @param {number|Array<Array<number>>} [annual_discount_rate] Discount rate per year, e.g. 0.1 or 10% (default 0).
 * @return {number|Array<Array<number>>} Lifetime value per customer.
 * @customfunction
 */
function CLV(avg_order_value, purchases_per_year, expected_years, margin, annual_discount_rate) {
  return Rapport.CLV(avg_order_value, purchases_per_year, expected_years, margin, annual_discount_rate);
}
