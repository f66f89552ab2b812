import type { Context } from "hono";
import { SURVEY_SCALES, type SurveyType } from "../../../shared/api/surveys";
import type { AppEnv } from "../env";
import type { ResponseRow, SurveyDefinition } from "../surveys/rows";
import type { SurveyShape } from "../surveys/shapes";

/** What the respondent's forms and links send: the score, CSI ratings and the form's fields. */

type C = Context<AppEnv>;

/** A score as a form or a link sends it ("7"), if it is a whole number on the survey type's scale. */
function scoreOnScale(type: SurveyType, raw: string | undefined): number | undefined {
  if (raw === undefined || !/^\d{1,2}$/.test(raw)) return undefined;
  const value = Number(raw);
  const scale = SURVEY_SCALES[type];
  return value >= scale.min && value <= scale.max ? value : undefined;
}

/** The score an email's button pre-selects (`&score=`), for the person to confirm. */
export function scoreParam(survey: SurveyDefinition, raw: string | undefined): number | undefined {
  return survey.type === "csi" ? undefined : scoreOnScale(survey.type, raw);
}

export function storedAnswers(row: ResponseRow | null): Record<string, number> | undefined {
  return row?.answers ? (JSON.parse(row.answers) as Record<string, number>) : undefined;
}

export type Form = Record<string, string>;

/** Form fields as strings; a file upload or a repeated field makes the form unreadable. */
export async function readForm(c: C): Promise<Form | null> {
  const type = c.req.header("Content-Type") ?? "";
  if (!/^application\/x-www-form-urlencoded|^multipart\/form-data/i.test(type)) return null;
  let parsed: Record<string, unknown>;
  try {
    parsed = await c.req.parseBody({ all: true });
  } catch {
    return null;
  }
  // Field names come from the request: a null-prototype object, so "__proto__" is just a name.
  const form: Form = Object.create(null);
  for (const [name, value] of Object.entries(parsed)) {
    if (typeof value !== "string") return null;
    form[name] = value;
  }
  return form;
}

/** Parses the answer of the survey form, or says what is missing. */
export function readAnswer(
  survey: SurveyShape,
  form: Form,
): { score: number | null; answers: Record<string, number> | null } | { error: "noScore" | "noFactor" } {
  const valid = (raw: string | undefined) => scoreOnScale(survey.type, raw);
  if (survey.type !== "csi") {
    const score = valid(form.score);
    return score === undefined ? { error: "noScore" } : { score, answers: null };
  }
  // Keyed by factor ids a person chose: a null-prototype object, so no id can be lost.
  const answers: Record<string, number> = Object.create(null);
  let rated = 0;
  for (const factor of survey.factors ?? []) {
    const value = valid(form[`f.${factor.id}`]);
    if (value !== undefined) {
      answers[factor.id] = value;
      rated++;
    }
  }
  return rated === 0 ? { error: "noFactor" } : { score: null, answers };
}
