import { dayOfIso } from "../../../../shared/cells/dates";
import type { Locale } from "../../../../shared/i18n/locale";
import {
  ALERT_CAMPAIGN,
  ALERT_OCCURRENCE,
  ALERTS_PER_EMAIL,
  alertEmail,
  detractorsToTell,
} from "../../../../shared/outreach/alerts";
import type { TeamAlerts } from "../../../../shared/outreach/automation";
import type { ResponsesSheet } from "../../sheet/responsesSheet";
import { claimSends, reportSends } from "../outreach/api";

/** Claims per request: the Worker's limit. */
const CLAIM_CHUNK = 500;

/**
 * Emails the team about the NPS detractors in the Responses sheet not yet told about, in one
 * message. Each answer is claimed on the Worker's ledger first, so a run repeated, or two at
 * once, never tells about an answer twice; those beyond one email's worth wait for the next run.
 * Returns how many answers the email told about. `answers`: the Responses sheet as the scheduled
 * sync read it once for the alerts and the digest.
 */
export function sendTeamAlerts(alerts: TeamAlerts, locale: Locale, answers: ResponsesSheet | null): number {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!answers) return 0;
  const due = detractorsToTell(answers.records, dayOfIso(alerts.since));
  const chosen: typeof due = [];
  const later: string[] = [];
  for (let i = 0; i < due.length && chosen.length < ALERTS_PER_EMAIL; i += CLAIM_CHUNK) {
    const chunk = due.slice(i, i + CLAIM_CHUNK);
    const claimed = new Set(
      claimSends(
        ALERT_CAMPAIGN,
        ALERT_OCCURRENCE,
        chunk.map((r) => r.responseId),
      ).claimed,
    );
    for (const r of chunk) {
      if (!claimed.has(r.responseId)) continue;
      if (chosen.length < ALERTS_PER_EMAIL) chosen.push(r);
      else later.push(r.responseId);
    }
  }
  // Claimed beyond this email: released for the next run.
  if (later.length) {
    reportSends(
      ALERT_CAMPAIGN,
      ALERT_OCCURRENCE,
      [],
      later.map((contactId) => ({ contactId, reason: "next alert" })),
    );
  }
  if (chosen.length === 0) return 0;
  const email = alertEmail(chosen, answers.rowLink, ss.getName(), locale);
  const ids = chosen.map((r) => r.responseId);
  try {
    MailApp.sendEmail(alerts.to.join(","), email.subject, email.textBody, { htmlBody: email.htmlBody });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    reportSends(
      ALERT_CAMPAIGN,
      ALERT_OCCURRENCE,
      [],
      ids.map((contactId) => ({ contactId, reason: reason.slice(0, 500) })),
    );
    throw error;
  }
  reportSends(ALERT_CAMPAIGN, ALERT_OCCURRENCE, ids, []);
  return chosen.length;
}
