import { type Cell, isBlank } from "../cells/values";
import { LOCALES, type Locale } from "../i18n/locale";
import type { MessageKey } from "../i18n/messages.en";
import { t } from "../i18n/translate";
import type { ContactSendStatus } from "./status";

/**
 * The two columns a survey's emails get beside the client list: when the client was last emailed
 * and the status. Headers read "<survey title> · last email" / "· email status" (or the Russian
 * ones), so a person sees which survey they belong to; a later run finds them in either language.
 * Column detection never takes them for a client's data (isSendStatusHeader).
 */

export type StatusColumnKind = "sentAt" | "status";
const KEYS: Record<StatusColumnKind, MessageKey> = {
  sentAt: "sheet.outreach.sentAt",
  status: "sheet.outreach.status",
};

export function statusHeader(locale: Locale, kind: StatusColumnKind, title: string): string {
  return t(locale, KEYS[kind], { title: title.trim() });
}

/** The header suffixes in every language, lower case (" · last email", …). */
const SUFFIXES = LOCALES.flatMap((locale) =>
  (Object.keys(KEYS) as StatusColumnKind[]).map((kind) => t(locale, KEYS[kind], { title: "" }).trim().toLowerCase()),
);

/** Whether a header is one of Rapport's status columns (of any survey). */
export function isSendStatusHeader(header: string): boolean {
  const text = header.trim().toLowerCase();
  return SUFFIXES.some((suffix) => text.length > suffix.length && text.endsWith(suffix));
}

/** The 0-based columns holding a survey's status, or null where not there yet. */
export function findStatusColumns(header: readonly Cell[], title: string): Record<StatusColumnKind, number | null> {
  const found: Record<StatusColumnKind, number | null> = { sentAt: null, status: null };
  const wanted = (kind: StatusColumnKind) => LOCALES.map((l) => statusHeader(l, kind, title).toLowerCase());
  header.forEach((cell, i) => {
    const text = isBlank(cell) ? "" : String(cell).trim().toLowerCase();
    for (const kind of ["sentAt", "status"] as const) {
      if (found[kind] === null && wanted(kind).includes(text)) found[kind] = i;
    }
  });
  return found;
}

/** The status in words, in the sheet's language. */
export function statusText(locale: Locale, status: ContactSendStatus): string {
  switch (status.kind) {
    case "reminded":
      return t(locale, "sheet.outreach.reminded", { count: status.reminders });
    case "failed":
      return t(locale, "sheet.outreach.failed", { reason: status.reason ?? "" });
    default:
      return t(locale, `sheet.outreach.${status.kind}` as MessageKey);
  }
}
