import { describe, expect, it } from "vitest";
import { ClaimResponse, LedgerPage, OptOutsResponse, UnsubscribeLinksResponse } from "../../shared/api/outreach";
import { request } from "./helpers";
import { answer, pathOf, workspace } from "./surveyHelpers";

type Api = Awaited<ReturnType<typeof workspace>>;

async function claim(
  api: Api,
  contactIds: string[],
  occurrence = "invite",
  campaign = "survey-1",
  conditions: { after?: string; unanswered?: boolean } = {},
) {
  const response = await api.call("POST", "/outreach/claims", { campaign, occurrence, contactIds, ...conditions });
  expect(response.status, await response.clone().text()).toBe(200);
  return ClaimResponse.parse(await response.json());
}

async function report(
  api: Api,
  sent: string[],
  failed: { contactId: string; reason: string }[] = [],
  occurrence = "invite",
  campaign = "survey-1",
) {
  const response = await api.call("POST", "/outreach/results", { campaign, occurrence, sent, failed });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as { sent: number; failed: number };
}

async function unsubscribeLink(api: Api, contactId: string): Promise<string> {
  const response = await api.call("POST", "/outreach/unsubscribe-links", { contactIds: [contactId] });
  expect(response.status).toBe(200);
  const url = UnsubscribeLinksResponse.parse(await response.json()).links[0]?.url as string;
  return new URL(url).pathname + new URL(url).search;
}

const form = { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "" };

describe("the never-twice ledger", () => {
  it("claims each contact once per campaign and occurrence; a second claim finds it pending, then sent", async () => {
    const api = await workspace();
    expect(await claim(api, ["a", "b", "c"])).toEqual({
      claimed: ["a", "b", "c"],
      sent: [],
      pending: [],
      optedOut: [],
      answered: [],
    });
    // A run killed before reporting: the claims are pending, never handed out again.
    expect(await claim(api, ["a", "b", "c", "d"])).toEqual({
      claimed: ["d"],
      sent: [],
      pending: ["a", "b", "c"],
      optedOut: [],
      answered: [],
    });
    expect(await report(api, ["a", "b"], [{ contactId: "c", reason: "Invalid email: c" }])).toEqual({
      sent: 2,
      failed: 1,
    });
    // Reporting again changes nothing; a failed send may be claimed again, a sent one never.
    expect(await report(api, ["a", "b"])).toEqual({ sent: 0, failed: 0 });
    const again = await claim(api, ["a", "b", "c"]);
    expect(again.claimed).toEqual(["c"]);
    expect(again.sent.sort()).toEqual(["a", "b"]);
    // Another occurrence (a reminder) or another campaign is a send of its own.
    expect((await claim(api, ["a"], "reminder:1")).claimed).toEqual(["a"]);
    expect((await claim(api, ["a"], "invite", "survey-2")).claimed).toEqual(["a"]);
  });

  it("claims a reminder only after the invitation was sent, and never for a contact who answered", async () => {
    const api = await workspace();
    const survey = await api.create();
    const id = survey.id;
    await claim(api, ["a", "b", "c"], "invite", id);
    await report(api, ["a", "b"], [{ contactId: "c", reason: "Invalid email: c" }], "invite", id);
    // b answers through their personal link.
    const [link] = await api.links(id, ["b"]);
    const answered = await answer(pathOf(link?.url as string), { score: "9" });
    expect(answered.status).toBeLessThan(400);

    const reminder = await claim(api, ["a", "b", "c", "d"], "reminder:1", id, { after: "invite", unanswered: true });
    // a: invited, silent → reminded. b: answered. c: the invitation failed. d: never invited.
    expect(reminder.claimed).toEqual(["a"]);
    expect(reminder.answered).toEqual(["b"]);
    // Without the conditions the same claim would have taken everyone not yet sent it.
    expect((await claim(api, ["c", "d"], "reminder:1", id)).claimed.sort()).toEqual(["c", "d"]);

    const page = LedgerPage.parse(await (await api.call("GET", `/outreach/ledger?campaign=${id}`)).json());
    const flags = new Map(page.entries.map((e) => [`${e.contactId}/${e.occurrence}`, e.answered]));
    expect(flags.get("b/invite")).toBe(true);
    expect(flags.get("a/invite")).toBe(false);
    expect(flags.get("a/reminder:1")).toBe(false);
  });

  it("does not count another workspace's answers as this one's", async () => {
    const mine = await workspace();
    const theirs = await workspace();
    const survey = await theirs.create();
    const [link] = await theirs.links(survey.id, ["x"]);
    expect((await answer(pathOf(link?.url as string), { score: "3" })).status).toBeLessThan(400);
    // The same campaign name in my workspace: x has answered nothing of mine.
    await claim(mine, ["x"], "invite", survey.id);
    await report(mine, ["x"], [], "invite", survey.id);
    const reminder = await claim(mine, ["x"], "reminder:1", survey.id, { after: "invite", unanswered: true });
    expect(reminder).toMatchObject({ claimed: ["x"], answered: [] });
  });

  it("pages a campaign's ledger in claim order, with states and reasons", async () => {
    const api = await workspace();
    await claim(api, ["a", "b"]);
    await report(api, ["a"], [{ contactId: "b", reason: "Service invoked too many times for one day: email." }]);
    await claim(api, ["c"]);
    const first = LedgerPage.parse(await (await api.call("GET", "/outreach/ledger?campaign=survey-1&limit=2")).json());
    expect(first.entries.map((e) => [e.contactId, e.state, e.error])).toEqual([
      ["a", "sent", null],
      ["b", "failed", "Service invoked too many times for one day: email."],
    ]);
    const second = LedgerPage.parse(
      await (await api.call("GET", `/outreach/ledger?campaign=survey-1&cursor=${first.nextCursor}`)).json(),
    );
    expect(second.entries.map((e) => [e.contactId, e.state])).toEqual([["c", "claimed"]]);
    expect(first.entries[0]?.sentAt).not.toBeNull();
  });

  it("keeps workspaces apart", async () => {
    const one = await workspace();
    const two = await workspace();
    await claim(one, ["a"]);
    await report(one, ["a"]);
    expect((await claim(two, ["a"])).claimed).toEqual(["a"]);
  });

  it("refuses malformed requests with the one error shape", async () => {
    const api = await workspace();
    const response = await api.call("POST", "/outreach/claims", {
      campaign: "bad id!",
      occurrence: "invite",
      contactIds: ["a"],
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("validation_failed");
    expect((await request("/api/v1/outreach/opt-outs")).status).toBe(401);
  });
});

describe("unsubscribing", () => {
  it("asks on GET (a mail scanner's visit changes nothing) and records the person's POST", async () => {
    const api = await workspace();
    const link = await unsubscribeLink(api, "client-7");
    const page = await request(link, { headers: { "Accept-Language": "ru-RU,ru;q=0.9" } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Отписаться от этих писем?");
    await request(link, { method: "HEAD" });
    expect(OptOutsResponse.parse(await (await api.call("GET", "/outreach/opt-outs")).json()).contactIds).toEqual([]);

    const done = await request(link, form);
    expect(done.status).toBe(200);
    expect(await done.text()).toContain("You are unsubscribed");
    expect(OptOutsResponse.parse(await (await api.call("GET", "/outreach/opt-outs")).json()).contactIds).toEqual([
      "client-7",
    ]);
    // Never emailed again by this workspace, whichever campaign; pressing again is harmless.
    expect(await claim(api, ["client-7", "client-8"], "invite", "birthday")).toEqual({
      claimed: ["client-8"],
      sent: [],
      pending: [],
      optedOut: ["client-7"],
      answered: [],
    });
    expect((await request(link, form)).status).toBe(200);
  });

  it("refuses a link whose signature does not match, or that names another workspace", async () => {
    const one = await workspace();
    const two = await workspace();
    const link = await unsubscribeLink(one, "client-7");
    const forged = link.replace("client-7", "client-8");
    expect((await request(forged, form)).status).toBe(403);
    expect((await request(link.replace(one.workspaceId, two.workspaceId), form)).status).toBe(403);
    const page = await request(link.replace(/k=[^&]+/, "k=AAAAAAAAAAAAAAAAAAAAAA"));
    expect(page.status).toBe(403);
    expect(OptOutsResponse.parse(await (await two.call("GET", "/outreach/opt-outs")).json()).contactIds).toEqual([]);
  });

  it("takes only a form post as the confirmation", async () => {
    const api = await workspace();
    const link = await unsubscribeLink(api, "client-9");
    expect(
      (await request(link, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" })).status,
    ).toBe(400);
    expect(OptOutsResponse.parse(await (await api.call("GET", "/outreach/opt-outs")).json()).contactIds).toEqual([]);
  });
});
