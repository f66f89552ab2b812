import { clientKey } from "../cells/clientId";
import { singleColumn } from "../cells/columns";
import type { DayNumber } from "../cells/dates";
import type { Transactions } from "../cells/transactions";
import { type Cell, cellPosition, isErrorCell, type Range } from "../cells/values";
import { RapportError } from "../errors";
import { type CustomerHistories, customerHistories, typicalGapDays } from "./histories";

/**
 * Relationship stages (F. Buttle, after Dwyer, Schurr & Oh), from a client list and the
 * transactions, as of a date. Rules, first match wins:
 *
 *   awareness    the client has no purchase on or before the as-of date
 *   dissolution  the last purchase is more than `lapsedDays` days before the as-of date
 *   commitment   at least `commitmentOrders` orders and a first purchase at least
 *                `commitmentDays` days before the as-of date (a long, regular relationship)
 *   expansion    two or more orders
 *   exploration  one order
 *
 * Defaults: `lapsedDays` is the inactivity threshold CHURN_TABLE uses (90th percentile of the gaps
 * between a customer's purchase days in these transactions), `commitmentOrders` 4,
 * `commitmentDays` 365. Orders are transaction rows.
 */
export type Stage = "awareness" | "exploration" | "expansion" | "commitment" | "dissolution";

export const STAGES: readonly Stage[] = ["awareness", "exploration", "expansion", "commitment", "dissolution"];

export interface StageThresholds {
  readonly lapsedDays: number;
  readonly commitmentOrders: number;
  readonly commitmentDays: number;
}

export const STAGE_DEFAULTS = { commitmentOrders: 4, commitmentDays: 365 } as const;

export interface StageOptions {
  /** Default: the last date in the transactions. Later rows are left out. */
  readonly asOfDay?: DayNumber;
  readonly lapsedDays?: number;
  readonly commitmentOrders?: number;
  readonly commitmentDays?: number;
}

/** The stage of one customer's history (rows `from` … `to − 1` of `h`). */
export function stageOf(h: CustomerHistories, c: number, asOfDay: DayNumber, t: StageThresholds): Stage {
  const from = h.start[c] as number;
  const to = h.start[c + 1] as number;
  if (from === to) return "awareness";
  if (asOfDay - (h.day[to - 1] as number) > t.lapsedDays) return "dissolution";
  const orders = to - from;
  if (orders >= t.commitmentOrders && asOfDay - (h.day[from] as number) >= t.commitmentDays) return "commitment";
  return orders >= 2 ? "expansion" : "exploration";
}

export interface StageResult {
  /** One per client row; null for blank rows of the client list. */
  readonly stages: (Stage | null)[];
  readonly asOfDay: DayNumber;
  readonly thresholds: StageThresholds;
  /** True when lapsedDays was derived from the data. */
  readonly derivedLapsedDays: boolean;
}

/** Stages of the clients in `clientIds` order (blank rows stay blank), from the transactions. */
export function clientStages(
  clientIds: Range,
  tx: Transactions,
  options: StageOptions = {},
  arg = "client_ids",
): StageResult {
  const clients = singleColumn(clientIds, arg);
  const asOfDay = options.asOfDay ?? tx.lastDay;
  const h = customerHistories(tx, asOfDay);
  let lapsedDays = options.lapsedDays;
  const derived = lapsedDays === undefined;
  if (lapsedDays === undefined) {
    const typical = typicalGapDays(h);
    if (typical === null) throw new RapportError("stage.noRepeatPurchases", {});
    lapsedDays = typical;
  }
  const thresholds: StageThresholds = {
    lapsedDays,
    commitmentOrders: options.commitmentOrders ?? STAGE_DEFAULTS.commitmentOrders,
    commitmentDays: options.commitmentDays ?? STAGE_DEFAULTS.commitmentDays,
  };
  const index = new Map<string | number, number>();
  tx.customers.forEach((id, c) => {
    index.set(id, c);
  });
  const stages: (Stage | null)[] = new Array(clients.length);
  let named = 0;
  for (let r = 0; r < clients.length; r++) {
    const cell = clients[r] as Cell;
    const key = clientKey(cell);
    if (key === null) {
      stages[r] = null;
      continue;
    }
    if (isErrorCell(cell)) throw new RapportError("input.errorCell", { arg, cell: cellPosition(r, 0, 1), value: cell });
    named++;
    const c = index.get(key);
    stages[r] = c === undefined ? "awareness" : stageOf(h, c, asOfDay, thresholds);
  }
  if (named === 0) throw new RapportError("input.empty", { arg });
  return { stages, asOfDay, thresholds, derivedLapsedDays: derived };
}
