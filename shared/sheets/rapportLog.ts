import type { Cell } from "../cells/values";
import { asText } from "../cells/values";
import type { Locale } from "../i18n/locale";
import type { MessageKey } from "../i18n/messages.en";
import { t } from "../i18n/translate";

/**
 * The visible log of what Rapport did to the spreadsheet's data: a `Rapport log` sheet with one
 * line per survey synced (one line when nothing changed) and one per send or reminder run, newest
 * at the bottom. Headers in the language of whoever created it. The send columns come after the
 * sync ones, so a log started by an earlier version keeps its columns and simply grows.
 */
export const RAPPORT_LOG_SHEET = "Rapport log";

export const LOG_COLUMNS = [
  "when",
  "survey",
  "added",
  "updated",
  "flagged",
  "errors",
  "action",
  "sent",
  "failed",
  "notSent",
] as const;

export type LogAction = "sync" | "send" | "remind";

export function logHeader(locale: Locale): string[] {
  return LOG_COLUMNS.map((c) => t(locale, `sheet.log.${c}` as MessageKey));
}

interface LogLine {
  when: Date;
  survey: string;
  /** What went wrong, in words; "" when nothing did. */
  error: string;
}

/** A survey's answers brought into the Responses sheet. */
export interface SyncLogEntry extends LogLine {
  action: "sync";
  added: number;
  updated: number;
  flagged: number;
}

/** One run of sending a survey's invitations or reminders. */
export interface SendLogEntry extends LogLine {
  action: "send" | "remind";
  sent: number;
  failed: number;
  /** Rows of the chosen group left out (no address, unsubscribed, …). */
  notSent: number;
}

export type LogEntry = SyncLogEntry | SendLogEntry;

export function logRow(entry: LogEntry, locale: Locale): Cell[] {
  const action = asText(t(locale, `sheet.log.action.${entry.action}` as MessageKey));
  const head: Cell[] = [entry.when, asText(entry.survey)];
  return entry.action === "sync"
    ? [...head, entry.added, entry.updated, entry.flagged, asText(entry.error), action, "", "", ""]
    : [...head, "", "", "", asText(entry.error), action, entry.sent, entry.failed, entry.notSent];
}
