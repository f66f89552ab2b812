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
