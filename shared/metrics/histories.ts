import type { DayNumber } from "../cells/dates";
import type { Transactions } from "../cells/transactions";

/**
 * Transactions regrouped by customer, each customer's rows in date order: what RFM, ABC/XYZ,
 * cohorts, churn and stages all walk through. Built with two stable counting sorts (by day, then
 * by customer): O(rows + days + customers), no comparison sort and no per-row objects.
 */
export interface Histories {
  /** Customer ids as the sheet had them (same indexes as `Transactions.customers`). */
  readonly customers: readonly (string | number)[];
  /** Customer c's rows are `start[c]` … `start[c + 1] − 1` of `day` and `amount`. */
  readonly start: Int32Array;
  /** Day of each row, ascending within a customer. */
  readonly day: Int32Array;
  readonly amount: Float64Array | null;
  /** Rows kept (those on or before `untilDay`). */
  readonly length: number;
  /** First and last day of the kept rows. */
  readonly firstDay: DayNumber;
  readonly lastDay: DayNumber;
}

/**
 * Groups transactions by customer, keeping only rows on or before `untilDay` (an as-of date).
 * Customers whose every row is later keep an empty history, so indexes stay those of `tx`.
 */
export function customerHistories(tx: Transactions, untilDay: DayNumber = tx.lastDay): Histories {
  const customerCount = tx.customers.length;
  const base = tx.firstDay;
  const span = Math.max(0, Math.min(untilDay, tx.lastDay) - base + 1);

  // Pass 1: counting sort of the kept rows by day.
  const dayCounts = new Int32Array(span + 1);
  let kept = 0;
  let lastDay = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < tx.length; i++) {
    const d = (tx.day[i] as number) - base;
    if (d < span) {
      (dayCounts[d + 1] as number)++;
      kept++;
    }
  }
  for (let d = 0; d < span; d++) dayCounts[d + 1] = (dayCounts[d + 1] as number) + (dayCounts[d] as number);
  const byDay = new Int32Array(kept);
  for (let i = 0; i < tx.length; i++) {
    const d = (tx.day[i] as number) - base;
    if (d < span) byDay[(dayCounts[d] as number)++] = i;
  }

  // Pass 2: stable counting sort of those rows by customer.
  const start = new Int32Array(customerCount + 1);
  for (let k = 0; k < kept; k++) (start[(tx.customer[byDay[k] as number] as number) + 1] as number)++;
  for (let c = 0; c < customerCount; c++) start[c + 1] = (start[c + 1] as number) + (start[c] as number);
  const next = start.slice(0, customerCount);
  const day = new Int32Array(kept);
  const amount = tx.amount ? new Float64Array(kept) : null;
  for (let k = 0; k < kept; k++) {
    const i = byDay[k] as number;
    const slot = (next[tx.customer[i] as number] as number)++;
    const d = tx.day[i] as number;
    day[slot] = d;
    if (amount) amount[slot] = (tx.amount as Float64Array)[i] as number;
    if (d > lastDay) lastDay = d;
  }
  return {
    customers: tx.customers,
    start,
    day,
    amount,
    length: kept,
    firstDay: kept ? base : Number.POSITIVE_INFINITY,
    lastDay,
  };
}

/**
 * Gaps in days between each customer's consecutive distinct purchase days, sorted ascending:
 * the "typical gap" defaults of CHURN_TABLE and CLIENT_STAGE are percentiles of these.
 */
export function purchaseGaps(h: Histories): Int32Array {
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
export function typicalGapDays(h: Histories): number | null {
  const gaps = purchaseGaps(h);
  return gaps.length ? nearestRank(gaps, TYPICAL_GAP_PERCENTILE) : null;
}
