import type { Transactions } from "../cells/transactions";
import { type Period, periodIndex, periodLabel, periodLookup } from "./periods";

/**
 * Returns and refunds in a transaction list: a row is a return when it is flagged in a returns
 * column, or (without one) when its amount is negative. A return counts in the period of its own
 * date (the list does not say which order it undoes).
 */

export interface ReturnTotals {
  readonly label: string | number;
  /** Rows that are not returns. */
  readonly orders: number;
  readonly returns: number;
  /** Sum of the orders' amounts. */
  readonly sales: number;
  /** Sum of the returns' amounts, as a positive number. */
  readonly returned: number;
  /** returns / orders; null without orders. */
  readonly orderRate: number | null;
  /** returned / sales; null when sales are 0. */
  readonly revenueRate: number | null;
}

/** Per row: true when it is a return. Flags, when given, decide; otherwise a negative amount does. */
export function returnRows(tx: Transactions, flags: readonly (boolean | null)[] | null): Uint8Array {
  const amount = tx.amount as Float64Array;
  const out = new Uint8Array(tx.length);
  for (let i = 0; i < tx.length; i++) out[i] = (flags ? flags[i] === true : (amount[i] as number) < 0) ? 1 : 0;
  return out;
}

/** Sums per group in four flat columns: no object per client on lists of a million rows. */
class GroupSums {
  readonly orders: Float64Array;
  readonly returns: Float64Array;
  readonly sales: Float64Array;
  readonly returned: Float64Array;

  constructor(groups: number) {
    this.orders = new Float64Array(groups);
    this.returns = new Float64Array(groups);
    this.sales = new Float64Array(groups);
    this.returned = new Float64Array(groups);
  }

  add(g: number, isReturn: boolean, amount: number): void {
    if (isReturn) {
      this.returns[g] = (this.returns[g] as number) + 1;
      this.returned[g] = (this.returned[g] as number) + Math.abs(amount);
    } else {
      this.orders[g] = (this.orders[g] as number) + 1;
      this.sales[g] = (this.sales[g] as number) + amount;
    }
  }

  totals(g: number, label: string | number): ReturnTotals {
    const orders = this.orders[g] as number;
    const returns = this.returns[g] as number;
    const sales = this.sales[g] as number;
    const returned = this.returned[g] as number;
    return {
      label,
      orders,
      returns,
      sales,
      returned,
      orderRate: orders > 0 ? returns / orders : null,
      revenueRate: sales > 0 ? returned / sales : null,
    };
  }
}

/** Per period (in order, including empty periods between the first and last), then a total. */
export function returnsByPeriod(tx: Transactions, isReturn: Uint8Array, period: Period): ReturnTotals[] {
  const amount = tx.amount as Float64Array;
  const first = periodIndex(tx.firstDay, period);
  const periods = periodIndex(tx.lastDay, period) - first + 1;
  const periodOf = periodLookup(tx.firstDay, tx.lastDay, period, tx.length);
  // Group `periods` is the total.
  const sums = new GroupSums(periods + 1);
  for (let i = 0; i < tx.length; i++) {
    const p = periodOf(tx.day[i] as number) - first;
    sums.add(p, isReturn[i] === 1, amount[i] as number);
    sums.add(periods, isReturn[i] === 1, amount[i] as number);
  }
  const rows: ReturnTotals[] = [];
  for (let k = 0; k < periods; k++) rows.push(sums.totals(k, periodLabel(first + k, period)));
  rows.push(sums.totals(periods, "total"));
  return rows;
}

/** The whole list's totals (one group: no period or client tables built). */
export function returnTotals(tx: Transactions, isReturn: Uint8Array): ReturnTotals {
  const amount = tx.amount as Float64Array;
  const sums = new GroupSums(1);
  for (let i = 0; i < tx.length; i++) sums.add(0, isReturn[i] === 1, amount[i] as number);
  return sums.totals(0, "total");
}

/** Per client, most returned first (ties: first seen first), then a total. */
export function returnsByClient(tx: Transactions, isReturn: Uint8Array): ReturnTotals[] {
  const amount = tx.amount as Float64Array;
  const clients = tx.customers.length;
  const sums = new GroupSums(clients + 1);
  for (let i = 0; i < tx.length; i++) {
    sums.add(tx.customer[i] as number, isReturn[i] === 1, amount[i] as number);
    sums.add(clients, isReturn[i] === 1, amount[i] as number);
  }
  const order = Int32Array.from({ length: clients }, (_, c) => c);
  const returned = sums.returned;
  order.sort((a, b) => (returned[b] as number) - (returned[a] as number) || a - b);
  const rows: ReturnTotals[] = [];
  for (const c of order) rows.push(sums.totals(c, tx.customers[c] as string | number));
  rows.push(sums.totals(clients, "total"));
  return rows;
}
