/** How the fake spreadsheet turns written values into stored ones and stored ones into display text. */

export type CellValue = string | number | boolean | Date;

/** Offset of `timeZone` from UTC at `instant`, in minutes (Moscow: +180). */
export function zoneOffsetMinutes(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60000);
}

/** The instant of local midnight of a calendar day in `timeZone`: what a Sheets date cell holds. */
export function zonedMidnight(year: number, month: number, day: number, timeZone: string): number {
  const utc = Date.UTC(year, month - 1, day);
  let instant = utc - zoneOffsetMinutes(utc, timeZone) * 60000;
  // A second pass settles days where the offset changes around midnight.
  instant = utc - zoneOffsetMinutes(instant, timeZone) * 60000;
  return instant;
}

/** Calendar parts of an instant in `timeZone`. */
export function zonedParts(instant: number, timeZone: string) {
  const local = new Date(instant + zoneOffsetMinutes(instant, timeZone) * 60000);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** What Sheets shows for a value: number formats we use are honoured, others fall back to Automatic. */
export function displayText(value: CellValue, format: string | undefined, locale: string, timeZone: string): string {
  if (value === "") return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date || Object.prototype.toString.call(value) === "[object Date]") {
    const p = zonedParts((value as Date).getTime(), timeZone);
    if (format && /h/i.test(format)) {
      return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
    }
    if (format && /^y+-m+-d+$/i.test(format)) return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
    return locale.startsWith("ru") ? `${pad(p.day)}.${pad(p.month)}.${p.year}` : `${p.month}/${p.day}/${p.year}`;
  }
  if (typeof value === "string") return value;
  const decimalComma = locale.startsWith("ru");
  const withSeparator = (text: string) => (decimalComma ? text.replace(".", ",") : text);
  const percent = format ? /^0(?:\.(0+))?%$/.exec(format) : null;
  if (percent) return `${withSeparator((value * 100).toFixed(percent[1]?.length ?? 0))}%`;
  const fixed = format ? /^(#,##)?0(?:\.(0+))?$/.exec(format) : null;
  if (fixed) {
    const text = value.toFixed(fixed[2]?.length ?? 0);
    if (!fixed[1]) return withSeparator(text);
    const [int, frac] = text.split(".");
    const grouped = (int as string).replace(/\B(?=(\d{3})+(?!\d))/g, decimalComma ? "\u00a0" : ",");
    return frac === undefined ? grouped : `${grouped}${decimalComma ? "," : "."}${frac}`;
  }
  const automatic = Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(10)));
  return withSeparator(automatic);
}

/** Result of writing one value into a cell as setValues() does. */
export interface Written {
  value: CellValue;
  formula: string;
}

const NUMBER_TEXT = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * setValues() treats a string as if a person typed it: "=…" is a formula, "123" a number,
 * "2024-03-01" a date, and a leading apostrophe keeps the rest as text. Text starting with "+",
 * "-" or "@" that is not a number is taken as a formula too and shows an error. In a cell formatted
 * as plain text ("@") nothing is interpreted.
 */
export function interpretWritten(value: CellValue, format: string | undefined, timeZone: string): Written {
  if (typeof value !== "string" || format === "@") return { value, formula: "" };
  if (value.startsWith("'")) return { value: value.slice(1), formula: "" };
  if (value.startsWith("=")) return { value: "#ERROR!", formula: value };
  const trimmed = value.trim();
  if (NUMBER_TEXT.test(trimmed)) return { value: Number(trimmed), formula: "" };
  if (/^[+\-@]/.test(value)) return { value: "#ERROR!", formula: `=${value}` };
  const iso = ISO_DATE.exec(trimmed);
  if (iso) {
    const time = zonedMidnight(Number(iso[1]), Number(iso[2]), Number(iso[3]), timeZone);
    if (!Number.isNaN(time)) return { value: new Date(time), formula: "" };
  }
  return { value, formula: "" };
}
