import { type Cell, isBlank } from "../cells/values";
import type { Locale } from "../i18n/locale";
import { t } from "../i18n/translate";

/**
 * "Add links": two columns beside the client list per survey, the personal link and whether the
 * client may be asked now. Headers carry the survey id in brackets ("Survey link [q7m3…]") so a
 * second run finds the same columns in either language; the survey's title goes in a note, not the
 * header, so a title such as "Feedback" cannot make column detection take links for comments.
 */

export type LinkColumnKind = "link" | "eligible";

const KEYS = { link: "sheet.links.link", eligible: "sheet.links.eligible" } as const;
const BRACKETED = /\[([A-Za-z0-9_-]{1,64})\]\s*$/;

export function linkHeader(locale: Locale, kind: LinkColumnKind, surveyId: string): string {
  return t(locale, KEYS[kind], { id: surveyId });
}

/** The 0-based columns holding a survey's links and eligibility, or null when not there yet. */
export function findLinkColumns(header: readonly Cell[], surveyId: string): Record<LinkColumnKind, number | null> {
  const found: Record<LinkColumnKind, number | null> = { link: null, eligible: null };
  const prefixes = (kind: LinkColumnKind) =>
    (["en", "ru"] as const).map((l) => t(l, KEYS[kind]).split("[")[0]?.trim().toLowerCase() ?? "");
  const kinds: [LinkColumnKind, string[]][] = [
    ["link", prefixes("link")],
    ["eligible", prefixes("eligible")],
  ];
  header.forEach((cell, i) => {
    const text = isBlank(cell) ? "" : String(cell).trim();
    const id = BRACKETED.exec(text)?.[1];
    if (id !== surveyId) return;
    const lower = text.toLowerCase();
    for (const [kind, starts] of kinds) {
      if (found[kind] === null && starts.some((p) => p && lower.startsWith(p))) found[kind] = i;
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
