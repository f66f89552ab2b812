import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";

/**
 * Markup for the respondent pages and the email snippet: hono/html's `html` tag escapes every
 * interpolated value unless it is already markup, so respondents' and survey texts can never
 * inject markup. `raw` is for constant markup of this Worker's own (the stylesheet).
 */
export { html, raw };

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** The markup as text. hono/html answers a Promise only when a value is one, and none here is. */
export function markupText(markup: Html): string {
  if (markup instanceof Promise) throw new Error("respondent markup must not be asynchronous");
  return markup.toString();
}
