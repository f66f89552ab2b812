import { columnLetter } from "../../../shared/cells/a1";
import type { Cell } from "../../../shared/cells/values";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Header row of a sheet (row 1) in one read; blank sheets have none. */
export function headerRow(sheet: Sheet): string[] {
  const width = sheet.getLastColumn();
  if (width === 0) return [];
  return sheet
    .getRange(1, 1, 1, width)
    .getDisplayValues()[0]!
    .map((h) => h.trim());
}

/** `'Sheet name'!A1:B2`, quoting the sheet name when Sheets would. */
export function qualifiedA1(range: GoogleAppsScript.Spreadsheet.Range): string {
  const name = range.getSheet().getName();
  const quoted = /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
  return `${quoted}!${range.getA1Notation()}`;
}

/** Rows below the header row (0 for an empty sheet). */
export function dataRowCount(sheet: Sheet): number {
  return Math.max(0, sheet.getLastRow() - 1);
}

/** The cells of one column (1-based, as Sheets counts) in rows 2 … rows + 1, in one read. */
export function columnValues(sheet: Sheet, column: number, rows: number): Cell[] {
  if (rows === 0) return [];
  return (sheet.getRange(2, column, rows, 1).getValues() as Cell[][]).map((r) => r[0] as Cell);
}

export { columnLetter };

/** Today's date in the spreadsheet's time zone, as yyyy-MM-dd (what its people call today). */
export function spreadsheetToday(): string {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  return Utilities.formatDate(new Date(), ss.getSpreadsheetTimeZone() || "Etc/UTC", "yyyy-MM-dd");
}
