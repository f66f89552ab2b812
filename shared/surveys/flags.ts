import type { ResponseFlag } from "../api/surveys";
import type { MessageKey } from "../i18n/messages.en";

/**
 * Answers the Worker flagged (honeypot, too fast, same IP, duplicate) stay in the Responses sheet
 * with their flags, for a person to judge, and are left out of every figure: the Worker's survey
 * summaries (unless asked to include them), the Surveys sidebar, the Dashboard, the report and the
 * weekly digest. This is the one place that says so.
 */
export const FLAGGED_IN_FIGURES = false;

/** The answers a figure counts. */
export function countedInFigures<T extends { readonly flagged: boolean }>(answers: readonly T[]): T[] {
  return FLAGGED_IN_FIGURES ? [...answers] : answers.filter((a) => !a.flagged);
}

/** What each flag means, for a person: the sheet and the API keep the codes. */
export const FLAG_LABEL_KEYS: Readonly<Record<ResponseFlag, MessageKey>> = {
  honeypot: "flag.honeypot",
  too_fast: "flag.too_fast",
  same_ip: "flag.same_ip",
  duplicate: "flag.duplicate",
};

/**
 * Flags in words, joined; a code Rapport does not know (typed into the sheet) stays as it is.
 * `translate` is the caller's (Code.js's t, a sidebar's tr), so this module carries no texts.
 */
export function flagWords(flags: readonly string[], translate: (key: MessageKey) => string): string {
  return flags
    .map((flag) => {
      const key = (FLAG_LABEL_KEYS as Record<string, MessageKey | undefined>)[flag];
      return key ? translate(key) : flag;
    })
    .join("; ");
}
