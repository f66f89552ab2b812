import type { DayNumber } from "../cells/dates";
import type { Transactions } from "../cells/transactions";

/**
 * Transactions regrouped by customer, each customer's rows in date order: what RFM, ABC/XYZ,
 * cohorts, churn and stages all walk through. A stable counting sort by customer, then a sort of
 * each customer's few rows by day (usually already in order): O(rows + customers) for typical
 * data, and sequential memory access when the sheet is grouped by customer, as exports often are.
 */
export interface CustomerHistories {
  /** Customer ids as the sheet had them (same indexes as `Transactions.customers`). */
  readonly customers: readonly (string | number)[];
  /** Customer c's rows are `start[c]` … `start[c + 1] − 1` of `day` and `amount`. */
  readonly start: Int32Array;
  /** Day of each row, ascending within a customer (rows of one day keep the sheet's order). */
  readonly day: Int32Array;
  readonly amount: Float64Array | null;
  /** Index into the transactions of each row (to look up columns the histories do not carry). */
  readonly index: Int32Array;
  /** Rows kept (those on or before `untilDay`). */
  readonly length: number;
  /** First and last day of the kept rows. */
  readonly firstDay: DayNumber;
  readonly lastDay: DayNumber;
}

/** Sorts `rows[from … to − 1]` (row indexes) by day, ties by row index: insertion sort for short runs. */
function sortRunByDay(rows: Int32Array, from: number, to: number, day: Int32Array): void {
  let sorted = true;
  for (let k = from + 1; k < to && sorted; k++)
    if ((day[rows[k] as number] as number) < (day[rows[k - 1] as number] as number)) sorted = false;
  if (sorted) return;
  if (to - from <= 32) {
    for (let k = from + 1; k < to; k++) {
      const row = rows[k] as number;
      const d = day[row] as number;
      let j = k - 1;
      while (j >= from && (day[rows[j] as number] as number) > d) {
        rows[j + 1] = rows[j] as number;
        j--;
      }
      rows[j + 1] = row;
    }
    return;
  }
  rows.subarray(from, to).sort((a, b) => (day[a] as number) - (day[b] as number) || a - b);
}

/**
 * Groups transactions by customer, keeping only rows on or before `untilDay` (an as-of date).
 * Customers whose every row is later keep an empty history, so indexes stay those of `tx`.
 */
export function customerHistories(tx: Transactions, untilDay: DayNumber = tx.lastDay): CustomerHistories {
  const customerCount = tx.customers.length;
  const start = new Int32Array(customerCount + 1);
  let kept = 0;
  let firstDay = Number.POSITIVE_INFINITY;
  let lastDay = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < tx.length; i++) {
    const d = tx.day[i] as number;
    if (d > untilDay) continue;
    (start[(tx.customer[i] as number) + 1] as number)++;
    kept++;
    if (d < firstDay) firstDay = d;
    if (d > lastDay) lastDay = d;
  }
  for (let c = 0; c < customerCount; c++) start[c + 1] = (start[c + 1] as number) + (start[c] as number);
  const next = start.slice(0, customerCount);
  const rows = new Int32Array(kept);
  for (let i = 0; i < tx.length; i++) {
    if ((tx.day[i] as number) > untilDay) continue;
    rows[(next[tx.customer[i] as number] as number)++] = i;
  }
  for (let c = 0; c < customerCount; c++) sortRunByDay(rows, start[c] as number, start[c + 1] as number, tx.day);
  const day = new Int32Array(kept);
  const amount = tx.amount ? new Float64Array(kept) : null;
  for (let k = 0; k < kept; k++) {
    const i = rows[k] as number;
    day[k] = tx.day[i] as number;
    if (amount) amount[k] = (tx.amount as Float64Array)[i] as number;
  }
  return { customers: tx.customers, start, day, amount, index: rows, length: kept, firstDay, lastDay };
}

/**
 * Gaps in days between each customer's consecutive distinct purchase days, sorted ascending:
 * the "typical gap" defaults of CHURN_TABLE and CLIENT_STAGE are percentiles of these.
 */
export function purchaseGaps(h: CustomerHistories): Int32Array {
  let count = 0;
  const customers = h.customers.length;
  for (let c = 0; c < customers; c++) {
    for (let k = (h.start[c] as number) + 1; k < (h.start[c + 1] as number); k++) {
      if ((h.day[k] as number) !== (h.day[k - 1] as number)) count++;
    }
  }
  const gaps = new Int32Array(count);
  let g = 0;
  for (let c = 0; c < customers; c++) {
    for (let k = (h.start[c] as number) + 1; k < (h.start[c + 1] as number); k++) {
      const gap = (h.day[k] as number) - (h.day[k - 1] as number);
      if (gap !== 0) gaps[g++] = gap;
    }
  }
  return gaps.sort();
}

/** Nearest-rank percentile of sorted values: the smallest value with at least `q` of them at or below it. */
export function nearestRank(sorted: ArrayLike<number>, q: number): number {
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1] as number;
}

/** 9 in 10 repeat purchases come within this many days: the default inactivity threshold. */
export const TYPICAL_GAP_PERCENTILE = 0.9;

/**
 * The default inactivity threshold: the 90th percentile (nearest rank) of the gaps between a
 * customer's consecutive purchase days, over all customers. Null when nobody bought on two
 * different days.
 */
export function typicalGapDays(h: CustomerHistories): number | null {
  const gaps = purchaseGaps(h);
  return gaps.length ? nearestRank(gaps, TYPICAL_GAP_PERCENTILE) : null;
}
