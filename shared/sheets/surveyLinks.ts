import { type Cell, isBlank } from "../cells/values";
import { LOCALES, type Locale } from "../i18n/locale";
import type { MessageKey } from "../i18n/messages.en";
import { t } from "../i18n/translate";

/**
 * "Add links": two columns beside the client list per survey, the personal link and whether the
 * client may be asked now. A person reads the survey's title in the header ("Winter pulse · survey
 * link"); the survey's id is in the header cell's note ("Rapport · survey q7m3… · links"), so a
 * second run finds the same columns in either language and after the survey is renamed. Column
 * detection never takes them for a client's data (isLinkHeader), whatever the title says.
 * Sheets written before titles were used have the id in brackets in the header
 * ("Survey link [q7m3…]"): they are still found, and rewritten in the new form.
 */

export type LinkColumnKind = "link" | "eligible";

const HEADER_KEYS = { link: "sheet.links.link", eligible: "sheet.links.eligible" } as const;
const NOTE_KEYS = { link: "sheet.links.noteLink", eligible: "sheet.links.noteEligible" } as const;
const KINDS: readonly LinkColumnKind[] = ["link", "eligible"];
/** The bracketed headers of earlier versions, in both languages. */
const LEGACY: Record<LinkColumnKind, RegExp> = {
  link: /^(?:survey link|ссылка на опрос)\s*\[([A-Za-z0-9_-]{1,64})\]$/i,
  eligible: /^(?:may ask now|можно спросить)\s*\[([A-Za-z0-9_-]{1,64})\]$/i,
};

export function linkHeader(locale: Locale, kind: LinkColumnKind, title: string): string {
  return t(locale, HEADER_KEYS[kind], { title: title.trim() });
}

/** The note that ties a link column to its survey. */
export function linkNote(locale: Locale, kind: LinkColumnKind, surveyId: string): string {
  return t(locale, NOTE_KEYS[kind], { id: surveyId });
}

/** A text's ending after the placeholder, in every language, lower case: " · survey link", … */
const endings = (keys: Record<LinkColumnKind, MessageKey>, kind: LinkColumnKind, param: string) =>
  LOCALES.map((locale) => {
    const text = t(locale, keys[kind], { [param]: "\u0000" });
    return text.slice(text.indexOf("\u0000") + 1).toLowerCase();
  });
const HEADER_ENDINGS = Object.fromEntries(KINDS.map((k) => [k, endings(HEADER_KEYS, k, "title")])) as Record<
  LinkColumnKind,
  string[]
>;
const NOTE_ENDINGS = Object.fromEntries(KINDS.map((k) => [k, endings(NOTE_KEYS, k, "id")])) as Record<
  LinkColumnKind,
  string[]
>;

/** Whether a header is one of Rapport's link columns (of any survey, in any language or version). */
export function isLinkHeader(header: string): boolean {
  const text = header.trim().toLowerCase();
  return KINDS.some(
    (kind) => LEGACY[kind].test(text) || HEADER_ENDINGS[kind].some((e) => text.length > e.length && text.endsWith(e)),
  );
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The 0-based columns holding a survey's links and eligibility, or null when not there yet: by
 * the id in the header's note, else by an earlier version's bracketed header.
 */
export function findLinkColumns(
  header: readonly Cell[],
  notes: readonly string[],
  surveyId: string,
): Record<LinkColumnKind, number | null> {
  const found: Record<LinkColumnKind, number | null> = { link: null, eligible: null };
  const id = new RegExp(`(?:^|[^A-Za-z0-9_-])${escaped(surveyId)}(?:[^A-Za-z0-9_-]|$)`);
  header.forEach((cell, i) => {
    const note = (notes[i] ?? "").trim();
    const text = isBlank(cell) ? "" : String(cell).trim();
    for (const kind of KINDS) {
      if (found[kind] !== null) continue;
      const byNote = id.test(note) && NOTE_ENDINGS[kind].some((e) => note.toLowerCase().endsWith(e));
      const byLegacyHeader = LEGACY[kind].exec(text)?.[1] === surveyId;
      if (byNote || byLegacyHeader) found[kind] = i;
    }
  });
  return found;
}

/**
 * A clickable link as a formula: =HYPERLINK("url", "label"). Both are string literals, their
 * quotes doubled, so nothing in them can end the literal and become formula code; the URL must be
 * http(s), as the Worker makes them.
 */
export function hyperlinkFormula(url: string, label: string): string {
  if (!/^https?:\/\/[^\s]+$/i.test(url)) throw new RangeError(`not an http(s) URL: ${url}`);
  const literal = (text: string) => `"${text.replace(/"/g, '""')}"`;
  return `=HYPERLINK(${literal(url)}, ${literal(label)})`;
}

/**
 * The URL of a =HYPERLINK("url", …) formula whose URL is a string literal of an http(s) address
 * (what hyperlinkFormula writes, or a person types), or null: what a click on the cell opens.
 */
export function hyperlinkUrl(formula: string): string | null {
  const m = /^=\s*HYPERLINK\(\s*"((?:[^"]|"")*)"\s*(?:[,;]|\))/i.exec(formula.trim());
  const url = m ? (m[1] as string).replace(/""/g, '"') : null;
  return url !== null && /^https?:\/\/[^\s]+$/i.test(url) ? url : null;
}
