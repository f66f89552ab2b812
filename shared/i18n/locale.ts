export type Locale = "en" | "ru";

/**
 * Maps a locale tag as Sheets reports it ("ru_RU", "ru", "en-GB", "") to a supported language.
 * Anything that is not Russian falls back to English.
 */
export function localeFromTag(tag: string | null | undefined): Locale {
  return typeof tag === "string" && /^ru(?:[_-]|$)/i.test(tag.trim()) ? "ru" : "en";
}
