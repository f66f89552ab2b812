import { scalarCell } from "../cells/arguments";
import {
  cellWallMinutes,
  type DateReading,
  MINUTES_PER_DAY,
  readDay,
  readingForDateTimes,
  wallMinutesText,
} from "../cells/dates";
import { readRowPairs } from "../cells/skippedRows";
import {
  asRows,
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
import { kaplanMeier } from "./survival";

/**
 * Service speed from a sheet of requests (tickets): when each was opened, first answered and
 * resolved. Times are wall-clock minutes (cells/dates.ts `cellWallMinutes`); elapsed time is
 * calendar time unless working hours are given, so a request opened on Friday evening is not
 * late on Saturday.
 */

/** Working hours: the days of the week that count (index 0 = Monday) and the hours on them. */
export interface WorkingTime {
  readonly days: readonly boolean[];
  /** Minutes after midnight the working day starts and ends (end > start; 1440 = midnight). */
  readonly start: number;
  readonly end: number;
  /** Days off (day numbers, ascending, no repeats) on which no time counts, whatever the weekday. */
  readonly holidays?: Int32Array;
}

const DAY_NAMES: readonly (readonly string[])[] = [
  ["mon", "monday", "пн", "пон", "понедельник"],
  ["tue", "tuesday", "вт", "вто", "вторник"],
  ["wed", "wednesday", "ср", "сре", "среда"],
  ["thu", "thursday", "чт", "чет", "четверг"],
  ["fri", "friday", "пт", "пят", "пятница"],
  ["sat", "saturday", "сб", "суб", "суббота"],
  ["sun", "sunday", "вс", "вос", "воскресенье"],
];

/** A weekday written as a name (English or Russian, short or full) or ISO number 1–7; or null. */
function weekdayOf(word: string): number | null {
  const w = word.trim().toLowerCase().replace(/\.$/, "");
  if (/^[1-7]$/.test(w)) return Number(w) - 1;
  const index = DAY_NAMES.findIndex((names) => names.includes(w));
  return index < 0 ? null : index;
}

/** "Mon-Fri", "Пн–Пт", "Mon, Wed, Fri", "1-5": the working days; null when unreadable. */
export function parseWorkingDays(text: string): boolean[] | null {
  const days = new Array<boolean>(7).fill(false);
  const parts = text.split(/[,;]/).filter((p) => p.trim() !== "");
  if (parts.length === 0) return null;
  for (const part of parts) {
    const range = part.split(/[-–—]/);
    if (range.length > 2) return null;
    const from = weekdayOf(range[0] as string);
    const to = range.length === 2 ? weekdayOf(range[1] as string) : from;
    if (from === null || to === null) return null;
    // A range may wrap over the week's end ("Sun-Thu").
    for (let d = from; ; d = (d + 1) % 7) {
      days[d] = true;
      if (d === to) break;
    }
  }
  return days;
}

function clockMinutes(text: string): number | null {
  const m = /^(\d{1,2})(?:[:.](\d{2}))?$/.exec(text.trim());
  if (!m) return null;
  const [h, min] = [Number(m[1]), Number(m[2] ?? 0)];
  if (min > 59 || h > 24 || (h === 24 && min > 0)) return null;
  return h * 60 + min;
}

/** "9-18", "09:00–18:00", "9:30-17:45": the working day's start and end; null when unreadable. */
export function parseWorkingHours(text: string): { start: number; end: number } | null {
  const parts = text.split(/[-–—]/);
  if (parts.length !== 2) return null;
  const start = clockMinutes(parts[0] as string);
  const end = clockMinutes(parts[1] as string);
  if (start === null || end === null || !(end > start)) return null;
  return { start, end };
}

/**
 * The working-time arguments of a service formula: calendar time when both are blank; working
 * hours with Monday to Friday when only the hours are given; all day on the days given alone.
 */
export function workingTimeArgs(
  hours: Range | undefined,
  days: Range | undefined,
  names: { hours: string; days: string },
  /** Days off, already read; with neither hours nor days, every other day counts all day. */
  holidays: Int32Array | null = null,
): WorkingTime | null {
  const hoursCell = scalarCell(hours, names.hours);
  const daysCell = scalarCell(days, names.days);
  if (hoursCell === undefined && daysCell === undefined) {
    return holidays && holidays.length > 0
      ? { days: new Array<boolean>(7).fill(true), start: 0, end: MINUTES_PER_DAY, holidays }
      : null;
  }
  let span = { start: 0, end: MINUTES_PER_DAY };
  if (hoursCell !== undefined) {
    const parsed = parseWorkingHours(String(hoursCell));
    if (!parsed) throw new RapportError("service.workingHours", { arg: names.hours, value: displayValue(hoursCell) });
    span = parsed;
  }
  let weekdays = [true, true, true, true, true, false, false];
  if (daysCell !== undefined) {
    const parsed = parseWorkingDays(String(daysCell));
    if (!parsed) throw new RapportError("service.workingDays", { arg: names.days, value: displayValue(daysCell) });
    weekdays = parsed;
  }
  return holidays && holidays.length > 0 ? { days: weekdays, ...span, holidays } : { days: weekdays, ...span };
}

/** Days off from a range of date cells (any shape): blanks skipped, anything else not a date an error naming the cell. */
export function readHolidays(range: Range | undefined, arg: string, reading: DateReading): Int32Array | null {
  if (range === undefined) return null;
  const days = new Set<number>();
  const rows = asRows(range);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as readonly Cell[];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!isBlank(cell)) days.add(readDay(cell, reading, arg, r, c, row.length));
    }
  }
  return days.size === 0 ? null : Int32Array.from(days).sort();
}

/** How many of the sorted `holidays` fall in [from, to). */
function holidaysBetween(holidays: Int32Array, from: number, to: number): number {
  const lowerBound = (x: number) => {
    let lo = 0;
    let hi = holidays.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((holidays[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return lowerBound(to) - lowerBound(from);
}

/** Monday = 0 … Sunday = 6 of a day number (1970-01-01 was a Thursday). */
function weekdayOfDay(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** Working minutes of day `day` between minutes-of-day a and b. */
function workedOnDay(day: number, a: number, b: number, working: WorkingTime): number {
  if (!working.days[weekdayOfDay(day)]) return 0;
  if (working.holidays && holidaysBetween(working.holidays, day, day + 1) > 0) return 0;
  return Math.max(0, Math.min(b, working.end) - Math.max(a, working.start));
}

/**
 * Minutes from `from` to `to` (wall-clock minutes), counting only working time when given. Whole
 * weeks in between are counted at once, so a request open for years costs a few steps.
 */
export function elapsedMinutes(from: number, to: number, working: WorkingTime | null): number {
  if (!(to > from)) return 0;
  if (working === null) return to - from;
  const firstDay = Math.floor(from / MINUTES_PER_DAY);
  const lastDay = Math.floor(to / MINUTES_PER_DAY);
  const fromMinute = from - firstDay * MINUTES_PER_DAY;
  const toMinute = to - lastDay * MINUTES_PER_DAY;
  if (firstDay === lastDay) return workedOnDay(firstDay, fromMinute, toMinute, working);
  let total = workedOnDay(firstDay, fromMinute, MINUTES_PER_DAY, working) + workedOnDay(lastDay, 0, toMinute, working);
  const between = lastDay - firstDay - 1;
  const weeks = Math.floor(between / 7);
  const perWeek = working.days.filter(Boolean).length * (working.end - working.start);
  total += weeks * perWeek;
  if (working.holidays && weeks > 0) {
    // Days off inside the whole weeks took a working day's minutes each, when they fell on a working day.
    const from = firstDay + 1;
    const to = from + weeks * 7;
    const holidays = working.holidays;
    for (let k = holidaysBetween(holidays, Number.NEGATIVE_INFINITY, from); k < holidays.length; k++) {
      const day = holidays[k] as number;
      if (day >= to) break;
      if (working.days[weekdayOfDay(day)]) total -= working.end - working.start;
    }
  }
  for (let day = firstDay + 1 + weeks * 7; day < lastDay; day++) {
    total += workedOnDay(day, 0, MINUTES_PER_DAY, working);
  }
  return total;
}

/** Requests as read from two columns: when each was opened, and when it was answered or resolved. */
export interface Requests {
  /** Wall-clock minutes each request was opened. */
  readonly opened: Float64Array;
  /** Wall-clock minutes of the answer or resolution; NaN while there is none. */
  readonly closed: Float64Array;
  /** The latest moment in either column: "now" for requests still waiting, unless given. */
  readonly latest: number;
}

/**
 * Reads the opened and answered/resolved columns of the same height. Rows blank in both are
 * skipped; an answer without an opening, a time that is not one, or an answer before its
 * opening is an error naming the cell.
 */
export function readRequests(
  opened: Range,
  closed: Range,
  reading: DateReading,
  names: { opened: string; closed: string },
  /** Sidebars: a row that cannot be read is handed here (with its 0-based row) and left out (formulas fail loudly). */
  skip?: (error: RapportError, row: number) => void,
  /** Where the columns start in their sheet (sidebars): messages then name the sheet's cells. */
  origins?: { opened?: CellOrigin; closed?: CellOrigin },
): Requests {
  const [openRows, closeRows] = rowsOfSameHeight(opened, closed, { first: names.opened, second: names.closed });
  const columns = readingForDateTimes(reading, openRows, closeRows);
  const times = readRowPairs(openRows, closeRows, (o, c, r) => requestTimes(o, c, r, columns, names, origins), skip);
  if (times.length === 0) throw new RapportError("input.empty", { arg: names.opened });
  let latest = Number.NEGATIVE_INFINITY;
  for (const [start, end] of times) latest = Math.max(latest, start, Number.isNaN(end) ? start : end);
  return {
    opened: Float64Array.from(times, ([start]) => start),
    closed: Float64Array.from(times, ([, end]) => end),
    latest,
  };
}

/** One request's opening and answer/resolution (NaN while there is none), or an error naming the cell. */
function requestTimes(
  o: Cell,
  c: Cell,
  r: number,
  reading: DateReading,
  names: { opened: string; closed: string },
  origins?: { opened?: CellOrigin; closed?: CellOrigin },
): [number, number] {
  const openedAtCell = cellPosition(r, 0, 1, origins?.opened);
  const closedAtCell = cellPosition(r, 0, 1, origins?.closed);
  if (isBlank(o)) throw new RapportError("input.blankInRow", { arg: names.opened, cell: openedAtCell });
  const start = wallMinutes(o, reading, names.opened, openedAtCell);
  if (isBlank(c)) return [start, Number.NaN];
  const end = wallMinutes(c, reading, names.closed, closedAtCell);
  if (end < start) {
    throw new RapportError("service.beforeOpened", {
      arg: names.closed,
      cell: closedAtCell,
      value: typeof c === "string" ? displayValue(c) : wallMinutesText(end),
    });
  }
  return [start, end];
}

function wallMinutes(cell: Cell, reading: DateReading, arg: string, position: ReturnType<typeof cellPosition>): number {
  if (isErrorCell(cell)) throw new RapportError("input.errorCell", { arg, cell: position, value: cell });
  const minutes = cellWallMinutes(cell, reading);
  if (minutes === null) throw new RapportError("input.notDate", { arg, cell: position, value: displayValue(cell) });
  return minutes;
}

/** Median, mean and 90th percentile of durations in hours (percentiles as Sheets' PERCENTILE). */
export interface DurationSummary {
  readonly n: number;
  readonly median: number;
  readonly mean: number;
  readonly p90: number;
}

/** Linear interpolation between order statistics, h = (n − 1)·p: Sheets' PERCENTILE (R type 7). */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return (sorted[lo] as number) + (h - lo) * ((sorted[hi] as number) - (sorted[lo] as number));
}

export function summarizeDurations(hours: ArrayLike<number>): DurationSummary | null {
  if (hours.length === 0) return null;
  const sorted = Float64Array.from(hours).sort();
  let sum = 0;
  for (let i = 0; i < sorted.length; i++) sum += sorted[i] as number;
  return {
    n: sorted.length,
    median: percentileOfSorted(sorted, 0.5),
    mean: sum / sorted.length,
    p90: percentileOfSorted(sorted, 0.9),
  };
}

/** Requests grouped by the calendar period they were opened in, in calendar order. */
export interface PeriodGroup {
  readonly label: string;
  /** Indices into the requests. */
  readonly rows: number[];
}

export function groupByOpeningPeriod(requests: Requests, period: Period): PeriodGroup[] {
  const groups = new Map<number, number[]>();
  for (let i = 0; i < requests.opened.length; i++) {
    const index = periodIndex(Math.floor((requests.opened[i] as number) / MINUTES_PER_DAY), period);
    let rows = groups.get(index);
    if (!rows) {
      rows = [];
      groups.set(index, rows);
    }
    rows.push(i);
  }
  return [...groups.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([index, rows]) => ({ label: periodLabel(index, period), rows }));
}

export interface ResponseTimeRow {
  readonly requests: number;
  readonly answered: number;
  readonly summary: DurationSummary | null;
}

/** First-response times of some requests: how many, how many answered, and their summary in hours. */
export function responseTimes(
  requests: Requests,
  rows: readonly number[],
  working: WorkingTime | null,
): ResponseTimeRow {
  const hours = answeredHours(requests, rows, working);
  return { requests: rows.length, answered: hours.length, summary: summarizeDurations(hours) };
}

/** Hours from opening to answer of those of `rows` that were answered, ascending. */
export function answeredHours(requests: Requests, rows: readonly number[], working: WorkingTime | null): Float64Array {
  const hours: number[] = [];
  for (const i of rows) {
    const closed = requests.closed[i] as number;
    if (!Number.isNaN(closed)) hours.push(elapsedMinutes(requests.opened[i] as number, closed, working) / 60);
  }
  return Float64Array.from(hours).sort();
}

export interface ServiceLevelRow {
  readonly requests: number;
  readonly withinTarget: number;
  /** Answered after the target, or still unanswered past it at `asOf`. */
  readonly late: number;
  /** Unanswered and still within the target at `asOf`: left out of the share. */
  readonly pending: number;
  /** withinTarget / (withinTarget + late), or null when there is neither. */
  readonly level: number | null;
}

/** The share of requests answered within `targetHours`. */
export function serviceLevel(
  requests: Requests,
  rows: readonly number[],
  targetHours: number,
  asOf: number,
  working: WorkingTime | null,
): ServiceLevelRow {
  const target = targetHours * 60;
  let within = 0;
  let late = 0;
  let pending = 0;
  for (const i of rows) {
    const opened = requests.opened[i] as number;
    const closed = requests.closed[i] as number;
    if (!Number.isNaN(closed)) {
      if (elapsedMinutes(opened, closed, working) <= target) within++;
      else late++;
    } else if (elapsedMinutes(opened, asOf, working) > target) late++;
    else pending++;
  }
  return {
    requests: rows.length,
    withinTarget: within,
    late,
    pending,
    level: within + late > 0 ? within / (within + late) : null,
  };
}

export interface ResolutionRow {
  readonly requests: number;
  readonly resolved: number;
  readonly open: number;
  /** Kaplan–Meier median time to resolve in hours (open requests censored at `asOf`); null if not reached. */
  readonly median: number | null;
  readonly medianLower: number | null;
  readonly medianUpper: number | null;
  /** Mean hours of the resolved requests alone (biased low while many are open). */
  readonly meanResolved: number | null;
}

/** Time to resolve: open requests count as censored at `asOf`, not dropped. */
export function resolutionTimes(
  requests: Requests,
  rows: readonly number[],
  asOf: number,
  working: WorkingTime | null,
  confidence = 0.95,
): ResolutionRow {
  const time = new Float64Array(rows.length);
  const churned = new Uint8Array(rows.length);
  let resolved = 0;
  let sum = 0;
  rows.forEach((i, k) => {
    const opened = requests.opened[i] as number;
    const closed = requests.closed[i] as number;
    const done = !Number.isNaN(closed);
    const hours = elapsedMinutes(opened, done ? closed : asOf, working) / 60;
    time[k] = hours;
    churned[k] = done ? 1 : 0;
    if (done) {
      resolved++;
      sum += hours;
    }
  });
  const curve = kaplanMeier({ time, churned }, confidence);
  return {
    requests: rows.length,
    resolved,
    open: rows.length - resolved,
    median: curve.median,
    medianLower: curve.medianLower,
    medianUpper: curve.medianUpper,
    meanResolved: resolved > 0 ? sum / resolved : null,
  };
}
