import type { CustomerIds } from "../cells/columns";
import type { Where } from "../cells/grid";
import { checkCount } from "../cells/quantities";
import { RapportError } from "../errors";

/**
 * Customer-base metrics from counts and money amounts: churn and retention rates, CAC and a simple
 * CLV. Inputs are validated here so that every surface (formulas, dashboard) gives the same
 * message; `where` names the cell inside a range (empty for single values), `arg` the argument it
 * belongs to (a formula names that cell in the sheet from it, even where the text does not show it).
 */

const NOWHERE: Where = "";

/** Churn rate = customers lost during the period / customers at its start (0…1). */
export function churnRate(customersAtStart: number, customersLost: number, where: Where = NOWHERE): number {
  checkCount(customersAtStart, "customers_at_start", where);
  checkCount(customersLost, "customers_lost", where);
  if (customersAtStart === 0) throw new RapportError("rate.noCustomersAtStart", { arg: "customers_at_start", where });
  if (customersLost > customersAtStart) {
    throw new RapportError("churn.lostOverStart", {
      arg: "customers_lost",
      where,
      lost: customersLost,
      start: customersAtStart,
    });
  }
  return customersLost / customersAtStart;
}

/**
 * Customer retention rate (CRR) = (E − N)/S: customers at the end of the period minus the new
 * ones acquired during it, over customers at its start (0…1).
 */
export function retentionRate(
  customersAtStart: number,
  customersAtEnd: number,
  newCustomers: number,
  where: Where = NOWHERE,
): number {
  checkCount(customersAtStart, "customers_at_start", where);
  checkCount(customersAtEnd, "customers_at_end", where);
  checkCount(newCustomers, "new_customers", where);
  if (customersAtStart === 0) throw new RapportError("rate.noCustomersAtStart", { arg: "customers_at_start", where });
  if (newCustomers > customersAtEnd) {
    throw new RapportError("retention.newOverEnd", {
      arg: "new_customers",
      where,
      new: newCustomers,
      end: customersAtEnd,
    });
  }
  const kept = customersAtEnd - newCustomers;
  if (kept > customersAtStart) {
    throw new RapportError("retention.keptOverStart", {
      arg: "customers_at_end",
      where,
      kept,
      start: customersAtStart,
    });
  }
  return kept / customersAtStart;
}

/** Customer acquisition cost = acquisition spend / new customers. */
export function cac(acquisitionSpend: number, newCustomers: number, where: Where = NOWHERE): number {
  if (acquisitionSpend < 0) {
    throw new RapportError("value.negative", { arg: "acquisition_spend", where, value: acquisitionSpend });
  }
  checkCount(newCustomers, "new_customers", where);
  if (newCustomers === 0) throw new RapportError("cac.noNewCustomers", { arg: "new_customers", where });
  return acquisitionSpend / newCustomers;
}

export interface SimpleClvInput {
  readonly avgOrderValue: number;
  readonly purchasesPerYear: number;
  /** Expected lifetime in years; a fraction of a year counts pro rata. */
  readonly expectedYears: number;
  /** Gross margin as a fraction (1 = revenue CLV). */
  readonly margin?: number;
  /** Annual discount rate as a fraction (0 = no discounting). */
  readonly annualDiscountRate?: number;
}

/**
 * Simple CLV = average order value × purchases per year × margin, summed over the expected
 * lifetime with each year's value discounted at the end of that year:
 * Σₜ₌₁..⌊Y⌋ v/(1+d)ᵗ + (Y − ⌊Y⌋)·v/(1+d)^(⌊Y⌋+1), v = AOV·f·m. With d = 0 this is AOV·f·m·Y.
 */
export function clv(input: SimpleClvInput, where: Where = NOWHERE): number {
  const margin = input.margin ?? 1;
  const rate = input.annualDiscountRate ?? 0;
  const checks: [string, number][] = [
    ["avg_order_value", input.avgOrderValue],
    ["purchases_per_year", input.purchasesPerYear],
    ["expected_years", input.expectedYears],
  ];
  for (const [arg, value] of checks) {
    if (value < 0) throw new RapportError("value.negative", { arg, where, value });
  }
  if (margin < 0 || margin > 1) throw new RapportError("value.notFraction", { arg: "margin", where, value: margin });
  if (rate < 0 || rate > 1) {
    throw new RapportError("value.notFraction", { arg: "annual_discount_rate", where, value: rate });
  }
  const perYear = input.avgOrderValue * input.purchasesPerYear * margin;
  const whole = Math.floor(input.expectedYears);
  const part = input.expectedYears - whole;
  if (rate === 0) return perYear * input.expectedYears;
  // Closed form of the geometric sum Σₜ₌₁..W (1+d)^−t = (1 − (1+d)^−W)/d, written with expm1 and
  // log1p so that it stays exact for tiny rates (no 0/0) and needs no loop however long the life.
  const logGrowth = Math.log1p(rate);
  const total = (perYear * -Math.expm1(-whole * logGrowth)) / rate;
  return total + part * perYear * Math.exp(-(whole + 1) * logGrowth);
}

/** Repeat rate = customers with two or more orders / customers (0…1); orders are rows. */
export function repeatRate(ids: CustomerIds): number {
  let repeat = 0;
  for (let c = 0; c < ids.orders.length; c++) if ((ids.orders[c] as number) >= 2) repeat++;
  return repeat / ids.customers.length;
}

/** Purchase frequency = orders / customers (orders are rows, customers distinct ids). */
export function purchaseFrequency(ids: CustomerIds): number {
  return ids.length / ids.customers.length;
}
