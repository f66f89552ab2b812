import type { SURVEY_TYPES } from "../api/surveyLimits";
import type { Scale } from "../cells/scores";

/**
 * The answer scale of each survey type, defined once: NPS 0–10, CSAT 1–5, CES 1–7; a CSI factor is
 * rated 1–5. Respondents answer with whole numbers.
 */
export type SurveyType = (typeof SURVEY_TYPES)[number];

export const SURVEY_SCALES: Readonly<Record<SurveyType, Scale>> = {
  nps: { min: 0, max: 10, integer: true },
  csat: { min: 1, max: 5, integer: true },
  ces: { min: 1, max: 7, integer: true },
  csi: { min: 1, max: 5, integer: true },
};

export const NPS_SCALE: Scale = SURVEY_SCALES.nps;

/**
 * The scale a score cell of a sheet is read on. CSAT and CES cells may hold a person's averages
 * (a summary row, a mean per client), so only the NPS, a count of categories, insists on whole
 * numbers there, as the CSAT and CES formulas do.
 */
export function sheetScale(type: SurveyType): Scale {
  const scale = SURVEY_SCALES[type];
  return type === "nps" ? scale : { ...scale, integer: false };
}
