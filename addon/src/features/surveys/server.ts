import type { CreateSurveyRequest, Survey, SurveySummary, UpdateSurveyRequest } from "../../../../shared/api/surveys";
import { columnLetter } from "../../../../shared/cells/a1";
import { isBlank } from "../../../../shared/cells/values";
import type { Locale } from "../../../../shared/i18n/locale";
import { errorMessage, t } from "../../../../shared/i18n/translate";
import { checkSurveyForm, formOfSurvey, type SurveyForm, surveyChanges } from "../../../../shared/surveys/form";
import { userLocale } from "../../services/locale";
import { enrollment } from "../../services/settings";
import { spreadsheetToday } from "../../sheet/sheets";
import { openSidebar } from "../../sidebar/open";
import { sidebarCall } from "../../sidebar/serverCall";
import * as api from "./api";
import { addLinks, clientIds, clientList, emailSnippet } from "./links";
import type { AddLinksView, CreateSurveyResult, EmailSnippetView, SurveysState, SurveyView, SyncView } from "./shapes";
import { syncAnswers } from "./sync";

/**
 * The Surveys sidebar's server functions: create, edit, close, reopen, archive and list surveys,
 * add links, sync answers.
 */

export function showSurveys(): void {
  openSidebar("surveys", "ui.surveys.title");
}

function view(survey: Survey): SurveyView {
  const locale = userLocale();
  const other = locale === "en" ? "ru" : "en";
  return {
    id: survey.id,
    title: survey.title,
    type: survey.type,
    status: survey.status,
    closed: survey.closed,
    archived: survey.archived,
    previewUrl: survey.previewUrl,
    form: formOfSurvey(survey, survey.closesAt ? dayInSpreadsheet(survey.closesAt) : ""),
    languages: (["en", "ru"] as const).filter((l) => survey.question[l] !== undefined),
    question: survey.question[locale] ?? survey.question[other] ?? "",
    responseCount: survey.responseCount,
    url: survey.url,
    anonymous: survey.anonymous,
    closesAt: survey.closesAt,
    maxResponses: survey.maxResponses,
    throttleDays: survey.throttleDays,
    createdAt: survey.createdAt,
  };
}

/** The link language chosen in the sidebar: "en", "ru", or anything else for the respondent's own. */
function linkLanguage(lang: unknown): Locale | null {
  return lang === "en" || lang === "ru" ? lang : null;
}

function surveyIdArg(surveyId: unknown): string {
  const id = String(surveyId ?? "").trim();
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) throw new Error(t(userLocale(), "surveys.chooseSurvey"));
  return id;
}

/** Enrollment, the client list and the workspace's surveys (their summaries load separately). */
export function surveysState(): SurveysState {
  return sidebarCall(() => {
    const locale = userLocale();
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    let clients: SurveysState["clients"] = null;
    let clientsProblem: string | null = null;
    try {
      const list = clientList(ss);
      clients = {
        sheet: list.sheet.getName(),
        column: columnLetter(list.idColumn),
        header: list.header,
        count: clientIds(list).filter((c) => !isBlank(c)).length,
      };
    } catch (error) {
      clientsProblem = errorMessage(error, locale);
    }
    const enrolled = enrollment() !== null;
    return {
      enrolled,
      today: spreadsheetToday(),
      clients,
      clientsProblem,
      surveys: enrolled ? api.listSurveys().map(view) : [],
    };
  });
}

/** The live summary of one survey (flagged answers left out). */
export function surveySummary(surveyId: string): SurveySummary {
  return sidebarCall(() => api.surveySummary(surveyIdArg(surveyId)));
}

/** The calendar day (yyyy-mm-dd) of an instant in the spreadsheet's time zone. */
function dayInSpreadsheet(iso: string): string {
  const timeZone = SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();
  return Utilities.formatDate(new Date(iso), timeZone, "yyyy-MM-dd");
}

/** The close instant of a close date: the end of that day in the spreadsheet's time zone. */
function endOfDay(day: string): string {
  const timeZone = SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  // The zone's offset on that day (taken at noon, clear of daylight-saving switches at night).
  const offset = Utilities.formatDate(new Date(Date.UTC(y, m - 1, d, 12)), timeZone, "XXX");
  return `${day}T23:59:59${offset}`;
}

/** Creates a survey from the sidebar's form: the form's problems by field, or the new survey. */
export function createSurvey(form: SurveyForm): CreateSurveyResult {
  return sidebarCall(() => {
    const { issues, draft } = checkSurveyForm(form, spreadsheetToday());
    if (!draft) return formIssues(issues);
    const { closesOn, ...rest } = draft;
    const body: CreateSurveyRequest = closesOn ? { ...rest, closesAt: endOfDay(closesOn) } : rest;
    return { ok: true, survey: view(api.createSurvey(body)) };
  });
}

/** The form's problems by field, in the user's language. */
function formIssues(issues: ReturnType<typeof checkSurveyForm>["issues"]): CreateSurveyResult {
  const locale = userLocale();
  return { ok: false, issues: issues.map((i) => ({ field: i.field, message: t(locale, i.key, i.params) })) };
}

/**
 * Saves an edited survey: its title, texts and limits (the type and CSI factors stay as created).
 * A close date left as it was is not checked against today, so a survey closed by its date can be
 * edited without moving it.
 */
export function editSurvey(surveyId: string, form: SurveyForm): CreateSurveyResult {
  return sidebarCall(() => {
    const id = surveyIdArg(surveyId);
    const current = api.getSurvey(id);
    const currentDay = current.closesAt ? dayInSpreadsheet(current.closesAt) : "";
    const today = spreadsheetToday();
    const kept = currentDay !== "" && currentDay < today && String(form?.closesOn ?? "").trim() === currentDay;
    const { issues, draft } = checkSurveyForm({ ...form, type: current.type }, kept ? currentDay : today);
    if (!draft) return formIssues(issues);
    const patch: UpdateSurveyRequest = { ...surveyChanges(draft) };
    if ((draft.closesOn ?? "") !== currentDay) patch.closesAt = draft.closesOn ? endOfDay(draft.closesOn) : null;
    return { ok: true, survey: view(api.updateSurvey(id, patch)) };
  });
}

/** Closes a survey now (no more answers), or reopens one closed by hand. */
export function closeSurvey(surveyId: string, closed: boolean): SurveyView {
  return sidebarCall(() => view(api.updateSurvey(surveyIdArg(surveyId), { closed: closed === true })));
}

/** Archives a survey (closing it; its answers stay) or brings it back to the list, still closed. */
export function archiveSurvey(surveyId: string, archived: boolean): SurveyView {
  return sidebarCall(() => view(api.updateSurvey(surveyIdArg(surveyId), { archived: archived === true })));
}

/** One step of "Add links" from data row `start` (0 at first; the sidebar passes `done` back). */
export function addSurveyLinks(surveyId: string, lang: string, start: number): AddLinksView {
  return sidebarCall(() => {
    const from = typeof start === "number" && Number.isInteger(start) && start >= 0 ? start : 0;
    return addLinks(surveyIdArg(surveyId), linkLanguage(lang), from, userLocale());
  });
}

/** The email snippet (score buttons) for the selected client, or the first one of the list. */
export function surveyEmailSnippet(surveyId: string, lang: string): EmailSnippetView {
  return sidebarCall(() => emailSnippet(surveyIdArg(surveyId), linkLanguage(lang)));
}

/**
 * "Sync answers" for every survey (or `options.surveyId`). `pageSize` and `maxPages` bound one
 * execution; the defaults suit the sidebar, tests pass small ones to exercise the splitting.
 */
export function syncSurveyAnswers(options?: { surveyId?: string; pageSize?: number; maxPages?: number }): SyncView {
  return sidebarCall(() => {
    const locale = userLocale();
    const surveyId = options?.surveyId === undefined ? undefined : surveyIdArg(options.surveyId);
    const outcome = syncAnswers(
      {
        ...(surveyId ? { surveyId } : {}),
        ...(options?.pageSize === undefined ? {} : { pageSize: options.pageSize }),
        ...(options?.maxPages === undefined ? {} : { maxPages: options.maxPages }),
      },
      locale,
    );
    const sum = (k: "added" | "updated" | "flagged") => outcome.surveys.reduce((s, o) => s + o[k], 0);
    const totals = { added: sum("added"), updated: sum("updated"), flagged: sum("flagged") };
    const errors = outcome.surveys.filter((o) => o.error !== null).map((o) => `${o.title}: ${o.error}`);
    const message = [
      t(locale, "surveys.sync.done", totals),
      outcome.more ? t(locale, "surveys.sync.more") : "",
      errors.length > 0 ? t(locale, "surveys.sync.failed") : "",
    ]
      .filter(Boolean)
      .join(" ");
    return {
      surveys: outcome.surveys.map(({ more: _more, ...rest }) => rest),
      ...totals,
      errors,
      more: outcome.more,
      message,
    };
  });
}
