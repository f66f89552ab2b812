import { type DateReading, type DayNumber, readDay } from "../cells/dates";
import { asRows, type Cell, cellNumber, displayValue, isBlank, type Range } from "../cells/values";
import { RapportError } from "../errors";
import { purchaseModelNamed } from "./models";
import type { PurchaseModelName } from "./purchaseModel";

/**
 * Optional scalar arguments of the model formulas, as Sheets passes them: omitted arguments
 * arrive as undefined, a reference to an empty cell as "", a one-cell range as [[value]].
 */
function scalar(value: Range | undefined): Cell {
  if (value === undefined) return undefined;
  const rows = asRows(value);
  return rows.length === 1 && (rows[0] as readonly Cell[]).length === 1
    ? (rows[0] as readonly Cell[])[0]
    : (value as Cell);
}

function present(cell: Cell): boolean {
  return !(cell === undefined || isBlank(cell));
}

/** A number argument in [min, max], or the default when omitted or blank. */
export function numberOption(
  value: Range | undefined,
  arg: string,
  fallback: number,
  min: number,
  max: number,
  whole = false,
): number {
  const cell = scalar(value);
  if (!present(cell)) return fallback;
  const n = Array.isArray(cell) ? null : cellNumber(cell);
  if (n === null || n < min || n > max || (whole && !Number.isInteger(n))) {
    throw new RapportError(whole ? "models.badWholeNumber" : "models.badNumber", {
      arg,
      value: Array.isArray(cell) ? "[range]" : displayValue(cell),
      min,
      max,
    });
  }
  return n;
}

/** The purchase model argument ("bgnbd" when omitted or blank). */
export function modelOption(value: Range | undefined, arg = "model"): PurchaseModelName {
  const cell = scalar(value);
  if (!present(cell)) return "bgnbd";
  return purchaseModelNamed(String(cell).trim(), arg).name;
}

/** A date argument, or undefined when omitted or blank. */
export function dateOption(value: Range | undefined, arg: string, reading: DateReading): DayNumber | undefined {
  const cell = scalar(value);
  if (!present(cell)) return undefined;
  return readDay(cell, reading, arg, 0, 0, 1);
}

/** True when an optional range argument was given with at least one non-blank cell. */
export function rangeGiven(value: Range | undefined): boolean {
  if (value === undefined) return false;
  for (const row of asRows(value)) for (const cell of row) if (!isBlank(cell)) return true;
  return false;
}
