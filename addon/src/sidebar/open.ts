import type { Locale } from "../../../shared/i18n/locale";
import type { MessageKey } from "../../../shared/i18n/messages.en";
import { t } from "../../../shared/i18n/translate";
import { userLocale } from "../services/locale";

/** Sidebars built by `npm run build` into addon/dist/<name>.html. */
export type SidebarName = "nps" | "help" | "settings" | "dashboard" | "segments" | "clientCard" | "surveys" | "send";

const LOCALE_MARKER = 'data-rapport-locale="en"';

/**
 * Opens a sidebar in the user's language. The built HTML carries both languages; the server
 * only flips the locale attribute, so the page renders right away without a round trip.
 */
export function openSidebar(name: SidebarName, titleKey: MessageKey): void {
  const locale: Locale = userLocale();
  const output = HtmlService.createHtmlOutputFromFile(name);
  output.setContent(output.getContent().replace(LOCALE_MARKER, `data-rapport-locale="${locale}"`));
  output.setTitle(t(locale, titleKey));
  SpreadsheetApp.getUi().showSidebar(output);
}
