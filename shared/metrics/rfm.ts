import type { DayNumber } from "../cells/dates";
import type { Transactions } from "../cells/transactions";
import type { Cell } from "../cells/values";
import { RapportError } from "../errors";
import { customersById, orderAscending, orderByKey, valueRanks } from "./customerOrder";
import { customerHistories } from "./histories";
import { compensatedSum, moneyKey } from "./sums";

/**
 * RFM segmentation (docs/segments.md). Per customer, as of a date:
 *   recency_days  days from the last purchase to the as-of date (0 = bought that day)
 *   frequency     number of orders (transaction rows)
 *   monetary      total spend (sum of amounts)
 * Each is scored 1–5 by quintile of the customers, recency reversed (most recent → 5). Ties are
 * broken by rank so the five groups stay balanced (sizes differ by at most one): customers with
 * equal values are ordered by customer id, the smaller id getting the lower score, so the result
 * does not depend on row order. Segments come from R and F (a partition of all 25 cells).
 */

export type RfmSegment =
  | "Champions"
  | "Loyal"
  | "Potential Loyalists"
  | "New"
  | "Promising"
  | "Need Attention"
  | "About to Sleep"
  | "At Risk"
  | "Can't Lose"
  | "Hibernating";

/** Every segment, best first: the stable English identifiers sidebars translate for display. */
export const RFM_SEGMENTS: readonly RfmSegment[] = [
  "Champions",
  "Loyal",
  "Potential Loyalists",
  "New",
  "Promising",
  "Need Attention",
  "About to Sleep",
  "At Risk",
  "Can't Lose",
  "Hibernating",
];

/** The named segment of an R and F score (1–5 each), as docs/segments.md tables them. */
export function rfmSegment(r: number, f: number): RfmSegment {
  if (r === 5) return f >= 4 ? "Champions" : f >= 2 ? "Potential Loyalists" : "New";
  if (r === 4) return f >= 4 ? "Loyal" : f >= 2 ? "Potential Loyalists" : "Promising";
  if (r === 3) return f >= 4 ? "Loyal" : f === 3 ? "Need Attention" : "About to Sleep";
  return f === 5 ? "Can't Lose" : f >= 3 ? "At Risk" : "Hibernating";
}

export interface RfmRow {
  readonly customer: string | number;
  readonly recencyDays: number;
  readonly frequency: number;
  readonly monetary: number;
  readonly r: number;
  readonly f: number;
  readonly m: number;
  /** R·100 + F·10 + M, e.g. 545. */
  readonly score: number;
  readonly segment: RfmSegment;
}

export interface RfmResult {
  /** Best first: by RFM score, then monetary (both descending), then customer id. */
  readonly rows: RfmRow[];
  readonly asOfDay: DayNumber;
}

/**
 * The same figures in columns, for large inputs (no object per customer): entry i of every
 * column is customer `customers[i]`; `order` lists the entries best first.
 */
export interface RfmTable {
  readonly asOfDay: DayNumber;
  /** Customers with a purchase on or before the as-of date. */
  readonly customers: (string | number)[];
  readonly recencyDays: Int32Array;
  readonly frequency: Int32Array;
  readonly monetary: Float64Array;
  readonly r: Uint8Array;
  readonly f: Uint8Array;
  readonly m: Uint8Array;
  readonly score: Int32Array;
  /** Entries best first: by RFM score, then monetary (both descending), then customer id. */
  readonly order: Int32Array;
}

/** Scores 1–5 from an order of customers, worst first: position i of n gets ⌊5i/n⌋ + 1. */
function scoresOfOrder(order: Int32Array): Uint8Array {
  const n = order.length;
  const scores = new Uint8Array(n);
  for (let i = 0; i < n; i++) scores[order[i] as number] = Math.floor((5 * i) / n) + 1;
  return scores;
}

/**
 * Quintile scores 1–5 of `values` (higher value → higher score), ties in id order (`byId`, from
 * customersById): the smaller id gets the lower score.
 */
export function quintileScores(values: ArrayLike<number>, byId: Int32Array): Uint8Array {
  return scoresOfOrder(orderAscending(values, byId));
}

/**
 * RFM of every customer with at least one purchase on or before `asOfDay` (default: the last date
 * in the data); later rows are left out, so an earlier date gives the RFM as it stood then.
 */
export function rfmTable(tx: Transactions, asOfDay: DayNumber = tx.lastDay): RfmTable {
  if (!tx.amount) throw new Error("rfm: amounts are required");
  const h = customerHistories(tx, asOfDay);
  if (h.length === 0) throw new RapportError("tx.nothingBeforeAsOf", { arg: "as_of_date" });
  const all = h.customers.length;
  let n = 0;
  for (let c = 0; c < all; c++) if ((h.start[c + 1] as number) > (h.start[c] as number)) n++;
  const ids: (string | number)[] = new Array(n);
  const recency = new Int32Array(n);
  const frequency = new Int32Array(n);
  const monetary = new Float64Array(n);
  const amount = h.amount as Float64Array;
  let maxRecency = 0;
  let maxFrequency = 0;
  let i = 0;
  for (let c = 0; c < all; c++) {
    const from = h.start[c] as number;
    const to = h.start[c + 1] as number;
    if (from === to) continue;
    ids[i] = h.customers[c] as string | number;
    recency[i] = asOfDay - (h.day[to - 1] as number);
    frequency[i] = to - from;
    monetary[i] = compensatedSum(amount, from, to);
    if (!Number.isFinite(monetary[i] as number)) throw new RapportError("result.notFinite", { where: "" });
    if ((recency[i] as number) > maxRecency) maxRecency = recency[i] as number;
    if (to - from > maxFrequency) maxFrequency = to - from;
    i++;
  }
  const byId = customersById(ids);
  // Whole-number keys, larger = better: recency reversed (fewer days scores higher).
  const recencyKey = new Int32Array(n);
  const frequencyKey = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    recencyKey[k] = maxRecency - (recency[k] as number);
    frequencyKey[k] = (frequency[k] as number) - 1;
  }
  // Ranked by their amounts to the cent: equal totals tie, as a person reads them.
  const money = valueRanks(monetary.map(moneyKey));
  const r = scoresOfOrder(orderByKey(recencyKey, maxRecency, byId));
  const f = scoresOfOrder(orderByKey(frequencyKey, maxFrequency - 1, byId));
  const m = scoresOfOrder(orderByKey(money.below, n, byId));
  const score = new Int32Array(n);
  const fromBest = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    score[k] = (r[k] as number) * 100 + (f[k] as number) * 10 + (m[k] as number);
    fromBest[k] = 555 - (score[k] as number);
  }
  // Best first: by score, then by spend (both descending), then by id.
  const order = orderByKey(fromBest, 444, orderByKey(money.above, n, byId));
  return { asOfDay, customers: ids, recencyDays: recency, frequency, monetary, r, f, m, score, order };
}

/** The table as one plain object per customer, best first (for sidebars and the Worker). */
export function rfmRows(table: RfmTable): RfmRow[] {
  const rows: RfmRow[] = new Array(table.order.length);
  for (let k = 0; k < rows.length; k++) {
    const c = table.order[k] as number;
    const r = table.r[c] as number;
    const f = table.f[c] as number;
    rows[k] = {
      customer: table.customers[c] as string | number,
      recencyDays: table.recencyDays[c] as number,
      frequency: table.frequency[c] as number,
      monetary: table.monetary[c] as number,
      r,
      f,
      m: table.m[c] as number,
      score: table.score[c] as number,
      segment: rfmSegment(r, f),
    };
  }
  return rows;
}

/** RFM of every customer as rows, best first (see rfmTable). */
export function rfm(tx: Transactions, asOfDay: DayNumber = tx.lastDay): RfmResult {
  const table = rfmTable(tx, asOfDay);
  return { rows: rfmRows(table), asOfDay: table.asOfDay };
}

export const RFM_HEADER = [
  "customer",
  "recency_days",
  "frequency",
  "monetary",
  "r_score",
  "f_score",
  "m_score",
  "rfm_score",
  "segment",
] as const;

/** The spilled table: header, then one row per customer, best first. */
export function rfmCells(table: RfmTable): Cell[][] {
  const n = table.order.length;
  const out: Cell[][] = new Array(n + 1);
  out[0] = [...RFM_HEADER];
  for (let k = 0; k < n; k++) {
    const c = table.order[k] as number;
    const r = table.r[c] as number;
    const f = table.f[c] as number;
    out[k + 1] = [
      table.customers[c] as string | number,
      table.recencyDays[c] as number,
      table.frequency[c] as number,
      table.monetary[c] as number,
      r,
      f,
      table.m[c] as number,
      table.score[c] as number,
      rfmSegment(r, f),
    ];
  }
  return out;
}
