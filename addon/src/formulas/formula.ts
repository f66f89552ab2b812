import { errorMessage } from "../../../shared/i18n/translate";
import { spreadsheetLocale } from "../platform/locale";

/**
 * Runs a custom function's body. Any failure becomes one `Error` whose message starts with the
 * formula's name and is in the spreadsheet's language: Sheets shows it on the #ERROR! cell.
 */
export function formula<T>(name: string, body: () => T): T {
  try {
    return body();
  } catch (error) {
    throw new Error(`${name}: ${errorMessage(error, spreadsheetLocale())}`);
  }
}
