import type { Transactions } from "../cells/transactions";
import type { Cell } from "../cells/values";
import { RapportError } from "../errors";
import { customerHistories } from "./histories";
import { type Period, periodIndex, periodLabel, periodLookup } from "./periods";

/**
 * Cohort retention (docs/formulas.md): a customer's cohort is the period of their first purchase;
 * cell k of a cohort is the share of its customers with at least one purchase in period
 * cohort + k. Cell 0 is 1 by construction. Cells past the last period in the data are null
 * (blank in a sheet): they are not observed yet, which is not the same as 0. Periods without
 * any first purchase have no row.
 */
/** A cohort table is periods × periods: beyond this it is unreadable and too wide for a sheet. */
export const MAX_COHORT_PERIODS = 1000;

export interface CohortRow {
  readonly cohort: string;
  readonly size: number;
  /** retention[k] for k = 0 … (last period − cohort); shorter for later cohorts. */
  readonly retention: number[];
  /** Customers active in each of those periods. */
  readonly active: number[];
}

export interface CohortTable {
  readonly period: Period;
  readonly rows: CohortRow[];
  /** Number of period columns (0 … periods − 1). */
  readonly periods: number;
}

export function cohortRetention(tx: Transactions, period: Period = "month"): CohortTable {
  const h = customerHistories(tx);
  const first = periodIndex(h.firstDay, period);
  const periods = periodIndex(h.lastDay, period) - first + 1;
  if (periods > MAX_COHORT_PERIODS) {
    throw new RapportError("cohort.tooManyPeriods", { periods, max: MAX_COHORT_PERIODS, period });
  }
  const periodOf = periodLookup(h.firstDay, h.lastDay, period, h.length);
  // active[cohort·periods + k]: customers of that cohort active k periods later.
  const active = new Int32Array(periods * periods);
  const customers = h.customers.length;
  for (let c = 0; c < customers; c++) {
    const from = h.start[c] as number;
    const to = h.start[c + 1] as number;
    if (from === to) continue;
    const cohort = periodOf(h.day[from] as number) - first;
    let previous = -1;
    // Days are ascending, so each distinct period is seen once in a row.
    for (let k = from; k < to; k++) {
      const p = periodOf(h.day[k] as number) - first;
      if (p !== previous) {
        (active[cohort * periods + (p - cohort)] as number)++;
        previous = p;
      }
    }
  }
  const rows: CohortRow[] = [];
  for (let cohort = 0; cohort < periods; cohort++) {
    const size = active[cohort * periods] as number;
    if (size === 0) continue;
    const observed = periods - cohort;
    const counts: number[] = new Array(observed);
    const retention: number[] = new Array(observed);
    for (let k = 0; k < observed; k++) {
      const count = active[cohort * periods + k] as number;
      counts[k] = count;
      retention[k] = count / size;
    }
    rows.push({ cohort: periodLabel(first + cohort, period), size, retention, active: counts });
  }
  return { period, rows, periods };
}

/** Header (cohort, size, 0, 1, 2, …), then one row per cohort; cells past the data's end blank. */
export function cohortCells(table: CohortTable): Cell[][] {
  const header: Cell[] = ["cohort", "size"];
  for (let k = 0; k < table.periods; k++) header.push(k);
  const out: Cell[][] = [header];
  for (const row of table.rows) {
    const cells: Cell[] = [row.cohort, row.size];
    for (let k = 0; k < table.periods; k++) cells.push(k < row.retention.length ? (row.retention[k] as number) : "");
    out.push(cells);
  }
  return out;
}
