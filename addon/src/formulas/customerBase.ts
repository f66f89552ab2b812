import { mapGrid } from "../../../shared/cells/grid";
import { readCount, readFraction, readNonNegative } from "../../../shared/cells/quantities";
import type { Cell, Range } from "../../../shared/cells/values";
import { cac, churnRate, clv, retentionRate } from "../../../shared/metrics/customerBase";
import { formula } from "./formula";

/*
 * Customer-base formulas from counts. Each works on single values or cell by cell over ranges of
 * the same size (a single value repeats), so =CHURN_RATE(B2:B13, C2:C13) gives a column of
 * monthly rates. JSDoc for Sheets' autocomplete is in addon/stubs/formulas-customers.js.
 */

type Result = number | Cell[][];

/** CHURN_RATE(customers_at_start, customers_lost): lost / start, 0…1. */
export function CHURN_RATE(customersAtStart: Range, customersLost: Range): Result {
  return formula("CHURN_RATE", ["customers_at_start", "customers_lost"], () =>
    mapGrid(
      [
        { name: "customers_at_start", value: customersAtStart },
        { name: "customers_lost", value: customersLost },
      ],
      ([start, lost], where) =>
        churnRate(
          readCount(start as Cell, "customers_at_start", where),
          readCount(lost as Cell, "customers_lost", where),
          where,
        ),
    ),
  );
}

/** RETENTION_RATE(customers_at_start, customers_at_end, new_customers): (E − N)/S, 0…1. */
export function RETENTION_RATE(customersAtStart: Range, customersAtEnd: Range, newCustomers: Range): Result {
  return formula("RETENTION_RATE", ["customers_at_start", "customers_at_end", "new_customers"], () =>
    mapGrid(
      [
        { name: "customers_at_start", value: customersAtStart },
        { name: "customers_at_end", value: customersAtEnd },
        { name: "new_customers", value: newCustomers },
      ],
      ([start, end, added], where) =>
        retentionRate(
          readCount(start as Cell, "customers_at_start", where),
          readCount(end as Cell, "customers_at_end", where),
          readCount(added as Cell, "new_customers", where),
          where,
        ),
    ),
  );
}

/** CAC(acquisition_spend, new_customers): spend per new customer. */
export function CAC(acquisitionSpend: Range, newCustomers: Range): Result {
  return formula("CAC", ["acquisition_spend", "new_customers"], () =>
    mapGrid(
      [
        { name: "acquisition_spend", value: acquisitionSpend },
        { name: "new_customers", value: newCustomers },
      ],
      ([spend, added], where) =>
        cac(
          readNonNegative(spend as Cell, "acquisition_spend", where),
          readCount(added as Cell, "new_customers", where),
          where,
        ),
    ),
  );
}

/** CLV(avg_order_value, purchases_per_year, expected_years, [margin], [annual_discount_rate]). */
export function CLV(
  avgOrderValue: Range,
  purchasesPerYear: Range,
  expectedYears: Range,
  margin?: Range,
  annualDiscountRate?: Range,
): Result {
  return formula(
    "CLV",
    ["avg_order_value", "purchases_per_year", "expected_years", "margin", "annual_discount_rate"],
    () =>
      mapGrid(
        [
          { name: "avg_order_value", value: avgOrderValue },
          { name: "purchases_per_year", value: purchasesPerYear },
          { name: "expected_years", value: expectedYears },
          { name: "margin", value: margin, optional: true },
          { name: "annual_discount_rate", value: annualDiscountRate, optional: true },
        ],
        ([aov, perYear, years, m, rate], where) =>
          clv(
            {
              avgOrderValue: readNonNegative(aov as Cell, "avg_order_value", where),
              purchasesPerYear: readNonNegative(perYear as Cell, "purchases_per_year", where),
              expectedYears: readNonNegative(years as Cell, "expected_years", where),
              margin: m === undefined ? 1 : readFraction(m, "margin", where),
              annualDiscountRate: rate === undefined ? 0 : readFraction(rate, "annual_discount_rate", where),
            },
            where,
          ),
      ),
  );
}
