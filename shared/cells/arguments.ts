import { RapportError } from "../errors";
import type { MessageKey } from "../i18n/messages.en";
import { cellDay, type DateReading, type DayNumber } from "./dates";
import { asRows, type Cell, cellNumber, displayValue, isBlank, isErrorCell, type Range } from "./values";

/**
 * Scalar arguments of custom functions (confidence levels, thresholds, dates, periods). An
 * omitted argument arrives as `undefined`, a reference to an empty cell as `""`: both mean "use
 * the default". A 1×1 range counts as its cell; a larger range is an error naming the argument.
 */
export function scalarCell(value: Range | undefined, arg: string): Cell | undefined {
  if (value === undefined || value === null) return undefined;
  let cell: Cell;
  if (Array.isArray(value)) {
    const rows = value as readonly (readonly Cell[])[];
    if (rows.length !== 1 || (rows[0] as readonly Cell[]).length !== 1)
      throw new RapportError("arg.notSingle", { arg });
    cell = (rows[0] as readonly Cell[])[0];
  } else {
    cell = value as Cell;
  }
  if (isErrorCell(cell)) throw new RapportError("arg.errorCell", { arg, value: cell });
  return isBlank(cell) ? undefined : cell;
}

/** Limits a numeric argument must respect; each violated limit has its own message. */
export interface NumberRule {
  /** Inclusive lower bound. */
  readonly min?: number;
  /** Inclusive upper bound. */
  readonly max?: number;
  /** Exclusive lower bound ("greater than"). */
  readonly above?: number;
  /** Exclusive upper bound ("less than"). */
  readonly below?: number;
  readonly integer?: boolean;
  /** A share or rate: "95%" is read as 0.95, and a value over 1 gets a hint to write a fraction. */
  readonly fraction?: boolean;
  /** Percent text is read as a fraction ("10%" → 0.1) without limiting the value to 0…1. */
  readonly percent?: boolean;
}

/** Reads "95%" / "12,5 %" as 0.95 / 0.125; other text as a number; null when it is neither. */
export function numberOrPercent(cell: Cell): number | null {
  if (typeof cell === "string") {
    const text = cell.trim();
    if (text.endsWith("%")) {
      const value = cellNumber(text.slice(0, -1));
      return value === null ? null : value / 100;
    }
  }
  return cellNumber(cell);
}

/** Checks a number against a rule, throwing the message for the first limit it breaks. */
export function checkNumber(value: number, arg: string, rule: NumberRule): number {
  if (rule.fraction && (value < (rule.min ?? 0) || value > (rule.max ?? 1))) {
    throw new RapportError("arg.fraction", { arg, value, min: rule.min ?? 0, max: rule.max ?? 1 });
  }
  if (rule.min !== undefined && value < rule.min) throw new RapportError("arg.tooSmall", { arg, value, min: rule.min });
  if (rule.max !== undefined && value > rule.max) throw new RapportError("arg.tooLarge", { arg, value, max: rule.max });
  if (rule.above !== undefined && !(value > rule.above)) {
    throw new RapportError("arg.notAbove", { arg, value, min: rule.above });
  }
  if (rule.below !== undefined && !(value < rule.below)) {
    throw new RapportError("arg.notBelow", { arg, value, max: rule.below });
  }
  if (rule.integer && !Number.isInteger(value)) throw new RapportError("arg.notWhole", { arg, value });
  return value;
}

/** A numeric scalar argument, or undefined when it was not given. */
export function optionalNumberArg(value: Range | undefined, arg: string, rule: NumberRule = {}): number | undefined {
  const cell = scalarCell(value, arg);
  if (cell === undefined) return undefined;
  const number = rule.fraction || rule.percent ? numberOrPercent(cell) : cellNumber(cell);
  if (number === null) throw new RapportError("arg.notNumber", { arg, value: displayValue(cell) });
  return checkNumber(number, arg, rule);
}

/** A numeric scalar argument with a default. */
export function numberArg(value: Range | undefined, arg: string, fallback: number, rule: NumberRule = {}): number {
  return optionalNumberArg(value, arg, rule) ?? fallback;
}

/** A date argument (a date cell, TODAY(), or text such as 2024-03-01), or undefined when not given. */
export function optionalDayArg(value: Range | undefined, arg: string, reading: DateReading): DayNumber | undefined {
  const cell = scalarCell(value, arg);
  if (cell === undefined) return undefined;
  const day = cellDay(cell, reading);
  if (day === null) throw new RapportError("arg.notDate", { arg, value: displayValue(cell) });
  return day;
}

/** True when an optional range argument was given with at least one non-blank cell. */
export function rangeGiven(value: Range | undefined): boolean {
  if (value === undefined) return false;
  for (const row of asRows(value)) for (const cell of row) if (!isBlank(cell)) return true;
  return false;
}

/** Calendar periods the transaction metrics group by. */
export type Period = "week" | "month" | "quarter" | "year";

const PERIOD_WORDS = new Map<string, Period>([
  ["week", "week"],
  ["weeks", "week"],
  ["weekly", "week"],
  ["month", "month"],
  ["months", "month"],
  ["monthly", "month"],
  ["quarter", "quarter"],
  ["quarters", "quarter"],
  ["quarterly", "quarter"],
  ["year", "year"],
  ["years", "year"],
  ["yearly", "year"],
  ["неделя", "week"],
  ["недели", "week"],
  ["месяц", "month"],
  ["месяцы", "month"],
  ["квартал", "quarter"],
  ["кварталы", "quarter"],
  ["год", "year"],
  ["годы", "year"],
]);

/** A period argument: "week", "month", "quarter" or "year" (also in Russian), case-insensitive. */
export function periodArg(value: Range | undefined, arg: string, fallback: Period): Period {
  const cell = scalarCell(value, arg);
  if (cell === undefined) return fallback;
  const word = typeof cell === "string" ? cell.trim().toLowerCase() : "";
  const period = PERIOD_WORDS.get(word);
  if (period === undefined) throw new RapportError("arg.period", { arg, value: displayValue(cell) });
  return period;
}

/**
 * A word chosen from a few (a view such as "periods" or "jumps"), in any of the spellings listed
 * for it, English or Russian, whatever its case; blank gives `fallback`, anything else `error`.
 */
export function choiceArg<T extends string>(
  value: Range | undefined,
  arg: string,
  choices: Readonly<Record<T, readonly string[]>>,
  fallback: NoInfer<T>,
  error: MessageKey,
): T {
  const cell = scalarCell(value, arg);
  const word = String(cell ?? "")
    .trim()
    .toLocaleLowerCase();
  if (word === "") return fallback;
  for (const choice of Object.keys(choices) as T[]) if (choices[choice].includes(word)) return choice;
  throw new RapportError(error, { arg, value: displayValue(cell) });
}
