import { type Locale, localeFromTag } from "../../../shared/i18n/locale";

/**
 * Language of formula messages: the spreadsheet's locale (File › Settings), as analysts expect
 * errors in the language of their sheet. Read only when a message is needed: each call is a
 * round trip in Apps Script.
 */
export function spreadsheetLocale(): Locale {
  try {
    return localeFromTag(SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale());
  } catch {
    return "en";
  }
}

/** Language of menus and sidebars: the user's own Google locale. Safe in AuthMode.NONE. */
export function userLocale(): Locale {
  try {
    return localeFromTag(Session.getActiveUserLocale());
  } catch {
    return "en";
  }
}
