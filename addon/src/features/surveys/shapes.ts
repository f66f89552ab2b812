/**
 * Shapes that cross google.script.run between the surveys sidebar and Code.js. Plain JSON only:
 * strings, numbers, booleans, null, arrays and plain objects (dates as ISO strings).
 */

import type { SurveyForm } from "../../../../shared/surveys/form";

/** A survey as the Surveys sidebar lists it. */
export interface SurveyView {
  id: string;
  title: string;
  type: "nps" | "csat" | "ces" | "csi";
  status: "open" | "closed" | "full";
  /** Closed by hand (Reopen undoes it); a survey past its close date is closed without this. */
  closed: boolean;
  /** Archived: closed and out of the list (Restore brings it back). */
  archived: boolean;
  /** The respondent page marked as a preview (nothing recorded), or null when the Worker cannot sign one. */
  previewUrl: string | null;
  /** The survey as the form shows it: to edit it, or to start a copy. */
  form: SurveyForm;
  /** Languages the question is written in. */
  languages: ("en" | "ru")[];
  /** The question in the user's language (else the other one). */
  question: string;
  responseCount: number;
  /** The public link (answerable when `anonymous`). */
  url: string;
  anonymous: boolean;
  /** ISO instants or null. */
  closesAt: string | null;
  maxResponses: number | null;
  throttleDays: number | null;
  createdAt: string;
}

/** What the Surveys sidebar shows on open. */
export interface SurveysState {
  enrolled: boolean;
  /** Today in the spreadsheet's time zone (yyyy-mm-dd): the earliest close date. */
  today: string;
  /** Where "Add links" writes: the client list and its client id column. */
  clients: { sheet: string; column: string; header: string; count: number } | null;
  /** Why there is no client list, in words, when `clients` is null. */
  clientsProblem: string | null;
  /** Newest first; empty when not enrolled. */
  surveys: SurveyView[];
}

/** `createSurvey`: the new survey, or the form's problems by field ("title", "factors.0.weight"…). */
export type CreateSurveyResult =
  | { ok: true; survey: SurveyView }
  | { ok: false; issues: { field: string; message: string }[] };

/** One execution of "Add links"; the sidebar calls again from `done` until it equals `total`. */
export interface AddLinksView {
  sheet: string;
  linkColumn: string;
  eligibleColumn: string;
  /** Data rows of the client list. */
  total: number;
  /** Rows done so far (this execution and earlier ones); equals total when finished. */
  done: number;
  /** In this execution: rows given a link, of them eligible now, and rows skipped (unusable id). */
  written: number;
  eligible: number;
  skipped: number;
}

/** The email snippet of one client's personal link. */
export interface EmailSnippetView {
  contactId: string;
  html: string;
  /** True when the client is the selected row's, false when it is the first of the list. */
  fromSelection: boolean;
  sheet: string;
}

/** One execution of "Sync answers". */
export interface SyncView {
  surveys: { surveyId: string; title: string; added: number; updated: number; flagged: number; error: string | null }[];
  added: number;
  updated: number;
  flagged: number;
  /** "Survey title: what went wrong", one per survey that failed. */
  errors: string[];
  /** Answers are still waiting: run again (the sidebar does so itself). */
  more: boolean;
  /** The outcome in words. */
  message: string;
}
