import { type DayNumber, isoDay } from "../cells/dates";
import type { DashboardAlert } from "../dashboard/alerts";
import type { Answer } from "../dashboard/answers";
import type { NpsFigure, PeriodRate, TrendRow } from "../dashboard/figures";
import { percent, pValue, signed } from "../dashboard/format";
import type { Locale } from "../i18n/locale";
import { t } from "../i18n/translate";
import { npsCategory, npsFromCounts } from "../metrics/nps";
import { npsDifference } from "../metrics/survey";
import type { ResponseRecord } from "../sheets/responses";
import { countedInFigures } from "../surveys/flags";
import type { AlertEmail } from "./alerts";
import { escapeHtmlText } from "./template";

/**
 * The team's weekly digest: the figures the Dashboard shows, as one email on the first scheduled
 * sync of each ISO week. Pure: the week's key and the email; the figures come from the Dashboard's
 * own computation, so the digest and the Dashboard never disagree.
 */

export const DIGEST_CAMPAIGN = "team-digest";
/** The ledger's one "contact" of the digest: the team. */
export const DIGEST_RECIPIENT = "team";
/** Detractors' comments quoted at most. */
export const DIGEST_COMMENTS = 5;

/** "week:2026-W49": the ISO 8601 week of a day (weeks start on Monday; week 1 holds a Thursday). */
export function digestOccurrence(day: DayNumber): string {
  // 1970-01-01 was a Thursday: day 0 has ISO weekday 4.
  const weekday = (((day + 3) % 7) + 7) % 7; // 0 = Monday
  const thursday = day - weekday + 3;
  const year = new Date(thursday * 86_400_000).getUTCFullYear();
  const jan1 = Math.floor(Date.UTC(year, 0, 1) / 86_400_000);
  const week = Math.floor((thursday - jan1) / 7) + 1;
  return `week:${year}-W${String(week).padStart(2, "0")}`;
}

export interface DigestInput {
  readonly spreadsheet: string;
  readonly today: DayNumber;
  /** NPS of every answer the Dashboard reads, with its interval. */
  readonly nps: NpsFigure | null;
  /** The Dashboard's monthly trend, oldest first. */
  readonly trend: readonly TrendRow[];
  readonly churn: PeriodRate | null;
  readonly retention: PeriodRate | null;
  readonly alerts: readonly DashboardAlert[];
  /** The NPS answers the Dashboard reads. */
  readonly npsAnswers: readonly Answer[];
  /** The detractors since the alerts began whose "Followed up" cell is blank, oldest first. */
  readonly notFollowedUp: readonly ResponseRecord[];
  /** A link to an answer's row in the Responses sheet. */
  readonly rowLink: (answer: ResponseRecord) => string;
}

/** The NPS answers of the last 7 days, today included (flagged ones left out, as in every figure). */
function lastWeek(input: DigestInput): Answer[] {
  return countedInFigures(input.npsAnswers).filter(
    (a) => a.day !== null && a.day > input.today - 7 && a.day <= input.today,
  );
}

/** The lines of the digest, in order; each is plain text. */
export function digestLines(input: DigestInput, locale: Locale): string[] {
  const lines: string[] = [];
  const { nps } = input;
  if (nps) {
    lines.push(
      t(locale, "digest.nps", {
        nps: signed(nps.value, 1, locale),
        lower: signed(nps.lower, 1, locale),
        upper: signed(nps.upper, 1, locale),
        n: nps.n,
      }) + (nps.smallSample ? ` ${t(locale, "digest.smallSample")}` : ""),
    );
  } else {
    lines.push(t(locale, "digest.noNps"));
  }
  // The change between the last two months with answers, significant or not.
  const months = input.trend.filter((r) => r.npsN > 0);
  const [before, after] = months.slice(-2);
  if (before && after) {
    try {
      const countsOf = (r: TrendRow) => ({
        promoters: r.promoters,
        passives: r.passives,
        detractors: r.detractors,
        n: r.npsN,
      });
      const diff = npsDifference(countsOf(before), countsOf(after));
      lines.push(
        t(locale, diff.pValue < 0.05 ? "digest.npsChangeSignificant" : "digest.npsChange", {
          from: before.period,
          to: after.period,
          before: signed(npsFromCounts(countsOf(before)), 1, locale),
          after: signed(npsFromCounts(countsOf(after)), 1, locale),
          change: signed(diff.change, 1, locale),
          p: pValue(diff.pValue, locale),
        }),
      );
    } catch {
      // Both months all one group: no test, nothing to say about the change.
    }
  }
  if (input.churn) {
    lines.push(
      t(locale, "digest.churn", {
        period: input.churn.period,
        churn: percent(input.churn.value, 1, locale),
        retention: input.retention ? percent(input.retention.value, 1, locale) : "—",
        n: input.churn.n,
      }),
    );
  }
  const spike = input.alerts.find((a) => a.kind === "churn");
  if (spike) {
    lines.push(
      t(locale, "digest.churnSpike", {
        from: spike.from,
        to: spike.to,
        before: percent(spike.before, 1, locale),
        after: percent(spike.after, 1, locale),
        p: pValue(spike.pValue, locale),
      }),
    );
  }
  const week = lastWeek(input);
  const detractors = week.filter((a) => npsCategory(a.score) === "detractor");
  lines.push(t(locale, "digest.week", { answers: week.length, detractors: detractors.length }));
  const open = input.notFollowedUp.length;
  lines.push(open > 0 ? t(locale, "digest.notFollowedUp", { count: open }) : t(locale, "digest.allFollowedUp"));
  return lines;
}

/** The digest email: the lines, then the week's detractors' comments (escaped). */
export function digestEmail(input: DigestInput, locale: Locale): AlertEmail {
  const lines = digestLines(input, locale);
  const comments = lastWeek(input)
    .filter((a) => npsCategory(a.score) === "detractor" && a.comment !== "")
    .slice(-DIGEST_COMMENTS)
    .map((a) => `${a.score} · “${a.comment}”`);
  // Those waiting longest first: the list is oldest first.
  const waiting = input.notFollowedUp.slice(0, DIGEST_COMMENTS).map((a) => ({
    head: t(locale, "digest.waitingLine", {
      survey: a.surveyTitle,
      client: a.clientId === null ? t(locale, "alerts.anonymous") : String(a.clientId),
      score: a.score ?? "",
      day: a.answeredDay === null ? "" : isoDay(a.answeredDay),
    }),
    comment: a.comment === "" ? t(locale, "alerts.noComment") : `“${a.comment}”`,
    link: input.rowLink(a),
  }));
  const subject = t(locale, "digest.subject", { spreadsheet: input.spreadsheet });
  const htmlBody = [
    `<div style="font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.45;color:#18212f">`,
    `<p>${escapeHtmlText(t(locale, "digest.intro", { spreadsheet: input.spreadsheet }))}</p><ul>`,
    ...lines.map((l) => `<li>${escapeHtmlText(l)}</li>`),
    "</ul>",
    comments.length
      ? `<p>${escapeHtmlText(t(locale, "digest.comments"))}</p><ul>${comments.map((c) => `<li>${escapeHtmlText(c)}</li>`).join("")}</ul>`
      : "",
    waiting.length
      ? `<p>${escapeHtmlText(t(locale, "digest.waiting"))}</p><ul>${waiting
          .map(
            (w) =>
              `<li><strong>${escapeHtmlText(w.head)}</strong><br>${escapeHtmlText(w.comment)}<br><a href="${escapeHtmlText(w.link)}">${escapeHtmlText(t(locale, "alerts.open"))}</a></li>`,
          )
          .join("")}</ul><p>${escapeHtmlText(t(locale, "alerts.followUp"))}</p>`
      : "",
    `<p style="color:#4f5a6d;font-size:12px">${escapeHtmlText(t(locale, "alerts.why"))}</p></div>`,
  ].join("");
  const textBody = [
    t(locale, "digest.intro", { spreadsheet: input.spreadsheet }),
    lines.map((l) => `- ${l}`).join("\n"),
    comments.length ? `${t(locale, "digest.comments")}\n${comments.map((c) => `- ${c}`).join("\n")}` : "",
    waiting.length
      ? `${t(locale, "digest.waiting")}\n${waiting.map((w) => `- ${w.head}\n  ${w.comment}\n  ${w.link}`).join("\n")}\n\n${t(locale, "alerts.followUp")}`
      : "",
    t(locale, "alerts.why"),
  ]
    .filter(Boolean)
    .join("\n\n");
  return { subject, htmlBody, textBody };
}
