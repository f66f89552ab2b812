import type { CsiFactor, LocalizedText, SurveyType } from "../../../shared/api/surveys";
import type { Locale } from "../../../shared/i18n/locale";

/**
 * What a submission is validated against: a survey's type and CSI factors. Neither can change
 * after creation (PATCH refuses them) and surveys are never deleted, so each isolate keeps them
 * once read, which saves a database round trip on every submission. `languages` (which can
 * change) only breaks a tie when a form arrives without `lang`.
 */
export interface SurveyShape {
  type: SurveyType;
  factors: CsiFactor[] | null;
  languages: Locale[];
}

const MAX_ENTRIES = 1000;
const shapes = new Map<string, SurveyShape>();

export async function surveyShape(db: D1Database, surveyId: string): Promise<SurveyShape | null> {
  const known = shapes.get(surveyId);
  if (known) return known;
  const row = await db
    .prepare("SELECT type, factors, question FROM surveys WHERE id = ?1")
    .bind(surveyId)
    .first<{ type: SurveyType; factors: string | null; question: string }>();
  if (!row) return null;
  const question = JSON.parse(row.question) as LocalizedText;
  const shape: SurveyShape = {
    type: row.type,
    factors: row.factors === null ? null : (JSON.parse(row.factors) as CsiFactor[]),
    languages: (["en", "ru"] as const).filter((language) => question[language] !== undefined),
  };
  if (shapes.size >= MAX_ENTRIES) shapes.delete(shapes.keys().next().value as string);
  shapes.set(surveyId, shape);
  return shape;
}
