/** A1 notation helpers for the fake spreadsheet. */
import { columnLetter, columnNumber } from "../../shared/cells/a1";

export { columnLetter, columnNumber };

export interface GridRect {
  /** 1-based first row and column. */
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export function a1Notation(rect: GridRect): string {
  const start = `${columnLetter(rect.column)}${rect.row}`;
  if (rect.numRows === 1 && rect.numColumns === 1) return start;
  return `${start}:${columnLetter(rect.column + rect.numColumns - 1)}${rect.row + rect.numRows - 1}`;
}

/** Splits "Sheet 1!A1:B2" or "'My sheet'!A1" into sheet name and the cell part. */
export function splitSheetName(a1: string): { sheet: string | null; cells: string } {
  const match = /^(?:'((?:[^']|'')+)'|([^!']+))!(.+)$/.exec(a1.trim());
  if (!match) return { sheet: null, cells: a1.trim() };
  const sheet = match[1] !== undefined ? match[1].replace(/''/g, "'") : (match[2] as string);
  return { sheet, cells: match[3] as string };
}

/**
 * Parses A1 notation ("B2", "A1:C10", "A:A", "B2:B", "3:5") against a sheet of the given size.
 * Open-ended parts run to the sheet's last row or column, as in Sheets.
 */
export function parseA1(cells: string, maxRows: number, maxColumns: number): GridRect | null {
  const part = /^([A-Za-z]*)(\d*)$/;
  const [startText, endText] = cells.replace(/\$/g, "").split(":");
  const start = part.exec(startText ?? "");
  const end = endText === undefined ? start : part.exec(endText);
  if (!start || !end || (start[1] === "" && start[2] === "")) return null;
  const c1 = start[1] ? columnNumber(start[1]) : 1;
  const r1 = start[2] ? Number(start[2]) : 1;
  const c2 = end[1] ? columnNumber(end[1]) : start[1] && !end[2] ? c1 : maxColumns;
  const r2 = end[2] ? Number(end[2]) : maxRows;
  if (endText === undefined && (!start[1] || !start[2])) return null;
  if (r1 < 1 || c1 < 1 || r2 < r1 || c2 < c1) return null;
  return { row: r1, column: c1, numRows: r2 - r1 + 1, numColumns: c2 - c1 + 1 };
}
