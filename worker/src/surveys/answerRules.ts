import type { PageState } from "./answerStore";
import { type SurveyDefinition, surveyStatus } from "./rows";

/** Whether a respondent page may take an answer: pure rules over what the page read. */

/** True when the contact answered another survey of the workspace within the survey's throttle days. */
export function isThrottled(survey: SurveyDefinition, lastOtherAnswerAt: string | null, now: number): boolean {
  if (!survey.throttleDays || lastOtherAnswerAt === null) return false;
  return Date.parse(lastOtherAnswerAt) > now - survey.throttleDays * 24 * 60 * 60 * 1000;
}

export interface Refusal {
  kind: "notFound" | "closed" | "full" | "badLink" | "inviteOnly" | "throttled";
  days?: number;
}

/**
 * Why a page may not take an answer, or null when it may. An existing answer can be edited while
 * the survey is open, whatever the cap or the throttle; `editingById` (an `r=` link) requires one.
 */
export function refusal(state: PageState, personal: boolean, editingById: boolean, now: number): Refusal | null {
  const survey = state.survey;
  if (!survey) return { kind: "notFound" };
  if (surveyStatus(survey, new Date(now)) === "closed") return { kind: "closed" };
  if (state.existing) return null;
  if (editingById) return { kind: "badLink" };
  if (surveyStatus(survey, new Date(now)) === "full") return { kind: "full" };
  if (!personal && !survey.anonymous) return { kind: "inviteOnly" };
  if (personal && isThrottled(survey, state.lastOtherAnswerAt, now)) {
    return { kind: "throttled", days: survey.throttleDays ?? 0 };
  }
  return null;
}
