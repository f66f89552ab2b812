import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { networkOf } from "../../worker/src/respondent/network";
import { resetCounterCleanup } from "../../worker/src/surveys/answerStore";
import { MIN_ANSWER_MS, RATE_LIMIT, RATE_WINDOW_MS, SAME_IP_ANSWERS } from "../../worker/src/surveys/limits";
import { hashIp, readNonce, signResponse } from "../../worker/src/surveys/signing";
import { request } from "./helpers";
import {
  answer,
  CSI_SURVEY,
  freshIp,
  LINK_SECRET,
  NPS_SURVEY,
  nonceServedAgo,
  openPage,
  pathOf,
  post,
  rows,
  tokenOf,
  workspace,
} from "./surveyHelpers";

const checkedScore = (html: string) =>
  /<input type="radio" id="score-(\d+)" name="score" value="\d+" checked/.exec(html)?.[1];

async function sha256Base64(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return btoa(String.fromCharCode(...new Uint8Array(digest)));
}

async function personalLink(surveyOptions: object = NPS_SURVEY, contact = "C-1") {
  const ws = await workspace();
  const survey = await ws.create(surveyOptions);
  const [link] = await ws.links(survey.id, [contact]);
  return { ws, survey, path: pathOf(link?.url as string), link: link as { url: string } };
}

describe("the survey page", () => {
  it("serves an NPS question as eleven labelled radio buttons in a fieldset, with a fresh signed nonce", async () => {
    const ws = await workspace();
    const survey = await ws.create();
    const first = await openPage(`/s/${survey.id}`);
    expect(first.status).toBe(200);
    expect(first.response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(first.html).toContain('<html lang="en">');
    expect(first.html).toContain(`<legend><h1>${NPS_SURVEY.question.en}</h1></legend>`);
    for (let score = 0; score <= 10; score++) {
      expect(first.html).toContain(`<input type="radio" id="score-${score}" name="score" value="${score}"`);
      expect(first.html).toContain(`<label for="score-${score}">${score}</label>`);
    }
    expect(first.html).toContain("Question 1 of 2");
    expect(first.html).toContain("0 means “Not at all likely”, 10 means “Extremely likely”.");
    expect(first.html).not.toMatch(/<script/i);
    const nonce = await readNonce(LINK_SECRET, survey.id, first.fields.nonce as string);
    expect(nonce?.issuedAt).toBeGreaterThan(Date.now() - 5000);
    const second = await openPage(`/s/${survey.id}`);
    expect(second.fields.nonce).not.toBe(first.fields.nonce);
    expect(await rows(survey.id)).toEqual([]);
  });

  it("shows CSAT, CES and CSI scales", async () => {
    const ws = await workspace();
    const csat = await ws.create({ type: "csat", title: "T", question: { en: "Satisfied?" }, anonymous: true });
    const csatPage = await openPage(`/s/${csat.id}`);
    expect(csatPage.html).toContain('value="5"');
    expect(csatPage.html).not.toContain('value="6"');
    expect(csatPage.html).not.toContain('id="score-0"');
    const ces = await ws.create({ type: "ces", title: "T", question: { en: "Easy?" }, anonymous: true });
    expect((await openPage(`/s/${ces.id}`)).html).toContain('id="score-7"');
    const csi = await ws.create(CSI_SURVEY);
    const csiPage = await openPage(`/s/${csi.id}`);
    for (const factor of CSI_SURVEY.factors ?? []) {
      expect(csiPage.html).toContain(`<legend>${factor.label.en}</legend>`);
      for (let v = 1; v <= 5; v++) expect(csiPage.html).toContain(`name="f.${factor.id}" value="${v}"`);
    }
  });

  it("sends security headers: a CSP that allows only its own stylesheet (by hash), no framing, no caching", async () => {
    const ws = await workspace();
    const survey = await ws.create();
    const page = await openPage(`/s/${survey.id}`);
    const csp = page.response.headers.get("content-security-policy") ?? "";
    const css = /<style>([\s\S]*?)<\/style>/.exec(page.html)?.[1] as string;
    expect(csp).toContain(`style-src 'sha256-${await sha256Base64(css)}'`);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).not.toContain("script-src");
    expect(page.response.headers.get("x-frame-options")).toBe("DENY");
    expect(page.response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(page.response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(page.response.headers.get("cache-control")).toBe("no-store");
    expect(page.html).not.toMatch(/ style="/);
    expect(page.html).not.toMatch(/ on[a-z]+="/);
  });

  it("speaks the link's lang=, else the browser's language, else the survey's, always one the survey has", async () => {
    const ws = await workspace();
    const survey = await ws.create();
    const ru = await openPage(`/s/${survey.id}?lang=ru`);
    expect(ru.html).toContain('<html lang="ru">');
    expect(ru.html).toContain(NPS_SURVEY.question.ru);
    expect(ru.html).toContain("Отправить");
    expect(ru.html).toContain("Вопрос 1 из 2");
    expect(ru.fields.lang).toBe("ru");
    expect((await openPage(`/s/${survey.id}`, { "Accept-Language": "ru-RU,ru;q=0.9,en;q=0.8" })).html).toContain(
      '<html lang="ru">',
    );
    expect((await openPage(`/s/${survey.id}`, { "Accept-Language": "de-DE, ru;q=0.5" })).html).toContain(
      '<html lang="ru">',
    );
    expect((await openPage(`/s/${survey.id}`, { "Accept-Language": "de-DE" })).html).toContain('<html lang="en">');
    expect((await openPage(`/s/${survey.id}?lang=en`, { "Accept-Language": "ru" })).html).toContain('<html lang="en">');
    // A survey written only in Russian is a Russian page, even for an English browser or a link
    // asking for English: one language a page (never a Russian question under English buttons),
    // and no switch to a language the survey does not have.
    const ruOnly = await ws.create({ type: "nps", title: "T", question: { ru: "Вопрос?" }, anonymous: true });
    expect((await openPage(`/s/${ruOnly.id}`, { "Accept-Language": "de" })).html).toContain('<html lang="ru">');
    expect((await openPage(`/s/${ruOnly.id}`, { "Accept-Language": "en" })).html).toContain('<html lang="ru">');
    const single = await openPage(`/s/${ruOnly.id}?lang=en`);
    expect(single.html).toContain('<html lang="ru">');
    expect(single.html).toContain("Отправить");
    expect(single.html).not.toContain('hreflang="en"');
    // The footer offers the other language, keeping the link's parameters.
    expect(ru.html).toContain(`<a href="/s/${survey.id}?lang=en" lang="en" hreflang="en">English</a>`);
  });

  it("escapes survey texts", async () => {
    const ws = await workspace();
    const survey = await ws.create({
      ...NPS_SURVEY,
      title: "<script>alert(1)</script>",
      question: { en: '"><img src=x onerror=alert(1)> & more' },
    });
    const page = await openPage(`/s/${survey.id}`);
    expect(page.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(page.html).toContain("&quot;&gt;&lt;img src=x onerror=alert(1)&gt; &amp; more");
    expect(page.html).not.toContain("<img");
    expect(page.html).not.toContain("<script>");
  });

  it("carries a personal link's signed contact in the form", async () => {
    const { survey, path } = await personalLink();
    const page = await openPage(path);
    expect(page.status).toBe(200);
    expect(page.fields.c).toBe("C-1");
    expect(page.fields.k).toBe(new URL(path, "https://x").searchParams.get("k"));
    expect(page.html).toContain(`action="/s/${survey.id}"`);
  });

  it("refuses an altered or incomplete personal link with a 403 page", async () => {
    const { ws, survey, path } = await personalLink();
    const url = new URL(path, "https://x");
    const k = url.searchParams.get("k") as string;
    const flipped = `${k.slice(0, 5)}${k[5] === "A" ? "B" : "A"}${k.slice(6)}`;
    const other = await ws.create();
    const variants = [
      `/s/${survey.id}?c=C-1&k=${flipped}`,
      `/s/${survey.id}?c=C-2&k=${k}`,
      `/s/${survey.id}?c=C-1`,
      `/s/${survey.id}?k=${k}`,
      `/s/${survey.id}?c=C-1&k=`,
      `/s/${survey.id}?c=C-1&k=${k}x`,
      `/s/${survey.id}?c=C-1&k=${k.slice(0, -1)}`,
      `/s/${survey.id}?c=C-1&k=!!!`,
      `/s/${other.id}?c=C-1&k=${k}`,
      `/s/${survey.id}?r=not-a-token`,
    ];
    for (const variant of variants) {
      const page = await openPage(variant);
      expect(page.status, variant).toBe(403);
      expect(page.html).toContain("This link does not work");
      expect(page.html).not.toContain("<form");
    }
    const ru = await openPage(`/s/${survey.id}?c=C-1&k=${flipped}&lang=ru`);
    expect(ru.html).toContain("Ссылка не работает");
  });

  it("answers unknown and malformed survey addresses with a 404 page", async () => {
    for (const path of [
      "/s/AAAAAAAAAAAAAAAAAAAAAA",
      "/s/short",
      "/s/a/b/c",
      "/s/",
      "/s/AAAAAAAAAAAAAAAAAAAAAA/thanks",
    ]) {
      const page = await openPage(path);
      expect(page.status, path).toBe(404);
      expect(page.response.headers.get("content-type")).toContain("text/html");
      expect(page.html).toContain("Survey not found");
    }
    const ru = await openPage("/s/AAAAAAAAAAAAAAAAAAAAAA", { "Accept-Language": "ru" });
    expect(ru.html).toContain("Опрос не найден");
  });

  it("says when a survey is closed (410), full (410), by invitation (403) or the contact was asked recently (403)", async () => {
    const ws = await workspace();
    const closed = await ws.create();
    await ws.call("PATCH", `/surveys/${closed.id}`, { closed: true });
    const closedPage = await openPage(`/s/${closed.id}?lang=ru`);
    expect(closedPage.status).toBe(410);
    expect(closedPage.html).toContain("Опрос закрыт");
    expect(closedPage.html).toContain(NPS_SURVEY.title);

    const full = await ws.create({ ...NPS_SURVEY, maxResponses: 1 });
    expect((await answer(`/s/${full.id}`, { score: "9" })).status).toBe(303);
    const fullPage = await openPage(`/s/${full.id}`);
    expect(fullPage.status).toBe(410);
    expect(fullPage.html).toContain("This survey has all its answers");

    const invite = await ws.create({ ...NPS_SURVEY, anonymous: false });
    const invitePage = await openPage(`/s/${invite.id}`);
    expect(invitePage.status).toBe(403);
    expect(invitePage.html).toContain("This survey is by invitation");

    const earlier = await ws.create();
    const [earlierLink] = await ws.links(earlier.id, ["C-9"]);
    expect((await answer(pathOf(earlierLink?.url as string), { score: "7" })).status).toBe(303);
    const throttled = await ws.create({ ...NPS_SURVEY, throttleDays: 30 });
    const [link, otherLink] = await ws.links(throttled.id, ["C-9", "C-10"]);
    const throttledPage = await openPage(pathOf(link?.url as string));
    expect(throttledPage.status).toBe(403);
    expect(throttledPage.html).toContain("within the last 30 days");
    expect((await openPage(pathOf(otherLink?.url as string))).status).toBe(200);
  });

  it("pre-selects an email link's score and asks to confirm; opening it stores nothing", async () => {
    const { survey, path } = await personalLink();
    const page = await openPage(`${path}&score=7`);
    expect(page.status).toBe(200);
    expect(checkedScore(page.html)).toBe("7");
    expect(page.html).toContain("You chose 7. Press Confirm to send your answer.");
    expect(page.html).toContain(">Confirm</button>");
    // A scanner following every button of the email: still nothing stored.
    for (let score = 0; score <= 10; score++) await request(`${path}&score=${score}`);
    await request(`${path}&score=7`, { method: "HEAD" });
    expect(await rows(survey.id)).toEqual([]);
    for (const bad of ["11", "-1", "7.5", "abc", ""]) {
      const other = await openPage(`${path}&score=${bad}`);
      expect(other.status).toBe(200);
      expect(checkedScore(other.html)).toBeUndefined();
      expect(other.html).not.toContain("Press Confirm");
    }
    const confirmed = await post(`/s/${survey.id}`, { ...page.fields, score: "7" });
    expect(confirmed.status).toBe(303);
    expect((await rows(survey.id)).map((r) => r.score)).toEqual([7]);
  });
});

describe("answering", () => {
  it("stores the score at once as unfinished; the comment finishes it", async () => {
    const ws = await workspace();
    const survey = await ws.create();
    const ip = freshIp();
    const sent = await answer(`/s/${survey.id}`, { score: "9" }, { ip });
    expect(sent.status).toBe(303);
    const location = sent.headers.get("location") as string;
    expect(location).toMatch(new RegExp(`^/s/${survey.id}/next\\?r=[0-9a-f-]{36}\\.[A-Za-z0-9_-]{22}&lang=en$`));
    const [row] = await rows(survey.id);
    expect(row).toMatchObject({ score: 9, finished: 0, comment: null, source: "anonymous", language: "en", flags: 0 });
    expect(row?.ip_hash).toBe(await hashIp(LINK_SECRET, ip));
    expect(JSON.stringify(row)).not.toContain(ip);

    const next = await openPage(location);
    expect(next.status).toBe(200);
    expect(next.html).toContain("Your score: 9");
    expect(next.html).toContain("Question 2 of 2");
    expect(next.html).toContain(`<label for="comment">${NPS_SURVEY.followUp?.en}</label>`);
    const done = await post(`/s/${survey.id}/comment`, { ...next.fields, comment: "Fast delivery", action: "send" });
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe(`/s/${survey.id}/thanks?lang=en`);
    const thanks = await openPage(done.headers.get("location") as string);
    expect(thanks.status).toBe(200);
    expect(thanks.html).toContain("Thank you!");

    const [response] = await ws.responses(survey.id);
    expect(response).toEqual({
      id: row?.id,
      surveyId: survey.id,
      contactId: null,
      source: "anonymous",
      score: 9,
      answers: null,
      comment: "Fast delivery",
      language: "en",
      finished: true,
      flags: [],
      createdAt: row?.created_at,
      updatedAt: expect.any(String),
    });
  });

  it("stores respondent text exactly as typed and always renders it escaped", async () => {
    const ws = await workspace();
    const survey = await ws.create();
    const sent = await answer(`/s/${survey.id}`, { score: "3" });
    const next = await openPage(sent.headers.get("location") as string);
    const typed = `=HYPERLINK("http://evil")\r\n<script>alert('x')</script> & «ёлки» 🎄  `;
    await post(`/s/${survey.id}/comment`, { ...next.fields, comment: typed, action: "send" });
    const [response] = await ws.responses(survey.id);
    expect(response?.comment).toBe(typed);
    const again = await openPage(sent.headers.get("location") as string);
    expect(again.html).toContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; «ёлки» 🎄");
    expect(again.html).not.toContain("<script>");
  });

  it("Skip finishes the answer and keeps an earlier comment; an empty comment is no comment", async () => {
    const ws = await workspace();
    const survey = await ws.create();
    const sent = await answer(`/s/${survey.id}`, { score: "6" });
    const next = await openPage(sent.headers.get("location") as string);
    await post(`/s/${survey.id}/comment`, { ...next.fields, comment: "ignored", action: "skip" });
    expect((await rows(survey.id))[0]).toMatchObject({ finished: 1, comment: null });
    await post(`/s/${survey.id}/comment`, { ...next.fields, comment: "Slow", action: "send" });
    await post(`/s/${survey.id}/comment`, { ...next.fields, comment: "", action: "skip" });
    expect((await rows(survey.id))[0]).toMatchObject({ finished: 1, comment: "Slow" });
    await post(`/s/${survey.id}/comment`, { ...next.fields, comment: "  \n ", action: "send" });
    expect((await rows(survey.id))[0]).toMatchObject({ finished: 1, comment: null });
  });

  it("finishes at once when there is no follow-up question", async () => {
    const ws = await workspace();
    const survey = await ws.create({ ...NPS_SURVEY, followUp: null });
    expect((await openPage(`/s/${survey.id}`)).html).not.toContain("Question 1 of");
    const sent = await answer(`/s/${survey.id}`, { score: "10" });
    expect(sent.status).toBe(303);
    expect(sent.headers.get("location")).toBe(`/s/${survey.id}/thanks?lang=en`);
    expect((await rows(survey.id))[0]).toMatchObject({ score: 10, finished: 1 });
  });

  it("keeps one answer per contact: a second visit shows the answer and edits it", async () => {
    const { ws, survey, path } = await personalLink();
    const first = await answer(path, { score: "3" });
    expect(first.status).toBe(303);
    const next = await openPage(first.headers.get("location") as string);
    await post(`/s/${survey.id}/comment`, { ...next.fields, comment: "Too slow", action: "send" });
    const [before] = await rows(survey.id);
    expect(before).toMatchObject({ contact_id: "C-1", source: "personal", score: 3, finished: 1 });

    const revisit = await openPage(path);
    expect(revisit.status).toBe(200);
    expect(checkedScore(revisit.html)).toBe("3");
    expect(revisit.html).toMatch(/You answered on \d{1,2} \w+ \d{4}\. You can change your answer/);
    const second = await answer(path, { score: "8" });
    expect(tokenOf(second)).toBe(tokenOf(first));
    const after = await rows(survey.id);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: before?.id, score: 8, comment: "Too slow", finished: 1 });
    expect(after[0]?.seq as number).toBeGreaterThan(before?.seq as number);
    const edit = await openPage(second.headers.get("location") as string);
    expect(edit.html).toContain(">Too slow</textarea>");
    const thanks = await post(`/s/${survey.id}/comment`, { ...edit.fields, comment: "Better now", action: "send" });
    expect(thanks.headers.get("location")).toBe(`/s/${survey.id}/thanks?lang=en&p=1`);
    expect((await openPage(thanks.headers.get("location") as string)).html).toContain("with the same link");
    expect((await ws.responses(survey.id)).map((r) => [r.contactId, r.score, r.comment])).toEqual([
      ["C-1", 8, "Better now"],
    ]);
  });

  it("lets an anonymous respondent change the score through the follow-up page's Change link", async () => {
    const ws = await workspace();
    const survey = await ws.create();
    const sent = await answer(`/s/${survey.id}`, { score: "4" });
    const next = await openPage(sent.headers.get("location") as string);
    const change = /<a href="([^"]+)">Change<\/a>/.exec(next.html)?.[1]?.replace(/&amp;/g, "&") as string;
    expect(change).toBe(`/s/${survey.id}?r=${encodeURIComponent(tokenOf(sent))}&lang=en`);
    const edit = await openPage(change);
    expect(edit.status).toBe(200);
    expect(checkedScore(edit.html)).toBe("4");
    const again = await post(`/s/${survey.id}`, { ...edit.fields, nonce: await nonceServedAgo(survey.id), score: "5" });
    expect(tokenOf(again)).toBe(tokenOf(sent));
    expect((await ws.responses(survey.id)).map((r) => r.score)).toEqual([5]);
    // An answer token of another survey opens nothing.
    const other = await ws.create();
    const foreign = await signResponse(LINK_SECRET, other.id, tokenOf(sent).split(".")[0] as string);
    expect((await openPage(`/s/${survey.id}?r=${foreign}`)).status).toBe(403);
    expect((await openPage(`/s/${survey.id}/next?r=${foreign}`)).status).toBe(403);
    expect((await openPage(`/s/${survey.id}/next`)).status).toBe(403);
  });

  it("stores CSI ratings by factor, allowing some to be skipped but not all", async () => {
    const ws = await workspace();
    const survey = await ws.create({ ...CSI_SURVEY, followUp: { en: "Anything else?" } });
    const none = await answer(`/s/${survey.id}`, { "f.speed": "9", "f.other": "3" });
    expect(none.status).toBe(400);
    const html = await none.text();
    expect(html).toContain("Rate at least one item, then send.");
    expect(html).toContain('role="alert"');
    const sent = await answer(`/s/${survey.id}`, { "f.speed": "4", "f.quality": "5", "f.support": "" });
    expect(sent.status).toBe(303);
    expect((await openPage(sent.headers.get("location") as string)).html).toContain("Your ratings are saved.");
    const [response] = await ws.responses(survey.id);
    expect(response).toMatchObject({ score: null, answers: { speed: 4, quality: 5 }, finished: false });
  });

  it.each([
    ["no score", {}],
    ["11", { score: "11" }],
    ["-1", { score: "-1" }],
    ["7.5", { score: "7.5" }],
    ["text", { score: "nine" }],
    ["padded", { score: " 9" }],
  ])("shows the form again with a message for %s (400), storing nothing", async (_, extra) => {
    const ws = await workspace();
    const survey = await ws.create();
    const page = await openPage(`/s/${survey.id}?lang=ru`);
    const sent = await post(`/s/${survey.id}`, { ...page.fields, ...extra });
    expect(sent.status).toBe(400);
    const html = await sent.text();
    expect(html).toContain('<div class="error" role="alert" id="form-error">');
    expect(html).toContain("Выберите оценку от 0 до 10 и отправьте.");
    expect(html).toContain('aria-describedby="form-error scale-hint"');
    expect(html).toContain(`name="nonce" value="${page.fields.nonce}"`);
    expect(await rows(survey.id)).toEqual([]);
  });

  it("refuses a missing, forged or foreign nonce (400) and a tampered contact (403)", async () => {
    const { ws, survey, path } = await personalLink();
    const page = await openPage(path);
    const other = await ws.create();
    const foreign = await nonceServedAgo(other.id);
    const nonce = page.fields.nonce as string;
    const forged = `${nonce.slice(0, 3)}${nonce[3] === "A" ? "B" : "A"}${nonce.slice(4)}`;
    for (const bad of [undefined, "", "abc", forged, foreign, `${nonce}.x`]) {
      const fields = { ...page.fields, score: "5" } as Record<string, string>;
      if (bad === undefined) delete fields.nonce;
      else fields.nonce = bad;
      const sent = await post(`/s/${survey.id}`, fields);
      expect(sent.status, String(bad)).toBe(400);
      expect(await sent.text()).toContain("Your answer could not be read");
    }
    const tampered = await post(`/s/${survey.id}`, { ...page.fields, c: "C-2", score: "5" });
    expect(tampered.status).toBe(403);
    expect(await rows(survey.id)).toEqual([]);
  });

  it("refuses bodies that are not a plain form (400) and bodies over 64 KB (413)", async () => {
    const ws = await workspace();
    const survey = await ws.create();
    const page = await openPage(`/s/${survey.id}`);
    const asJson = await request(`/s/${survey.id}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ ...page.fields, score: "5" }),
    });
    expect(asJson.status).toBe(400);
    const multipart = new FormData();
    for (const [k, v] of Object.entries({ ...page.fields, score: "5" })) multipart.set(k, v);
    multipart.set("upload", new File(["x"], "x.txt"));
    expect((await request(`/s/${survey.id}`, { method: "POST", body: multipart })).status).toBe(400);
    const repeated = `${new URLSearchParams({ ...page.fields, score: "5" })}&score=6`;
    const twice = await request(`/s/${survey.id}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: repeated,
    });
    expect(twice.status).toBe(400);
    const big = await post(`/s/${survey.id}`, { ...page.fields, score: "5", website: "x".repeat(70 * 1024) });
    expect(big.status).toBe(413);
    expect(await big.text()).toContain("Your answer is too long");
    expect(await rows(survey.id)).toEqual([]);
    // A plain multipart form (what some browsers send) is fine.
    const fine = new FormData();
    for (const [k, v] of Object.entries({ ...page.fields, score: "5" })) fine.set(k, v);
    expect((await request(`/s/${survey.id}`, { method: "POST", body: fine, redirect: "manual" })).status).toBe(303);
  });

  it("refuses a comment over 5000 characters by showing it again with a message", async () => {
    const ws = await workspace();
    const survey = await ws.create();
    const sent = await answer(`/s/${survey.id}`, { score: "5" });
    const next = await openPage(sent.headers.get("location") as string);
    const long = "я".repeat(5001);
    const refused = await post(`/s/${survey.id}/comment`, { ...next.fields, comment: long, action: "send" });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain("Your comment has 5001 characters; shorten it to 5000 or fewer.");
    expect(html).toContain(`>${long}</textarea>`);
    expect((await rows(survey.id))[0]).toMatchObject({ comment: null, finished: 0 });
    const exact = "я".repeat(5000);
    expect((await post(`/s/${survey.id}/comment`, { ...next.fields, comment: exact, action: "send" })).status).toBe(
      303,
    );
    expect((await rows(survey.id))[0]?.comment).toBe(exact);
  });

  it("refuses new answers to a closed or full survey but lets a contact edit a full one", async () => {
    const ws = await workspace();
    const survey = await ws.create({ ...NPS_SURVEY, maxResponses: 2 });
    const [a, b, c] = await ws.links(survey.id, ["a", "b", "c"]);
    const pageA = await openPage(pathOf(a?.url as string));
    const pageC = await openPage(pathOf(c?.url as string)); // opened while there was room
    expect((await answer(pathOf(a?.url as string), { score: "1" })).status).toBe(303);
    expect((await answer(pathOf(b?.url as string), { score: "2" })).status).toBe(303);
    expect((await openPage(pathOf(c?.url as string))).status).toBe(410);
    const late = await post(`/s/${survey.id}`, { ...pageC.fields, score: "3" });
    expect(late.status).toBe(410);
    expect(await late.text()).toContain("This survey has all its answers");
    expect((await answer(pathOf(a?.url as string), { score: "10" })).status).toBe(303);
    expect((await ws.responses(survey.id)).map((r) => [r.contactId, r.score])).toEqual([
      ["b", 2],
      ["a", 10],
    ]);

    await ws.call("PATCH", `/surveys/${survey.id}`, { closed: true });
    const closed = await post(`/s/${survey.id}`, {
      ...pageA.fields,
      nonce: await nonceServedAgo(survey.id),
      score: "0",
    });
    expect(closed.status).toBe(410);
    expect(await closed.text()).toContain("This survey is closed");
    const token = await signResponse(LINK_SECRET, survey.id, (await rows(survey.id))[0]?.id as string);
    expect((await openPage(`/s/${survey.id}/next?r=${token}`)).status).toBe(410);
    expect((await post(`/s/${survey.id}/comment`, { r: token, comment: "late", action: "send" })).status).toBe(410);
    expect((await ws.responses(survey.id)).map((r) => r.score)).toEqual([2, 10]);
    // Edits, refusals and retries leave the count at the number of answers stored.
    expect(await (await ws.call("GET", `/surveys/${survey.id}`)).json()).toMatchObject({ responseCount: 2 });
  });

  it("counts an uncapped survey's answers when read, and a cap set later starts from them", async () => {
    const ws = await workspace();
    const survey = await ws.create({ ...NPS_SURVEY, maxResponses: null });
    for (const score of ["1", "2", "3"]) expect((await answer(`/s/${survey.id}`, { score })).status).toBe(303);
    expect(await (await ws.call("GET", `/surveys/${survey.id}`)).json()).toMatchObject({ responseCount: 3 });
    // Uncapped: the submissions wrote nothing to the survey's row.
    const stored = await env.DB.prepare("SELECT response_count FROM surveys WHERE id = ?").bind(survey.id).first();
    expect(stored).toEqual({ response_count: 0 });
    const capped = await (await ws.call("PATCH", `/surveys/${survey.id}`, { maxResponses: 4 })).json();
    expect(capped).toMatchObject({ responseCount: 3, status: "open" });
    expect((await answer(`/s/${survey.id}`, { score: "4" })).status).toBe(303);
    expect((await openPage(`/s/${survey.id}`)).status).toBe(410);
    expect(await (await ws.call("GET", `/surveys/${survey.id}`)).json()).toMatchObject({
      responseCount: 4,
      status: "full",
    });
    // The list reads the same counts.
    const list = (await (await ws.call("GET", "/surveys")).json()) as {
      surveys: { id: string; responseCount: number }[];
    };
    expect(list.surveys.find((s) => s.id === survey.id)?.responseCount).toBe(4);
  });

  it("never lets concurrent answers exceed the cap", async () => {
    const ws = await workspace();
    const survey = await ws.create({ ...NPS_SURVEY, maxResponses: 5 });
    const pages = await Promise.all(Array.from({ length: 20 }, () => openPage(`/s/${survey.id}`)));
    const results = await Promise.all(pages.map((p) => post(`/s/${survey.id}`, { ...p.fields, score: "8" })));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 303)).toHaveLength(5);
    expect(statuses.filter((s) => s === 410)).toHaveLength(15);
    expect(await rows(survey.id)).toHaveLength(5);
    const reread = await (await ws.call("GET", `/surveys/${survey.id}`)).json();
    expect(reread).toMatchObject({ responseCount: 5, status: "full" });
  });

  it("refuses the anonymous form of an invitation-only survey and a throttled contact's new answer", async () => {
    const ws = await workspace();
    const invite = await ws.create({ ...NPS_SURVEY, anonymous: true });
    const anonymousPage = await openPage(`/s/${invite.id}`);
    await ws.call("PATCH", `/surveys/${invite.id}`, { anonymous: false });
    const refused = await post(`/s/${invite.id}`, { ...anonymousPage.fields, score: "5" });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("This survey is by invitation");

    const earlier = await ws.create();
    const [earlierLink] = await ws.links(earlier.id, ["C-1"]);
    const throttled = await ws.create({ ...NPS_SURVEY, throttleDays: 7 });
    const [link] = await ws.links(throttled.id, ["C-1"]);
    const page = await openPage(pathOf(link?.url as string)); // opened before the other answer
    expect((await answer(pathOf(earlierLink?.url as string), { score: "9" })).status).toBe(303);
    const sent = await post(`/s/${throttled.id}`, { ...page.fields, score: "9" });
    expect(sent.status).toBe(403);
    expect(await rows(throttled.id)).toEqual([]);
  });
});

describe("retries and idempotency", () => {
  it("stores a retried form once and leaves its change sequence alone", async () => {
    const ws = await workspace();
    const survey = await ws.create();
    const page = await openPage(`/s/${survey.id}`);
    const fields = { ...page.fields, nonce: await nonceServedAgo(survey.id), score: "7" };
    const first = await post(`/s/${survey.id}`, fields);
    const [before] = await rows(survey.id);
    const second = await post(`/s/${survey.id}`, fields);
    expect(second.status).toBe(303);
    expect(tokenOf(second)).toBe(tokenOf(first));
    expect(await rows(survey.id)).toEqual([before]);
  });

  it("stores a form sent several times at once only once", async () => {
    const ws = await workspace();
    const survey = await ws.create();
    const [link] = await ws.links(survey.id, ["C-1"]);
    const anonymous = {
      ...(await openPage(`/s/${survey.id}`)).fields,
      nonce: await nonceServedAgo(survey.id),
      score: "4",
    };
    const personal = { ...(await openPage(pathOf(link?.url as string))).fields, score: "6" };
    const results = await Promise.all([
      ...Array.from({ length: 8 }, () => post(`/s/${survey.id}`, anonymous)),
      ...Array.from({ length: 8 }, () => post(`/s/${survey.id}`, personal)),
    ]);
    expect(results.map((r) => r.status)).toEqual(Array(16).fill(303));
    expect(new Set(results.map(tokenOf)).size).toBe(2);
    const stored = (await ws.responses(survey.id)).map((r) => [r.contactId, r.score]);
    expect(stored).toHaveLength(2);
    expect(stored).toEqual(
      expect.arrayContaining([
        ["C-1", 6],
        [null, 4],
      ]),
    );
  });

  it("does not let a late retry of an older form undo a newer answer", async () => {
    const { ws, survey, path } = await personalLink();
    const page = await openPage(path);
    const older = { ...page.fields, nonce: await nonceServedAgo(survey.id, 60_000), score: "2" };
    const newer = { ...page.fields, nonce: await nonceServedAgo(survey.id, 10_000), score: "9" };
    expect((await post(`/s/${survey.id}`, newer)).status).toBe(303);
    const [before] = await rows(survey.id);
    const late = await post(`/s/${survey.id}`, older);
    expect(late.status).toBe(303);
    expect(await rows(survey.id)).toEqual([before]);
    expect((await ws.responses(survey.id)).map((r) => r.score)).toEqual([9]);
  });

  it("treats the same form sent again with another score as an edit (the back button)", async () => {
    const ws = await workspace();
    const survey = await ws.create();
    const fields = { ...(await openPage(`/s/${survey.id}`)).fields, nonce: await nonceServedAgo(survey.id) };
    await post(`/s/${survey.id}`, { ...fields, score: "5" });
    await post(`/s/${survey.id}`, { ...fields, score: "6" });
    expect((await ws.responses(survey.id)).map((r) => r.score)).toEqual([6]);
  });

  it("stores a retried comment once", async () => {
    const ws = await workspace();
    const survey = await ws.create();
    const sent = await answer(`/s/${survey.id}`, { score: "5" });
    const next = await openPage(sent.headers.get("location") as string);
    const fields = { ...next.fields, comment: "Once", action: "send" };
    expect((await post(`/s/${survey.id}/comment`, fields)).status).toBe(303);
    const [before] = await rows(survey.id);
    expect((await post(`/s/${survey.id}/comment`, fields)).status).toBe(303);
    expect(await rows(survey.id)).toEqual([before]);
  });
});

describe("spam and duplicates are flagged, not dropped", () => {
  it("flags a filled honeypot and an answer sent faster than a person could", async () => {
    const ws = await workspace();
    const survey = await ws.create();
    await answer(`/s/${survey.id}`, { score: "9", website: "http://spam.example" });
    const page = await openPage(`/s/${survey.id}`);
    await post(`/s/${survey.id}`, { ...page.fields, score: "8" }); // sent right after the page was served
    await answer(`/s/${survey.id}`, { score: "7" }, { ageMs: MIN_ANSWER_MS + 500 });
    expect((await ws.responses(survey.id)).map((r) => [r.score, r.flags])).toEqual([
      [9, ["honeypot"]],
      [8, ["too_fast"]],
      [7, []],
    ]);
  });

  it("does not flag a quick confirm of the score tapped in one's own email, and flags the rest", async () => {
    const ws = await workspace();
    const survey = await ws.create();
    const links = await ws.links(survey.id, ["tap", "changed", "forged"]);
    const path = (i: number) => pathOf(links[i]?.url as string);
    // Tapped 9 in the email, confirmed at once: a person's quick confirm, not a bot.
    const tapped = await openPage(`${path(0)}&score=9`);
    expect(tapped.fields.tapped).toMatch(/^9\.[A-Za-z0-9_-]+$/);
    await post(`/s/${survey.id}`, { ...tapped.fields, score: "9" });
    // Changed the score on the page in the same instant: the usual rule applies.
    const changed = await openPage(`${path(1)}&score=9`);
    await post(`/s/${survey.id}`, { ...changed.fields, score: "3" });
    // A "tapped" field that this page did not sign (a script copying another page's), sent at once: flagged.
    const plain = await openPage(path(2));
    expect(plain.fields.tapped).toBeUndefined();
    await post(`/s/${survey.id}`, { ...plain.fields, score: "9", tapped: tapped.fields.tapped as string });
    // The anonymous link with a score carries no tapped field: nobody's own email.
    const anonymous = await openPage(`/s/${survey.id}?score=10`);
    expect(anonymous.fields.tapped).toBeUndefined();
    const flags = new Map((await ws.responses(survey.id)).map((r) => [r.contactId ?? "anonymous", r.flags]));
    expect(flags.get("tap")).toEqual([]);
    expect(flags.get("changed")).toEqual(["too_fast"]);
    expect(flags.get("forged")).toEqual(["too_fast"]);
  });

  it(`flags answers after ${SAME_IP_ANSWERS} from one IP address in a day`, async () => {
    const ws = await workspace();
    const survey = await ws.create();
    const ip = freshIp();
    for (let i = 0; i <= SAME_IP_ANSWERS; i++) {
      expect((await answer(`/s/${survey.id}`, { score: String(i % 11) }, { ip })).status).toBe(303);
    }
    await answer(`/s/${survey.id}`, { score: "1" }, { ip: freshIp() });
    const flags = (await ws.responses(survey.id)).map((r) => r.flags.join());
    expect(flags).toEqual([...Array(SAME_IP_ANSWERS).fill(""), "same_ip", ""]);
  });

  it("counts an IPv6 network as its /64: one host rotating addresses is still one network", async () => {
    expect(networkOf("2001:DB8:1:2:aaaa:bbbb:cccc:1")).toBe("2001:db8:1:2::/64");
    expect(networkOf("2001:0db8:0001:0002::ffff")).toBe("2001:db8:1:2::/64");
    expect(networkOf("2001:db8:1:3::1")).toBe("2001:db8:1:3::/64");
    expect(networkOf("::ffff:192.0.2.7")).toBe("192.0.2.7");
    expect(networkOf(" 192.0.2.7")).toBe("192.0.2.7");
    expect(networkOf(undefined)).toBe("unknown");
    expect(networkOf("not an address")).toBe("unknown");
    const ws = await workspace();
    const survey = await ws.create();
    for (let i = 0; i <= SAME_IP_ANSWERS; i++) {
      const ip = `2001:db8:77:1:${(i + 1).toString(16)}:${((i * 7919) & 0xffff).toString(16)}::${i + 1}`;
      expect((await answer(`/s/${survey.id}`, { score: String(i % 11) }, { ip })).status).toBe(303);
    }
    await answer(`/s/${survey.id}`, { score: "1" }, { ip: "2001:db8:77:2::1" });
    const flags = (await ws.responses(survey.id)).map((r) => r.flags.join());
    expect(flags).toEqual([...Array(SAME_IP_ANSWERS).fill(""), "same_ip", ""]);
  });

  it("flags a second answer from the same browser on the anonymous link, but not edits", async () => {
    const ws = await workspace();
    const survey = await ws.create();
    const [link] = await ws.links(survey.id, ["C-1"]);
    const first = await answer(pathOf(link?.url as string), { score: "9" });
    const setCookie = first.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(
      new RegExp(`^rapport_r=[A-Za-z0-9_-]{22}; Max-Age=\\d+; Path=/s/${survey.id}; HttpOnly; Secure; SameSite=Lax$`),
    );
    const cookie = setCookie.split(";")[0] as string;
    const edit = await answer(pathOf(link?.url as string), { score: "10" }, { cookie });
    expect(edit.headers.get("set-cookie")).toBeNull();
    await answer(`/s/${survey.id}`, { score: "10" }, { cookie });
    await answer(`/s/${survey.id}`, { score: "3" });
    expect((await ws.responses(survey.id)).map((r) => [r.contactId, r.score, r.flags])).toEqual([
      ["C-1", 10, []],
      [null, 10, ["duplicate"]],
      [null, 3, []],
    ]);
  });
});

describe("rate limit", { timeout: 30_000 }, () => {
  async function fillCounter(surveyId: string, ip: string, n: number) {
    // A window's count restarts at its end: a test that needs two answers counted in one window
    // starts well inside one (it waits for the next when fewer than 10 s are left).
    const left = RATE_WINDOW_MS - (Date.now() % RATE_WINDOW_MS);
    if (left < 10_000) await new Promise((resolve) => setTimeout(resolve, left + 50));
    const ipHash = await hashIp(LINK_SECRET, ip);
    const window = Math.floor(Date.now() / RATE_WINDOW_MS) * RATE_WINDOW_MS;
    for (const start of [window, window + RATE_WINDOW_MS]) {
      await env.DB.prepare(
        "INSERT OR REPLACE INTO submission_counters (survey_id, ip_hash, window_start, n) VALUES (?, ?, ?, ?)",
      )
        .bind(surveyId, ipHash, start, n)
        .run();
    }
  }

  it(`accepts ${RATE_LIMIT} submissions per survey and IP a minute, then answers 429 with Retry-After`, async () => {
    const ws = await workspace();
    const survey = await ws.create();
    const other = await ws.create();
    const ip = freshIp();
    await fillCounter(survey.id, ip, RATE_LIMIT - 1);
    expect((await answer(`/s/${survey.id}`, { score: "5" }, { ip })).status).toBe(303);
    const limited = await answer(`/s/${survey.id}`, { score: "6" }, { ip });
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await limited.text()).toContain("Too many answers at once");
    expect((await answer(`/s/${survey.id}?lang=ru`, { score: "6" }, { ip })).status).toBe(429);
    // Another address, or another survey from this address, is not limited.
    expect((await answer(`/s/${survey.id}`, { score: "7" }, { ip: freshIp() })).status).toBe(303);
    expect((await answer(`/s/${other.id}`, { score: "7" }, { ip })).status).toBe(303);
    expect((await ws.responses(survey.id)).map((r) => r.score)).toEqual([5, 7]);
  });

  it("limits comments too", async () => {
    const ws = await workspace();
    const survey = await ws.create();
    const ip = freshIp();
    const sent = await answer(`/s/${survey.id}`, { score: "5" }, { ip });
    const next = await openPage(sent.headers.get("location") as string);
    await fillCounter(survey.id, ip, RATE_LIMIT);
    const limited = await post(`/s/${survey.id}/comment`, { ...next.fields, comment: "hi", action: "send" }, { ip });
    expect(limited.status).toBe(429);
    expect((await rows(survey.id))[0]).toMatchObject({ comment: null, finished: 0 });
  });

  it("forgets old windows", async () => {
    const ws = await workspace();
    const survey = await ws.create();
    await env.DB.prepare(
      "INSERT INTO submission_counters (survey_id, ip_hash, window_start, n) VALUES (?, 'old', 0, 99)",
    )
      .bind(survey.id)
      .run();
    resetCounterCleanup();
    await answer(`/s/${survey.id}`, { score: "5" });
    const left = await env.DB.prepare("SELECT COUNT(*) AS n FROM submission_counters WHERE window_start = 0").first<{
      n: number;
    }>();
    expect(left?.n).toBe(0);
  });
});

describe("other pages", () => {
  it("thanks in both languages and answers other paths and methods with a 404 page", async () => {
    const ws = await workspace();
    const survey = await ws.create();
    const ru = await openPage(`/s/${survey.id}/thanks?lang=ru`);
    expect(ru.status).toBe(200);
    expect(ru.html).toContain("Спасибо!");
    expect(ru.html).toContain(`<a href="/s/${survey.id}/thanks?lang=en"`);
    for (const [method, path] of [
      ["GET", `/s/${survey.id}/comment`],
      ["PUT", `/s/${survey.id}`],
      ["DELETE", `/s/${survey.id}`],
      ["GET", `/s/${survey.id}/nowhere`],
    ] as const) {
      const response = await request(path, { method });
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(await response.text()).toContain("Survey not found");
    }
  });

  it("shows a page (503) when the database fails, logging nothing of the request", async () => {
    const { createApp } = await import("../../worker/src/app");
    const ws = await workspace();
    const survey = await ws.create();
    const [link] = await ws.links(survey.id, ["secret-contact-7"]);
    const page = await openPage(pathOf(link?.url as string));
    const failing = {
      ...env,
      DB: {
        prepare: () => {
          throw new Error("D1 is down for secret-contact-7");
        },
        batch: () => Promise.reject(new Error("D1 is down")),
      } as unknown as D1Database,
    };
    const logged: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => logged.push(args.map(String).join(" "));
    try {
      const app = createApp();
      const body = new URLSearchParams({ ...page.fields, score: "9", website: "" }).toString();
      for (const request of [
        new Request(`https://rapport.test${pathOf(link?.url as string)}`),
        new Request(`https://rapport.test/s/${survey.id}`, {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
          body,
        }),
      ]) {
        const response = await app.fetch(request, failing);
        expect(response.status).toBe(503);
        expect(response.headers.get("content-type")).toContain("text/html");
        expect(await response.text()).toContain("Something went wrong");
      }
    } finally {
      console.error = original;
    }
    expect(logged.length).toBeGreaterThan(0);
    for (const line of logged) {
      expect(line).not.toContain("secret-contact-7");
      expect(line).not.toContain(page.fields.k as string);
      expect(line).not.toContain("score");
    }
  });

  it("works without the secret only as far as saying so (503)", async () => {
    const { createApp } = await import("../../worker/src/app");
    const ws = await workspace();
    const survey = await ws.create();
    const response = await createApp().fetch(new Request(`https://rapport.test/s/${survey.id}`), {
      ...env,
      LINK_SECRET: undefined,
    });
    expect(response.status).toBe(503);
    expect(await response.text()).toContain("Something went wrong");
  });
});
