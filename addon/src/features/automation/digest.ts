import { dayOfIso } from "../../../../shared/cells/dates";
import type { Locale } from "../../../../shared/i18n/locale";
import { detractorsNotFollowedUp } from "../../../../shared/outreach/alerts";
import type { TeamAlerts } from "../../../../shared/outreach/automation";
import { DIGEST_CAMPAIGN, DIGEST_RECIPIENT, digestEmail, digestOccurrence } from "../../../../shared/outreach/digest";
import type { ResponsesSheet } from "../../sheet/responsesSheet";
import { spreadsheetToday } from "../../sheet/sheets";
import { readDashboard } from "../dashboard/read";
import { claimSends, reportSends } from "../outreach/api";

/**
 * The team's weekly digest, sent by the first scheduled sync of each ISO week to the alert
 * addresses. The week is claimed on the Worker's ledger first, so it goes once a week whoever's
 * trigger runs first. Its figures are the Dashboard's (monthly trend); the detractors not yet
 * followed up are those since the alerts began with a blank "Followed up". Returns whether it was sent.
 */
export function sendWeeklyDigest(alerts: TeamAlerts, locale: Locale, answers: ResponsesSheet | null): boolean {
  const today = dayOfIso(spreadsheetToday());
  const occurrence = digestOccurrence(today);
  if (claimSends(DIGEST_CAMPAIGN, occurrence, [DIGEST_RECIPIENT]).claimed.length === 0) return false;
  try {
    const data = readDashboard("month", locale);
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const email = digestEmail(
      {
        spreadsheet: ss.getName(),
        today,
        nps: data.survey.nps,
        trend: data.trend,
        churn: data.customers?.churn ?? null,
        retention: data.customers?.retention ?? null,
        alerts: data.alerts,
        npsAnswers: data.answers.nps,
        notFollowedUp: answers ? detractorsNotFollowedUp(answers.records, dayOfIso(alerts.since)) : [],
        rowLink: answers?.rowLink ?? (() => ""),
      },
      locale,
    );
    MailApp.sendEmail(alerts.to.join(","), email.subject, email.textBody, { htmlBody: email.htmlBody });
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    reportSends(DIGEST_CAMPAIGN, occurrence, [], [{ contactId: DIGEST_RECIPIENT, reason }]);
    throw error;
  }
  reportSends(DIGEST_CAMPAIGN, occurrence, [DIGEST_RECIPIENT], []);
  return true;
}
