import type { DayNumber } from "../cells/dates";
import type { Locale } from "../i18n/locale";
import { t } from "../i18n/translate";
import { npsCategory } from "../metrics/nps";
import type { ResponseRecord } from "../sheets/responses";
import { flagWords } from "../surveys/flags";
import { escapeHtmlText } from "./template";

/**
 * Team alerts: the NPS detractors who answered since the alerts were switched on, as one email to
 * the team per scheduled run. Pure: which answers to tell about, and the email that tells it.
 */

/** The ledger's campaign and occurrence of alerts: each answer is told about once. */
export const ALERT_CAMPAIGN = "team-alerts";
export const ALERT_OCCURRENCE = "detractor";
/** The detractors to tell about (or since `sinceDay`) that nobody has marked as followed up, oldest first. */
export function detractorsNotFollowedUp(responses: readonly ResponseRecord[], sinceDay: DayNumber): ResponseRecord[] {
  return detractorsToTell(responses, sinceDay).filter((r) => !r.followedUp);
}

/** At most this many answers in one alert email; the rest go in the next run's. */
export const ALERTS_PER_EMAIL = 50;

/** NPS answers scored as detractors, answered on or after `sinceDay`, oldest first. */
export function detractorsToTell(responses: readonly ResponseRecord[], sinceDay: DayNumber): ResponseRecord[] {
  return responses
    .filter(
      (r) =>
        r.surveyType === "nps" &&
        r.score !== null &&
        npsCategory(r.score) === "detractor" &&
        r.answeredDay !== null &&
        r.answeredDay >= sinceDay,
    )
    .sort((a, b) => (a.answeredDay ?? 0) - (b.answeredDay ?? 0) || a.row - b.row);
}

export interface AlertEmail {
  subject: string;
  htmlBody: string;
  textBody: string;
}

/**
 * One email about the answers: survey, client, score, comment and a link to each answer's row in
 * the Responses sheet. Every value from the sheet is escaped.
 */
export function alertEmail(
  answers: readonly ResponseRecord[],
  rowLink: (answer: ResponseRecord) => string,
  spreadsheet: string,
  locale: Locale,
): AlertEmail {
  const subject = t(locale, "alerts.subject", { count: answers.length, spreadsheet });
  const lines = answers.map((a) => {
    const who = a.clientId === null ? t(locale, "alerts.anonymous") : String(a.clientId);
    const comment = a.comment === "" ? t(locale, "alerts.noComment") : `“${a.comment}”`;
    const flags = a.flags.length
      ? ` (${t(locale, "alerts.flagged", { flags: flagWords(a.flags, (key) => t(locale, key)) })})`
      : "";
    return {
      head: t(locale, "alerts.line", { survey: a.surveyTitle, client: who, score: a.score ?? "" }),
      comment,
      flags,
      link: rowLink(a),
    };
  });
  const htmlBody = [
    `<div style="font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.45;color:#18212f">`,
    `<p>${escapeHtmlText(t(locale, "alerts.intro", { spreadsheet }))}</p><ul>`,
    ...lines.map(
      (l) =>
        `<li><strong>${escapeHtmlText(l.head)}</strong>${escapeHtmlText(l.flags)}<br>${escapeHtmlText(l.comment)}<br><a href="${escapeHtmlText(l.link)}">${escapeHtmlText(t(locale, "alerts.open"))}</a></li>`,
    ),
    `</ul><p>${escapeHtmlText(t(locale, "alerts.followUp"))}</p>`,
    `<p style="color:#4f5a6d;font-size:12px">${escapeHtmlText(t(locale, "alerts.why"))}</p></div>`,
  ].join("");
  const textBody = [
    t(locale, "alerts.intro", { spreadsheet }),
    ...lines.map((l) => `- ${l.head}${l.flags}\n  ${l.comment}\n  ${l.link}`),
    t(locale, "alerts.followUp"),
    t(locale, "alerts.why"),
  ].join("\n\n");
  return { subject, htmlBody, textBody };
}
