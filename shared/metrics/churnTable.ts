import type { DayNumber } from "../cells/dates";
import type { Transactions } from "../cells/transactions";
import type { Cell } from "../cells/values";
import { RapportError } from "../errors";
import { customerHistories, typicalGapDays } from "./histories";
import { type Period, periodIndex, periodLabel, periodStart } from "./periods";

/**
 * Churn by period from a transaction list, for businesses without a cancel event (docs/formulas.md):
 * a customer is active from a purchase until `inactiveDays` days pass without another one, and
 * is lost on that day. Each period compares who was active at its start with who is active at
 * its end:
 *
 *   customers_at_start  active at the end of the day before the period
 *   customers_at_end    active at the end of its last day (the last period ends on the last date
 *                       in the data, as later days are not observed)
 *   new                 not active at the start, active at the end: first purchases and lapsed
 *                       customers who came back
 *   lost                active at the start, not active at the end
 *   churn_rate          lost / customers_at_start; retention_rate (E − N)/S = 1 − churn_rate;
 *                       both blank when no customer was active at the start
 *
 * so E = S + new − lost in every row. A customer who arrives and lapses inside one period counts
 * in neither column; pick `inactiveDays` longer than the period to avoid that.
 */
export interface ChurnRow {
  readonly period: string;
  /** First day of the period. */
  readonly startDay: DayNumber;
  readonly atStart: number;
  readonly newCustomers: number;
  readonly lost: number;
  readonly atEnd: number;
  /** lost / atStart, or null when atStart is 0. */
  readonly churnRate: number | null;
  /** (atEnd − new) / atStart, or null when atStart is 0. */
  readonly retentionRate: number | null;
}

export interface ChurnTable {
  readonly rows: ChurnRow[];
  readonly period: Period;
  readonly inactiveDays: number;
  /** True when `inactiveDays` was derived from the data (not given). */
  readonly derived: boolean;
}

export interface ChurnOptions {
  readonly period?: Period;
  /** Days without a purchase after which a customer counts as lost; default: typicalGapDays. */
  readonly inactiveDays?: number;
}

function lowerBound(values: ArrayLike<number>, target: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] as number) < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function churnTable(tx: Transactions, options: ChurnOptions = {}): ChurnTable {
  const period = options.period ?? "quarter";
  const h = customerHistories(tx);
  let inactiveDays = options.inactiveDays;
  const derived = inactiveDays === undefined;
  if (inactiveDays === undefined) {
    const typical = typicalGapDays(h);
    if (typical === null) throw new RapportError("churn.noRepeatPurchases", {});
    inactiveDays = typical;
  }
  if (!(inactiveDays >= 1))
    throw new RapportError("arg.tooSmall", { arg: "inactive_days", value: inactiveDays, min: 1 });

  const first = periodIndex(h.firstDay, period);
  const last = periodIndex(h.lastDay, period);
  const periods = last - first + 1;
  // Boundary b is the end of day checkpoint[b]: the day before each period starts, then the last day.
  const checkpoint = new Int32Array(periods + 1);
  for (let k = 0; k < periods; k++) checkpoint[k] = periodStart(first + k, period) - 1;
  checkpoint[periods] = h.lastDay;
  const newIn = new Int32Array(periods);
  const lostIn = new Int32Array(periods);
  // Active customers per boundary, as a difference array: +1 where a run starts covering, −1 after.
  const activeAt = new Int32Array(periods + 2);

  // Each customer is active on runs of days [from, until): a purchase keeps them active through
  // day + inactiveDays − 1. A run covers boundaries lowerBound(from) … lowerBound(until) − 1.
  // Runs that cover touching boundary ranges are merged: a customer who lapses and returns between
  // two checkpoints was active at both, so in that period they are neither lost nor new.
  let spanFrom = -1;
  let spanTo = -1;
  const flush = () => {
    if (spanTo <= spanFrom) return;
    (newIn[spanFrom - 1] as number)++; // spanFrom ≥ 1: boundary 0 lies before every purchase
    if (spanTo <= periods) (lostIn[spanTo - 1] as number)++;
    (activeAt[spanFrom] as number)++;
    (activeAt[spanTo] as number)--;
  };
  const addRun = (from: number, until: number) => {
    const b0 = lowerBound(checkpoint, from);
    const b1 = lowerBound(checkpoint, until);
    if (b1 <= b0) return;
    if (b0 <= spanTo) {
      spanTo = b1;
      return;
    }
    flush();
    spanFrom = b0;
    spanTo = b1;
  };
  const customers = h.customers.length;
  for (let c = 0; c < customers; c++) {
    const end = h.start[c + 1] as number;
    let k = h.start[c] as number;
    if (k === end) continue;
    spanFrom = -1;
    spanTo = -1;
    let from = h.day[k] as number;
    let until = from + inactiveDays;
    for (k++; k < end; k++) {
      const d = h.day[k] as number;
      if (d > until) {
        addRun(from, until);
        from = d;
      }
      until = d + inactiveDays;
    }
    addRun(from, until);
    flush();
  }

  for (let b = 1; b <= periods; b++) activeAt[b] = (activeAt[b] as number) + (activeAt[b - 1] as number);
  const rows: ChurnRow[] = [];
  for (let k = 0; k < periods; k++) {
    const atStart = activeAt[k] as number;
    const lost = lostIn[k] as number;
    const newCustomers = newIn[k] as number;
    const atEnd = activeAt[k + 1] as number;
    rows.push({
      period: periodLabel(first + k, period),
      startDay: periodStart(first + k, period),
      atStart,
      newCustomers,
      lost,
      atEnd,
      churnRate: atStart ? lost / atStart : null,
      retentionRate: atStart ? (atEnd - newCustomers) / atStart : null,
    });
  }
  return { rows, period, inactiveDays, derived };
}

export const CHURN_TABLE_HEADER = [
  "period",
  "customers_at_start",
  "new",
  "lost",
  "customers_at_end",
  "churn_rate",
  "retention_rate",
] as const;

/** The table a formula spills: header, then one row per period; undefined rates are blank. */
export function churnTableCells(table: ChurnTable): Cell[][] {
  const out: Cell[][] = [[...CHURN_TABLE_HEADER]];
  for (const r of table.rows) {
    out.push([r.period, r.atStart, r.newCustomers, r.lost, r.atEnd, r.churnRate ?? "", r.retentionRate ?? ""]);
  }
  return out;
}
