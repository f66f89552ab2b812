import type { Cell } from "../cells/values";
import { asText } from "../cells/values";
import type { Locale } from "../i18n/locale";
import type { MessageKey } from "../i18n/messages.en";
import { t } from "../i18n/translate";

/**
 * The visible log of survey syncs: a `Rapport log` sheet with one line per survey synced (and one
 * line when nothing changed), newest at the bottom. Headers in the language of whoever created it.
 */
export const SYNC_LOG_SHEET = "Rapport log";

export const LOG_COLUMNS = ["when", "survey", "added", "updated", "flagged", "errors"] as const;

export function logHeader(locale: Locale): string[] {
  return LOG_COLUMNS.map((c) => t(locale, `sheet.log.${c}` as MessageKey));
}

export interface LogEntry {
  when: Date;
  survey: string;
  added: number;
  updated: number;
  flagged: number;
  /** What went wrong, in words; "" when nothing did. */
  error: string;
}

export function logRow(entry: LogEntry): Cell[] {
  return [entry.when, asText(entry.survey), entry.added, entry.updated, entry.flagged, asText(entry.error)];
}
