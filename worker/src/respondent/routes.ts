import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { getCookie, setCookie } from "hono/cookie";
import { SURVEY_LIMITS, SURVEY_SCALES } from "../../../shared/api/surveys";
import type { Locale } from "../../../shared/i18n/locale";
import { t } from "../../../shared/i18n/translate";
import type { AppEnv } from "../env";
import { type Refusal, refusal } from "../surveys/answerRules";
import { loadPageState, type Target, writeComment, writeScore } from "../surveys/answerStore";
import {
  FLAG_BITS,
  FORM_BODY_LIMIT,
  MIN_ANSWER_MS,
  RESPONDENT_COOKIE,
  RESPONDENT_COOKIE_DAYS,
} from "../surveys/limits";
import { type ResponseRow, type SurveyDefinition, surveyLanguages, surveyStatus } from "../surveys/rows";
import { surveyShape } from "../surveys/shapes";
import {
  hashIp,
  newNonce,
  randomId,
  readNonce,
  readResponseToken,
  signContact,
  signResponse,
  signTap,
  verifyContact,
  verifyPreview,
  verifyTap,
} from "../surveys/signing";
import { readAnswer, readForm, scoreParam, storedAnswers } from "./form";
import { browserLanguage, otherLanguage, page, query, redirect, status } from "./http";
import { pageLanguage } from "./language";
import { networkOf } from "./network";
import { followUpForm, surveyForm, thanksPage } from "./views";

/**
 * The respondent pages under /s/:surveyId: server-rendered HTML, plain forms, no script.
 *
 *   GET  /s/:id               the survey (anonymous link; `?c=&k=` personal link; `&score=` from an
 *                             email pre-selects a score to confirm; `?r=` edits one answer)
 *   POST /s/:id               stores the score at once (finished=false when a follow-up follows)
 *   GET  /s/:id/next?r=       the follow-up question
 *   POST /s/:id/comment       stores the comment and finishes the answer
 *   GET  /s/:id/thanks        thank-you page
 *   GET  /s/:id/preview?p=    the team's preview (`&step=2`: the follow-up), any status, nothing
 *                             can be sent from it
 *
 * A GET never stores anything (mail scanners open links). Every failure is a page in the
 * reader's language with the fitting status code. Nothing here logs answers, links or tokens.
 */

type C = Context<AppEnv>;

const SURVEY_ID = /^[A-Za-z0-9_-]{22}$/;
const RESPONDENT_ID = /^[A-Za-z0-9_-]{22}$/;

function secretOf(c: C): string | null {
  return c.env.LINK_SECRET || null;
}

/** The contact of a personal link, null for none, or "bad" when the signature does not match. */
async function contactOf(
  secret: string,
  surveyId: string,
  c: string | undefined,
  k: string | undefined,
): Promise<{ id: string; signature: string } | null | "bad"> {
  if (c === undefined && k === undefined) return null;
  if (!c || !k || c.length > SURVEY_LIMITS.contactId) return "bad";
  return (await verifyContact(secret, surveyId, c, k)) ? { id: c, signature: k } : "bad";
}

function clientNetwork(c: C): string {
  // Cloudflare sets CF-Connecting-IP to the connecting address; nothing else is trusted.
  return networkOf(c.req.header("CF-Connecting-IP"));
}

export const respondent = new Hono<AppEnv>();

respondent.use(
  "*",
  bodyLimit({
    maxSize: FORM_BODY_LIMIT,
    onError: (c) => status(c as C, browserLanguage(c as C), "tooLarge"),
  }),
);

respondent.get("/:surveyId", async (c) => {
  const surveyId = c.req.param("surveyId");
  const q = c.req.query();
  if (!SURVEY_ID.test(surveyId)) return status(c, browserLanguage(c, q.lang), "notFound");
  const secret = secretOf(c);
  if (!secret) return status(c, browserLanguage(c, q.lang), "error");
  const contact = await contactOf(secret, surveyId, q.c, q.k);
  const tokenId = q.r === undefined ? null : await readResponseToken(secret, surveyId, q.r);
  if (contact === "bad" || (q.r !== undefined && tokenId === null)) {
    return status(c, browserLanguage(c, q.lang), "badLink");
  }
  const target: Target | null = contact ? { contactId: contact.id } : tokenId ? { responseId: tokenId } : null;
  const state = await loadPageState(c.env.DB, surveyId, target);
  const survey = state.survey;
  if (!survey) return status(c, browserLanguage(c, q.lang), "notFound");
  const lang = pageLanguage(q.lang, c.req.header("Accept-Language"), surveyLanguages(survey));
  const now = Date.now();
  const other = otherLanguage(
    `/s/${surveyId}`,
    lang,
    { c: q.c, k: q.k, r: q.r, score: q.score },
    surveyLanguages(survey),
  );
  const refused = refusal(state, contact !== null, tokenId !== null, now);
  if (refused) return status(c, lang, refused.kind, { survey, days: refused.days, other });

  const clicked = scoreParam(survey, q.score);
  const nonce = await newNonce(secret, surveyId, now);
  return page(
    c,
    200,
    surveyForm({
      survey,
      lang,
      nonce,
      tapped: contact && clicked !== undefined ? await signTap(secret, nonce, clicked) : undefined,
      contact: contact ?? undefined,
      responseToken: tokenId ? q.r : undefined,
      score: clicked ?? state.existing?.score ?? undefined,
      answers: storedAnswers(state.existing),
      confirming: clicked !== undefined,
      answeredAt: state.existing?.created_at,
      otherLanguageHref: other,
    }),
  );
});

respondent.post("/:surveyId", async (c) => {
  const surveyId = c.req.param("surveyId");
  const form = await readForm(c);
  const fallbackLang = browserLanguage(c, form?.lang);
  if (!SURVEY_ID.test(surveyId)) return status(c, fallbackLang, "notFound");
  const secret = secretOf(c);
  if (!secret) return status(c, fallbackLang, "error");
  if (!form) return status(c, fallbackLang, "badForm", { backHref: `/s/${surveyId}` });
  const nonce = form.nonce ? await readNonce(secret, surveyId, form.nonce) : null;
  const contact = await contactOf(secret, surveyId, form.c, form.k);
  const tokenId = form.r === undefined ? null : await readResponseToken(secret, surveyId, form.r);
  if (contact === "bad" || (form.r !== undefined && tokenId === null)) return status(c, fallbackLang, "badLink");
  const back = `/s/${surveyId}${query({ c: form.c, k: form.k, r: form.r, lang: form.lang })}`;
  if (!nonce) return status(c, fallbackLang, "badForm", { backHref: back });
  const shape = await surveyShape(c.env.DB, surveyId);
  if (!shape) return status(c, fallbackLang, "notFound");
  const lang = pageLanguage(form.lang, c.req.header("Accept-Language"), shape.languages);
  const now = Date.now();

  const answer = readAnswer(shape, form);
  if ("error" in answer) {
    // Rare path: read the whole survey to show the form again with the message.
    const state = await loadPageState(
      c.env.DB,
      surveyId,
      contact ? { contactId: contact.id } : tokenId ? { responseId: tokenId } : null,
    );
    const refused = refusal(state, contact !== null, tokenId !== null, now);
    if (refused || !state.survey) return refusedPage(c, lang, state.survey, refused ?? { kind: "notFound" });
    const scale = SURVEY_SCALES[shape.type];
    const message =
      answer.error === "noScore"
        ? t(lang, "survey.page.error.noScore", { min: scale.min, max: scale.max })
        : t(lang, "survey.page.error.noFactor");
    return page(
      c,
      400,
      surveyForm({
        survey: state.survey,
        lang,
        nonce: form.nonce as string,
        contact: contact ?? undefined,
        responseToken: tokenId ? form.r : undefined,
        answers: storedAnswers(state.existing),
        answeredAt: state.existing?.created_at,
        error: message,
        otherLanguageHref: otherLanguage(`/s/${surveyId}`, lang, { c: form.c, k: form.k, r: form.r }, shape.languages),
      }),
    );
  }

  // Flagged, never dropped: the team sees the flags beside the answer and decides. same_ip and
  // duplicate (this browser answered before, on the anonymous link) are counted while writing.
  let flags = 0;
  if (form.website) flags |= FLAG_BITS.honeypot;
  // A confirm of the score a person tapped in their own email is quick by nature: the choice was
  // made in the email, the page only asks to confirm it. It is not flagged too fast when the
  // personal (signed) link carried that score and the confirmed score is the tapped one.
  const confirmedTap =
    contact !== null &&
    answer.score !== null &&
    form.tapped !== undefined &&
    (await verifyTap(secret, form.nonce as string, form.tapped)) === answer.score;
  if (now - nonce.issuedAt < MIN_ANSWER_MS && !confirmedTap) flags |= FLAG_BITS.too_fast;
  const cookie = getCookie(c, RESPONDENT_COOKIE);
  const knownBrowser = cookie && RESPONDENT_ID.test(cookie) ? cookie : null;
  const browserId = knownBrowser ?? randomId(16);

  const outcome = await writeScore(c.env.DB, {
    surveyId,
    id: tokenId ?? nonce.responseId,
    contactId: contact ? contact.id : null,
    score: answer.score,
    answers: answer.answers ? JSON.stringify(answer.answers) : null,
    language: lang,
    flags,
    ipHash: await hashIp(secret, clientNetwork(c)),
    respondent: browserId,
    nonceAt: nonce.issuedAt,
    now,
  });
  if (outcome.kind === "rate_limited") {
    return status(c, lang, "rateLimited", { retryAfter: outcome.retryAfterSeconds });
  }
  if (outcome.kind === "refused") return refusedPage(c, lang, outcome.survey, outcome.refusal);
  if (!knownBrowser) rememberBrowser(c, surveyId, browserId);
  const token = await signResponse(secret, surveyId, outcome.responseId);
  const next = outcome.followUp
    ? `/s/${surveyId}/next${query({ r: token, lang })}`
    : `/s/${surveyId}/thanks${query({ lang, p: contact ? "1" : undefined })}`;
  return redirect(c, next);
});

function refusedPage(c: C, lang: Locale, survey: SurveyDefinition | null, refused: Refusal) {
  return status(c, lang, refused.kind, { survey, days: refused.days });
}

/**
 * Marks this browser as having answered the survey, so that a second new answer from it on the
 * anonymous link is flagged duplicate. The cookie holds a random id, scoped to this survey's pages.
 */
function rememberBrowser(c: C, surveyId: string, browserId: string): void {
  setCookie(c, RESPONDENT_COOKIE, browserId, {
    path: `/s/${surveyId}`,
    maxAge: RESPONDENT_COOKIE_DAYS * 24 * 60 * 60,
    httpOnly: true,
    sameSite: "Lax",
    secure: new URL(c.req.url).protocol === "https:",
  });
}

/** The answer a follow-up link or form refers to, checked against the survey. */
async function answerOf(c: C, surveyId: string, token: string | undefined, explicitLang: string | undefined) {
  const fallbackLang = browserLanguage(c, explicitLang);
  if (!SURVEY_ID.test(surveyId)) return { error: await status(c, fallbackLang, "notFound") } as const;
  const secret = secretOf(c);
  if (!secret) return { error: await status(c, fallbackLang, "error") } as const;
  const responseId = token ? await readResponseToken(secret, surveyId, token) : null;
  if (!responseId) return { error: await status(c, fallbackLang, "badLink") } as const;
  const state = await loadPageState(c.env.DB, surveyId, { responseId });
  if (!state.survey) return { error: await status(c, fallbackLang, "notFound") } as const;
  const lang = pageLanguage(explicitLang, c.req.header("Accept-Language"), surveyLanguages(state.survey));
  if (!state.existing) return { error: await status(c, lang, "badLink", { survey: state.survey }) } as const;
  return { secret, survey: state.survey, response: state.existing, lang, token: token as string } as const;
}

async function changeHref(
  secret: string,
  survey: SurveyDefinition,
  response: ResponseRow,
  token: string,
  lang: Locale,
) {
  if (response.contact_id !== null) {
    const k = await signContact(secret, survey.id, response.contact_id);
    return `/s/${survey.id}${query({ c: response.contact_id, k, lang })}`;
  }
  return `/s/${survey.id}${query({ r: token, lang })}`;
}

respondent.get("/:surveyId/preview", async (c) => {
  const surveyId = c.req.param("surveyId");
  const q = c.req.query();
  if (!SURVEY_ID.test(surveyId)) return status(c, browserLanguage(c, q.lang), "notFound");
  const secret = secretOf(c);
  if (!secret) return status(c, browserLanguage(c, q.lang), "error");
  if (!q.p || !(await verifyPreview(secret, surveyId, q.p))) return status(c, browserLanguage(c, q.lang), "badLink");
  const { survey } = await loadPageState(c.env.DB, surveyId, null);
  if (!survey) return status(c, browserLanguage(c, q.lang), "notFound");
  const lang = pageLanguage(q.lang, c.req.header("Accept-Language"), surveyLanguages(survey));
  const step2 = q.step === "2" && survey.followUp !== null;
  const here = `/s/${surveyId}/preview`;
  const other = otherLanguage(here, lang, { p: q.p, step: step2 ? "2" : undefined }, surveyLanguages(survey));
  if (step2) {
    const scale = SURVEY_SCALES[survey.type];
    return page(
      c,
      200,
      followUpForm({
        survey,
        lang,
        responseToken: "",
        score: survey.type === "csi" ? null : scale.max,
        comment: null,
        changeHref: `${here}${query({ p: q.p, lang })}`,
        otherLanguageHref: other,
        preview: true,
      }),
    );
  }
  return page(
    c,
    200,
    surveyForm({
      survey,
      lang,
      nonce: "",
      otherLanguageHref: other,
      preview: { nextHref: survey.followUp ? `${here}${query({ p: q.p, step: "2", lang })}` : null },
    }),
  );
});

respondent.get("/:surveyId/next", async (c) => {
  const surveyId = c.req.param("surveyId");
  const found = await answerOf(c, surveyId, c.req.query("r"), c.req.query("lang"));
  if ("error" in found) return found.error;
  const { secret, survey, response, lang, token } = found;
  if (!survey.followUp) return redirect(c, `/s/${surveyId}/thanks${query({ lang })}`);
  if (surveyStatus(survey, new Date()) === "closed") return status(c, lang, "closed", { survey });
  return page(
    c,
    200,
    followUpForm({
      survey,
      lang,
      responseToken: token,
      score: response.score,
      comment: response.comment,
      changeHref: await changeHref(secret, survey, response, token, lang),
      otherLanguageHref: otherLanguage(`/s/${surveyId}/next`, lang, { r: token }, surveyLanguages(survey)),
    }),
  );
});

respondent.post("/:surveyId/comment", async (c) => {
  const surveyId = c.req.param("surveyId");
  const form = await readForm(c);
  if (!form) return status(c, browserLanguage(c), "badForm", { backHref: `/s/${surveyId}` });
  const found = await answerOf(c, surveyId, form.r, form.lang);
  if ("error" in found) return found.error;
  const { secret, survey, response, lang, token } = found;
  if (surveyStatus(survey, new Date()) === "closed") return status(c, lang, "closed", { survey });
  const skip = form.action === "skip";
  // Stored exactly as typed; only a comment of nothing but white space counts as no comment.
  const typed = form.comment ?? "";
  if (!skip && typed.length > SURVEY_LIMITS.comment) {
    return page(
      c,
      400,
      followUpForm({
        survey,
        lang,
        responseToken: token,
        score: response.score,
        comment: typed,
        changeHref: await changeHref(secret, survey, response, token, lang),
        error: t(lang, "survey.page.error.commentTooLong", { length: typed.length, max: SURVEY_LIMITS.comment }),
      }),
    );
  }
  const outcome = await writeComment(c.env.DB, {
    surveyId,
    responseId: response.id,
    comment: skip || typed.trim() === "" ? null : typed,
    keep: skip,
    ipHash: await hashIp(secret, clientNetwork(c)),
    now: Date.now(),
  });
  if (outcome.kind === "rate_limited") {
    return status(c, lang, "rateLimited", { survey, retryAfter: outcome.retryAfterSeconds });
  }
  if (outcome.kind === "refused") return refusedPage(c, lang, survey, outcome.refusal);
  return redirect(c, `/s/${surveyId}/thanks${query({ lang, p: response.contact_id !== null ? "1" : undefined })}`);
});

respondent.get("/:surveyId/thanks", async (c) => {
  const surveyId = c.req.param("surveyId");
  const explicit = c.req.query("lang");
  if (!SURVEY_ID.test(surveyId)) return status(c, browserLanguage(c, explicit), "notFound");
  const state = await loadPageState(c.env.DB, surveyId, null);
  if (!state.survey) return status(c, browserLanguage(c, explicit), "notFound");
  const lang = pageLanguage(explicit, c.req.header("Accept-Language"), surveyLanguages(state.survey));
  const personal = c.req.query("p") === "1";
  return page(
    c,
    200,
    thanksPage(
      lang,
      state.survey,
      personal,
      otherLanguage(`/s/${surveyId}/thanks`, lang, { p: personal ? "1" : undefined }, surveyLanguages(state.survey)),
    ),
  );
});

respondent.all("*", (c) => status(c, browserLanguage(c, c.req.query("lang")), "notFound"));

// A failure on our side: a page, not the API's JSON. Only the kind of error is logged, never the
// request (its URL holds contact ids and signatures, its body the answer).
respondent.onError((err, c) => {
  console.error(`respondent page failed: ${err.name}`);
  return status(c as C, browserLanguage(c as C), "error");
});
