import { RapportError } from "../errors";
import { numberOrPercent } from "./arguments";
import type { Where } from "./grid";
import { type Cell, cellNumber, displayValue } from "./values";

/**
 * Readers of the quantities the customer-base formulas take cell by cell (counts of customers,
 * amounts of money, fractions), each with its own message; `where` names the cell inside a range
 * (empty for single values).
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
