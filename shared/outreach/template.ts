import { RapportError } from "../errors";
import type { Locale } from "../i18n/locale";
import { t } from "../i18n/translate";
import { utf8Length } from "../utf8";

/**
 * An email written in the Send sidebar: a subject and a plain-text body with `{{Column header}}`
 * placeholders, filled per client from the client list. Every inserted value is escaped in the
 * HTML body; the survey's score buttons (made by the Worker) and the unsubscribe link go in by
 * themselves, so a person cannot forget them.
 */
export interface MessageTemplate {
  readonly subject: string;
  readonly body: string;
}

/** The body of one email as MailApp sends it (`body` is the plain-text alternative). */
export interface RenderedMessage {
  readonly subject: string;
  readonly htmlBody: string;
  readonly textBody: string;
}

/**
 * MailApp refuses an email body over 200 KB on consumer accounts (400 KB on Workspace):
 * "Current limitations" in https://developers.google.com/apps-script/guides/services/quotas.
 * Rapport keeps every body under the smaller one.
 */
export const EMAIL_BODY_LIMIT = 200 * 1024;

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;

/** How a placeholder names a column: case, surrounding spaces and repeated spaces do not matter. */
export function placeholderKey(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLowerCase();
}

/** The placeholder names in a text, in order of first appearance, as written. */
export function placeholdersIn(text: string): string[] {
  const seen = new Map<string, string>();
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = (match[1] as string).trim();
    if (!seen.has(placeholderKey(name))) seen.set(placeholderKey(name), name);
  }
  return [...seen.values()];
}

/**
 * Checks that every placeholder of the subject and the body names a column of the client list,
 * before anything is sent: an unknown one is an error naming it and where it is.
 */
export function checkTemplate(template: MessageTemplate, headers: readonly string[]): void {
  const known = new Set(headers.map(placeholderKey).filter((k) => k !== ""));
  for (const [where, text] of [
    ["subject", template.subject],
    ["body", template.body],
  ] as const) {
    for (const name of placeholdersIn(text)) {
      if (name === "")
        throw new RapportError("outreach.emptyPlaceholder", { where: { key: `outreach.where.${where}` } });
      if (!known.has(placeholderKey(name))) {
        throw new RapportError("outreach.unknownPlaceholder", { name, where: { key: `outreach.where.${where}` } });
      }
    }
  }
  if (template.subject.trim() === "") throw new RapportError("outreach.noSubject");
  if (template.body.trim() === "") throw new RapportError("outreach.noBody");
}

/** A client's values by placeholder key (`placeholderKey(header)`), as the sheet displays them. */
export type ClientValues = ReadonlyMap<string, string>;

function fill(text: string, values: ClientValues, clean: (value: string) => string): string {
  return text.replace(PLACEHOLDER, (_whole, name: string) => clean(values.get(placeholderKey(name)) ?? ""));
}

const HTML_ESCAPES = new Map([
  ["&", "&amp;"],
  ["<", "&lt;"],
  [">", "&gt;"],
  ['"', "&quot;"],
  ["'", "&#39;"],
]);

/** Text as HTML element content or a quoted attribute value. */
export function escapeHtmlText(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES.get(ch) as string);
}

/** Plain text as HTML paragraphs: blank lines part paragraphs, single line breaks stay. */
function paragraphs(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .map((p) => `<p style="margin:0 0 12px">${escapeHtmlText(p).replace(/\n/g, "<br>")}</p>`)
    .join("");
}

export interface RenderInput {
  readonly locale: Locale;
  readonly values: ClientValues;
  /** The survey's score buttons for this client (the Worker's `emailHtml`), or null for a campaign. */
  readonly surveyHtml: string | null;
  /** The client's personal survey link, or null for a campaign. */
  readonly surveyUrl: string | null;
  /** The client's personal unsubscribe link. */
  readonly unsubscribeUrl: string;
}

const FONT = "font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#18212f";

/**
 * One client's email. Placeholders take the client's values; in the subject a value's line
 * breaks become spaces (a subject is one line). The HTML body escapes the template and every
 * value, so nothing a sheet holds can become markup.
 */
export function renderMessage(template: MessageTemplate, input: RenderInput): RenderedMessage {
  const subject = fill(template.subject, input.values, (v) => v.replace(/\s+/g, " ").trim())
    .replace(/\s+/g, " ")
    .trim();
  const bodyText = fill(template.body, input.values, (v) => v);
  const unsubscribe = t(input.locale, "outreach.email.unsubscribe");
  const why = t(input.locale, "outreach.email.why");
  const htmlBody =
    `<div style="${FONT}">${paragraphs(bodyText)}` +
    (input.surveyHtml ? `<div style="margin:16px 0">${input.surveyHtml}</div>` : "") +
    `<p style="margin:24px 0 0;font-size:12px;color:#4f5a6d">${escapeHtmlText(why)} ` +
    `<a href="${escapeHtmlText(input.unsubscribeUrl)}" style="color:#4f5a6d">${escapeHtmlText(unsubscribe)}</a></p></div>`;
  const textParts = [bodyText.trim()];
  if (input.surveyUrl) textParts.push(`${t(input.locale, "outreach.email.answer")}: ${input.surveyUrl}`);
  textParts.push(`${why} ${unsubscribe}: ${input.unsubscribeUrl}`);
  const message = { subject, htmlBody, textBody: textParts.join("\n\n") };
  const size = utf8Length(message.htmlBody) + utf8Length(message.textBody);
  if (size > EMAIL_BODY_LIMIT) throw new RapportError("outreach.bodyTooLarge", { size, max: EMAIL_BODY_LIMIT });
  return message;
}
