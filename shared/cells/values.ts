import { RapportError } from "../errors";
import type { NestedText } from "../i18n/messages.en";
import { columnLetter } from "./a1";
import { type NumberConvention, parseNumberText } from "./numberText";

/** A cell value as Sheets passes it to a custom function or returns from getValues(). */
export type Cell = string | number | boolean | Date | null | undefined;

/** A range as Sheets passes it: rows of cells. A single cell may arrive as a bare value. */
export type Range = Cell | readonly (readonly Cell[])[];

/** Normalises a custom-function argument to rows of cells; a single value becomes a 1×1 range. */
export function asRows(value: Range): readonly (readonly Cell[])[] {
  if (Array.isArray(value)) return value as readonly (readonly Cell[])[];
  return [[value as Cell]];
}

/** True for what Sheets treats as an empty cell. */
export function isBlank(cell: Cell): boolean {
  return cell === "" || cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

/** Texts Sheets shows for error cells; a range that contains one passes that text to custom functions. */
const ERROR_CELL = /^#(?:N\/A|REF!|VALUE!|DIV\/0!|NUM!|NAME\?|NULL!|ERROR!|SPILL!|CALC!)/;

export function isErrorCell(cell: Cell): cell is string {
  return typeof cell === "string" && ERROR_CELL.test(cell);
}

/** Where a range starts in its sheet (1-based), when known: messages then name the cell, e.g. "E18". */
export interface CellOrigin {
  readonly row: number;
  readonly column: number;
}

/**
 * Position of a cell inside its argument range, for error messages: 0-based `row` and `column`
 * in, 1-based text out. Single-column ranges name only the row, as a person reading "row 17" next
 * to a column would expect. With a known origin the sheet cell is named instead.
 */
export function cellPosition(row: number, column: number, width: number, origin?: CellOrigin): NestedText {
  if (origin) {
    return { key: "cell.a1", params: { cell: `${columnLetter(origin.column + column)}${origin.row + row}` } };
  }
  return width > 1
    ? { key: "cell.rowColumn", params: { row: row + 1, column: column + 1 } }
    : { key: "cell.row", params: { row: row + 1 } };
}

/** How a cell value is quoted in a message: short, single-line, as the person typed it. */
export function displayValue(cell: Cell): string {
  const text = cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell);
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine.length > 40 ? `${oneLine.slice(0, 37)}…` : oneLine;
}

/**
 * A cell as a finite number (numbers, and numeric text read by the spreadsheet's convention:
 * cells/numberText.ts), or null when it is not one. Without a convention, text is read as an
 * English sheet would.
 */
export function cellNumber(cell: Cell, convention: NumberConvention = "dot"): number | null {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : null;
  if (typeof cell === "string") return parseNumberText(cell, convention);
  return null;
}

/**
 * True for a row that reads as a header: something is written in it and nothing in it is a
 * number or a date (a column selected from its letter starts with its title, "NPS score").
 */
export function isHeaderRow(row: readonly Cell[]): boolean {
  let written = false;
  for (const cell of row) {
    if (isBlank(cell)) continue;
    if (typeof cell !== "string" || isErrorCell(cell) || cellNumber(cell) !== null) return false;
    written = true;
  }
  return written;
}

/** Throws the "empty input" error when a range held no values at all. */
export function requireValues(count: number, arg: string): void {
  if (count === 0) throw new RapportError("input.empty", { arg });
}

/**
 * A string as a cell value that Sheets keeps exactly as text. Sheets reads a written string as if
 * it were typed: "=…" becomes a formula, "+…", "-…" and "@…" formula errors, "0017" the number 17,
 * "2024-03-01" a date. A leading apostrophe marks text: Sheets stores what follows and hides the
 * apostrophe. Every text cell Rapport writes from data goes through here.
 */
export function asText(value: string): string {
  return value === "" ? "" : `'${value}`;
}

/**
 * The rows of two columns that pair up row by row (opened/answered, end/renewed); ranges of
 * different heights are an error naming both.
 */
export function rowsOfSameHeight(
  first: Range,
  second: Range,
  names: { first: string; second: string },
): [readonly (readonly Cell[])[], readonly (readonly Cell[])[]] {
  const a = asRows(first);
  const b = asRows(second);
  if (a.length !== b.length) {
    throw new RapportError("input.heightsUneven", {
      arg: names.second,
      rows: b.length,
      other: names.first,
      otherRows: a.length,
    });
  }
  return [a, b];
}
