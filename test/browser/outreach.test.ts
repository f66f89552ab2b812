import type { FrameLocator, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import type { SentMail } from "../../addon/harness/mailAndTriggers";
import { DEMO_SHEET_NAMES, readDemoClients } from "../../addon/preview/demoWorkbook";
import { surveyForm } from "../fixtures/surveyForm";
import { collectPageErrors, previewPages, screenshot } from "./browser";

/**
 * Sending a survey by email in the preview, in English and Russian: the Send sidebar sends to a
 * chosen group of demo clients (MailApp is faked: the preview keeps the emails), one client answers
 * from the email in the Outbox on a phone, days pass, the reminders go to the others only, another
 * client unsubscribes from their reminder, and the next send leaves them out.
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
    outbox: "Outbox",
    nextDay: "Let a day pass",
    confirmScore: "Confirm",
    thanks: "Thank you",
    remind: "Send reminders",
    answered: "answered",
    reminded: "reminded (1)",
    statusHeader: "email status",
    saveSchedule: "Save the schedule",
    scheduleSaved: "Schedule saved.",
    autoRemind: "Send the reminders above",
    ranSends: "Ran: the scheduled sends.",
    lastRun: "Last run",
    messageOption: "A message without a survey…",
    messageName: "Name of the message",
    greeting: "Spring greeting",
    autoEvent: "Send on each client's date:",
    yearly: "every year on the date in",
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
    outbox: "Исходящие",
    nextDay: "Прошёл день",
    confirmScore: "Подтвердить",
    thanks: "Спасибо",
    remind: "Отправить напоминания",
    answered: "ответил",
    reminded: "напомнили (1)",
    statusHeader: "статус письма",
    saveSchedule: "Сохранить расписание",
    scheduleSaved: "Расписание сохранено.",
    autoRemind: "Отправлять напоминания выше",
    ranSends: "Выполнено: рассылки по расписанию.",
    lastRun: "Последний запуск",
    messageOption: "Письмо без опроса…",
    messageName: "Название письма",
    greeting: "Весеннее поздравление",
    autoEvent: "Отправлять по дате клиента:",
    yearly: "каждый год в дату из столбца",
  },
} as const;

async function rpc(page: Page, fn: string, ...args: unknown[]): Promise<unknown> {
  const response = await page.request.post(`${inject("previewUrl")}/rpc`, { data: { fn, args } });
  const body = (await response.json()) as { ok: boolean; value: unknown; error?: { message: string } };
  if (!body.ok) throw new Error(`${fn}: ${body.error?.message}`);
  return body.value;
}

/** A survey in both languages, by invitation only. */
function bilingualSurvey(type: "nps" | "csat", title: string) {
  const question =
    type === "nps"
      ? { en: "How likely are you to recommend us?", ru: "Насколько вероятно, что вы порекомендуете нас?" }
      : { en: "How satisfied are you with the delivery?", ru: "Насколько вы довольны доставкой?" };
  return surveyForm({ type, title, languages: ["en", "ru"], question });
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

/** The client list as the preview shows it. */
async function clientsSheet(page: Page, lang: "en" | "ru"): Promise<string[][]> {
  const name = encodeURIComponent(DEMO_SHEET_NAMES[lang].clients);
  const response = await page.request.get(`${inject("previewUrl")}/api/sheet?name=${name}`);
  return ((await response.json()) as { values: string[][] }).values;
}

/** The demo's most common client name: a handful of clients to send to (worked out from the data). */
function handful() {
  const clients = readDemoClients();
  const counts = new Map<string, number>();
  for (const c of clients) counts.set(c.name, (counts.get(c.name) ?? 0) + 1);
  const name = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] as string;
  return { name, group: clients.filter((c) => c.name === name) };
}

for (const lang of ["en", "ru"] as const) {
  const t = TEXT[lang];
  describe(`sending a survey by email (${lang})`, () => {
    it("sends to a group; one answers from the Outbox, the others are reminded; one unsubscribes and is left out", async () => {
      const { page: p, errors } = await pages.open(lang, { width: 1280, height: 1500 });
      await rpc(p, "enrollSpreadsheet", inject("enrollmentKey"));
      const firstTitle = lang === "en" ? "Winter check-in" : "Зимний опрос";
      const secondTitle = lang === "en" ? "Delivery" : "Доставка";
      const created = (await rpc(p, "createSurvey", bilingualSurvey("nps", firstTitle))) as { ok: boolean };
      expect(created.ok).toBe(true);
      const { name, group } = handful();
      expect(group.length).toBeGreaterThanOrEqual(3);

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
      expect(sent[0]?.htmlBody).toContain(name);

      // The Outbox lists every email; the first client opens theirs on a phone and taps 9.
      const desk = await pages.newContext({
        viewport: { width: 1000, height: 700 },
        locale: lang === "en" ? "en-US" : "ru-RU",
      });
      const box = await desk.newPage();
      await box.goto(`${inject("previewUrl")}/outbox`);
      await box.getByRole("heading", { name: `${t.outbox} (${tests.length + sent.length})` }).waitFor();
      await screenshot(box, `outbox-${lang}-1-list`);
      const answerer = sent[0] as SentMail;
      const phone = await pages.newContext({
        viewport: { width: 360, height: 740 },
        locale: lang === "en" ? "en-US" : "ru-RU",
      });
      const mobile = await phone.newPage();
      const phoneErrors = collectPageErrors(mobile);
      await mobile.goto(`${inject("previewUrl")}/outbox/${tests.length}`);
      await expect.poll(() => mobile.getByTestId("subject").textContent()).toBe(answerer.subject);
      await screenshot(mobile, `outbox-${lang}-2-email`);
      // Every score button is on the phone's screen, the last one too.
      const ten = await mobile.frameLocator("iframe").getByRole("link", { name: "10", exact: true }).boundingBox();
      expect((ten?.x ?? 0) + (ten?.width ?? 0)).toBeLessThanOrEqual(360);
      await mobile.frameLocator("iframe").getByRole("link", { name: "9", exact: true }).click();
      await mobile.getByRole("button", { name: t.confirmScore }).click();
      await mobile.getByRole("heading", { name: new RegExp(t.thanks) }).waitFor();
      await screenshot(mobile, `outbox-${lang}-3-answered`);
      await rpc(p, "syncSurveyAnswers", {});

      // Three days pass in the preview; the reminders go to everyone but the one who answered.
      for (let day = 1; day <= 3; day++) {
        const before = await box.getByTestId("clock").textContent();
        await box.getByRole("button", { name: t.nextDay }).click();
        await expect.poll(() => box.getByTestId("clock").textContent()).not.toBe(before);
      }
      await frame.locator("#remind-max").fill("1");
      await frame.getByRole("button", { name: t.remind }).click();
      await expect
        .poll(() => frame.getByTestId("notice").textContent())
        .toMatch(new RegExp(`\\b${group.length - 1}\\b`));
      await screenshot(p, `sidebar-send-${lang}-4-reminded`);
      const reminders = (await outbox(p)).slice(tests.length + sent.length);
      expect(reminders.map((m) => m.to[0]).sort()).toEqual(
        group
          .map((c) => c.email)
          .filter((e) => e !== answerer.to[0])
          .sort(),
      );

      // Beside each client: answered for the one, reminded for the others.
      const sheet = await clientsSheet(p, lang);
      const statusColumn = (sheet[0] as string[]).findIndex((h) => h.endsWith(t.statusHeader));
      expect(statusColumn).toBeGreaterThan(0);
      const statusOfEmail = (email: string) => sheet.find((r) => r[2] === email)?.[statusColumn];
      expect(statusOfEmail(answerer.to[0] as string)).toBe(t.answered);
      for (const m of reminders) expect(statusOfEmail(m.to[0] as string)).toBe(t.reminded);

      // From now on the reminders go by themselves: the next morning's run is in the sidebar.
      await frame.getByLabel(t.autoRemind).check();
      await frame.getByRole("button", { name: t.saveSchedule }).click();
      await expect.poll(() => frame.getByTestId("notice").textContent()).toBe(t.scheduleSaved);
      await box.getByRole("button", { name: t.nextDay }).click();
      await expect.poll(() => box.getByRole("status").textContent()).toBe(t.ranSends);
      await frame.locator("#survey").selectOption({ label: firstTitle });
      await frame.locator("#survey").dispatchEvent("change");
      await expect.poll(() => frame.getByTestId("automation-state").textContent()).toContain(t.lastRun);
      await frame.locator("#automation").scrollIntoViewIfNeeded();
      await screenshot(p, `sidebar-send-${lang}-5-schedule`);
      await screenshot(box, `outbox-${lang}-4-ran`);

      // Another client unsubscribes from their reminder on the phone: the page asks, the press records.
      const leaver = reminders[0] as SentMail;
      const link = /href="([^"]+\/u\/[^"]+)"[^>]*>[^<]+<\/a><\/p><\/div>$/
        .exec(leaver.htmlBody ?? "")?.[1]
        ?.replace(/&amp;/g, "&");
      expect(link).toBeTruthy();
      await mobile.goto(link as string);
      await screenshot(mobile, `unsubscribe-${lang}-1-confirm`);
      await mobile.getByRole("button", { name: t.confirm }).click();
      await mobile.getByRole("heading", { name: t.unsubscribed }).waitFor();
      await screenshot(mobile, `unsubscribe-${lang}-2-done`);
      expect(phoneErrors).toEqual([]);

      // A second survey to the same group: the unsubscribed client is listed, not written to.
      await rpc(p, "createSurvey", bilingualSurvey("csat", secondTitle));
      const again = await openSend(p, lang, secondTitle);
      await again.getByLabel(t.to, { exact: true }).selectOption({ index: 2 });
      await again.getByLabel(t.value, { exact: true }).fill(name);
      await again.getByRole("button", { name: t.send, exact: true }).click();
      await again.locator("#skipped-rows").waitFor();
      await again.locator("#skipped-rows summary").click();
      await expect.poll(() => again.locator("#skipped-list").textContent()).toContain(t.skippedUnsubscribed);
      await screenshot(p, `sidebar-send-${lang}-6-unsubscribed`);
      const after = (await outbox(p)).slice(tests.length + sent.length + reminders.length);
      expect(after.map((m) => m.to[0])).not.toContain(leaver.to[0]);
      expect(after.length).toBe(group.length - 1);
      // A message without a survey to the same group: no survey buttons, its own status columns.
      await again.locator("#survey").selectOption({ label: t.messageOption });
      await again.getByLabel(t.messageName).fill(t.greeting);
      await expect.poll(() => again.locator("#reminders").isHidden()).toBe(true);
      await again.getByRole("button", { name: t.send, exact: true }).click();
      await expect
        .poll(
          async () =>
            (await outbox(p)).filter((m) => m.htmlBody?.includes("/u/") && !m.htmlBody.includes("/s/")).length,
        )
        .toBe(group.length - 1);
      await screenshot(p, `sidebar-send-${lang}-7-message`);
      // The same message every year on each client's date: only what a message can do is offered.
      await again.getByLabel(t.autoEvent).check();
      await again.locator("#event-kind").selectOption({ label: t.yearly });
      await expect.poll(() => again.locator("#event-days-pair").isHidden()).toBe(true);
      await expect.poll(() => again.locator("#survey-schedule").isHidden()).toBe(true);
      await again.getByRole("button", { name: t.saveSchedule }).click();
      await expect.poll(() => again.getByTestId("notice").textContent()).toBe(t.scheduleSaved);
      await again.locator("#automation").scrollIntoViewIfNeeded();
      await screenshot(p, `sidebar-send-${lang}-8-message-yearly`);
      const statusHeaders = ((await clientsSheet(p, lang))[0] as string[]).filter((h) => h.startsWith(t.greeting));
      expect(statusHeaders).toHaveLength(2);
      await box.reload();
      await screenshot(box, `outbox-${lang}-5-list`);
      expect(errors).toEqual([]);
    });
  });
}
