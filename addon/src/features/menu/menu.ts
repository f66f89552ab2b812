import { t } from "../../../../shared/i18n/translate";
import { userLocale } from "../../services/locale";
import { openSidebar } from "../../sidebar/open";

/**
 * Builds the Rapport menu under Extensions. Runs in AuthMode.NONE on open: it reads only the
 * user's locale, never properties, the sheet or the network. The team's sidebars first, then the
 * analyst's NPS of a selection, then settings and help.
 */
export function onOpen(_event?: unknown): void {
  const locale = userLocale();
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem(t(locale, "ui.menu.dashboard"), "showDashboard")
    .addItem(t(locale, "ui.menu.surveys"), "showSurveys")
    .addItem(t(locale, "ui.menu.send"), "showSend")
    .addItem(t(locale, "ui.menu.segments"), "showSegments")
    .addItem(t(locale, "ui.menu.clientCard"), "showClientCard")
    .addSeparator()
    .addItem(t(locale, "ui.menu.nps"), "showNpsSidebar")
    .addSeparator()
    .addItem(t(locale, "ui.menu.settings"), "showSettings")
    .addItem(t(locale, "ui.menu.help"), "showHelp")
    .addToUi();
}

/** On install the menu must appear without reloading the spreadsheet. */
export function onInstall(event?: unknown): void {
  onOpen(event);
}

export function showHelp(): void {
  openSidebar("help", "ui.help.title");
}
