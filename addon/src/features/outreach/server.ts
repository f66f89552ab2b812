import { columnLetter } from "../../../../shared/cells/a1";
import type { Locale } from "../../../../shared/i18n/locale";
import { t } from "../../../../shared/i18n/translate";
import { userLocale } from "../../services/locale";
import { enrollment } from "../../services/settings";
import { dataSources } from "../../sheet/clientSheets";
import { openSidebar } from "../../sidebar/open";
import { sidebarCall } from "../../sidebar/serverCall";
import { listSurveys } from "../surveys/api";
import { previewEmail, refreshStatus, sendReminders, sendSurvey, sendTestEmail } from "./send";
import type { EmailPreview, RemindRequest, SendRequest, SendState, SendView, TemplateInput } from "./shapes";

/** Menu: Send a survey by email. */
export function showSend(): void {
  openSidebar("send", "ui.send.title");
}

/** A language column is one headed so (the add-on does not guess it from the cells). */
const LANGUAGE_HEADER = /^(language|lang|locale|язык)$/i;

/** The email the form starts with, for a survey and for a message, greeting by the name column. */
function defaults(nameHeader: string | null): SendState["defaults"] {
  const name = nameHeader ? `{{${nameHeader}}}` : "";
  // Literal keys: the build keeps only the texts Code.js names.
  const survey = (locale: Locale): TemplateInput => ({
    subject: t(locale, "ui.send.defaultSubject"),
    body: t(locale, "ui.send.defaultBody", { name }),
  });
  const message = (locale: Locale): TemplateInput => ({
    subject: t(locale, "ui.send.messageDefaultSubject"),
    body: t(locale, "ui.send.messageDefaultBody", { name }),
  });
  return { survey: { en: survey("en"), ru: survey("ru") }, message: { en: message("en"), ru: message("ru") } };
}

/** google.script.run: the Send sidebar's choices (surveys, the client list's columns, today's quota). */
export function sendState(): SendState {
  return sidebarCall(() => {
    const clients = dataSources(SpreadsheetApp.getActiveSpreadsheet()).clients;
    const headers = clients?.headers ?? [];
    const nameColumn = clients?.mapping.name ?? null;
    const nameHeader = nameColumn === null ? null : (headers[nameColumn - 1] ?? null);
    const languageIndex = headers.findIndex((h) => LANGUAGE_HEADER.test(h.trim()));
    const enrolled = enrollment() !== null;
    return {
      enrolled,
      surveys: enrolled
        ? listSurveys()
            .filter((s) => s.status === "open")
            .map((s) => ({ id: s.id, title: s.title }))
        : [],
      clientSheet: clients?.sheet.getName() ?? null,
      columns: headers.map((header, i) => ({ column: i + 1, letter: columnLetter(i + 1), header })),
      emailColumn: clients?.mapping.email ?? null,
      languageColumn: languageIndex >= 0 ? languageIndex + 1 : null,
      nameHeader,
      remainingQuota: MailApp.getRemainingDailyQuota(),
      defaults: defaults(nameHeader),
    };
  });
}

/** google.script.run: the exact email of a row's client (`row` null: the first recipient). */
export function sendPreview(request: SendRequest, row: number | null): EmailPreview {
  return sidebarCall(() => previewEmail(request, row === null ? null : Number(row), userLocale()));
}

/** google.script.run: a row's email sent to the user, marked as a test (nothing recorded). */
export function sendTestToMe(request: SendRequest, row: number | null): EmailPreview {
  return sidebarCall(() => sendTestEmail(request, row === null ? null : Number(row), userLocale()));
}

/**
 * google.script.run: one execution of "Send the survey" to the client list. Call again while
 * `more` is true and quota is left (the next run goes on where this one stopped, and sends
 * nothing twice).
 */
export function sendSurveyEmails(request: SendRequest): SendView {
  return sidebarCall(() => sendSurvey(request, userLocale()));
}

/**
 * google.script.run: one execution of "Send reminders": to the chosen clients invited at least
 * `afterDays` ago who have not answered, up to `maxReminders` each. Call again while `more` is true.
 */
export function sendReminderEmails(request: RemindRequest): SendView {
  return sidebarCall(() => sendReminders(request, userLocale()));
}

/** google.script.run: rewrites a survey's status columns from the Worker; says how many rows have one. */
export function sendStatusRefresh(surveyId: string): number {
  return sidebarCall(() => refreshStatus(String(surveyId), userLocale()));
}
