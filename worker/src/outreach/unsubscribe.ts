import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { SURVEY_LIMITS } from "../../../shared/api/surveys";
import type { Locale } from "../../../shared/i18n/locale";
import { t } from "../../../shared/i18n/translate";
import type { AppEnv } from "../env";
import { readForm } from "../respondent/form";
import { browserLanguage, otherLanguage, page, status } from "../respondent/http";
import { html } from "../respondent/markup";
import { renderPage } from "../respondent/views";
import { FORM_BODY_LIMIT } from "../surveys/limits";
import { verifyOptOut } from "../surveys/signing";
import { recordOptOut, workspaceExists } from "./ledgerStore";

/**
 * The unsubscribe link of every email: `/u/:workspaceId?c=<contact>&k=<signature>`. A GET only
 * shows a button (mail scanners open links, and must not unsubscribe anyone); the person's POST
 * records the opt-out. Plain HTML, no script, in English and Russian.
 */

type C = Context<AppEnv>;

const WORKSPACE_ID = /^[A-Za-z0-9_-]{1,64}$/;

async function verified(c: C, workspaceId: string, contact: string | undefined, signature: string | undefined) {
  const secret = c.env.LINK_SECRET;
  if (!secret || !WORKSPACE_ID.test(workspaceId) || !contact || !signature) return null;
  if (contact.length > SURVEY_LIMITS.contactId) return null;
  if (!(await verifyOptOut(secret, workspaceId, contact, signature))) return null;
  return (await workspaceExists(c.env.DB, workspaceId)) ? contact : null;
}

function unsubscribePage(lang: Locale, state: "confirm" | "done", action: string, otherLanguageHref?: string): string {
  const tr = (key: Parameters<typeof t>[1]) => t(lang, key);
  const body =
    state === "confirm"
      ? html`<h1>${tr("outreach.page.confirmTitle")}</h1>
<p class="lead">${tr("outreach.page.confirmBody")}</p>
<form method="post" action="${action}"><div class="actions"><button type="submit" class="primary">${tr("outreach.page.confirmButton")}</button></div></form>`
      : html`<div class="status ok"><h1>${tr("outreach.page.doneTitle")}</h1><p>${tr("outreach.page.doneBody")}</p></div>`;
  return renderPage({
    lang,
    title: tr(state === "confirm" ? "outreach.page.confirmTitle" : "outreach.page.doneTitle"),
    body,
    otherLanguageHref,
    footer: tr("outreach.page.footer"),
  });
}

export const unsubscribe = new Hono<AppEnv>()
  .use(
    "*",
    bodyLimit({ maxSize: FORM_BODY_LIMIT, onError: (c) => status(c as C, browserLanguage(c as C), "tooLarge") }),
  )
  .get("/:workspaceId", async (c) => {
    const lang = browserLanguage(c, c.req.query("lang"));
    const { c: contact, k } = c.req.query();
    const workspaceId = c.req.param("workspaceId");
    if (!(await verified(c, workspaceId, contact, k))) return status(c, lang, "badLink");
    const self = `/u/${workspaceId}?c=${encodeURIComponent(contact as string)}&k=${k}&lang=${lang}`;
    return page(
      c,
      200,
      unsubscribePage(lang, "confirm", self, otherLanguage(`/u/${workspaceId}`, lang, { c: contact, k })),
    );
  })
  .post("/:workspaceId", async (c) => {
    const lang = browserLanguage(c, c.req.query("lang"));
    const { c: contact, k } = c.req.query();
    const workspaceId = c.req.param("workspaceId");
    // A form post is what a person's press sends; anything else is not a confirmation.
    if ((await readForm(c)) === null) return status(c, lang, "badForm");
    const verifiedContact = await verified(c, workspaceId, contact, k);
    if (!verifiedContact) return status(c, lang, "badLink");
    await recordOptOut(c.env.DB, workspaceId, verifiedContact, new Date());
    return page(c, 200, unsubscribePage(lang, "done", ""));
  });
