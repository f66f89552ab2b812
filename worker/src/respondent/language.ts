import type { Locale } from "../../../shared/i18n/locale";

/** `lang=` from a link or form, when it names a supported language. */
export function explicitLanguage(value: string | undefined | null): Locale | null {
  return value === "en" || value === "ru" ? value : null;
}

/**
 * The languages of an Accept-Language header that the pages speak, most preferred first
 * (`ru-RU,ru;q=0.9,en;q=0.8` → ru, en). Entries with q=0 are refused ones and are skipped.
 */
export function acceptedLanguages(header: string | undefined | null): Locale[] {
  if (!header) return [];
  const entries: { language: Locale; q: number; index: number }[] = [];
  header.split(",").forEach((part, index) => {
    const [tag = "", ...params] = part.trim().split(";");
    const primary = tag.trim().toLowerCase().split("-")[0];
    if (primary !== "en" && primary !== "ru") return;
    let q = 1;
    for (const param of params) {
      const match = /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(param);
      if (match) q = Number(match[1]);
    }
    if (Number.isFinite(q) && q > 0) entries.push({ language: primary, q, index });
  });
  entries.sort((a, b) => b.q - a.q || a.index - b.index);
  return [...new Set(entries.map((e) => e.language))];
}

/**
 * The page language, always one the survey is written in (a page in one language, never a Russian
 * question under English buttons): the link's `lang=` when the survey has it; then the browser's
 * preference among the survey's languages; then the survey's first language. Without a survey
 * (`available` empty): the link's, then the browser's, then English.
 */
export function pageLanguage(
  explicit: string | undefined | null,
  acceptLanguage: string | undefined | null,
  available: readonly Locale[] = [],
): Locale {
  const chosen = explicitLanguage(explicit);
  if (chosen && (available.length === 0 || available.includes(chosen))) return chosen;
  const accepted = acceptedLanguages(acceptLanguage);
  return accepted.find((l) => available.includes(l)) ?? available[0] ?? accepted[0] ?? "en";
}
