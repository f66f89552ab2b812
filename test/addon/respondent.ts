/**
 * A respondent in a test: opens a survey link and sends the form as a browser would (a plain
 * urlencoded POST of the page's hidden fields and the chosen score), then the comment. Like a
 * person, it takes a moment before sending (the Worker flags answers sent within 1.5 s of the
 * page as too_fast); `fast: true` sends at once. Answer several links in parallel to save time.
 */

/** A little longer than the Worker's minimum time to answer (MIN_ANSWER_MS, 1.5 s). */
const READING_MS = 1600;

let ipCounter = 0;

const decode = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

function hiddenFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    fields[m[1] as string] = decode(m[2] as string);
  }
  return fields;
}

export interface Answer {
  /** "score" for NPS, CSAT, CES; "f.<factor id>" for CSI ratings. */
  fields: Record<string, string>;
  /** Sent on the follow-up page; undefined skips it (when the survey has one). */
  comment?: string;
  /** Send without the pause a person takes (the answer is flagged too_fast). */
  fast?: boolean;
}

/** Answers the survey at `url` (a personal or public link), with the comment if the survey asks for one. */
export async function answer(url: string, given: Answer): Promise<void> {
  const origin = new URL(url).origin;
  const ip = `198.51.100.${++ipCounter % 250}`;
  const page = await fetch(url, { headers: { "CF-Connecting-IP": ip } });
  const html = await page.text();
  if (page.status !== 200) throw new Error(`GET ${url}: ${page.status}\n${html.slice(0, 400)}`);
  const action = /<form method="post" action="([^"]+)">/.exec(html)?.[1];
  if (!action) throw new Error(`no form at ${url}`);
  const fields = hiddenFields(html);
  const surveyId = action.split("/")[2] as string;
  if (!given.fast) await new Promise((resolve) => setTimeout(resolve, READING_MS));
  const sent = await fetch(origin + action, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "CF-Connecting-IP": ip },
    body: new URLSearchParams({ ...fields, ...given.fields }).toString(),
    redirect: "manual",
  });
  if (sent.status !== 303) throw new Error(`POST ${action}: ${sent.status}\n${(await sent.text()).slice(0, 400)}`);
  const next = new URL(sent.headers.get("location") ?? "", origin);
  if (!next.pathname.endsWith("/next")) return;
  const followUp = await fetch(next, { headers: { "CF-Connecting-IP": ip } });
  const followHtml = await followUp.text();
  const commentFields = hiddenFields(followHtml);
  const done = await fetch(`${origin}/s/${surveyId}/comment`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "CF-Connecting-IP": ip },
    body: new URLSearchParams({
      ...commentFields,
      ...(given.comment === undefined ? { action: "skip" } : { action: "send", comment: given.comment }),
    }).toString(),
    redirect: "manual",
  });
  if (done.status !== 303) throw new Error(`POST comment: ${done.status}\n${(await done.text()).slice(0, 400)}`);
}

/** The personal survey link (without a score) of the email last sent to `to` in the harness's outbox. */
export function surveyLinkIn(
  addon: { mail: { outbox: readonly { to: string[]; htmlBody: string | null }[] } },
  to: string,
): string {
  const mail = addon.mail.outbox.filter((m) => m.to[0] === to).pop();
  const href = /href="([^"]+\/s\/[^"]+)"/.exec(mail?.htmlBody ?? "")?.[1];
  if (!href) throw new Error(`no survey link in the last email to ${to}`);
  const url = new URL(decode(href));
  url.searchParams.delete("score");
  return url.toString();
}
