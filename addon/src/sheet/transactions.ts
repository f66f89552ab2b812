import { columnLetter } from "../../../shared/cells/a1";
import { type DateReading, dateReading } from "../../../shared/cells/dates";
import { readTransactions, type Transactions } from "../../../shared/cells/transactions";
import type { Cell } from "../../../shared/cells/values";
import { RapportError } from "../../../shared/errors";
import type { ColumnRole } from "../../../shared/sheets/columns";
import { TRANSACTION_ROLES } from "../../../shared/sheets/roles";
import type { SheetColumns } from "./clientSheets";
import { dataRowCount } from "./sheets";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** How this spreadsheet's dates read: its time zone (date cells) and locale (text like 1/3/2024). */
export function spreadsheetReading(ss: Spreadsheet): DateReading {
  return dateReading(ss.getSpreadsheetTimeZone() || "Etc/UTC", ss.getSpreadsheetLocale() || "en_US");
}

/** Data rows below the header (0 for an empty sheet). */
export function dataRows(columns: SheetColumns): number {
  return dataRowCount(columns.sheet);
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

/** "Transactions · Amount": a column as messages name it (sheet and header, or letter without one). */
export function columnName(source: SheetColumns, column: number): string {
  const header = source.headers[column - 1];
  return `${source.sheet.getName()} · ${header || columnLetter(column)}`;
}

/** Checks that a source has each role mapped to its own column, else says which is missing or shared. */
export function requireRoles(source: SheetColumns, roles: readonly ColumnRole[]): void {
  const sheet = source.sheet.getName();
  const seen = new Map<number, ColumnRole>();
  for (const role of roles) {
    const column = source.mapping[role];
    if (column === null) {
      throw new RapportError("dashboard.missingColumn", { sheet, role: { key: `ui.dashboard.role.${role}` } });
    }
    const other = seen.get(column);
    if (other) {
      throw new RapportError("dashboard.sameColumn", {
        sheet,
        column: columnLetter(column),
        first: { key: `ui.dashboard.role.${other}` },
        second: { key: `ui.dashboard.role.${role}` },
      });
    }
    seen.set(column, role);
  }
}

/**
 * The transactions of a sheet: its client id, date and amount columns, each read on its own.
 * Errors name the sheet's column and cell ("Transactions · Amount, cell D7: …").
 */
export function readSheetTransactions(
  source: SheetColumns,
  reading: DateReading,
  skip?: (error: RapportError) => void,
  /** Keep each transaction's row (to line up another column, such as the categories). */
  keepRows = false,
): Transactions {
  requireRoles(source, TRANSACTION_ROLES);
  const { clientId, date, amount } = source.mapping as Record<(typeof TRANSACTION_ROLES)[number], number>;
  return readTransactions(
    {
      customerIds: readColumn(source, "clientId"),
      dates: readColumn(source, "date"),
      amounts: readColumn(source, "amount"),
      names: {
        customerIds: columnName(source, clientId),
        dates: columnName(source, date),
        amounts: columnName(source, amount),
      },
      origins: {
        customerIds: { row: 2, column: clientId },
        dates: { row: 2, column: date },
        amounts: { row: 2, column: amount },
      },
      skip,
      keepRows,
    },
    reading,
  );
}
