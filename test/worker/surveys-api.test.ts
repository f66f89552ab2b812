import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { SURVEY_SCALES, Survey, SurveyList } from "../../shared/api/surveys";
import { createApp } from "../../worker/src/app";
import { verifyContact } from "../../worker/src/surveys/signing";
import { json, request } from "./helpers";
import { CSI_SURVEY, expectApiError, LINK_SECRET, NPS_SURVEY, openPage, pathOf, workspace } from "./surveyHelpers";

describe("POST /api/v1/surveys", () => {
  it("creates each type with its scale, the public url and the defaults", async () => {
    const ws = await workspace();
    for (const type of ["nps", "csat", "ces"] as const) {
      const survey = await ws.create({ type, title: `A ${type} survey`, question: { en: "Q?" } });
      expect(survey).toMatchObject({
        type,
        title: `A ${type} survey`,
        question: { en: "Q?" },
        followUp: null,
        factors: null,
        scale: { min: SURVEY_SCALES[type].min, max: SURVEY_SCALES[type].max },
        status: "open",
        closed: false,
        closesAt: null,
        maxResponses: null,
        throttleDays: null,
        anonymous: false,
        responseCount: 0,
      });
      expect(survey.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(survey.url).toBe(`https://rapport.test/s/${survey.id}`);
    }
    const csi = await ws.create(CSI_SURVEY);
    expect(csi.factors).toEqual(CSI_SURVEY.factors);
    expect(csi.scale).toEqual({ min: 1, max: 5 });
  });

  it("keeps every option it is given, with the close date in UTC", async () => {
    const ws = await workspace();
    const response = await ws.call("POST", "/surveys", {
      ...NPS_SURVEY,
      title: "  Trimmed  ",
      closesAt: "2099-06-30T23:59:00+03:00",
      maxResponses: 500,
      throttleDays: 90,
    });
    expect(response.status).toBe(201);
    const survey = Survey.parse(await response.json());
    expect(response.headers.get("location")).toBe(`/api/v1/surveys/${survey.id}`);
    expect(survey).toMatchObject({
      title: "Trimmed",
      question: NPS_SURVEY.question,
      followUp: NPS_SURVEY.followUp,
      closesAt: "2099-06-30T20:59:00.000Z",
      maxResponses: 500,
      throttleDays: 90,
      anonymous: true,
    });
  });

  it.each([
    ["type", { ...NPS_SURVEY, type: "star" }],
    ["title", { ...NPS_SURVEY, title: "" }],
    ["title", { ...NPS_SURVEY, title: "x".repeat(201) }],
    ["question", { ...NPS_SURVEY, question: {} }],
    ["question", { ...NPS_SURVEY, question: { de: "Frage?" } }],
    ["question.en", { ...NPS_SURVEY, question: { en: "   " } }],
    ["followUp", { ...NPS_SURVEY, followUp: {} }],
    ["factors", { ...NPS_SURVEY, factors: CSI_SURVEY.factors }],
    ["factors", { ...CSI_SURVEY, factors: undefined }],
    ["factors", { ...CSI_SURVEY, factors: [] }],
    ["factors.0.weight", { ...CSI_SURVEY, factors: [{ id: "a", label: { en: "A" }, weight: 0 }] }],
    ["factors.0.id", { ...CSI_SURVEY, factors: [{ id: "a b", label: { en: "A" }, weight: 1 }] }],
    // Keys every object has: ratings keyed by them would be lost by the readers.
    ["factors.0.id", { ...CSI_SURVEY, factors: [{ id: "__proto__", label: { en: "A" }, weight: 1 }] }],
    [
      "factors.1.id",
      { ...CSI_SURVEY, factors: [CSI_SURVEY.factors?.[0], { id: "constructor", label: { en: "A" }, weight: 1 }] },
    ],
    ["factors.0.id", { ...CSI_SURVEY, factors: [{ id: "toString", label: { en: "A" }, weight: 1 }] }],
    // A lone surrogate (a JSON \ud800 escape) is not text: it would be stored as U+FFFD.
    ["title", { ...NPS_SURVEY, title: "Spring \ud800 check-in" }],
    ["question.ru", { ...NPS_SURVEY, question: { ru: "Оцените \udfff нас" } }],
    [
      "factors",
      {
        ...CSI_SURVEY,
        factors: [
          { id: "a", label: { en: "A" }, weight: 1 },
          { id: "a", label: { en: "B" }, weight: 1 },
        ],
      },
    ],
    ["closesAt", { ...NPS_SURVEY, closesAt: "next friday" }],
    ["closesAt", { ...NPS_SURVEY, closesAt: "2099-06-30T12:00:00" }],
    ["closesAt", { ...NPS_SURVEY, closesAt: "2001-01-01T00:00:00Z" }],
    ["maxResponses", { ...NPS_SURVEY, maxResponses: 0 }],
    ["maxResponses", { ...NPS_SURVEY, maxResponses: 2.5 }],
    ["throttleDays", { ...NPS_SURVEY, throttleDays: -1 }],
    ["anonymous", { ...NPS_SURVEY, anonymous: "yes" }],
    ["", { ...NPS_SURVEY, colour: "blue" }],
  ])("refuses a bad %s with validation_failed naming it", async (field, body) => {
    const ws = await workspace();
    const error = await expectApiError(await ws.call("POST", "/surveys", body), 400, "validation_failed");
    const paths = (error.error.details as { issues: { path: string }[] }).issues.map((i) => i.path);
    if (field) expect(paths).toContain(field);
    expect(error.error.message).toContain(field.split(".")[0] as string);
    // The shared schemas are zod/mini, which has no messages of its own: the Worker loads English.
    expect(error.error.message).not.toMatch(/: Invalid input$/);
  });

  it("says what a limit is in the message", async () => {
    const ws = await workspace();
    const error = await expectApiError(
      await ws.call("POST", "/surveys", { ...NPS_SURVEY, throttleDays: -1 }),
      400,
      "validation_failed",
    );
    expect(error.error.message).toBe("Invalid json: throttleDays: Too small: expected number to be >=0");
  });

  it("refuses malformed JSON and oversized bodies", async () => {
    const ws = await workspace();
    const malformed = await request("/api/v1/surveys", {
      method: "POST",
      headers: { Authorization: `Bearer ${ws.token}`, "Content-Type": "application/json" },
      body: "{",
    });
    await expectApiError(malformed, 400, "bad_request");
    const big = await ws.call("POST", "/surveys", { ...NPS_SURVEY, title: "x".repeat(1024 * 1024) });
    await expectApiError(big, 413, "payload_too_large");
  });

  it("says that a JSON body must be sent as application/json", async () => {
    const ws = await workspace();
    for (const type of ["text/plain", "application/x-www-form-urlencoded"]) {
      const sent = await request("/api/v1/surveys", {
        method: "POST",
        headers: { Authorization: `Bearer ${ws.token}`, "Content-Type": type },
        body: JSON.stringify(NPS_SURVEY),
      });
      const error = await expectApiError(sent, 415, "unsupported_media_type");
      expect(error.error.message).toBe(
        `The body must be JSON sent with Content-Type: application/json (found "${type}").`,
      );
    }
    // With the right type the same body is accepted, with a charset too.
    const fine = await request("/api/v1/surveys", {
      method: "POST",
      headers: { Authorization: `Bearer ${ws.token}`, "Content-Type": "application/json; charset=utf-8" },
      body: JSON.stringify(NPS_SURVEY),
    });
    expect(fine.status).toBe(201);
  });

  it("marks every API answer no-store, errors included: they carry tokens, links and answers", async () => {
    const ws = await workspace();
    const survey = await ws.create();
    const answers = [
      await ws.call("GET", `/surveys/${survey.id}`),
      await ws.call("POST", `/surveys/${survey.id}/links`, { contacts: [{ id: "C-1" }] }),
      await ws.call("GET", `/surveys/${survey.id}/responses`),
      await ws.call("GET", "/surveys/nope"),
      await request("/api/v1/health"),
      await request("/api/v1/no-such-route"),
      await request("/api/v1/workspaces", json("POST", {})),
    ];
    expect(answers.map((a) => a.headers.get("cache-control"))).toEqual(Array(answers.length).fill("no-store"));
  });

  it("needs the workspace token", async () => {
    await expectApiError(await request("/api/v1/surveys", json("POST", NPS_SURVEY)), 401, "unauthorized");
    await expectApiError(await request("/api/v1/surveys"), 401, "unauthorized");
  });

  it("is disabled with a clear error when the Worker has no LINK_SECRET", async () => {
    const ws = await workspace();
    const app = createApp();
    const noSecret = { ...env, LINK_SECRET: undefined };
    const create = await app.fetch(
      new Request("https://rapport.test/api/v1/surveys", json("POST", NPS_SURVEY, ws.token)),
      noSecret,
    );
    const body = await expectApiError(create, 403, "forbidden");
    expect(body.error.message).toContain("LINK_SECRET");
  });
});

describe("GET and PATCH /api/v1/surveys", () => {
  it("lists the workspace's surveys newest first", async () => {
    const ws = await workspace();
    const first = await ws.create({ ...NPS_SURVEY, title: "First" });
    await new Promise((r) => setTimeout(r, 5));
    const second = await ws.create({ ...NPS_SURVEY, title: "Second" });
    const response = await ws.call("GET", "/surveys");
    expect(response.status).toBe(200);
    const list = SurveyList.parse(await response.json());
    expect(list.surveys.map((s) => s.id)).toEqual([second.id, first.id]);
  });

  it("reads one survey with its live count", async () => {
    const ws = await workspace();
    const survey = await ws.create();
    const response = await ws.call("GET", `/surveys/${survey.id}`);
    expect(Survey.parse(await response.json())).toEqual(survey);
  });

  it("changes the title, texts and limits, and clears them with null", async () => {
    const ws = await workspace();
    const survey = await ws.create({ ...NPS_SURVEY, maxResponses: 10, throttleDays: 30 });
    const response = await ws.call("PATCH", `/surveys/${survey.id}`, {
      title: "Renamed",
      question: { ru: "Новый вопрос?" },
      followUp: null,
      maxResponses: null,
      throttleDays: 7,
      anonymous: false,
    });
    expect(response.status).toBe(200);
    const updated = Survey.parse(await response.json());
    expect(updated).toMatchObject({
      id: survey.id,
      title: "Renamed",
      question: { ru: "Новый вопрос?" },
      followUp: null,
      maxResponses: null,
      throttleDays: 7,
      anonymous: false,
      createdAt: survey.createdAt,
    });
    expect(updated.updatedAt >= survey.updatedAt).toBe(true);
    const again = Survey.parse(await (await ws.call("GET", `/surveys/${survey.id}`)).json());
    expect(again).toEqual(updated);
  });

  it("closes and reopens by hand, closes when its date passes, and refuses a past date as creation does", async () => {
    const ws = await workspace();
    const survey = await ws.create();
    const closed = Survey.parse(await (await ws.call("PATCH", `/surveys/${survey.id}`, { closed: true })).json());
    expect(closed).toMatchObject({ closed: true, status: "closed" });
    const reopened = Survey.parse(await (await ws.call("PATCH", `/surveys/${survey.id}`, { closed: false })).json());
    expect(reopened).toMatchObject({ closed: false, status: "open" });
    const refused = await expectApiError(
      await ws.call("PATCH", `/surveys/${survey.id}`, { closesAt: "2020-01-01T00:00:00Z" }),
      400,
      "validation_failed",
    );
    expect(refused.error.message).toBe("Invalid json: closesAt: must be in the future");
    expect((await ws.responses(survey.id)).length).toBe(0);
    // A close date that has passed since it was set closes the survey.
    await env.DB.prepare("UPDATE surveys SET closes_at = ? WHERE id = ?")
      .bind("2020-01-01T00:00:00.000Z", survey.id)
      .run();
    const past = Survey.parse(await (await ws.call("GET", `/surveys/${survey.id}`)).json());
    expect(past).toMatchObject({ closed: false, status: "closed", closesAt: "2020-01-01T00:00:00.000Z" });
    const cleared = Survey.parse(await (await ws.call("PATCH", `/surveys/${survey.id}`, { closesAt: null })).json());
    expect(cleared.status).toBe("open");
  });

  it("archives (closing it too) and restores (still closed); the answers stay", async () => {
    const ws = await workspace();
    const survey = await ws.create();
    expect(survey.archived).toBe(false);
    const archived = Survey.parse(await (await ws.call("PATCH", `/surveys/${survey.id}`, { archived: true })).json());
    expect(archived).toMatchObject({ archived: true, closed: true, status: "closed" });
    const list = SurveyList.parse(await (await ws.call("GET", "/surveys")).json());
    expect(list.surveys.find((s) => s.id === survey.id)?.archived).toBe(true);
    const restored = Survey.parse(await (await ws.call("PATCH", `/surveys/${survey.id}`, { archived: false })).json());
    expect(restored).toMatchObject({ archived: false, closed: true });
  });

  it("gives a signed preview of the respondent page, any status, from which nothing can be sent", async () => {
    const ws = await workspace();
    const survey = await ws.create();
    expect(survey.previewUrl).toMatch(/\/s\/[A-Za-z0-9_-]{22}\/preview\?p=[A-Za-z0-9_-]{22}$/);
    await ws.call("PATCH", `/surveys/${survey.id}`, { closed: true });
    const previewPath = pathOf(survey.previewUrl as string);
    const page = await openPage(`${previewPath}&lang=en`);
    expect(page.status).toBe(200);
    expect(page.html).toContain("Preview: this is the page respondents see. Nothing pressed here is recorded.");
    expect(page.html).toContain(NPS_SURVEY.question.en as string);
    // No form action, the button disabled: a press goes nowhere.
    expect(page.html).not.toMatch(/<form[^>]*action=/);
    expect(page.html).toMatch(/<button type="submit" class="primary" disabled>/);
    // The follow-up question is the next page of the preview.
    const next = /href="([^"]+step=2[^"]*)"/.exec(page.html)?.[1]?.replace(/&amp;/g, "&");
    expect(next).toBeTruthy();
    const second = await openPage(next as string);
    expect(second.html).toContain(NPS_SURVEY.followUp?.en as string);
    expect(second.html).toMatch(/value="skip" class="secondary" disabled/);
    // Russian too, and a forged or another survey's signature is a bad link.
    expect((await openPage(`${previewPath}&lang=ru`)).html).toContain("Предпросмотр");
    const other = await ws.create();
    const forged = `/s/${survey.id}/preview?p=${new URL(other.previewUrl as string).searchParams.get("p")}`;
    expect((await openPage(forged)).status).toBe(403);
    const summary = await (await ws.call("GET", `/surveys/${survey.id}`)).json();
    expect((summary as { responseCount: number }).responseCount).toBe(0);
  });

  it.each([
    ["an empty change", {}],
    ["the type", { type: "csat" }],
    ["the factors", { factors: CSI_SURVEY.factors }],
    ["a bad title", { title: 5 }],
    ["a bad cap", { maxResponses: -3 }],
    ["a bad close flag", { closed: "yes" }],
  ])("refuses %s", async (_, body) => {
    const ws = await workspace();
    const survey = await ws.create();
    await expectApiError(await ws.call("PATCH", `/surveys/${survey.id}`, body), 400, "validation_failed");
  });
});

describe("workspace isolation", () => {
  it("answers 404 for another workspace's survey on every route, exactly as for an unknown id", async () => {
    const owner = await workspace();
    const other = await workspace();
    const survey = await owner.create();
    const routes: [string, string, unknown?][] = [
      ["GET", `/surveys/${survey.id}`],
      ["PATCH", `/surveys/${survey.id}`, { title: "Mine now" }],
      ["POST", `/surveys/${survey.id}/links`, { contacts: [{ id: "c1" }] }],
      ["GET", `/surveys/${survey.id}/responses`],
    ];
    for (const [method, path, body] of routes) {
      const theirs = await expectApiError(await other.call(method, path, body), 404, "not_found");
      const unknown = await expectApiError(
        await other.call(method, path.replace(survey.id, "AAAAAAAAAAAAAAAAAAAAAA"), body),
        404,
        "not_found",
      );
      expect(theirs.error.message.replace(survey.id, "ID")).toBe(
        unknown.error.message.replace("AAAAAAAAAAAAAAAAAAAAAA", "ID"),
      );
    }
    const list = SurveyList.parse(await (await other.call("GET", "/surveys")).json());
    expect(list.surveys).toEqual([]);
    const mine = Survey.parse(await (await owner.call("GET", `/surveys/${survey.id}`)).json());
    expect(mine.title).toBe(survey.title);
  });
});

describe("POST /api/v1/surveys/:id/links", () => {
  it("signs each contact id into a personal link that only fits that contact and survey", async () => {
    const ws = await workspace();
    const survey = await ws.create();
    const contacts = ["C-001", "ivan@example.com", "Клиент 7", "a&b=c?d#e"];
    const links = await ws.links(survey.id, contacts);
    expect(links.map((l) => l.contactId)).toEqual(contacts);
    for (const link of links) {
      const url = new URL(link.url);
      expect(`${url.origin}${url.pathname}`).toBe(survey.url);
      expect(url.searchParams.get("c")).toBe(link.contactId);
      const k = url.searchParams.get("k") as string;
      expect(await verifyContact(LINK_SECRET, survey.id, link.contactId, k)).toBe(true);
      expect(await verifyContact(LINK_SECRET, survey.id, `${link.contactId}x`, k)).toBe(false);
      expect(await verifyContact(LINK_SECRET, "AAAAAAAAAAAAAAAAAAAAAA", link.contactId, k)).toBe(false);
      expect(link).toMatchObject({ eligible: true, lastAnsweredAt: null });
    }
    const page = await request(pathOf(links[3]?.url as string));
    expect(page.status).toBe(200);
  });

  it("adds lang= to the links when asked", async () => {
    const ws = await workspace();
    const survey = await ws.create();
    const [link] = await ws.links(survey.id, ["c1"], "ru");
    expect(new URL(link?.url as string).searchParams.get("lang")).toBe("ru");
  });

  it("makes email buttons for each score, each a personal link carrying it, in the chosen language", async () => {
    const ws = await workspace();
    for (const [type, min, max] of [
      ["nps", 0, 10],
      ["csat", 1, 5],
      ["ces", 1, 7],
    ] as const) {
      const survey = await ws.create({ type, title: "T", question: { en: "Question <b>?</b>", ru: "Вопрос?" } });
      const [link] = await ws.links(survey.id, ["C&1"], "ru");
      const hrefs = [...(link?.emailHtml ?? "").matchAll(/href="([^"]+)"/g)].map((m) =>
        (m[1] as string).replace(/&amp;/g, "&"),
      );
      expect(hrefs).toEqual(Array.from({ length: max - min + 1 }, (_, i) => `${link?.url}&score=${min + i}`));
      expect(link?.emailHtml).toContain("Вопрос?");
      expect(link?.emailHtml).not.toContain("<b>");
    }
    const csi = await ws.create(CSI_SURVEY);
    const [csiLink] = await ws.links(csi.id, ["c1"]);
    expect(csiLink?.emailHtml).toContain(`href="${csiLink?.url.replace(/&/g, "&amp;")}"`);
    expect(csiLink?.emailHtml).toContain("Take the survey");
  });

  it("reports the last answer and eligibility under the throttle, across the workspace's surveys", async () => {
    const ws = await workspace();
    const survey = await ws.create({ ...NPS_SURVEY, throttleDays: 30 });
    const other = await ws.create(NPS_SURVEY);
    const third = await ws.create(NPS_SURVEY);
    const stranger = await workspace();
    const theirs = await stranger.create(NPS_SURVEY);
    const day = 24 * 60 * 60 * 1000;
    const at = (daysAgo: number) => new Date(Date.now() - daysAgo * day).toISOString();
    // recent: answered another survey 10 days ago; old: 45 and 50 days ago; elsewhere: only in another workspace.
    const recentAt = at(10);
    const oldAt = at(45);
    await insertAnswer(ws.workspaceId, other.id, "recent", recentAt);
    await insertAnswer(ws.workspaceId, other.id, "old", oldAt);
    await insertAnswer(ws.workspaceId, third.id, "old", at(50));
    await insertAnswer(stranger.workspaceId, theirs.id, "elsewhere", at(1));
    const links = await ws.links(survey.id, ["recent", "old", "elsewhere", "new"]);
    expect(links.map((l) => [l.contactId, l.eligible, l.lastAnsweredAt])).toEqual([
      ["recent", false, recentAt],
      ["old", true, oldAt],
      ["elsewhere", true, null],
      ["new", true, null],
    ]);
    // Without a throttle everyone is eligible; the last answer is still reported.
    const open = await ws.create(NPS_SURVEY);
    const [recent] = await ws.links(open.id, ["recent"]);
    expect(recent).toMatchObject({ eligible: true, lastAnsweredAt: expect.any(String) });
  });

  it.each([
    ["no contacts", { contacts: [] }],
    ["too many contacts", { contacts: Array.from({ length: 501 }, (_, i) => ({ id: `c${i}` })) }],
    ["an empty id", { contacts: [{ id: "" }] }],
    ["a control character", { contacts: [{ id: "a\nb" }] }],
    ["an over-long id", { contacts: [{ id: "x".repeat(201) }] }],
    ["a number id", { contacts: [{ id: 7 }] }],
    ["a bad language", { contacts: [{ id: "a" }], lang: "de" }],
  ])("refuses %s", async (_, body) => {
    const ws = await workspace();
    const survey = await ws.create();
    await expectApiError(await ws.call("POST", `/surveys/${survey.id}/links`, body), 400, "validation_failed");
  });

  it("handles the largest allowed list in one call", async () => {
    const ws = await workspace();
    const survey = await ws.create();
    const links = await ws.links(
      survey.id,
      Array.from({ length: 500 }, (_, i) => `client-${i}`),
    );
    expect(new Set(links.map((l) => l.url)).size).toBe(500);
  });
});

async function insertAnswer(workspaceId: string, surveyId: string, contactId: string, createdAt: string) {
  const seq = await env.DB.prepare("SELECT COALESCE(MAX(seq), 0) + 1 AS s FROM responses WHERE survey_id = ?")
    .bind(surveyId)
    .first<{ s: number }>();
  await env.DB.prepare(
    `INSERT INTO responses (id, survey_id, workspace_id, contact_id, source, score, language, finished, flags, nonce_at, seq, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'personal', 9, 'en', 1, 0, 0, ?, ?, ?)`,
  )
    .bind(crypto.randomUUID(), surveyId, workspaceId, contactId, seq?.s, createdAt, createdAt)
    .run();
}
