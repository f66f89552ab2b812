import type { FrameLocator, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import type { SentMail } from "../../addon/harness/mailAndTriggers";
import { readDemoClients } from "../../addon/preview/demoWorkbook";
import { collectPageErrors, previewPages, screenshot } from "./browser";

/**
 * Sending a survey by email in the preview, in English and Russian: the Send sidebar sends to a
 * chosen group of demo clients (MailApp is faked: the preview keeps the emails), a client
 * unsubscribes from the email on a phone, and the next send leaves them out.
 */

const pages = previewPages();

const TEXT = {
  en: {
    menu: "Send survey by email",
    to: "To",
    value: "Value",
    send: "Send",
    preview: "Preview",
    test: "Send a test to me",
    testSent: "went to you@example.com",
    unsubscribe: "Unsubscribe",
    confirm: "Unsubscribe",
    unsubscribed: "You are unsubscribed",
    skippedUnsubscribed: "unsubscribed",
  },
  ru: {
    menu: "Отправить опрос по почте",
    to: "Кому",
    value: "Значение",
    send: "Отправить",
    preview: "Посмотреть письмо",
    test: "Отправить тест себе",
    testSent: "отправлено на you@example.com",
    unsubscribe: "Отписаться",
    confirm: "Отписаться",
    unsubscribed: "Вы отписаны",
    skippedUnsubscribed: "отписался",
  },
} as const;

async function rpc(page: Page, fn: string, ...args: unknown[]): Promise<unknown> {
  const response = await page.request.post(`${inject("previewUrl")}/rpc`, { data: { fn, args } });
  const body = (await response.json()) as { ok: boolean; value: unknown; error?: { message: string } };
  if (!body.ok) throw new Error(`${fn}: ${body.error?.message}`);
  return body.value;
}

/** A survey form as the Surveys sidebar sends it, in both languages, by invitation only. */
function surveyForm(type: "nps" | "csat", title: string) {
  const question =
    type === "nps"
      ? { en: "How likely are you to recommend us?", ru: "Насколько вероятно, что вы порекомендуете нас?" }
      : { en: "How satisfied are you with the delivery?", ru: "Насколько вы довольны доставкой?" };
  return {
    type,
    title,
    languages: ["en", "ru"],
    question,
    followUp: { en: "", ru: "" },
    factors: [],
    closesOn: "",
    maxResponses: "",
    throttleDays: "",
    anonymous: false,
  };
}

async function outbox(page: Page): Promise<SentMail[]> {
  return ((await (await page.request.get(`${inject("previewUrl")}/api/outbox`)).json()) as { emails: SentMail[] })
    .emails;
}

/** Opens the Send sidebar and waits until it lists `survey` (not a sidebar still closing). */
async function openSend(p: Page, lang: "en" | "ru", survey: string): Promise<FrameLocator> {
  await p.locator("#menu-button").click();
  await p.getByRole("menuitem", { name: TEXT[lang].menu }).click();
  const frame = p.frameLocator("#sidebar-frame");
  await frame.locator("#survey option", { hasText: survey }).waitFor({ state: "attached" });
  await frame.locator("#send-form").waitFor();
  await frame.locator("#survey").selectOption({ label: survey });
  return frame;
}

for (const lang of ["en", "ru"] as const) {
  const t = TEXT[lang];
  describe(`sending a survey by email (${lang})`, () => {
    it("sends to a group, a client unsubscribes from the email, and the next send leaves them out", async () => {
      const { page: p, errors } = await pages.open(lang, { width: 1280, height: 1500 });
      await rpc(p, "enrollSpreadsheet", inject("enrollmentKey"));
      const firstTitle = lang === "en" ? "Winter check-in" : "Зимний опрос";
      const secondTitle = lang === "en" ? "Delivery" : "Доставка";
      const created = (await rpc(p, "createSurvey", surveyForm("nps", firstTitle))) as { ok: boolean };
      expect(created.ok).toBe(true);

      // The group: the demo clients called as the first one is (worked out from the demo data).
      const clients = readDemoClients();
      const name = clients[0]?.name as string;
      const group = clients.filter((c) => c.name === name);
      expect(group.length).toBeGreaterThanOrEqual(1);

      const frame = await openSend(p, lang, firstTitle);
      await frame.getByLabel(t.to, { exact: true }).selectOption({ index: 2 }); // the second column of Clients: the name
      await frame.getByLabel(t.value, { exact: true }).fill(name);
      await screenshot(p, `sidebar-send-${lang}-1-form`);

      // Look before sending: the first recipient's exact email, then a test to the user.
      await frame.getByRole("button", { name: t.preview }).click();
      await expect.poll(() => frame.getByTestId("preview-meta").textContent()).toContain(group[0]?.email as string);
      await expect.poll(() => frame.frameLocator("#preview-frame").locator("body").textContent()).toContain(name);
      await frame.getByRole("button", { name: t.test, exact: true }).click();
      await expect.poll(() => frame.getByTestId("notice").textContent()).toContain(t.testSent);
      await screenshot(p, `sidebar-send-${lang}-2-preview`);
      const tests = await outbox(p);
      expect(tests.map((m) => m.to[0])).toEqual(["you@example.com"]);

      await frame.getByRole("button", { name: t.send, exact: true }).click();
      await expect.poll(() => frame.getByTestId("notice").textContent()).toMatch(new RegExp(`${group.length}`));
      await screenshot(p, `sidebar-send-${lang}-3-sent`);
      const sent = (await outbox(p)).slice(tests.length);
      expect(sent.map((m) => m.to[0]).sort()).toEqual(group.map((c) => c.email).sort());
      const first = sent[0] as SentMail;
      expect(first.htmlBody).toContain(name);

      // The client unsubscribes from the email on a phone: the page asks, the press records.
      const link = /href="([^"]+\/u\/[^"]+)"[^>]*>[^<]+<\/a><\/p><\/div>$/
        .exec(first.htmlBody ?? "")?.[1]
        ?.replace(/&amp;/g, "&");
      expect(link).toBeTruthy();
      const phone = await pages.newContext({
        viewport: { width: 360, height: 740 },
        locale: lang === "en" ? "en-US" : "ru-RU",
      });
      const mobile = await phone.newPage();
      const phoneErrors = collectPageErrors(mobile);
      await mobile.goto(link as string);
      await screenshot(mobile, `unsubscribe-${lang}-1-confirm`);
      await mobile.getByRole("button", { name: t.confirm }).click();
      await mobile.getByRole("heading", { name: t.unsubscribed }).waitFor();
      await screenshot(mobile, `unsubscribe-${lang}-2-done`);
      expect(phoneErrors).toEqual([]);

      // A second survey to the same group: the unsubscribed client is listed, not written to.
      await rpc(p, "createSurvey", surveyForm("csat", secondTitle));
      const again = await openSend(p, lang, secondTitle);
      await again.getByLabel(t.to, { exact: true }).selectOption({ index: 2 });
      await again.getByLabel(t.value, { exact: true }).fill(name);
      await again.getByRole("button", { name: t.send, exact: true }).click();
      await again.locator("#skipped-rows").waitFor();
      await again.locator("#skipped-rows summary").click();
      await expect.poll(() => again.locator("#skipped-list").textContent()).toContain(t.skippedUnsubscribed);
      await screenshot(p, `sidebar-send-${lang}-4-unsubscribed`);
      const after = (await outbox(p)).slice(tests.length + sent.length);
      const unsubscribed = first.to[0] as string;
      expect(after.map((m) => m.to[0])).not.toContain(unsubscribed);
      expect(after.length).toBe(group.length - 1);
      expect(errors).toEqual([]);
    });
  });
}
