import { type DayNumber, isoDay } from "../cells/dates";
import type { Transactions } from "../cells/transactions";
import { RapportError } from "../errors";

/**
 * Purchase histories in the form the models read: one entry per customer (or per collapsed row),
 * times in periods (weeks when the period is 7 days).
 */
export interface PurchaseSummaries {
  /** Repeat purchases: distinct purchase days after the first. */
  readonly x: Float64Array;
  /** tₓ: time from the first purchase to the last. */
  readonly tx: Float64Array;
  /** T: time from the first purchase to the end of the calibration period. */
  readonly T: Float64Array;
  readonly length: number;
}

/** PurchaseSummaries with a weight per row: customers with identical (x, tₓ, T) collapsed into one row. */
export interface WeightedPurchaseSummaries extends PurchaseSummaries {
  readonly weight: Float64Array;
}

export interface SummaryOptions {
  /** Last day of the calibration period (inclusive); default: the last day in the data. */
  calibrationEnd?: DayNumber;
  /** Length of a period in days (7 = weeks, the default). */
  periodDays?: number;
}

/**
 * The summary of customer histories (docs/models.md, "From transactions to histories"), per customer whose first purchase falls on or
 * before the calibration end. Transactions are grouped by customer and day: x counts distinct
 * purchase days after the first, tₓ and T are whole days divided by the period length, and m̄ is
 * the mean of the repeat days' totals (the first day's spend is left out). Transactions after the
 * calibration end form the holdout.
 */
export interface CustomerSummary {
  /** Customer ids in order of first appearance in the transactions. */
  readonly ids: (string | number)[];
  readonly x: Int32Array;
  /** tₓ in days. */
  readonly recencyDays: Int32Array;
  /** T in days. */
  readonly ageDays: Int32Array;
  /** First purchase day of each customer. */
  readonly firstDay: Int32Array;
  /** m̄: mean spend per repeat purchase day (0 when x = 0); null without amounts. */
  readonly monetary: Float64Array | null;
  /** Total spend in the calibration period, first day included; null without amounts. */
  readonly revenue: Float64Array | null;
  /** Distinct purchase days after the calibration end, up to `holdoutEnd`; null without a holdout. */
  readonly holdout: Int32Array | null;
  readonly calibrationEnd: DayNumber;
  /** Last day of the data when it is after the calibration end, else null. */
  readonly holdoutEnd: DayNumber | null;
  readonly periodDays: number;
  readonly length: number;
}

/** Largest day span the collapsed-row key can hold (16 bits), about 179 years. */
const MAX_SPAN_DAYS = 65_535;

export function summarize(tx: Transactions, options: SummaryOptions = {}): CustomerSummary {
  const periodDays = options.periodDays ?? 7;
  const calibrationEnd = options.calibrationEnd ?? tx.lastDay;
  const holdoutEnd = tx.lastDay > calibrationEnd ? tx.lastDay : null;
  const nCustomers = tx.customers.length;
  const n = tx.length;

  // Transactions grouped per customer: as given when the rows already come customer by customer
  // (0, 0, 1, 1, 1, 2, …), else by a counting sort in O(n).
  const start = new Int32Array(nCustomers + 1);
  for (let i = 0; i < n; i++) {
    const c = (tx.customer[i] as number) + 1;
    start[c] = (start[c] as number) + 1;
  }
  for (let c = 0; c < nCustomers; c++) start[c + 1] = (start[c + 1] as number) + (start[c] as number);
  let grouped = true;
  for (let i = 1; i < n && grouped; i++)
    if ((tx.customer[i] as number) < (tx.customer[i - 1] as number)) grouped = false;
  let days = tx.day;
  let amounts = tx.amount;
  if (!grouped) {
    const fill = start.slice(0, nCustomers);
    days = new Int32Array(n);
    amounts = tx.amount ? new Float64Array(n) : null;
    for (let i = 0; i < n; i++) {
      const c = tx.customer[i] as number;
      const at = (fill[c] as number)++;
      days[at] = tx.day[i] as number;
      if (amounts) amounts[at] = (tx.amount as Float64Array)[i] as number;
    }
  }

  let m = 0;
  for (let c = 0; c < nCustomers; c++) {
    let first = Number.POSITIVE_INFINITY;
    for (let j = start[c] as number; j < (start[c + 1] as number); j++) first = Math.min(first, days[j] as number);
    if (first <= calibrationEnd) m++;
  }
  if (m === 0) throw new RapportError("models.noCalibrationCustomers", { date: isoDay(calibrationEnd) });

  // Usually every customer is in the calibration sample: then the id list is shared, not copied.
  const ids: (string | number)[] = m === nCustomers ? tx.customers : new Array(m);
  const x = new Int32Array(m);
  const recencyDays = new Int32Array(m);
  const ageDays = new Int32Array(m);
  const firstDay = new Int32Array(m);
  const monetary = amounts ? new Float64Array(m) : null;
  const revenue = amounts ? new Float64Array(m) : null;
  const holdout = holdoutEnd === null ? null : new Int32Array(m);

  let k = 0;
  for (let c = 0; c < nCustomers; c++) {
    const from = start[c] as number;
    const to = start[c + 1] as number;
    let segment = days.subarray(from, to);
    let sorted = true;
    for (let j = 1; j < segment.length; j++) {
      if ((segment[j] as number) < (segment[j - 1] as number)) {
        sorted = false;
        break;
      }
    }
    // Amounts need no order: m̄ = (calibration spend − first-day spend) / x.
    let first = segment[0] as number;
    if (!sorted) {
      for (let j = 1; j < segment.length; j++) first = Math.min(first, segment[j] as number);
    }
    if (first > calibrationEnd) continue;
    if (amounts) {
      let total = 0;
      let firstSpend = 0;
      for (let j = from; j < to; j++) {
        const d = days[j] as number;
        if (d > calibrationEnd) continue;
        const a = amounts[j] as number;
        total += a;
        if (d === first) firstSpend += a;
      }
      (revenue as Float64Array)[k] = total;
      (monetary as Float64Array)[k] = total - firstSpend; // divided by x below
    }
    // A copy: the caller's transactions keep their order (and their days stay paired with amounts).
    if (!sorted) segment = segment.slice().sort();
    let distinct = 0;
    let last = first;
    let later = 0;
    let previous = Number.NaN;
    for (let j = 0; j < segment.length; j++) {
      const d = segment[j] as number;
      if (d === previous) continue;
      previous = d;
      if (d <= calibrationEnd) {
        distinct++;
        last = d;
      } else if (holdoutEnd !== null && d <= holdoutEnd) later++;
    }
    const span = calibrationEnd - first;
    if (span > MAX_SPAN_DAYS) throw new RapportError("models.spanTooLong", { days: span });
    if (m !== nCustomers) ids[k] = tx.customers[c] as string | number;
    x[k] = distinct - 1;
    recencyDays[k] = last - first;
    ageDays[k] = span;
    firstDay[k] = first;
    if (monetary) monetary[k] = distinct > 1 ? (monetary[k] as number) / (distinct - 1) : 0;
    if (holdout) holdout[k] = later;
    k++;
  }
  return {
    ids,
    x,
    recencyDays,
    ageDays,
    firstDay,
    monetary,
    revenue,
    holdout,
    calibrationEnd,
    holdoutEnd,
    periodDays,
    length: m,
  };
}

/** Per-customer histories in periods. */
export function histories(summary: CustomerSummary): PurchaseSummaries {
  const n = summary.length;
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  const p = summary.periodDays;
  for (let i = 0; i < n; i++) {
    x[i] = summary.x[i] as number;
    tx[i] = (summary.recencyDays[i] as number) / p;
    T[i] = (summary.ageDays[i] as number) / p;
  }
  return { x, tx, T, length: n };
}

/** Customers collapsed into weighted rows, with the row of each customer. */
export interface Collapsed {
  readonly rows: WeightedPurchaseSummaries;
  /** For each customer (summary order), the index of its row. */
  readonly rowOf: Int32Array;
}

/**
 * Collapses customers with identical (x, tₓ, T) into weighted rows: the likelihood and the
 * predictions then cost one evaluation per distinct history. The key packs the three whole-day
 * numbers into one exactly representable double (16 bits each), sorted once.
 */
export function collapseSummary(summary: CustomerSummary): Collapsed {
  const n = summary.length;
  const keys = new Float64Array(n);
  const W = 65_536;
  for (let i = 0; i < n; i++) {
    keys[i] = ((summary.x[i] as number) * W + (summary.recencyDays[i] as number)) * W + (summary.ageDays[i] as number);
  }
  const unique = keys.slice().sort();
  let rows = 0;
  for (let i = 0; i < n; i++) if (i === 0 || unique[i] !== unique[i - 1]) unique[rows++] = unique[i] as number;
  const keyOf = unique.subarray(0, rows);
  const x = new Float64Array(rows);
  const tx = new Float64Array(rows);
  const T = new Float64Array(rows);
  const weight = new Float64Array(rows);
  const p = summary.periodDays;
  for (let r = 0; r < rows; r++) {
    const key = keyOf[r] as number;
    const ageDays = key % W;
    const rest = (key - ageDays) / W;
    const recency = rest % W;
    x[r] = (rest - recency) / W;
    tx[r] = recency / p;
    T[r] = ageDays / p;
  }
  const rowOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const key = keys[i] as number;
    let lo = 0;
    let hi = rows - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((keyOf[mid] as number) < key) lo = mid + 1;
      else hi = mid;
    }
    rowOf[i] = lo;
    weight[lo] = (weight[lo] as number) + 1;
  }
  return { rows: { x, tx, T, weight, length: rows }, rowOf };
}

/**
 * Collapses arbitrary histories (times need not be whole days) into weighted rows. Slower than
 * `collapseSummary` (string keys); for simulated or pre-summarised data.
 */
export function collapseHistories(h: PurchaseSummaries): Collapsed {
  const index = new Map<string, number>();
  const rowOf = new Int32Array(h.length);
  const x: number[] = [];
  const tx: number[] = [];
  const T: number[] = [];
  const weight: number[] = [];
  for (let i = 0; i < h.length; i++) {
    const key = `${h.x[i]},${h.tx[i]},${h.T[i]}`;
    let r = index.get(key);
    if (r === undefined) {
      r = x.length;
      index.set(key, r);
      x.push(h.x[i] as number);
      tx.push(h.tx[i] as number);
      T.push(h.T[i] as number);
      weight.push(0);
    }
    weight[r] = (weight[r] as number) + 1;
    rowOf[i] = r;
  }
  return {
    rows: {
      x: Float64Array.from(x),
      tx: Float64Array.from(tx),
      T: Float64Array.from(T),
      weight: Float64Array.from(weight),
      length: x.length,
    },
    rowOf,
  };
}

/** PurchaseSummaries with weight 1 per row. */
export function unweighted(h: PurchaseSummaries): WeightedPurchaseSummaries {
  return { ...h, weight: new Float64Array(h.length).fill(1) };
}
