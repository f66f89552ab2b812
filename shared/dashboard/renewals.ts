import type { DayNumber } from "../cells/dates";
import { periodIndex } from "../metrics/periods";
import { type Contracts, type RenewalTotals, renewalsByPeriod } from "../metrics/renewals";
import { isSmallSample } from "../metrics/survey";
import type { TrendPeriod } from "./figures";

/**
 * The Dashboard's renewals card (docs/dashboard.md, "Renewals"): contracts by the period they were
 * due, as RENEWAL_RATE computes them (no grace days, as of today), and the latest period that has
 * ended with some decided (renewed or lapsed): a period still running, or one ahead whose contracts
 * were renewed early, would show a rate of a few.
 */
export interface RenewalsFigure {
  /** Periods with contracts due, in order (empty ones left out). */
  readonly periods: RenewalTotals[];
  readonly total: RenewalTotals;
  /** The latest period ended before today with decided contracts, or null when there is none. */
  readonly latest: RenewalTotals | null;
  /** Fewer than 100 decided contracts in the latest period. */
  readonly smallSample: boolean;
}

const decided = (row: RenewalTotals) => row.renewed + row.lapsed;

export function renewalsFigure(contracts: Contracts, period: TrendPeriod, today: DayNumber): RenewalsFigure {
  const rows = renewalsByPeriod(contracts, period);
  const total = rows[rows.length - 1] as RenewalTotals;
  // Row k of renewalsByPeriod is period first + k, from the first due date on.
  let first = Number.POSITIVE_INFINITY;
  for (let i = 0; i < contracts.due.length; i++)
    first = Math.min(first, periodIndex(contracts.due[i] as number, period));
  const current = periodIndex(today, period);
  let latest: RenewalTotals | null = null;
  for (let k = Math.min(rows.length - 2, current - first - 1); k >= 0 && !latest; k--) {
    const row = rows[k] as RenewalTotals;
    if (decided(row) > 0) latest = row;
  }
  const periods = rows.slice(0, -1).filter((row) => row.due > 0);
  return { periods, total, latest, smallSample: latest ? isSmallSample(decided(latest)) : false };
}
