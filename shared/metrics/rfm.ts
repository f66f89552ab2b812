import type { DayNumber } from "../cells/dates";
import type { Transactions } from "../cells/transactions";
import type { Cell } from "../cells/values";
import { RapportError } from "../errors";
import { customerIdRanks } from "./customerOrder";
import { customerHistories } from "./histories";
import { compensatedSum } from "./sums";

/**
 * RFM segmentation (DESIGN.md §3). Per customer, as of a date:
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

/** The DESIGN.md segment of an R and F score (1–5 each). */
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
 * Quintile scores 1–5 of `values` (higher value → higher score), ties ordered by `tieRank`
 * (lower → lower score): rank i of n gets ⌊5i/n⌋ + 1.
 */
export function quintileScores(values: ArrayLike<number>, tieRank: ArrayLike<number>): Uint8Array {
  const n = values.length;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort(
    (a, b) => (values[a] as number) - (values[b] as number) || (tieRank[a] as number) - (tieRank[b] as number),
  );
  const scores = new Uint8Array(n);
  for (let i = 0; i < n; i++) scores[order[i] as number] = Math.floor((5 * i) / n) + 1;
  return scores;
}

/**
 * RFM of every customer with at least one purchase on or before `asOfDay` (default: the last date
 * in the data); later rows are left out, so an earlier date gives the RFM as it stood then.
 */
export function rfm(tx: Transactions, asOfDay: DayNumber = tx.lastDay): RfmResult {
  if (!tx.amount) throw new Error("rfm: amounts are required");
  const h = customerHistories(tx, asOfDay);
  if (h.length === 0) throw new RapportError("tx.nothingBeforeAsOf", { arg: "as_of_date" });
  const ids: (string | number)[] = [];
  const recency: number[] = [];
  const frequency: number[] = [];
  const monetary: number[] = [];
  const customers = h.customers.length;
  const amount = h.amount as Float64Array;
  for (let c = 0; c < customers; c++) {
    const from = h.start[c] as number;
    const to = h.start[c + 1] as number;
    if (from === to) continue;
    const spend = compensatedSum(amount, from, to);
    ids.push(h.customers[c] as string | number);
    recency.push(asOfDay - (h.day[to - 1] as number));
    frequency.push(to - from);
    monetary.push(spend);
  }
  const idRank = customerIdRanks(ids);
  // Recency is reversed: fewer days is better, so score the negated value.
  const r = quintileScores(
    recency.map((v) => -v),
    idRank,
  );
  const f = quintileScores(frequency, idRank);
  const m = quintileScores(monetary, idRank);
  const order = new Int32Array(ids.length);
  const score = new Int32Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    order[i] = i;
    score[i] = (r[i] as number) * 100 + (f[i] as number) * 10 + (m[i] as number);
  }
  order.sort(
    (a, b) =>
      (score[b] as number) - (score[a] as number) ||
      (monetary[b] as number) - (monetary[a] as number) ||
      (idRank[a] as number) - (idRank[b] as number),
  );
  const rows: RfmRow[] = new Array(ids.length);
  for (let k = 0; k < ids.length; k++) {
    const i = order[k] as number;
    rows[k] = {
      customer: ids[i] as string | number,
      recencyDays: recency[i] as number,
      frequency: frequency[i] as number,
      monetary: monetary[i] as number,
      r: r[i] as number,
      f: f[i] as number,
      m: m[i] as number,
      score: score[i] as number,
      segment: rfmSegment(r[i] as number, f[i] as number),
    };
  }
  return { rows, asOfDay };
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

export function rfmCells(result: RfmResult): Cell[][] {
  const out: Cell[][] = new Array(result.rows.length + 1);
  out[0] = [...RFM_HEADER];
  for (let k = 0; k < result.rows.length; k++) {
    const row = result.rows[k] as RfmRow;
    out[k + 1] = [
      row.customer,
      row.recencyDays,
      row.frequency,
      row.monetary,
      row.r,
      row.f,
      row.m,
      row.score,
      row.segment,
    ];
  }
  return out;
}
