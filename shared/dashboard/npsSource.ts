import type { Answer } from "./answers";

/**
 * Where the Dashboard's NPS comes from, chosen and shown: every synced NPS survey in the Responses
 * sheet, one of them, or a score column of the client list. The choice is kept per spreadsheet so
 * that the figures never switch source by themselves (a first sync must not replace 238 answers of
 * the client list by 2 answers of a new survey without a word); the report and the digest use it too.
 */

export type NpsSourceKind = "responses" | "survey" | "column";

export interface NpsSource {
  /** "responses", "survey:<id>" or "column": what the spreadsheet remembers. */
  readonly key: string;
  readonly kind: NpsSourceKind;
  /** The Responses sheet's name, the survey's title, or the column's name ("Clients · NPS score"). */
  readonly name: string;
  readonly answers: readonly Answer[];
}

/**
 * The sources there are, in the order offered: all synced NPS surveys, each of them when there are
 * several, then the client list's column. Sources without answers are not offered.
 */
export function npsSources(
  responses: { readonly sheet: string; readonly nps: readonly Answer[] } | null,
  column: { readonly name: string; readonly nps: readonly Answer[] } | null,
): NpsSource[] {
  const out: NpsSource[] = [];
  if (responses && responses.nps.length > 0) {
    out.push({ key: "responses", kind: "responses", name: responses.sheet, answers: responses.nps });
    const bySurvey = new Map<string, { title: string; answers: Answer[] }>();
    for (const a of responses.nps) {
      const id = a.surveyId ?? "";
      const group = bySurvey.get(id) ?? { title: a.surveyTitle || id, answers: [] };
      group.answers.push(a);
      bySurvey.set(id, group);
    }
    if (bySurvey.size > 1) {
      for (const [id, group] of bySurvey) {
        out.push({ key: `survey:${id}`, kind: "survey", name: group.title, answers: group.answers });
      }
    }
  }
  if (column && column.nps.length > 0) {
    out.push({ key: "column", kind: "column", name: column.name, answers: column.nps });
  }
  return out;
}

/** The remembered source when it is still there, else the first one offered; null when none. */
export function chosenNpsSource(sources: readonly NpsSource[], remembered: string | null): NpsSource | null {
  return sources.find((s) => s.key === remembered) ?? sources[0] ?? null;
}
