import { type Locale, localeFromTag } from "../../../shared/i18n/locale";
import type { MessageKey, MessageParams } from "../../../shared/i18n/messages.en";
import { t } from "../../../shared/i18n/translate";

/** The sidebar's language, set by the server on the <html> element when it opens the sidebar. */
export const locale: Locale = localeFromTag(document.documentElement.dataset.rapportLocale);
document.documentElement.lang = locale;

export function tr(key: MessageKey, params?: MessageParams): string {
  return t(locale, key, params);
}

/** Fills every element carrying data-i18n="key" with its text. */
export function translatePage(root: ParentNode = document): void {
  for (const el of root.querySelectorAll<HTMLElement>("[data-i18n]")) {
    el.textContent = tr(el.dataset.i18n as MessageKey);
  }
}

/** Numbers in the user's convention: "33.3" in English, "33,3" in Russian. */
export function formatNumber(value: number, digits = 1): string {
  return new Intl.NumberFormat(locale === "ru" ? "ru-RU" : "en-US", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

export function formatPercent(share: number, digits = 0): string {
  return new Intl.NumberFormat(locale === "ru" ? "ru-RU" : "en-US", {
    style: "percent",
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(share);
}
