import type { Period } from "../cells/arguments";
import type { DayNumber } from "../cells/dates";

export type { Period };

/**
 * Calendar periods over day numbers, in integer arithmetic only (no Date objects): these run once
 * per transaction on million-row inputs. Weeks start on Monday (ISO 8601).
 */

/** Year, month (1–12) and day of a day number (H. Hinnant's civil-from-days algorithm). */
export function civilOfDay(day: DayNumber): { year: number; month: number; day: number } {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d };
}

/** Day number of a calendar date (days-from-civil). */
export function dayOfCivil(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Months since year 0 (year·12 + month − 1) of a day, without building the full date. */
export function monthIndexOfDay(day: DayNumber): number {
  const { year, month } = civilOfDay(day);
  return year * 12 + month - 1;
}

/**
 * A running index of the period containing `day`: consecutive periods have consecutive indexes,
 * so "k periods after the cohort" is a subtraction. 1970-01-01 was a Thursday, so Monday-based
 * weeks are ⌊(day + 3)/7⌋.
 */
export function periodIndex(day: DayNumber, period: Period): number {
  if (period === "week") return Math.floor((day + 3) / 7);
  const { year, month } = civilOfDay(day);
  if (period === "month") return year * 12 + month - 1;
  if (period === "quarter") return year * 4 + Math.floor((month - 1) / 3);
  return year;
}

/** First day of a period index. */
export function periodStart(index: number, period: Period): DayNumber {
  if (period === "week") return index * 7 - 3;
  if (period === "month") return dayOfCivil(Math.floor(index / 12), (index % 12) + 1, 1);
  if (period === "quarter") return dayOfCivil(Math.floor(index / 4), (index % 4) * 3 + 1, 1);
  return dayOfCivil(index, 1, 1);
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/**
 * ISO 8601 label of a period, stable in every language and sorting in calendar order: "2024-03",
 * "2024-Q1", "2024", and for weeks the ISO week "2024-W09" (the year of the week's Thursday).
 */
export function periodLabel(index: number, period: Period): string {
  if (period === "month") return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}`;
  if (period === "quarter") return `${pad(Math.floor(index / 4), 4)}-Q${(index % 4) + 1}`;
  if (period === "year") return pad(index, 4);
  const thursday = periodStart(index, "week") + 3;
  const { year } = civilOfDay(thursday);
  const week = Math.floor((thursday - dayOfCivil(year, 1, 1)) / 7) + 1;
  return `${pad(year, 4)}-W${pad(week)}`;
}

/**
 * periodIndex as a function for per-row loops over days from `firstDay` to `lastDay`: a table
 * look-up when the span is small next to the number of rows (the usual case), the direct
 * computation otherwise.
 */
export function periodLookup(
  firstDay: DayNumber,
  lastDay: DayNumber,
  period: Period,
  rows: number,
): (day: DayNumber) => number {
  const span = lastDay - firstDay + 1;
  if (!(span > 0) || span > 4 * rows + 1024) return (day) => periodIndex(day, period);
  const table = new Int32Array(span);
  for (let d = 0; d < span; d++) table[d] = periodIndex(firstDay + d, period);
  return (day) => table[day - firstDay] as number;
}
