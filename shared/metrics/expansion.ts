import type { Transactions } from "../cells/transactions";
import { type CustomerHistories, customerHistories } from "./histories";
import { type Period, periodIndex, periodLabel, periodLookup } from "./periods";

/**
 * Upsell and cross-sell (docs/formulas.md, "Upsell and cross-sell"). A client's cohort is the
 * period of their first purchase; what they bought in it is the baseline. Later periods (all of
 * them, or the first `window` after the cohort's) are then compared with it:
 * - upsold: some later period's spend is at least the first period's × (1 + min_increase). For a
 *   plan billed each period that is a move to a dearer plan; for shops, a bigger basket. Clients
 *   whose first-period spend is 0 or less (a refund on top) have no baseline and are left out.
 * - cross-sold: some later purchase is in a category the client did not buy in the first period.
 * Rates are over all clients of the cohort and over those who came back at all (bought in a later
 * period), since a client who never returned could not expand.
 */

/** UPSELL_RATE's default threshold: a later period's spend at least 10 % above the first's. */
export const UPSELL_MIN_INCREASE = 0.1;

export interface ExpansionOptions {
  readonly period: Period;
  /** Later periods that count, after the cohort's own; null: all up to the end of the data. */
  readonly window: number | null;
}

export interface ExpansionRow {
  /** The cohort's period ("2024-03") or "total". */
  readonly label: string;
  readonly clients: number;
  /** Clients who bought again in a later period (within the window). */
  readonly returned: number;
  readonly expanded: number;
  /** expanded / clients; null without clients. */
  readonly rate: number | null;
  /** expanded / returned; null when nobody returned. */
  readonly rateReturning: number | null;
  /** Later periods the data covers for this cohort (capped at the window); null on the total row. */
  readonly periodsSeen: number | null;
}

export interface ExpansionTable {
  readonly rows: ExpansionRow[];
  /** Clients without a baseline (upsell: first-period spend of 0 or less). */
  readonly leftOut: number;
}

/** What a judge says of one client. */
const LEFT_OUT = 0;
const STAYED = 1;
const RETURNED = 2;
const EXPANDED = 3;
type Verdict = typeof LEFT_OUT | typeof STAYED | typeof RETURNED | typeof EXPANDED;

/**
 * Judges a client from their history rows: `from … firstEnd − 1` are in the first period,
 * `firstEnd … end − 1` in later periods within the window (days ascending, so periods too).
 */
type Judge = (h: CustomerHistories, c: number, from: number, firstEnd: number, end: number) => Verdict;

function byCohort(
  tx: Transactions,
  options: ExpansionOptions,
  judge: (h: CustomerHistories, periodOf: (day: number) => number) => Judge,
): ExpansionTable {
  const h = customerHistories(tx);
  const { period, window } = options;
  const first = periodIndex(h.firstDay, period);
  const periods = periodIndex(h.lastDay, period) - first + 1;
  const periodOf = periodLookup(h.firstDay, h.lastDay, period, h.length);
  const judgeClient = judge(h, periodOf);
  // Counts per cohort: [clients, returned, expanded]; the last slot is the total.
  const counts = new Float64Array((periods + 1) * 3);
  let leftOut = 0;
  const customers = h.customers.length;
  for (let c = 0; c < customers; c++) {
    const from = h.start[c] as number;
    const to = h.start[c + 1] as number;
    if (from === to) continue;
    const cohort = periodOf(h.day[from] as number);
    let firstEnd = from + 1;
    while (firstEnd < to && periodOf(h.day[firstEnd] as number) === cohort) firstEnd++;
    let end = to;
    if (window !== null) {
      end = firstEnd;
      while (end < to && periodOf(h.day[end] as number) - cohort <= window) end++;
    }
    const verdict = judgeClient(h, c, from, firstEnd, end);
    if (verdict === LEFT_OUT) {
      leftOut++;
      continue;
    }
    for (const slot of [(cohort - first) * 3, periods * 3]) {
      (counts[slot] as number)++;
      if (verdict >= RETURNED) (counts[slot + 1] as number)++;
      if (verdict === EXPANDED) (counts[slot + 2] as number)++;
    }
  }
  const row = (slot: number, label: string, periodsSeen: number | null): ExpansionRow => {
    const clients = counts[slot * 3] as number;
    const returned = counts[slot * 3 + 1] as number;
    const expanded = counts[slot * 3 + 2] as number;
    return {
      label,
      clients,
      returned,
      expanded,
      rate: clients > 0 ? expanded / clients : null,
      rateReturning: returned > 0 ? expanded / returned : null,
      periodsSeen,
    };
  };
  const rows: ExpansionRow[] = [];
  for (let k = 0; k < periods; k++) {
    if ((counts[k * 3] as number) === 0) continue;
    const seen = periods - 1 - k;
    rows.push(row(k, periodLabel(first + k, period), window === null ? seen : Math.min(seen, window)));
  }
  rows.push(row(periods, "total", null));
  return { rows, leftOut };
}

/** Spends of at least this share of the target count as reaching it: 100 × 1.1 is 110.00000000000001. */
const ROUNDING = 1 - 1e-12;

/** Upsell: a later period's spend at least (1 + minIncrease) × the first period's. Needs amounts. */
export function upsellByCohort(tx: Transactions, options: ExpansionOptions & { minIncrease: number }): ExpansionTable {
  return byCohort(tx, options, (h, periodOf) => {
    const amount = h.amount as Float64Array;
    return (_h, _c, from, firstEnd, end) => {
      let baseline = 0;
      for (let k = from; k < firstEnd; k++) baseline += amount[k] as number;
      if (!(baseline > 0)) return LEFT_OUT;
      if (end === firstEnd) return STAYED;
      const target = baseline * (1 + options.minIncrease) * ROUNDING;
      // Later rows in period order: sum each period's run, compare when it ends.
      let k = firstEnd;
      while (k < end) {
        const p = periodOf(h.day[k] as number);
        let spend = 0;
        while (k < end && periodOf(h.day[k] as number) === p) spend += amount[k++] as number;
        if (spend >= target) return EXPANDED;
      }
      return RETURNED;
    };
  });
}

/**
 * Cross-sell: a later purchase in a category not bought in the first period. `category` holds a
 * category number per transaction (in `tx` order); `onNew` hears each (client, category) bought
 * new in a later period, once per pair.
 */
export function crossSellByCohort(
  tx: Transactions,
  category: Int32Array,
  categories: number,
  options: ExpansionOptions,
  onNew?: (client: number, category: number) => void,
): ExpansionTable {
  // seen[cat] === c + 1 when client c bought cat in the first period; noted[cat] once reported.
  const seen = new Int32Array(categories);
  const noted = new Int32Array(categories);
  return byCohort(tx, options, (h) => (_h, c, from, firstEnd, end) => {
    for (let k = from; k < firstEnd; k++) seen[category[h.index[k] as number] as number] = c + 1;
    if (end === firstEnd) return STAYED;
    let expanded = false;
    for (let k = firstEnd; k < end; k++) {
      const cat = category[h.index[k] as number] as number;
      if (seen[cat] === c + 1) continue;
      expanded = true;
      if (!onNew) break;
      if (noted[cat] !== c + 1) {
        noted[cat] = c + 1;
        onNew(c, cat);
      }
    }
    return expanded ? EXPANDED : RETURNED;
  });
}

export interface CrossSellTarget {
  readonly category: string;
  /** Clients who bought this category new after their first period. */
  readonly clients: number;
  /** Their share of all cross-sold clients. */
  readonly share: number | null;
}

/** Which categories clients crossed into: clients per category, most first (ties: first seen first). */
export function crossSellTargets(
  tx: Transactions,
  category: Int32Array,
  names: readonly string[],
  options: ExpansionOptions,
): { targets: CrossSellTarget[]; table: ExpansionTable } {
  const clients = new Float64Array(names.length);
  const table = crossSellByCohort(tx, category, names.length, options, (_c, cat) => {
    clients[cat] = (clients[cat] as number) + 1;
  });
  const crossSold = table.rows[table.rows.length - 1]?.expanded ?? 0;
  const order = Array.from(names, (_, i) => i).filter((i) => (clients[i] as number) > 0);
  order.sort((a, b) => (clients[b] as number) - (clients[a] as number) || a - b);
  const targets = order.map((i) => ({
    category: names[i] as string,
    clients: clients[i] as number,
    share: crossSold > 0 ? (clients[i] as number) / crossSold : null,
  }));
  return { targets, table };
}
