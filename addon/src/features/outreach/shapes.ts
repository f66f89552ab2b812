/**
 * Shapes that cross google.script.run between the Send step and Code.js. Plain JSON only:
 * strings, numbers, booleans, null, arrays and plain objects.
 */

import type { SendRequest } from "../../../../shared/outreach/automation";
import type { ColumnChoice } from "../../sidebar/shapes";

/** The email in one language. */
export type TemplateInput = { subject: string; body: string };

/**
 * A send as the sidebar describes it: the survey, the email in English and/or Russian (a client
 * gets their language's, else the other), only the rows where a column (1-based) holds a value or
 * everyone (null), and the column with each client's language or null for the spreadsheet's. One
 * schema (shared/outreach/automation.ts) checks it when a schedule is saved and when it runs.
 */
export type { SendRequest };

/** Reminders of a survey to those who were invited and have not answered. */
export interface RemindRequest extends SendRequest {
  /** Days after the invitation (or the last reminder) before reminding. */
  afterDays: number;
  /** Reminders at most, per client. */
  maxReminders: number;
}

export interface SendRowView {
  row: number;
  email: string;
  reason: string;
}

/** One execution of Send; the sidebar calls again while `more` is true and quota is left. */
export interface SendView {
  /** Emails sent in this execution. */
  sent: number;
  failed: SendRowView[];
  /** Rows left out (no address, unsubscribed, …), with the reason in the user's language. */
  skipped: { row: number; reason: string }[];
  /** Clients already sent this survey (by any earlier run): never again. */
  alreadySent: number;
  /** Claimed by a run that stopped before it could report: neither counted nor sent again. */
  pending: number;
  /** Left out of a reminder because they answered (the Worker's answers decide). */
  answered: number;
  /** Recipients left for another run (today's quota or this execution's time ran out). */
  waiting: number;
  /** What MailApp still allows today. */
  remainingQuota: number;
  more: boolean;
  message: string;
}

/** One client's email as Send would write it: what the preview shows, or what the test sent. */
export interface EmailPreview {
  row: number;
  to: string;
  subject: string;
  html: string;
}

export interface SendSurveyChoice {
  id: string;
  title: string;
}

/** What the Send sidebar shows when it opens. */
export interface SendState {
  enrolled: boolean;
  /** The workspace's open surveys, newest first. */
  surveys: SendSurveyChoice[];
  /** The client list's sheet and columns (1-based), or null when there is none. */
  clientSheet: string | null;
  columns: ColumnChoice[];
  emailColumn: number | null;
  languageColumn: number | null;
  /** The header of the client list's name column, for the placeholder example. */
  nameHeader: string | null;
  /** Recipients MailApp still allows today. */
  remainingQuota: number;
  /** Starting texts in each language, with the client list's name column as a placeholder. */
  defaults: Record<"survey" | "message", { en: TemplateInput; ru: TemplateInput }>;
}
