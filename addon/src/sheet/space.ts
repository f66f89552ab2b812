/** Room in a sheet for the rows and columns the survey actions write. */

/** Inserts a sheet without leaving the person looking at it (insertSheet activates the new sheet). */
export function insertSheetQuietly(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  name: string,
): GoogleAppsScript.Spreadsheet.Sheet {
  const active = ss.getActiveSheet();
  const sheet = ss.insertSheet(name, ss.getNumSheets());
  if (active) ss.setActiveSheet(active);
  return sheet;
}

/** Makes sure the sheet has at least `rows` rows and `columns` columns (getRange beyond them throws). */
export function ensureSize(sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

/** The header row's cells (row 1), in one read; [] for an empty sheet. */
export function headerCells(sheet: GoogleAppsScript.Spreadsheet.Sheet): unknown[] {
  const width = sheet.getLastColumn();
  return width > 0 ? (sheet.getRange(1, 1, 1, width).getValues()[0] as unknown[]) : [];
}

/**
 * The 0-based columns of a set Rapport writes beside a list: those `found` where they are, the
 * missing ones appended after the last column in `order`. The sheet is grown to hold them.
 */
export function placeColumns<K extends string>(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  found: Readonly<Record<K, number | null>>,
  order: readonly K[],
): Record<K, number> {
  let next = sheet.getLastColumn();
  const placed = {} as Record<K, number>;
  for (const kind of order) placed[kind] = found[kind] ?? next++;
  ensureSize(sheet, 2, Math.max(...order.map((k) => placed[k])) + 1);
  return placed;
}
