import { type DateReading, dateReading } from "../../../shared/cells/dates";
import { readTransactions, type Transactions } from "../../../shared/cells/transactions";
import type { Cell } from "../../../shared/cells/values";
import type { ColumnRole } from "../../../shared/sheets/columns";
import type { SheetColumns } from "./clientSheets";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** How this spreadsheet's dates read: its time zone (date cells) and locale (text like 1/3/2024). */
export function spreadsheetReading(ss: Spreadsheet): DateReading {
  return dateReading(ss.getSpreadsheetTimeZone() || "Etc/UTC", ss.getSpreadsheetLocale() || "en_US");
}

/** Data rows below the header (0 for an empty sheet). */
export function dataRows(columns: SheetColumns): number {
  return Math.max(0, columns.sheet.getLastRow() - 1);
}

/**
 * One column's data cells (rows 2 … last) in one read, shaped as a one-column range: each
 * column is read on its own so that a wide sheet's other columns are never loaded.
 */
export function readColumn(columns: SheetColumns, role: ColumnRole): Cell[][] {
  const column = columns.mapping[role];
  const rows = dataRows(columns);
  if (column === null || rows === 0) return [];
  return columns.sheet.getRange(2, column, rows, 1).getValues() as Cell[][];
}

/** The column's name in messages: "Transactions › Amount". */
function argName(columns: SheetColumns, role: ColumnRole): string {
  const column = columns.mapping[role] as number;
  return `${columns.sheet.getName()} › ${columns.headers[column - 1] || role}`;
}

/**
 * The transactions of a sheet whose client id, date and amount columns are mapped (the caller
 * checks). Errors name the sheet's column and cell.
 */
export function readSheetTransactions(columns: SheetColumns, reading: DateReading): Transactions {
  const origin = (role: ColumnRole) => ({ row: 2, column: columns.mapping[role] as number });
  return readTransactions(
    {
      customerIds: readColumn(columns, "clientId"),
      dates: readColumn(columns, "date"),
      amounts: readColumn(columns, "amount"),
      names: {
        customerIds: argName(columns, "clientId"),
        dates: argName(columns, "date"),
        amounts: argName(columns, "amount"),
      },
      origins: { customerIds: origin("clientId"), dates: origin("date"), amounts: origin("amount") },
    },
    reading,
  );
}
