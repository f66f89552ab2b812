import type { Transactions } from "../cells/transactions";
import type { Cell } from "../cells/values";
import { RapportError } from "../errors";
import { customersById, orderDescending } from "./customerOrder";
import { customerHistories } from "./histories";
import { periodLookup } from "./periods";
import { compensatedSum } from "./sums";

/**
 * ABC/XYZ classification of clients (docs/segments.md).
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

/**
 * The same figures in columns, for large inputs (no object per client): entry c of every column
 * is customer `customers[c]`; `order` lists the entries by revenue, largest first.
 */
export interface AbcXyzTable {
  readonly customers: readonly (string | number)[];
  readonly revenue: Float64Array;
  /** Revenue of this client and every client ranked above it. */
  readonly cumulative: Float64Array;
  readonly abc: Abc[];
  readonly months: Int32Array;
  /** NaN when the client has no CV. */
  readonly cv: Float64Array;
  readonly xyz: (Xyz | null)[];
  readonly order: Int32Array;
  readonly totalRevenue: number;
}

export const ABC_XYZ_DEFAULTS = { aShare: 0.8, bShare: 0.95, xCv: 0.1, yCv: 0.25 } as const;

export function abcXyzTable(tx: Transactions, options: AbcXyzOptions = {}): AbcXyzTable {
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
  const cv = new Float64Array(customers);
  const xyz: (Xyz | null)[] = new Array(customers);
  // Revenue of each month with purchases, reused across customers.
  const monthly = new Float64Array(lastMonth - monthOf(h.firstDay) + 1);
  for (let c = 0; c < customers; c++) {
    const from = h.start[c] as number;
    const to = h.start[c + 1] as number;
    // Rows are in date order, so each month's rows are consecutive.
    let month = monthOf(h.day[from] as number);
    const firstMonth = month;
    let used = 0;
    let inMonth = 0;
    for (let k = from; k < to; k++) {
      const m = monthOf(h.day[k] as number);
      if (m !== month) {
        monthly[used++] = inMonth;
        inMonth = 0;
        month = m;
      }
      inMonth += amount[k] as number;
    }
    monthly[used++] = inMonth;
    const sum = compensatedSum(amount, from, to);
    const observed = lastMonth - firstMonth + 1;
    revenue[c] = sum;
    months[c] = observed;
    const mean = sum / observed;
    if (observed < 2 || !(mean > 0)) {
      cv[c] = Number.NaN;
      xyz[c] = null;
    } else {
      let squares = (observed - used) * mean * mean; // the months without purchases
      for (let k = 0; k < used; k++) squares += ((monthly[k] as number) - mean) ** 2;
      const v = Math.sqrt(squares / observed) / mean;
      cv[c] = v;
      xyz[c] = v <= xCv + 1e-12 ? "X" : v <= yCv + 1e-12 ? "Y" : "Z";
    }
  }
  const total = compensatedSum(revenue);
  if (!Number.isFinite(total)) throw new RapportError("result.notFinite", { where: "" });
  if (!(total > 0)) throw new RapportError("abc.totalNotPositive", { total });

  const order = orderDescending(revenue, customersById(h.customers));
  // A relative tolerance keeps sums such as 0.5 + 0.3 from landing on the wrong side of a 0.8
  // line through rounding.
  const tolerance = total * 1e-12;
  const abc: Abc[] = new Array(customers);
  const cumulative = new Float64Array(customers);
  let before = 0;
  for (let k = 0; k < customers; k++) {
    const c = order[k] as number;
    abc[c] = before < aShare * total - tolerance ? "A" : before < bShare * total - tolerance ? "B" : "C";
    before += revenue[c] as number;
    cumulative[c] = before;
  }
  return { customers: h.customers, revenue, cumulative, abc, months, cv, xyz, order, totalRevenue: total };
}

/** The table as one plain object per client, largest revenue first. */
export function abcXyzRows(table: AbcXyzTable): AbcXyzRow[] {
  const total = table.totalRevenue;
  const rows: AbcXyzRow[] = new Array(table.order.length);
  for (let k = 0; k < rows.length; k++) {
    const c = table.order[k] as number;
    const cv = table.cv[c] as number;
    const xyz = table.xyz[c] as Xyz | null;
    const abc = table.abc[c] as Abc;
    rows[k] = {
      customer: table.customers[c] as string | number,
      revenue: table.revenue[c] as number,
      share: (table.revenue[c] as number) / total,
      cumulativeShare: Math.min(1, (table.cumulative[c] as number) / total),
      abc,
      months: table.months[c] as number,
      cv: Number.isNaN(cv) ? null : cv,
      xyz,
      class: xyz ? CLASSES[abc][xyz] : abc,
    };
  }
  return rows;
}

/** ABC/XYZ of every client as rows, largest revenue first (see abcXyzTable). */
export function abcXyz(tx: Transactions, options: AbcXyzOptions = {}): AbcXyzResult {
  const table = abcXyzTable(tx, options);
  return { rows: abcXyzRows(table), totalRevenue: table.totalRevenue };
}

/** "AX" … "CZ" spelled once: a string built per row would be one more allocation per client. */
const CLASSES: Record<Abc, Record<Xyz, string>> = {
  A: { X: "AX", Y: "AY", Z: "AZ" },
  B: { X: "BX", Y: "BY", Z: "BZ" },
  C: { X: "CX", Y: "CY", Z: "CZ" },
};

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

/** The spilled table: header, then one row per client, largest revenue first. */
export function abcXyzCells(table: AbcXyzTable): Cell[][] {
  const n = table.order.length;
  const total = table.totalRevenue;
  const out: Cell[][] = new Array(n + 1);
  out[0] = [...ABC_XYZ_HEADER];
  for (let k = 0; k < n; k++) {
    const c = table.order[k] as number;
    const cv = table.cv[c] as number;
    const xyz = table.xyz[c] as Xyz | null;
    const abc = table.abc[c] as Abc;
    out[k + 1] = [
      table.customers[c] as string | number,
      table.revenue[c] as number,
      (table.revenue[c] as number) / total,
      Math.min(1, (table.cumulative[c] as number) / total),
      abc,
      Number.isNaN(cv) ? "" : cv,
      xyz ?? "",
      xyz ? CLASSES[abc][xyz] : abc,
    ];
  }
  return out;
}
