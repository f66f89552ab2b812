import { cellDay, type DateReading, type DayNumber, readDay } from "../cells/dates";
import { cellFlag } from "../cells/flags";
import { readRowPairs } from "../cells/skippedRows";
import {
  type Cell,
  type CellOrigin,
  cellPosition,
  displayValue,
  isBlank,
  isErrorCell,
  type Range,
  rowsOfSameHeight,
} from "../cells/values";
import { RapportError } from "../errors";
import { type Period, periodIndex, periodLabel } from "./periods";

/**
 * Renewals of contracts by the period they were due (their end date). The renewed column says
 * what happened: a date (renewed that day: on time when no later than the end plus the grace
 * days), TRUE/yes/да (renewed, counted on time: a ticked box carries no date), FALSE/no/нет
 * (lapsed), or blank (undecided: open until the end plus the grace days has passed at as_of,
 * lapsed after).
 */

/** A contract's outcome, as a code: it indexes the per-period counters directly. */
export const ON_TIME = 0;
export const LATE = 1;
export const LAPSED = 2;
export const OPEN = 3;
export type RenewalOutcome = typeof ON_TIME | typeof LATE | typeof LAPSED | typeof OPEN;
const OUTCOME_COUNT = 4;

export interface Contracts {
  readonly due: Int32Array;
  /** Per contract: ON_TIME, LATE, LAPSED or OPEN. */
  readonly outcome: Uint8Array;
}

export interface RenewalTotals {
  readonly label: string;
  readonly due: number;
  readonly renewed: number;
  readonly onTime: number;
  readonly lapsed: number;
  readonly open: number;
  /** renewed / (renewed + lapsed): the decided contracts; null when none is decided. */
  readonly renewalRate: number | null;
  /** renewed on time / (renewed + lapsed); null when none is decided. */
  readonly onTimeRate: number | null;
}

/** Reads the end dates and the renewed column; rows blank in both are skipped. */
export function readContracts(
  ends: Range,
  renewed: Range,
  reading: DateReading,
  asOf: DayNumber,
  graceDays: number,
  names: { ends: string; renewed: string },
  /** Sidebars: a row that cannot be read is handed here and left out (formulas fail loudly). */
  skip?: (error: RapportError, row: number) => void,
  /** Where the columns start in their sheet (sidebars): messages then name the sheet's cells. */
  origins?: { ends?: CellOrigin; renewed?: CellOrigin },
): Contracts {
  const [endRows, renewedRows] = rowsOfSameHeight(ends, renewed, { first: names.ends, second: names.renewed });
  const read = readRowPairs(
    endRows,
    renewedRows,
    (endCell, mark, r) => contractOutcome(endCell, mark, r, reading, asOf, graceDays, names, origins),
    skip,
  );
  if (read.length === 0) throw new RapportError("input.empty", { arg: names.ends });
  return {
    due: Int32Array.from(read, ([end]) => end),
    outcome: Uint8Array.from(read, ([, outcome]) => outcome),
  };
}

/** One contract's end day and outcome, or an error naming the cell. */
function contractOutcome(
  endCell: Cell,
  mark: Cell,
  r: number,
  reading: DateReading,
  asOf: DayNumber,
  graceDays: number,
  names: { ends: string; renewed: string },
  origins?: { ends?: CellOrigin; renewed?: CellOrigin },
): [DayNumber, RenewalOutcome] {
  const endAt = cellPosition(r, 0, 1, origins?.ends);
  const markAt = cellPosition(r, 0, 1, origins?.renewed);
  if (isBlank(endCell)) throw new RapportError("input.blankInRow", { arg: names.ends, cell: endAt });
  const end = readDay(endCell, reading, names.ends, r, 0, 1, origins?.ends);
  const deadline = end + graceDays;
  if (isBlank(mark)) return [end, asOf > deadline ? LAPSED : OPEN];
  if (isErrorCell(mark))
    throw new RapportError("input.errorCell", { arg: names.renewed, cell: markAt, value: mark as string });
  const flag = cellFlag(mark);
  if (flag !== null) return [end, flag ? ON_TIME : LAPSED];
  const day = cellDay(mark, reading);
  if (day === null) {
    throw new RapportError("renewal.notOutcome", { arg: names.renewed, cell: markAt, value: displayValue(mark) });
  }
  return [end, day <= deadline ? ON_TIME : LATE];
}

/** Totals of a period from its counters, indexed by outcome code. */
function totalsOf(label: string, counts: readonly number[]): RenewalTotals {
  const onTime = counts[ON_TIME] as number;
  const late = counts[LATE] as number;
  const lapsed = counts[LAPSED] as number;
  const open = counts[OPEN] as number;
  const renewed = onTime + late;
  const decided = renewed + lapsed;
  return {
    label,
    due: onTime + late + lapsed + open,
    renewed,
    onTime,
    lapsed,
    open,
    renewalRate: decided > 0 ? renewed / decided : null,
    onTimeRate: decided > 0 ? onTime / decided : null,
  };
}

/** Per period of the due date (in order, empty periods between included), then a total. */
export function renewalsByPeriod(contracts: Contracts, period: Period): RenewalTotals[] {
  const n = contracts.due.length;
  const index = new Int32Array(n);
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const p = periodIndex(contracts.due[i] as number, period);
    index[i] = p;
    if (p < first) first = p;
    if (p > last) last = p;
  }
  // One counter per outcome per period.
  const counts = new Int32Array((last - first + 1) * OUTCOME_COUNT);
  const total = new Int32Array(OUTCOME_COUNT);
  for (let i = 0; i < n; i++) {
    const o = contracts.outcome[i] as number;
    const at = ((index[i] as number) - first) * OUTCOME_COUNT + o;
    counts[at] = (counts[at] as number) + 1;
    total[o] = (total[o] as number) + 1;
  }
  const rows: RenewalTotals[] = [];
  for (let k = 0; k <= last - first; k++) {
    const at = k * OUTCOME_COUNT;
    rows.push(totalsOf(periodLabel(first + k, period), Array.from(counts.subarray(at, at + OUTCOME_COUNT))));
  }
  rows.push(totalsOf("total", Array.from(total)));
  return rows;
}
