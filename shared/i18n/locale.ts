/** The languages Rapport speaks, everywhere: formulas, sidebars, survey pages and their links. */
export const LOCALES = ["en", "ru"] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * Maps a locale tag as Sheets reports it ("ru_RU", "ru", "en-GB", "") to a supported language.
 * Anything that is not Russian falls back to English.
 */
export function localeFromTag(tag: string | null | undefined): Locale {
  return typeof tag === "string" && /^ru(?:[_-]|$)/i.test(tag.trim()) ? "ru" : "en";
}
