import { describe, expect, it } from "vitest";
import { ClaimResponse, LedgerPage, OptOutsResponse, UnsubscribeLinksResponse } from "../../shared/api/outreach";
import { request } from "./helpers";
import { workspace } from "./surveyHelpers";

type Api = Awaited<ReturnType<typeof workspace>>;

async function claim(api: Api, contactIds: string[], occurrence = "invite", campaign = "survey-1") {
  const response = await api.call("POST", "/outreach/claims", { campaign, occurrence, contactIds });
  expect(response.status, await response.clone().text()).toBe(200);
  return ClaimResponse.parse(await response.json());
}

async function report(
  api: Api,
  sent: string[],
  failed: { contactId: string; reason: string }[] = [],
  occurrence = "invite",
) {
  const response = await api.call("POST", "/outreach/results", { campaign: "survey-1", occurrence, sent, failed });
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
    });
    // A run killed before reporting: the claims are pending, never handed out again.
    expect(await claim(api, ["a", "b", "c", "d"])).toEqual({
      claimed: ["d"],
      sent: [],
      pending: ["a", "b", "c"],
      optedOut: [],
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
