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
