import type { DayNumber } from "../cells/dates";
import { periodIndex, periodLabel } from "../metrics/periods";
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
  const periods = rows.slice(0, -1).filter((row) => row.due > 0);
  // Labels such as "2024-03" sort as their periods do: the ended ones come before today's.
  const current = periodLabel(periodIndex(today, period), period);
  const ended = periods.filter((row) => row.label < current && decided(row) > 0);
  const latest = ended[ended.length - 1] ?? null;
  return { periods, total, latest, smallSample: latest ? isSmallSample(decided(latest)) : false };
}
