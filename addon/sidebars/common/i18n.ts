import { type Locale, localeFromTag } from "../../../shared/i18n/locale";
import type { MessageKey, MessageParams } from "../../../shared/i18n/messages.en";
import { fillTemplate } from "../../../shared/i18n/template";

/** The sidebar's language, set by the server on the <html> element when it opens the sidebar. */
export const locale: Locale = localeFromTag(document.documentElement.dataset.rapportLocale);
document.documentElement.lang = locale;

/**
 * The sidebar's own texts: the build writes only the keys this sidebar uses, in each language,
 * into <script type="application/json" id="rapport-messages-LANG"> (addon/build/sidebarMessages.ts),
 * so a sidebar does not carry the whole catalog of every surface.
 */
const catalogs = new Map<Locale, Map<string, string>>();

function catalogOf(lang: Locale): Map<string, string> {
  let catalog = catalogs.get(lang);
  if (!catalog) {
    const json = document.getElementById(`rapport-messages-${lang}`)?.textContent ?? "{}";
    catalog = new Map(Object.entries(JSON.parse(json) as Record<string, string>));
    catalogs.set(lang, catalog);
  }
  return catalog;
}

/** The text for `key` in `lang` (the survey's language, say, rather than the user's). */
export function trIn(lang: Locale, key: MessageKey, params: MessageParams = {}): string {
  const template = catalogOf(lang).get(key);
  // A key the build did not find in this sidebar's code: fail loudly, the tests open every sidebar.
  if (template === undefined) throw new Error(`Rapport: the text "${key}" was not built into this sidebar`);
  return fillTemplate(template, params, (k, p) => trIn(lang, k, p), lang);
}

export function tr(key: MessageKey, params?: MessageParams): string {
  return trIn(locale, key, params);
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
