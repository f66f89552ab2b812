import { numberOrPercent } from "../cells/arguments";
import type { CustomerIds } from "../cells/columns";
import type { Where } from "../cells/grid";
import { type Cell, cellNumber, displayValue } from "../cells/values";
import { RapportError } from "../errors";

/**
 * Customer-base metrics from counts and money amounts (DESIGN.md §3): churn and retention rates,
 * CAC and a simple CLV. Inputs are validated here so that every surface (formulas, dashboard)
 * gives the same message; `where` names the cell inside a range (empty for single values).
 */

const NOWHERE: Where = "";

/** A number of customers: a whole number, 0 or more. */
export function readCount(cell: Cell, arg: string, where: Where = NOWHERE): number {
  const value = cellNumber(cell);
  if (value === null) throw new RapportError("value.notNumber", { arg, where, value: displayValue(cell) });
  return checkCount(value, arg, where);
}

export function checkCount(value: number, arg: string, where: Where = NOWHERE): number {
  if (value < 0) throw new RapportError("value.negativeCount", { arg, where, value });
  if (!Number.isInteger(value)) throw new RapportError("value.notWholeCount", { arg, where, value });
  return value;
}

/** An amount of money or a rate per year: a number, 0 or more. */
export function readNonNegative(cell: Cell, arg: string, where: Where = NOWHERE): number {
  const value = cellNumber(cell);
  if (value === null) throw new RapportError("value.notNumber", { arg, where, value: displayValue(cell) });
  if (value < 0) throw new RapportError("value.negative", { arg, where, value });
  return value;
}

/** A fraction from 0 to 1; "30%" reads as 0.3, and 30 gets a hint to write 0.3. */
export function readFraction(cell: Cell, arg: string, where: Where = NOWHERE): number {
  const value = numberOrPercent(cell);
  if (value === null) throw new RapportError("value.notNumber", { arg, where, value: displayValue(cell) });
  if (value < 0 || value > 1) throw new RapportError("value.notFraction", { arg, where, value });
  return value;
}

/** Churn rate = customers lost during the period / customers at its start (0…1). */
export function churnRate(customersAtStart: number, customersLost: number, where: Where = NOWHERE): number {
  checkCount(customersAtStart, "customers_at_start", where);
  checkCount(customersLost, "customers_lost", where);
  if (customersAtStart === 0) throw new RapportError("rate.noCustomersAtStart", { where });
  if (customersLost > customersAtStart) {
    throw new RapportError("churn.lostOverStart", { where, lost: customersLost, start: customersAtStart });
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
  if (customersAtStart === 0) throw new RapportError("rate.noCustomersAtStart", { where });
  if (newCustomers > customersAtEnd) {
    throw new RapportError("retention.newOverEnd", { where, new: newCustomers, end: customersAtEnd });
  }
  const kept = customersAtEnd - newCustomers;
  if (kept > customersAtStart) {
    throw new RapportError("retention.keptOverStart", { where, kept, start: customersAtStart });
  }
  return kept / customersAtStart;
}

/** Customer acquisition cost = acquisition spend / new customers. */
export function cac(acquisitionSpend: number, newCustomers: number, where: Where = NOWHERE): number {
  if (acquisitionSpend < 0) {
    throw new RapportError("value.negative", { arg: "acquisition_spend", where, value: acquisitionSpend });
  }
  checkCount(newCustomers, "new_customers", where);
  if (newCustomers === 0) throw new RapportError("cac.noNewCustomers", { where });
  return acquisitionSpend / newCustomers;
}

export interface ClvInput {
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
export function clv(input: ClvInput, where: Where = NOWHERE): number {
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
