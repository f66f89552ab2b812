import { isoDay } from "../cells/dates";
import { RapportError } from "../errors";
import { expectedPurchases, type PurchaseModel } from "./purchaseModel";
import type { Collapsed, CustomerSummary } from "./summary";

/** Calibration frequencies shown one by one; the last row gathers this many and more ("7+"). */
export const VALIDATION_TOP = 7;

export interface ValidationRow {
  /** Repeat purchases in the calibration period: 0 … 6, or 7 for "7 and more". */
  readonly frequency: number;
  /** True for the last, open-ended row. */
  readonly orMore: boolean;
  readonly customers: number;
  /** Repeat purchase days in the holdout, summed over the row's customers. */
  readonly actual: number;
  /** The model's E[Y(t*) | x, tₓ, T], summed over the same customers. */
  readonly predicted: number;
}

export interface ValidationTable {
  /** Holdout length in periods (t*). */
  readonly holdoutPeriods: number;
  readonly rows: readonly ValidationRow[];
  readonly total: ValidationRow;
}

/**
 * Calibration/holdout check (Fader, Hardie & Lee 2005, fig. 4): for customers grouped by their
 * calibration repeat purchases, the holdout repeat purchases the model expects against those
 * that happened. The holdout runs from the day after the calibration end to the last day of data.
 */
export function validateHoldout(
  model: PurchaseModel,
  params: ArrayLike<number>,
  summary: CustomerSummary,
  collapsed: Collapsed,
): ValidationTable {
  if (summary.holdoutEnd === null || summary.holdout === null) {
    throw new RapportError("models.noHoldout", {
      date: isoDay(summary.calibrationEnd),
      last: isoDay(summary.calibrationEnd),
    });
  }
  const t = (summary.holdoutEnd - summary.calibrationEnd) / summary.periodDays;
  const rows = collapsed.rows;
  const perRow = new Float64Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    perRow[r] = expectedPurchases(model, params, t, rows.x[r] as number, rows.tx[r] as number, rows.T[r] as number);
  }
  const customers = new Float64Array(VALIDATION_TOP + 1);
  const actual = new Float64Array(VALIDATION_TOP + 1);
  const predicted = new Float64Array(VALIDATION_TOP + 1);
  for (let i = 0; i < summary.length; i++) {
    const k = Math.min(summary.x[i] as number, VALIDATION_TOP);
    customers[k] = (customers[k] as number) + 1;
    actual[k] = (actual[k] as number) + (summary.holdout[i] as number);
    predicted[k] = (predicted[k] as number) + (perRow[collapsed.rowOf[i] as number] as number);
  }
  const out: ValidationRow[] = [];
  let tc = 0;
  let ta = 0;
  let tp = 0;
  for (let k = 0; k <= VALIDATION_TOP; k++) {
    out.push({
      frequency: k,
      orMore: k === VALIDATION_TOP,
      customers: customers[k] as number,
      actual: actual[k] as number,
      predicted: predicted[k] as number,
    });
    tc += customers[k] as number;
    ta += actual[k] as number;
    tp += predicted[k] as number;
  }
  return {
    holdoutPeriods: t,
    rows: out,
    total: { frequency: -1, orMore: false, customers: tc, actual: ta, predicted: tp },
  };
}
