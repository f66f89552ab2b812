import { type ClientKey, clientKey } from "../cells/clientId";
import { type Cell, displayValue, isBlank } from "../cells/values";
import { type Locale, localeFromTag } from "../i18n/locale";
import type { MessageKey, MessageParams } from "../i18n/messages.en";
import { type ClientValues, placeholderKey } from "./template";

/**
 * Who an email goes to: the client list's rows that have a client id and a valid address, in the
 * chosen group, not unsubscribed and (when asked) not yet invited. Every row of the group left out
 * is listed with its reason, so nothing is skipped silently.
 */

/**
 * A pragmatic address check: one @, a dot in the domain, no spaces, at most 254 characters (the
 * longest path SMTP carries, RFC 5321 §4.5.3.1.3). MailApp throws "Invalid email" for worse.
 */
export function isEmailAddress(text: string): boolean {
  return text.length <= 254 && /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\]]+$/.test(text);
}

/** The column roles a send reads (0-based column indexes; language optional). */
export interface AudienceColumns {
  readonly clientId: number;
  readonly email: number;
  readonly language: number | null;
}

/** Which rows are in: everyone, or the rows where a column holds a value (a segment). */
export type AudienceFilter =
  | { readonly kind: "all" }
  | { readonly kind: "equals"; readonly column: number; readonly value: string };

export interface AudienceOptions {
  readonly filter: AudienceFilter;
  /** Contact ids (as the Worker keeps them) that unsubscribed: never written to again. */
  readonly optedOut: ReadonlySet<string>;
  /** Contact ids already invited to this survey; left out when `onlyNotInvited`. */
  readonly invited: ReadonlySet<string>;
  readonly onlyNotInvited: boolean;
  /** The spreadsheet's language: the email's language where a row has none. */
  readonly defaultLocale: Locale;
}

export interface Recipient {
  /** Sheet row, 1-based (row 1 is the header). */
  readonly row: number;
  readonly key: ClientKey;
  /** The client id as the Worker keeps it. */
  readonly contactId: string;
  readonly email: string;
  readonly locale: Locale;
  /** The row's values by placeholder key, as the sheet shows them. */
  readonly values: ClientValues;
}

export interface SkippedRow {
  readonly row: number;
  readonly reason: MessageKey;
  readonly params?: MessageParams;
}

export interface Audience {
  readonly recipients: Recipient[];
  readonly skipped: SkippedRow[];
}

/** A language cell: "ru", "RU", "ru_RU", "Русский", "Russian" → ru; anything else → the default. */
export function localeOfCell(cell: Cell, fallback: Locale): Locale {
  if (isBlank(cell)) return fallback;
  const text = String(cell).trim().toLowerCase();
  if (/^(русский|russian|рус)$/.test(text)) return "ru";
  if (/^(english|английский|англ)$/.test(text)) return "en";
  return /^(ru|en)(?:[_-]|$)/.test(text) ? localeFromTag(text) : fallback;
}

/** Text of a cell as the sheet shows it, for placeholders and matching. */
function cellText(cell: Cell): string {
  return isBlank(cell) ? "" : displayValue(cell).trim();
}

/**
 * Chooses the recipients among the data rows (`rows[0]` is sheet row 2). One pass; one email per
 * address (a second row with the same address is listed, not sent twice).
 */
export function selectAudience(
  header: readonly Cell[],
  rows: readonly (readonly Cell[])[],
  columns: AudienceColumns,
  options: AudienceOptions,
): Audience {
  const keys = header.map((h) => placeholderKey(cellText(h)));
  const filterValue = options.filter.kind === "equals" ? options.filter.value.trim().toLowerCase() : "";
  const recipients: Recipient[] = [];
  const skipped: SkippedRow[] = [];
  const firstRowOfEmail = new Map<string, number>();
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r] as readonly Cell[];
    const row = r + 2;
    if (cells.every((c) => isBlank(c))) continue;
    // Rows outside the chosen group are not part of the send at all: not listed as skipped.
    if (options.filter.kind === "equals" && cellText(cells[options.filter.column]).toLowerCase() !== filterValue) {
      continue;
    }
    const key = clientKey(cells[columns.clientId]);
    if (key === null) {
      skipped.push({ row, reason: "outreach.skip.noClientId" });
      continue;
    }
    const contactId = String(key);
    const email = cellText(cells[columns.email]);
    if (email === "") {
      skipped.push({ row, reason: "outreach.skip.noEmail" });
      continue;
    }
    if (!isEmailAddress(email)) {
      skipped.push({ row, reason: "outreach.skip.badEmail" });
      continue;
    }
    if (options.optedOut.has(contactId)) {
      skipped.push({ row, reason: "outreach.skip.optedOut" });
      continue;
    }
    if (options.onlyNotInvited && options.invited.has(contactId)) {
      skipped.push({ row, reason: "outreach.skip.invited" });
      continue;
    }
    const address = email.toLowerCase();
    const first = firstRowOfEmail.get(address);
    if (first !== undefined) {
      skipped.push({ row, reason: "outreach.skip.sameEmail", params: { row: first } });
      continue;
    }
    firstRowOfEmail.set(address, row);
    const values = new Map<string, string>();
    for (let c = 0; c < keys.length; c++) {
      const k = keys[c] as string;
      if (k !== "" && !values.has(k)) values.set(k, cellText(cells[c]));
    }
    const locale =
      columns.language === null ? options.defaultLocale : localeOfCell(cells[columns.language], options.defaultLocale);
    recipients.push({ row, key, contactId, email, locale, values });
  }
  return { recipients, skipped };
}
