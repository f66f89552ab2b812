import { type DateReading, dateReading } from "../../../shared/cells/dates";
import { argumentReference, callArguments, placeError } from "../../../shared/cells/formulaArguments";
import { asRows, type Cell, type Range } from "../../../shared/cells/values";
import { isRapportError } from "../../../shared/errors";
import type { Locale } from "../../../shared/i18n/locale";
import { errorMessage } from "../../../shared/i18n/translate";
import { spreadsheetLocale } from "../services/locale";

/**
 * What a formula may need to know about its spreadsheet, read lazily: each property costs a
 * round trip in Apps Script, and most formulas need neither (NPS reads nothing unless it fails).
 */
export interface FormulaContext {
  /** Language of texts inside results (notes, warnings): the spreadsheet's locale. */
  readonly locale: Locale;
  /** How dates are read: the spreadsheet's time zone (date cells) and locale (text like 1/3/2024). */
  readonly dates: DateReading;
  /**
   * A date-time argument's cells as the sheet holds them, with the reading that fits. Sheets may
   * pass date-times shifted to the script's zone (Google's guide to custom functions warns of it),
   * which no rule can undo for times of day; so when the argument was written as a plain
   * reference, its cells are read again with getValues(), which returns true instants (custom
   * functions may read the spreadsheet). Otherwise the values as passed.
   */
  dateTimes(arg: string, value: Range): { cells: Range; reading: DateReading };
}

function spreadsheetDates(options: { customFunction?: boolean } = { customFunction: true }): DateReading {
  let timeZone = "Etc/UTC";
  let locale = "en_US";
  try {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    timeZone = spreadsheet.getSpreadsheetTimeZone() || timeZone;
    locale = spreadsheet.getSpreadsheetLocale() || locale;
  } catch {
    // No spreadsheet (a test calling the bundle directly): UTC and US-style slash dates.
  }
  return dateReading(timeZone, locale, options);
}

/**
 * The arguments as written in the formula's own cell. In a custom function the active range is
 * the cell the formula is in; read only when a message needs it (two calls to Apps Script).
 */
function writtenArguments(name: string): string[] | null {
  try {
    const formulaText = SpreadsheetApp.getActiveRange()?.getFormula();
    return formulaText ? callArguments(formulaText, name) : null;
  } catch {
    return null;
  }
}

/** The cells an argument written as a reference holds, when they match what Sheets passed. */
function referencedValues(name: string, index: number, passed: Range): Range | null {
  const text = index >= 0 ? writtenArguments(name)?.[index] : undefined;
  const reference = text === undefined ? null : argumentReference(text);
  if (!reference) return null;
  try {
    const range = reference.text.includes("!")
      ? SpreadsheetApp.getActiveSpreadsheet().getRange(reference.text)
      : SpreadsheetApp.getActiveSheet().getRange(reference.text);
    const values = range.getValues();
    const rows = asRows(passed);
    return values.length === rows.length && values[0]?.length === rows[0]?.length ? values : null;
  } catch {
    return null;
  }
}

/**
 * Runs a custom function's body. Any failure becomes one `Error` whose message starts with the
 * formula's name and is in the spreadsheet's language: Sheets shows it on the #ERROR! cell. A
 * message about an input names the sheet cell when the argument was a reference (E2:E304, cell
 * E5), else the argument (`params`: the names in order, as autocomplete shows them).
 */
export function formula<T>(name: string, params: readonly string[], body: (context: FormulaContext) => T): T {
  let locale: Locale | undefined;
  let dates: DateReading | undefined;
  const context: FormulaContext = {
    get locale() {
      if (locale === undefined) locale = spreadsheetLocale();
      return locale;
    },
    get dates() {
      if (dates === undefined) dates = spreadsheetDates();
      return dates;
    },
    dateTimes(arg, value) {
      const cells = referencedValues(name, params.indexOf(arg), value);
      return cells ? { cells, reading: spreadsheetDates({}) } : { cells: value, reading: context.dates };
    },
  };
  try {
    return body(context);
  } catch (error) {
    const language = locale ?? spreadsheetLocale();
    const placed = isRapportError(error) ? placeError(error, params, writtenArguments(name), language) : error;
    throw new Error(`${name}: ${errorMessage(placed, language)}`);
  }
}

/** A value for a result cell: blank where there is none (a rate without a denominator). */
export const blankIfNull = (value: number | null | undefined): Cell =>
  value === null || value === undefined ? "" : value;
