import { SURVEY_LIMITS, SURVEY_SCALES, type SurveyType } from "../../../shared/api/surveys";
import type { Locale } from "../../../shared/i18n/locale";
import type { MessageKey, MessageParams } from "../../../shared/i18n/messages.en";
import { t } from "../../../shared/i18n/translate";
import { pickText, type SurveyDefinition } from "../surveys/rows";
import { type Html, html, markupText, raw } from "./markup";
import { PAGE_CSS } from "./style";

/** The respondent pages as HTML strings: no script, plain forms, every value escaped. */

const LANGUAGE_NAMES: Record<Locale, string> = { en: "English", ru: "Русский" };

export interface Shell {
  lang: Locale;
  title: string;
  body: Html;
  /** The same page in the other language (a GET URL), for the footer's switch. */
  otherLanguageHref?: string;
  /** The footer's sentence; by default, where a survey answer goes. */
  footer?: string;
}

export function renderPage(shell: Shell): string {
  const other: Locale = shell.lang === "en" ? "ru" : "en";
  const page = html`<!doctype html>
<html lang="${shell.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<meta name="color-scheme" content="light">
<link rel="icon" href="data:,">
<title>${shell.title}</title>
<style>${raw(PAGE_CSS)}</style>
</head>
<body>
<main id="main">
${shell.body}
</main>
<footer>
<p>${shell.footer ?? t(shell.lang, "survey.page.footer")}</p>
${
  shell.otherLanguageHref
    ? html`<nav aria-label="${t(shell.lang, "survey.page.language")}"><a href="${shell.otherLanguageHref}" lang="${other}" hreflang="${other}">${LANGUAGE_NAMES[other]}</a></nav>`
    : ""
}
</footer>
</body>
</html>
`;
  return markupText(page);
}

function tr(lang: Locale, key: MessageKey, params?: MessageParams): string {
  return t(lang, key, params);
}

/** The question (or other survey text) in the page language, marked when it falls back to the other one. */
function surveyText(text: { en?: string; ru?: string }, lang: Locale): Html {
  const picked = pickText(text, lang);
  return picked.language === lang ? html`${picked.text}` : html`<span lang="${picked.language}">${picked.text}</span>`;
}

function header(survey: SurveyDefinition, lang: Locale, step: number): Html {
  const steps = survey.followUp ? 2 : 1;
  return html`<p class="survey-title">${survey.title}</p>
${steps > 1 ? html`<p class="step">${tr(lang, "survey.page.step", { step, steps })}</p>` : html`<div class="step"></div>`}`;
}

function scaleWords(type: SurveyType, lang: Locale): { low: string; high: string } {
  return {
    low: tr(lang, `survey.page.${type}.low` as MessageKey),
    high: tr(lang, `survey.page.${type}.high` as MessageKey),
  };
}

function errorBox(lang: Locale, message: string | undefined): Html {
  if (!message) return html``;
  return html`<div class="error" role="alert" id="form-error"><strong>${tr(lang, "survey.page.errorTitle")}</strong>${message}</div>`;
}

function radios(
  name: string,
  idPrefix: string,
  min: number,
  max: number,
  selected: number | undefined,
  required: boolean,
) {
  const count = max - min + 1;
  const items: Html[] = [];
  for (let value = min; value <= max; value++) {
    const id = `${idPrefix}-${value}`;
    items.push(
      html`<div class="option"><input type="radio" id="${id}" name="${name}" value="${value}"${
        selected === value ? html` checked` : ""
      }${required && value === min ? html` required` : ""}><label for="${id}">${value}</label></div>`,
    );
  }
  return html`<div class="options n${count}">${items}</div>`;
}

export interface SurveyFormView {
  survey: SurveyDefinition;
  lang: Locale;
  nonce: string;
  contact?: { id: string; signature: string };
  responseToken?: string;
  score?: number;
  answers?: Record<string, number>;
  /** An email score link: the score is pre-selected and the person confirms it. */
  confirming?: boolean;
  /** The signed mark of a score tapped in the person's own email (a personal link with `score=`). */
  tapped?: string;
  /** The first submission time of the answer being edited (personal link, second visit). */
  answeredAt?: string;
  error?: string;
  otherLanguageHref?: string;
  /** The team's preview: marked so, nothing can be sent; the link to the next page, if any. */
  preview?: { nextHref: string | null };
}

/** The preview's note: what this page is, and that nothing here is recorded. */
function previewNote(lang: Locale): Html {
  return html`<p class="note" role="note">${tr(lang, "survey.page.preview")}</p>`;
}

function formatDate(iso: string, lang: Locale): string {
  return new Intl.DateTimeFormat(lang === "ru" ? "ru-RU" : "en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(iso));
}

/** The survey page: the score (or the CSI factors) as radio buttons and one submit button. */
export function surveyForm(view: SurveyFormView): string {
  const { survey, lang } = view;
  const scale = SURVEY_SCALES[survey.type];
  const words = scaleWords(survey.type, lang);
  const hint = tr(lang, survey.type === "csi" ? "survey.page.csi.hint" : "survey.page.scaleHint", {
    min: scale.min,
    max: scale.max,
    ...words,
  });
  const describedBy = view.error ? "form-error scale-hint" : "scale-hint";
  const notes: Html[] = [];
  if (view.answeredAt) {
    notes.push(
      html`<p class="note">${tr(lang, "survey.page.editing", { date: formatDate(view.answeredAt, lang) })}</p>`,
    );
  } else if (view.confirming && view.score !== undefined && !view.error) {
    notes.push(html`<p class="note">${tr(lang, "survey.page.confirmIntro", { score: view.score })}</p>`);
  }

  let questions: Html;
  if (survey.type === "csi") {
    const factors = (survey.factors ?? []).map(
      (factor) => html`<fieldset class="factor" aria-describedby="${describedBy}">
<legend>${surveyText(factor.label, lang)}</legend>
${radios(`f.${factor.id}`, `f-${factor.id}`, scale.min, scale.max, view.answers?.[factor.id], false)}
</fieldset>`,
    );
    questions = html`<h1 class="lead">${surveyText(survey.question, lang)}</h1>
<p class="hint" id="scale-hint">${hint}</p>
${factors}`;
  } else {
    questions = html`<fieldset aria-describedby="${describedBy}">
<legend><h1>${surveyText(survey.question, lang)}</h1></legend>
${radios("score", "score", scale.min, scale.max, view.score, true)}
<div class="ends" aria-hidden="true"><span>${scale.min} · ${words.low}</span><span>${scale.max} · ${words.high}</span></div>
<p class="sr-only" id="scale-hint">${hint}</p>
</fieldset>`;
  }

  const preview = view.preview;
  const body = html`${header(survey, lang, 1)}
${preview ? previewNote(lang) : ""}
${errorBox(lang, view.error)}
${notes}
<form method="post"${preview ? "" : html` action="/s/${survey.id}"`}>
${questions}
<div class="hp" aria-hidden="true"><label for="website">${tr(lang, "survey.page.honeypot")}</label><input type="text" id="website" name="website" tabindex="-1" autocomplete="off"></div>
<input type="hidden" name="nonce" value="${view.nonce}">
<input type="hidden" name="lang" value="${lang}">
${view.contact ? html`<input type="hidden" name="c" value="${view.contact.id}"><input type="hidden" name="k" value="${view.contact.signature}">` : ""}
${view.responseToken ? html`<input type="hidden" name="r" value="${view.responseToken}">` : ""}
${view.tapped ? html`<input type="hidden" name="tapped" value="${view.tapped}">` : ""}
<div class="actions"><button type="submit" class="primary"${preview ? " disabled" : ""}>${tr(lang, view.confirming && !view.answeredAt ? "survey.page.confirm" : "survey.page.send")}</button></div>
</form>
${preview?.nextHref ? html`<p class="note"><a href="${preview.nextHref}">${tr(lang, "survey.page.previewNext")}</a></p>` : ""}`;
  return renderPage({
    lang,
    title: `${pickText(survey.question, lang).text} · ${survey.title}`,
    body,
    otherLanguageHref: view.otherLanguageHref,
  });
}

export interface FollowUpView {
  survey: SurveyDefinition;
  lang: Locale;
  responseToken: string;
  score: number | null;
  comment: string | null;
  /** The survey page in edit mode for this answer ("Change" link). */
  changeHref: string;
  error?: string;
  otherLanguageHref?: string;
  /** The team's preview: marked so, nothing can be sent. */
  preview?: boolean;
}

/** The follow-up question: a textarea, Send and Skip. */
export function followUpForm(view: FollowUpView): string {
  const { survey, lang } = view;
  const recap =
    view.score !== null
      ? tr(lang, "survey.page.yourScore", { score: view.score })
      : tr(lang, "survey.page.yourRatings");
  const describedBy = view.error ? "form-error comment-hint" : "comment-hint";
  const body = html`${header(survey, lang, 2)}
${view.preview ? previewNote(lang) : ""}
${errorBox(lang, view.error)}
<p class="recap" role="status"><span>${recap}</span><a href="${view.changeHref}">${tr(lang, "survey.page.change")}</a></p>
<form method="post"${view.preview ? "" : html` action="/s/${survey.id}/comment"`}>
<h1><label for="comment">${surveyText(survey.followUp ?? {}, lang)}</label></h1>
<p class="hint" id="comment-hint">${tr(lang, "survey.page.commentHint", { max: SURVEY_LIMITS.comment })}</p>
<textarea id="comment" name="comment" rows="5" maxlength="${SURVEY_LIMITS.comment}" aria-describedby="${describedBy}"${view.error ? html` aria-invalid="true"` : ""}>${view.comment ?? ""}</textarea>
<input type="hidden" name="r" value="${view.responseToken}">
<input type="hidden" name="lang" value="${lang}">
<div class="actions"><button type="submit" name="action" value="send" class="primary"${view.preview ? " disabled" : ""}>${tr(lang, "survey.page.send")}</button><button type="submit" name="action" value="skip" class="secondary"${view.preview ? " disabled" : ""}>${tr(lang, "survey.page.skip")}</button></div>
</form>`;
  return renderPage({
    lang,
    title: `${pickText(survey.followUp ?? {}, lang).text} · ${survey.title}`,
    body,
    otherLanguageHref: view.otherLanguageHref,
  });
}

const CHECK_ICON = html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><circle cx="12" cy="12" r="11" fill="currentColor"/><path d="M7 12.5l3.2 3.2L17.5 8.4" fill="none" stroke="#fff" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round"/></svg>`;
const INFO_ICON = html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><circle cx="12" cy="12" r="11" fill="currentColor"/><path d="M12 7v6.5" stroke="#fff" stroke-width="2.4" stroke-linecap="round"/><circle cx="12" cy="17" r="1.4" fill="#fff"/></svg>`;

export function thanksPage(lang: Locale, survey: SurveyDefinition, personal: boolean, otherLanguageHref?: string) {
  const body = html`<p class="survey-title">${survey.title}</p>
<div class="status ok">${CHECK_ICON}
<h1>${tr(lang, "survey.page.thanks.title")}</h1>
<p>${tr(lang, "survey.page.thanks.body")}</p>
${personal ? html`<p>${tr(lang, "survey.page.thanks.personal")}</p>` : ""}
</div>`;
  return renderPage({
    lang,
    title: `${tr(lang, "survey.page.thanks.title")} · ${survey.title}`,
    body,
    otherLanguageHref,
  });
}

export type StatusKind =
  | "notFound"
  | "closed"
  | "full"
  | "badLink"
  | "inviteOnly"
  | "throttled"
  | "rateLimited"
  | "tooLarge"
  | "badForm"
  | "error";

/** A friendly page for a survey that cannot take an answer, with the reason in the reader's language. */
export function statusPage(
  lang: Locale,
  kind: StatusKind,
  options: { surveyTitle?: string; params?: MessageParams; backHref?: string; otherLanguageHref?: string } = {},
): string {
  const title = tr(lang, `survey.status.${kind}.title` as MessageKey);
  const body = html`${options.surveyTitle ? html`<p class="survey-title">${options.surveyTitle}</p>` : ""}
<div class="status warn">${INFO_ICON}
<h1>${title}</h1>
<p>${tr(lang, `survey.status.${kind}.body` as MessageKey, options.params)}</p>
${options.backHref ? html`<a class="back" href="${options.backHref}">${tr(lang, "survey.status.backToSurvey")}</a>` : ""}
</div>`;
  return renderPage({ lang, title, body, otherLanguageHref: options.otherLanguageHref });
}
