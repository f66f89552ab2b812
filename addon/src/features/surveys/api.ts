import {
  type CreateSurveyRequest,
  LinksResponse,
  type PersonalLink,
  ResponsesPage,
  Survey,
  SurveyList,
  SurveySummary,
  type UpdateSurveyRequest,
} from "../../../../shared/api/surveys";
import type { Locale } from "../../../../shared/i18n/locale";
import { callWorker } from "../../services/workerClient";
import type { LockWait } from "../../sheet/lock";

/** Survey actions (links, sync) wait longer than others: a sync of many pages holds the lock a while. */
export const SURVEY_LOCK: LockWait = { busy: "surveys.busy", waitMs: 20_000 };

/** The survey routes of the Worker, as the add-on calls them (responses checked with the shared schemas). */

const path = (surveyId: string, rest = "") => `api/v1/surveys/${encodeURIComponent(surveyId)}${rest}`;

export function listSurveys(): Survey[] {
  return callWorker({ method: "get", path: "api/v1/surveys", auth: { kind: "workspace" }, response: SurveyList })
    .surveys;
}

export function getSurvey(surveyId: string): Survey {
  return callWorker({ method: "get", path: path(surveyId), auth: { kind: "workspace" }, response: Survey });
}

export function createSurvey(body: CreateSurveyRequest): Survey {
  return callWorker({ method: "post", path: "api/v1/surveys", body, auth: { kind: "workspace" }, response: Survey });
}

export function updateSurvey(surveyId: string, body: UpdateSurveyRequest): Survey {
  return callWorker({ method: "patch", path: path(surveyId), body, auth: { kind: "workspace" }, response: Survey });
}

export function surveySummary(surveyId: string): SurveySummary {
  return callWorker({
    method: "get",
    path: path(surveyId, "/summary"),
    auth: { kind: "workspace" },
    response: SurveySummary,
  });
}

export function personalLinks(surveyId: string, contactIds: readonly string[], lang: Locale | null): PersonalLink[] {
  return callWorker({
    method: "post",
    path: path(surveyId, "/links"),
    body: { contacts: contactIds.map((id) => ({ id })), ...(lang ? { lang } : {}) },
    auth: { kind: "workspace" },
    response: LinksResponse,
  }).links;
}

export function responsesPage(surveyId: string, cursor: string, limit: number): ResponsesPage {
  return callWorker({
    method: "get",
    path: path(surveyId, `/responses?cursor=${encodeURIComponent(cursor)}&limit=${limit}`),
    auth: { kind: "workspace" },
    response: ResponsesPage,
  });
}
