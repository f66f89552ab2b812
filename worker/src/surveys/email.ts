import { SURVEY_SCALES } from "../../../shared/api/surveys";
import type { Locale } from "../../../shared/i18n/locale";
import type { MessageKey } from "../../../shared/i18n/messages.en";
import { t } from "../../../shared/i18n/translate";
import { html, markupText } from "../respondent/markup";
import { pickText, type SurveyDefinition } from "./rows";

/**
 * The HTML to paste into an email: the question and one button per score, each a personal link
 * carrying its score (`&score=N`). The click only pre-selects the score; the person confirms on
 * the page, so a mail scanner following every link records nothing. Email clients ignore
 * stylesheets, hence inline styles and a table layout. CSI surveys get one button to the survey.
 */
export function emailSnippet(survey: SurveyDefinition, personalUrl: string, lang: Locale): string {
  const question = pickText(survey.question, lang);
  const font = "font-family:Arial,Helvetica,sans-serif";
  const heading = html`<p lang="${question.language}" style="margin:0 0 12px;${font};font-size:16px;line-height:1.4;color:#18212f">${question.text}</p>`;
  if (survey.type === "csi") {
    return markupText(
      html`<div>${heading}<a href="${personalUrl}" style="display:inline-block;padding:12px 22px;border-radius:8px;background:#1f4fd1;color:#ffffff;${font};font-size:16px;font-weight:bold;text-decoration:none">${t(lang, "survey.email.cta")}</a></div>`,
    );
  }
  const scale = SURVEY_SCALES[survey.type];
  const count = scale.max - scale.min + 1;
  // The row takes the width there is, up to 32 px a button: eleven buttons fit a 300 px phone
  // screen (fixed widths pushed "10" out of sight), and tables are what every mail app lays out.
  const share = `${Math.floor(100 / count)}%`;
  const cells = [];
  for (let score = scale.min; score <= scale.max; score++) {
    cells.push(
      html`<td width="${share}" style="padding:0 1px"><a href="${personalUrl}&amp;score=${score}" title="${t(lang, "survey.email.buttonTitle", { score })}" style="display:block;padding:10px 0;border:1px solid #c5ccda;border-radius:6px;background:#f5f7fb;color:#1f4fd1;${font};font-size:16px;font-weight:bold;line-height:16px;text-align:center;text-decoration:none">${score}</a></td>`,
    );
  }
  const low = t(lang, `survey.page.${survey.type}.low` as MessageKey);
  const high = t(lang, `survey.page.${survey.type}.high` as MessageKey);
  return markupText(
    html`<div>${heading}<table role="presentation" cellpadding="0" cellspacing="0" border="0" width="100%" style="border-collapse:collapse;table-layout:fixed;max-width:${count * 32}px"><tr>${cells}</tr></table><table role="presentation" cellpadding="0" cellspacing="0" border="0" width="100%" style="max-width:${count * 32}px;margin-top:6px"><tr><td style="${font};font-size:12px;color:#4f5a6d">${scale.min} · ${low}</td><td align="right" style="${font};font-size:12px;color:#4f5a6d">${scale.max} · ${high}</td></tr></table></div>`,
  );
}
