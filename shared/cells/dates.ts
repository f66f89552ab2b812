import { RapportError } from "../errors";
import { type NumberConvention, numberConvention } from "./numberText";
import { type Cell, type CellOrigin, cellPosition, displayValue, isErrorCell } from "./values";

/**
 * Calendar days as integers: days since 1970-01-01 in the spreadsheet's calendar. Metrics work on
 * these, never on Date objects, so results do not depend on the machine's time zone.
 */
export type DayNumber = number;

const MS_PER_DAY = 86_400_000;
const MS_PER_HOUR = 3_600_000;

export function dayFromYmd(year: number, month: number, day: number): DayNumber {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** "2024-03-01" for a day number. */
export function isoDay(day: DayNumber): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The day number of "2024-03-01" (the first ten characters of an ISO date or instant). */
export function dayOfIso(text: string): DayNumber {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!m) throw new RangeError(`not an ISO date: ${text}`);
  return dayFromYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Year, month (1–12) and day of month of a day number. */
export function ymdOfDay(day: DayNumber): { year: number; month: number; day: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function validYmd(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1000 || year > 9999) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * Offsets of a time zone from UTC, cached by hour (offsets change only on hour boundaries in
 * practice), so a million date cells cost a few thousand Intl look-ups, not a million.
 */
export class ZoneClock {
  private readonly cache = new Map<number, number>();
  private readonly format: Intl.DateTimeFormat | null;

  constructor(readonly timeZone: string) {
    let format: Intl.DateTimeFormat | null = null;
    try {
      format = new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
      });
    } catch {
      // Unknown zone or no Intl time-zone data: fall back to rounding, right for date-only cells.
      format = null;
    }
    this.format = format;
  }

  /** Minutes to add to UTC to get local time at `time` (ms since epoch). */
  offsetMinutes(time: number): number {
    const bucket = Math.floor(time / MS_PER_HOUR);
    const cached = this.cache.get(bucket);
    if (cached !== undefined) return cached;
    let offset = 0;
    if (this.format) {
      const probe = bucket * MS_PER_HOUR;
      const parts = this.format.formatToParts(new Date(probe));
      let y = 0;
      let mo = 0;
      let d = 0;
      let h = 0;
      let mi = 0;
      for (const p of parts) {
        if (p.type === "year") y = Number(p.value);
        else if (p.type === "month") mo = Number(p.value);
        else if (p.type === "day") d = Number(p.value);
        else if (p.type === "hour") h = Number(p.value);
        else if (p.type === "minute") mi = Number(p.value);
      }
      offset = Math.round((Date.UTC(y, mo - 1, d, h, mi) - probe) / 60_000);
    }
    this.cache.set(bucket, offset);
    return offset;
  }

  /** The calendar day of an instant in this zone. */
  dayOf(date: Date): DayNumber {
    const time = date.getTime();
    if (!this.format) return Math.round(time / MS_PER_DAY);
    return Math.floor((time + this.offsetMinutes(time) * 60_000) / MS_PER_DAY);
  }
}

/**
 * How a spreadsheet's cells are read: text dates (slash dates follow the locale: US month first)
 * in its time zone, and numeric text by its locale's decimal mark (cells/numberText.ts).
 */
export interface DateReading {
  clock: ZoneClock;
  /** True when "03/01/2024" means 1 March (day first), false for the US convention (3 January → false means month first). */
  dayFirst: boolean;
  /** How the locale writes numbers: "1.234" is 1.234 in an English sheet and 1234 in a German one. */
  numbers: NumberConvention;
  /**
   * Custom-function arguments: a date cell may arrive as midnight in the spreadsheet's zone or,
   * when the script's zone differs, as midnight in the script's (the manifest's Etc/UTC); Google's
   * guide to custom functions warns that such dates may need compensating. A Date at exactly a
   * UTC midnight is then read as that UTC day, so both deliveries give the same day (a datetime
   * that happens to fall on a UTC midnight is read by its UTC day too). Values read with
   * getValues() are instants: not set.
   */
  scriptZoneMidnights: boolean;
}

export function dateReading(timeZone: string, locale: string, options: { customFunction?: boolean } = {}): DateReading {
  return {
    clock: new ZoneClock(timeZone),
    dayFirst: !/^en[_-]US$/i.test(locale) && !/^en$/i.test(locale),
    numbers: numberConvention(locale),
    scriptZoneMidnights: options.customFunction === true,
  };
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;
const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
/** A time of day after a written date, ignored: " 14:30", ", 9:05:10". */
const TIME_TAIL = String.raw`(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?)?`;
/** "Jan 5, 1997", "January 5 1997". */
const MONTH_DAY_YEAR = new RegExp(String.raw`^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})${TIME_TAIL}$`);
/** "5 Jan 1997", "5 января 1997 г.", "5 янв. 1997". */
const DAY_MONTH_YEAR = new RegExp(String.raw`^(\d{1,2})\s+([A-Za-zА-Яа-яЁё]+)\.?,?\s+(\d{4})(?:\s*г\.?)?${TIME_TAIL}$`);
const ENGLISH_MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
/** Russian month words start so (январь, января, янв.); May is май or мая, apart from март. */
const RUSSIAN_MONTH_STEMS = ["янв", "фев", "мар", "апр", "ма", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"];

/** The month (1–12) a written month name means, English or Russian, full or abbreviated; or null. */
function monthOfName(word: string): number | null {
  const w = word.toLowerCase().replace(/ё/g, "е");
  if (w.length >= 3) {
    const english = ENGLISH_MONTHS.findIndex((name) => name.startsWith(w));
    if (english >= 0) return english + 1;
  }
  if (w === "май" || w === "мая") return 5;
  if (w.length >= 3) {
    const russian = RUSSIAN_MONTH_STEMS.findIndex((stem) => stem.length === 3 && w.startsWith(stem));
    if (russian >= 0) return russian + 1;
  }
  return null;
}

/** Sheets' serial dates count days from 1899-12-30; accepted in a plausible range only (1954–2119). */
const SERIAL_EPOCH_DAY = dayFromYmd(1899, 12, 30);
const SERIAL_MIN = 20_000;
const SERIAL_MAX = 80_000;

/**
 * A date typed as text, or null: "2024-03-01" (optionally with a time), "01.03.2024",
 * "1/3/2024" (by locale), "20240301", and with the month written out in English or Russian:
 * "Jan 5, 1997", "5 January 1997", "5 января 1997 г.", "5 янв. 1997". A time of day is ignored
 * except for ISO text with an explicit offset ("…T23:30:00Z"), which is converted to the
 * spreadsheet's calendar.
 */
export function parseDateText(text: string, reading: DateReading): DayNumber | null {
  const s = text.trim();
  let m = ISO.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!validYmd(y, mo, d)) return null;
    if (m[7]) {
      const time = Date.parse(s.replace(" ", "T"));
      return Number.isNaN(time) ? null : reading.clock.dayOf(new Date(time));
    }
    return dayFromYmd(y, mo, d);
  }
  m = DOTTED.exec(s);
  if (m) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return validYmd(y, mo, d) ? dayFromYmd(y, mo, d) : null;
  }
  m = SLASHED.exec(s);
  if (m) {
    const [a, b, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const [d, mo] = reading.dayFirst ? [a, b] : [b, a];
    return validYmd(y, mo, d) ? dayFromYmd(y, mo, d) : null;
  }
  m = COMPACT.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return validYmd(y, mo, d) ? dayFromYmd(y, mo, d) : null;
  }
  m = MONTH_DAY_YEAR.exec(s);
  const named = m
    ? { month: m[1] as string, d: Number(m[2]), y: Number(m[3]) }
    : (() => {
        const n = DAY_MONTH_YEAR.exec(s);
        return n ? { month: n[2] as string, d: Number(n[1]), y: Number(n[3]) } : null;
      })();
  if (named) {
    const mo = monthOfName(named.month);
    return mo !== null && validYmd(named.y, mo, named.d) ? dayFromYmd(named.y, mo, named.d) : null;
  }
  return null;
}

/** A number as a date: a Sheets serial (date cells formatted as numbers) or yyyymmdd. */
function numberDate(value: number): DayNumber | null {
  if (value >= SERIAL_MIN && value <= SERIAL_MAX) return SERIAL_EPOCH_DAY + Math.floor(value);
  if (Number.isInteger(value) && value >= 10_000_101 && value <= 99_991_231) {
    const y = Math.floor(value / 10_000);
    const mo = Math.floor(value / 100) % 100;
    const d = value % 100;
    return validYmd(y, mo, d) ? dayFromYmd(y, mo, d) : null;
  }
  return null;
}

/** A non-blank cell as a day number, or null when it is not a date. */
export function cellDay(cell: Cell, reading: DateReading): DayNumber | null {
  if (cell instanceof Date || Object.prototype.toString.call(cell) === "[object Date]") {
    const time = (cell as Date).getTime();
    if (Number.isNaN(time)) return null;
    // Midnight in the script's zone (UTC): a date cell passed in the script's zone. (A midnight in
    // the spreadsheet's own zone is a UTC midnight only where the two days agree.)
    if (reading.scriptZoneMidnights && time % MS_PER_DAY === 0) return time / MS_PER_DAY;
    return reading.clock.dayOf(cell as Date);
  }
  if (typeof cell === "string") return parseDateText(cell, reading);
  if (typeof cell === "number" && Number.isFinite(cell)) return numberDate(cell);
  return null;
}

/** Reads one non-blank cell as a date or throws an error naming the argument and the cell. */
export function readDay(
  cell: Cell,
  reading: DateReading,
  arg: string,
  row: number,
  column: number,
  width: number,
  origin?: CellOrigin,
): DayNumber {
  const day = cellDay(cell, reading);
  if (day !== null) return day;
  const position = cellPosition(row, column, width, origin);
  if (isErrorCell(cell)) throw new RapportError("input.errorCell", { arg, cell: position, value: cell });
  throw new RapportError("input.notDate", { arg, cell: position, value: displayValue(cell) });
}

/** Minutes in a day. */
export const MINUTES_PER_DAY = 1440;

/** A time of day at the end of date text: "14:30" or "14:30:15". */
const TRAILING_TIME = /^(.*\S)\s+(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/**
 * The reading for columns of date-times passed to a custom function: when any Date in them is not
 * at a UTC midnight they hold times of day, so a UTC midnight among them is a time (03:00 in
 * Moscow), not a date cell delivered in the script's zone. Only columns of bare midnights keep
 * the date-cell reading.
 */
export function readingForDateTimes(
  reading: DateReading,
  ...ranges: readonly (readonly (readonly unknown[])[])[]
): DateReading {
  if (!reading.scriptZoneMidnights) return reading;
  for (const range of ranges) {
    for (const row of range) {
      for (const cell of row) {
        const isDate = cell instanceof Date || Object.prototype.toString.call(cell) === "[object Date]";
        if (isDate && (cell as Date).getTime() % MS_PER_DAY !== 0) return { ...reading, scriptZoneMidnights: false };
      }
    }
  }
  return reading;
}

/** Wall-clock minutes as "2024-03-04 09:00", for messages that name a date-time cell. */
export function wallMinutesText(minutes: number): string {
  const day = Math.floor(minutes / MINUTES_PER_DAY);
  const inDay = Math.round(minutes - day * MINUTES_PER_DAY);
  const hh = String(Math.floor(inDay / 60)).padStart(2, "0");
  const mm = String(inDay % 60).padStart(2, "0");
  return `${isoDay(day)} ${hh}:${mm}`;
}

/**
 * A non-blank cell as a moment on the spreadsheet's wall clock, in minutes since 1970-01-01 00:00
 * of its calendar (what `=B2-A2` subtracts in Sheets, which stores date-times as wall-clock
 * serials), or null when it is not a date or date-time. Date cells arrive as instants and are read
 * in the spreadsheet's zone (a date-only cell delivered as a midnight in the script's zone stays
 * that midnight, as cellDay reads it); text may carry a time ("2024-03-01 14:30",
 * "01.03.2024 9:05"); numbers are Sheets serials with the time as the fraction.
 */
export function cellWallMinutes(cell: Cell, reading: DateReading): number | null {
  if (cell instanceof Date || Object.prototype.toString.call(cell) === "[object Date]") {
    const time = (cell as Date).getTime();
    if (Number.isNaN(time)) return null;
    if (reading.scriptZoneMidnights && time % MS_PER_DAY === 0) return time / 60_000;
    return (time + reading.clock.offsetMinutes(time) * 60_000) / 60_000;
  }
  if (typeof cell === "string") {
    const s = cell.trim();
    const iso = ISO.exec(s);
    if (iso?.[7]) {
      // An explicit offset names an instant: on the spreadsheet's clock it is where it is.
      const time = Date.parse(s.replace(" ", "T"));
      return Number.isNaN(time) ? null : (time + reading.clock.offsetMinutes(time) * 60_000) / 60_000;
    }
    const timed = TRAILING_TIME.exec(s.replace(/^(\d{4}-\d{1,2}-\d{1,2})T/, "$1 "));
    if (timed) {
      const [h, m, sec] = [Number(timed[2]), Number(timed[3]), Number(timed[4] ?? 0)];
      if (h > 23 || m > 59 || sec > 59) return null;
      const day = parseDateText(timed[1] as string, reading);
      return day === null ? null : day * MINUTES_PER_DAY + h * 60 + m + sec / 60;
    }
    const day = parseDateText(s, reading);
    return day === null ? null : day * MINUTES_PER_DAY;
  }
  if (typeof cell === "number" && Number.isFinite(cell)) {
    if (cell >= SERIAL_MIN && cell <= SERIAL_MAX) return (SERIAL_EPOCH_DAY + cell) * MINUTES_PER_DAY;
    const day = numberDate(cell);
    return day === null ? null : day * MINUTES_PER_DAY;
  }
  return null;
}
