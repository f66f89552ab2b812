import type { Transactions } from "../cells/transactions";
import type { Cell } from "../cells/values";
import { RapportError } from "../errors";
import { customersById, orderDescending } from "./customerOrder";
import { customerHistories } from "./histories";
import { periodLookup } from "./periods";
import { compensatedSum } from "./sums";

/**
 * ABC/XYZ classification of clients (DESIGN.md §3).
 *
 * ABC by revenue: clients sorted by revenue, largest first; A are the clients that together make
 * the first `aShare` of total revenue, including the one whose revenue crosses that line; B the
 * following ones up to `bShare`; C the rest. (In symbols: with S the revenue of the clients
 * before this one, A when S < aShare·total, B when S < bShare·total, else C.)
 *
 * XYZ by regularity: coefficient of variation (population standard deviation / mean) of the
 * client's revenue per calendar month, over the months from the client's first purchase month to
 * the last month in the data, inclusive, months without purchases counting as 0. X when
 * CV ≤ xCv, Y when CV ≤ yCv, Z above. A client observed for a single month, or with a mean
 * monthly revenue of 0 or less, has no CV: XYZ is blank and the class is the ABC letter alone.
 */

export type Abc = "A" | "B" | "C";
export type Xyz = "X" | "Y" | "Z";

export interface AbcXyzOptions {
  readonly aShare?: number;
  readonly bShare?: number;
  readonly xCv?: number;
  readonly yCv?: number;
}

export interface AbcXyzRow {
  readonly customer: string | number;
  readonly revenue: number;
  /** revenue / total revenue. */
  readonly share: number;
  /** Share of this client and every client ranked above it. */
  readonly cumulativeShare: number;
  readonly abc: Abc;
  /** Months observed for the CV. */
  readonly months: number;
  readonly cv: number | null;
  readonly xyz: Xyz | null;
  /** "AX", or "A" when XYZ is undefined. */
  readonly class: string;
}

export interface AbcXyzResult {
  readonly rows: AbcXyzRow[];
  readonly totalRevenue: number;
}

export const ABC_XYZ_DEFAULTS = { aShare: 0.8, bShare: 0.95, xCv: 0.1, yCv: 0.25 } as const;

export function abcXyz(tx: Transactions, options: AbcXyzOptions = {}): AbcXyzResult {
  if (!tx.amount) throw new Error("abcXyz: amounts are required");
  const aShare = options.aShare ?? ABC_XYZ_DEFAULTS.aShare;
  const bShare = options.bShare ?? ABC_XYZ_DEFAULTS.bShare;
  const xCv = options.xCv ?? ABC_XYZ_DEFAULTS.xCv;
  const yCv = options.yCv ?? ABC_XYZ_DEFAULTS.yCv;
  if (!(aShare < bShare)) throw new RapportError("abc.sharesOrder", { a: aShare, b: bShare });
  if (!(xCv < yCv)) throw new RapportError("xyz.cvOrder", { x: xCv, y: yCv });

  const h = customerHistories(tx);
  const amount = h.amount as Float64Array;
  const customers = h.customers.length;
  const monthOf = periodLookup(h.firstDay, h.lastDay, "month", h.length);
  const lastMonth = monthOf(h.lastDay);
  const revenue = new Float64Array(customers);
  const months = new Int32Array(customers);
  const cv: (number | null)[] = new Array(customers);
  const monthly: number[] = [];
  for (let c = 0; c < customers; c++) {
    const from = h.start[c] as number;
    const to = h.start[c + 1] as number;
    // Rows are in date order, so each month's rows are consecutive.
    monthly.length = 0;
    let month = monthOf(h.day[from] as number);
    const firstMonth = month;
    let inMonth = 0;
    for (let k = from; k < to; k++) {
      const m = monthOf(h.day[k] as number);
      if (m !== month) {
        monthly.push(inMonth);
        inMonth = 0;
        month = m;
      }
      inMonth += amount[k] as number;
    }
    monthly.push(inMonth);
    const sum = compensatedSum(amount, from, to);
    const observed = lastMonth - firstMonth + 1;
    revenue[c] = sum;
    months[c] = observed;
    const mean = sum / observed;
    if (observed < 2 || !(mean > 0)) {
      cv[c] = null;
    } else {
      let squares = (observed - monthly.length) * mean * mean; // the months without purchases
      for (const v of monthly) squares += (v - mean) * (v - mean);
      cv[c] = Math.sqrt(squares / observed) / mean;
    }
  }
  const total = compensatedSum(revenue);
  if (!(total > 0)) throw new RapportError("abc.totalNotPositive", { total });

  const order = orderDescending(revenue, customersById(h.customers));
  // A relative tolerance keeps sums such as 0.5 + 0.3 from landing on the wrong side of a 0.8
  // line through rounding.
  const tolerance = total * 1e-12;
  const rows: AbcXyzRow[] = new Array(customers);
  let before = 0;
  for (let k = 0; k < customers; k++) {
    const c = order[k] as number;
    const abc: Abc = before < aShare * total - tolerance ? "A" : before < bShare * total - tolerance ? "B" : "C";
    const value = revenue[c] as number;
    before += value;
    const v = cv[c] as number | null;
    const xyz: Xyz | null = v === null ? null : v <= xCv + 1e-12 ? "X" : v <= yCv + 1e-12 ? "Y" : "Z";
    rows[k] = {
      customer: h.customers[c] as string | number,
      revenue: value,
      share: value / total,
      cumulativeShare: Math.min(1, before / total),
      abc,
      months: months[c] as number,
      cv: v,
      xyz,
      class: xyz ? abc + xyz : abc,
    };
  }
  return { rows, totalRevenue: total };
}

export const ABC_XYZ_HEADER = [
  "customer",
  "revenue",
  "share",
  "cumulative_share",
  "abc",
  "cv",
  "xyz",
  "class",
] as const;

export function abcXyzCells(result: AbcXyzResult): Cell[][] {
  const out: Cell[][] = new Array(result.rows.length + 1);
  out[0] = [...ABC_XYZ_HEADER];
  for (let k = 0; k < result.rows.length; k++) {
    const r = result.rows[k] as AbcXyzRow;
    out[k + 1] = [r.customer, r.revenue, r.share, r.cumulativeShare, r.abc, r.cv ?? "", r.xyz ?? "", r.class];
  }
  return out;
}
