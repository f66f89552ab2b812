import { errorMessage, t } from "../../../../shared/i18n/translate";
import { messageName } from "../../../../shared/outreach/message";
import { spreadsheetLocale } from "../../services/locale";
import { readResponsesSheet } from "../../sheet/responsesSheet";
import { refreshStatus, sendOnDates, sendRecurring, sendReminders, sendSurvey } from "../outreach/send";
import type { SendView } from "../outreach/shapes";
import { listSurveys } from "../surveys/api";
import { syncAnswers } from "../surveys/sync";
import { sendTeamAlerts } from "./alerts";
import { sendWeeklyDigest } from "./digest";
import { readAutomation, writeLastRun } from "./settingsStore";

/**
 * What the time-driven triggers run. Nobody is watching: each survey's outcome (or failure) goes
 * into the kind's last run, which the Send sidebar shows, and every send writes its status columns
 * and its Rapport log line as a run from the sidebar does. One survey failing does not stop the
 * others. Texts are in the spreadsheet's language (a trigger has no user at the screen).
 */

/** Scheduled runs stop starting new work after this long: Apps Script ends an execution at 6 minutes. */
const TIME_BUDGET_MS = 4.5 * 60_000;

function describe(title: string, view: SendView) {
  return { title, sent: view.sent, failed: view.failed.length, waiting: view.waiting };
}

/** Trigger: the day's invitations, reminders, recurring asks and dated sends of every scheduled survey and message. */
export function runScheduledSends(): void {
  const began = Date.now();
  const locale = spreadsheetLocale();
  const settings = readAutomation();
  const lines: string[] = [];
  let ok = true;
  let titles = new Map<string, string>();
  try {
    titles = new Map(listSurveys().map((s) => [s.id, s.title]));
  } catch {
    // The sends below meet the same failure and report it, survey by survey.
  }
  for (const scheduled of settings.surveys) {
    const { message } = scheduled.send;
    const title = message
      ? messageName(message.name)
      : (titles.get(scheduled.send.surveyId) ?? scheduled.send.surveyId);
    if (Date.now() - began > TIME_BUDGET_MS) {
      lines.push(t(locale, "automation.outOfTime"));
      break;
    }
    try {
      if (scheduled.invite) {
        const view = sendSurvey(scheduled.send, locale, began);
        lines.push(t(locale, message ? "automation.messageRun" : "automation.inviteRun", describe(title, view)));
      }
      if (scheduled.reminders) {
        const view = sendReminders({ ...scheduled.send, ...scheduled.reminders }, locale, began);
        lines.push(t(locale, "automation.remindersRun", describe(title, view)));
      }
      if (scheduled.event !== null) {
        const view = sendOnDates(scheduled.send, scheduled.event, locale, began);
        lines.push(t(locale, "automation.eventRun", describe(title, view)));
      }
      if (scheduled.everyDays !== null) {
        const view = sendRecurring(scheduled.send, scheduled.everyDays, locale, began);
        lines.push(t(locale, "automation.recurringRun", describe(title, view)));
      }
    } catch (error) {
      ok = false;
      lines.push(`${title}: ${errorMessage(error, locale)}`);
    }
  }
  writeLastRun("sends", { at: new Date().toISOString(), ok, summary: lines.join(" ").slice(0, 2_000) });
}

/** Trigger: answers into the Responses sheet, then the scheduled surveys' status columns (who answered). */
export function runScheduledSync(): void {
  const locale = spreadsheetLocale();
  let summary: string;
  let ok = true;
  try {
    const outcome = syncAnswers({}, locale);
    const added = outcome.surveys.reduce((n, s) => n + s.added, 0);
    const updated = outcome.surveys.reduce((n, s) => n + s.updated, 0);
    const failed = outcome.surveys.find((s) => s.error !== null);
    ok = !failed;
    summary = failed?.error ?? t(locale, "automation.syncRun", { added, updated });
    const settings = readAutomation();
    // Answers change a survey's statuses; a message's change only when it is sent, which rewrites them.
    for (const scheduled of settings.surveys) {
      if (!scheduled.send.message) refreshStatus(scheduled.send.surveyId, locale);
    }
    if (settings.alerts) {
      // The Responses sheet read once, for the alerts and the digest both.
      const answers = readResponsesSheet(SpreadsheetApp.getActiveSpreadsheet());
      const told = sendTeamAlerts(settings.alerts, locale, answers);
      if (told > 0) summary += ` ${t(locale, "automation.alertsSent", { count: told })}`;
      if (sendWeeklyDigest(settings.alerts, locale, answers)) summary += ` ${t(locale, "automation.digestSent")}`;
    }
  } catch (error) {
    ok = false;
    summary = errorMessage(error, locale);
  }
  writeLastRun("sync", { at: new Date().toISOString(), ok, summary: summary.slice(0, 2_000) });
}
