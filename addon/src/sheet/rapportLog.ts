import { asText } from "../../../shared/cells/values";
import type { Locale } from "../../../shared/i18n/locale";
import { DATE_TIME_FORMAT } from "../../../shared/sheets/formats";
import { type LogEntry, logHeader, logRow, RAPPORT_LOG_SHEET } from "../../../shared/sheets/rapportLog";
import { ensureSize, insertSheetQuietly } from "./space";

/**
 * Appends lines to the `Rapport log` sheet, creating it (without switching the user's sheet) on
 * first use. A log whose header is shorter than today's (started by an earlier version) gets the
 * new headers in its own language's order: the columns it had keep their place.
 */
export function appendLog(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, locale: Locale, entries: LogEntry[]): void {
  if (entries.length === 0) return;
  const header = logHeader(locale);
  let sheet = ss.getSheetByName(RAPPORT_LOG_SHEET);
  if (!sheet) {
    sheet = insertSheetQuietly(ss, RAPPORT_LOG_SHEET);
    ensureSize(sheet, 1, header.length);
    sheet
      .getRange(1, 1, 1, header.length)
      .setValues([header.map(asText)])
      .setFontWeight("bold");
    sheet.setFrozenRows(1);
  } else if (sheet.getLastColumn() < header.length) {
    const had = Math.max(1, sheet.getLastColumn());
    ensureSize(sheet, 1, header.length);
    sheet
      .getRange(1, had + 1, 1, header.length - had)
      .setValues([header.slice(had).map(asText)])
      .setFontWeight("bold");
  }
  const row = sheet.getLastRow() + 1;
  ensureSize(sheet, row + entries.length - 1, header.length);
  sheet.getRange(row, 1, entries.length, header.length).setValues(entries.map((e) => logRow(e, locale)));
  sheet.getRange(row, 1, entries.length, 1).setNumberFormat(DATE_TIME_FORMAT);
}
