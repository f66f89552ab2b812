import type { FrameLocator, Page } from "playwright-core";
import { afterAll, describe, expect, inject, it } from "vitest";
import { DEMO_SHEET_NAMES, readDemoClients } from "../../addon/preview/demoWorkbook";
import { previewPages, screenshot } from "./browser";
import { answerOnPhone, personalLink, selectRange } from "./flows";

/**
 * A team's day in the preview, end to end against the local Worker (preview → built Code.js →
 * UrlFetchApp → Worker → D1): enroll, create a survey, add links, two clients answer on their
 * phones, sync, one edits the answer, sync again (still one row per answer), segment the clients,
 * open the card of a client who answered (their answer shows), create the report.
 */

const TEXT = {
  en: {
    settings: "Settings",
    key: "Enrollment key",
    enroll: "Enroll this spreadsheet",
    surveys: "Surveys",
    title: "Title",
    create: "Create survey",
    addLinks: "Add links",
    snippet: "Email snippet",
    sync: "Sync answers",
    synced: (added: number, updated: number) => `Synced: new ${added}, updated ${updated}, flagged 0.`,
    surveyTitle: "Quarterly check-in",
    segments: "Segments",
    segment: "Segment clients",
    rfmHeader: "RFM segment",
    card: "Client card",
    refresh: "Refresh",
    dashboard: "Dashboard",
    report: "Create report",
    reportTitle: "Rapport report",
  },
  ru: {
    settings: "Настройки",
    key: "Ключ подключения",
    enroll: "Подключить эту таблицу",
    surveys: "Опросы",
    title: "Название",
    create: "Создать опрос",
    addLinks: "Добавить ссылки",
    snippet: "Фрагмент письма",
    sync: "Загрузить ответы",
    synced: (added: number, updated: number) => `Загружено: новых ${added}, изменённых ${updated}, с отметками 0.`,
    surveyTitle: "Квартальный опрос",
    segments: "Сегменты",
    segment: "Сегментировать",
    rfmHeader: "Сегмент RFM",
    card: "Карточка клиента",
    refresh: "Обновить",
    dashboard: "Панель показателей",
    report: "Создать отчёт",
    reportTitle: "Отчёт Rapport",
  },
} as const;

const [first, second] = readDemoClients();

const pages = previewPages();

afterAll(async () => {
  // Leave the shared preview in English: other files' tests open it without waiting for a switch.
  await fetch(`${inject("previewUrl")}/api/locale`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ locale: "en" }),
  });
});

async function openFromMenu(p: Page, caption: string): Promise<FrameLocator> {
  await p.locator("#menu-button").click();
  await p.getByRole("menuitem", { name: caption, exact: true }).click();
  return p.frameLocator("#sidebar-frame");
}

async function sheet(name: string): Promise<string[][]> {
  const response = await fetch(`${inject("previewUrl")}/api/sheet?name=${encodeURIComponent(name)}`);
  return response.ok ? ((await response.json()) as { values: string[][] }).values : [];
}

for (const lang of ["en", "ru"] as const) {
  const t = TEXT[lang];
  describe(`a team's day in the preview (${lang})`, () => {
    it("enrolls, surveys two clients, syncs an edit, segments, opens a card and creates the report", async () => {
      const url = inject("previewUrl");
      const { page: p, errors } = await pages.open(lang, { width: 1280, height: 1400 });

      // Settings: enroll with the local key.
      let frame = await openFromMenu(p, t.settings);
      await frame.getByLabel(t.key).fill(inject("enrollmentKey"));
      await frame.getByRole("button", { name: t.enroll }).click();
      await frame.getByTestId("notice").waitFor();

      // Surveys: create an NPS survey, add links beside the client list.
      frame = await openFromMenu(p, t.surveys);
      await frame.locator("#survey-form").waitFor({ state: "attached" });
      await expect.poll(() => frame.locator("#status").textContent()).toBe("");
      await frame.getByLabel(t.title, { exact: true }).fill(t.surveyTitle);
      await frame.getByRole("button", { name: t.create }).click();
      await frame.locator(".survey").filter({ hasText: t.surveyTitle }).waitFor();
      await frame.getByRole("button", { name: t.addLinks }).click();
      await expect.poll(async () => (await sheet(DEMO_SHEET_NAMES[lang].clients))[0]?.length).toBe(10);
      const links = [
        await personalLink(p, url, frame, t.snippet, 2, first?.id ?? "", lang),
        await personalLink(p, url, frame, t.snippet, 3, second?.id ?? "", lang),
      ];

      // Two clients answer on their phones; sync; the first changes the answer; sync again.
      await answerOnPhone(pages.browser, links[0] as string, lang, "9", "=Great support");
      await answerOnPhone(pages.browser, links[1] as string, lang, "4", "Slow delivery");
      await frame.getByRole("button", { name: t.sync }).click();
      await expect.poll(() => frame.getByTestId("notice").textContent()).toBe(t.synced(2, 0));
      await answerOnPhone(pages.browser, links[0] as string, lang, "10", null);
      await frame.getByRole("button", { name: t.sync }).click();
      await expect.poll(() => frame.getByTestId("notice").textContent()).toBe(t.synced(0, 1));
      const responses = await sheet("Responses");
      expect(responses).toHaveLength(3);
      expect(new Map(responses.slice(1).map((r) => [r[4], r[5]]))).toEqual(
        new Map([
          [first?.id, "10"],
          [second?.id, "4"],
        ]),
      );
      await screenshot(p, `e2e-${lang}-1-surveys`);

      // Segments: RFM columns beside the client list, matched by client id.
      frame = await openFromMenu(p, t.segments);
      await frame.locator("#run").waitFor();
      await frame.locator('input[value="rfm"]').check();
      await frame.getByRole("button", { name: t.segment }).click();
      await frame.locator("#result").waitFor({ state: "visible" });
      await expect.poll(async () => (await sheet(DEMO_SHEET_NAMES[lang].clients))[0]).toContain(t.rfmHeader);
      await screenshot(p, `e2e-${lang}-2-segments`);

      // Client card of the client who answered twice: the synced answer is on the card.
      await selectRange(p, url, `${DEMO_SHEET_NAMES[lang].clients}!B2`);
      frame = await openFromMenu(p, t.card);
      await expect.poll(() => frame.getByTestId("client-name").textContent()).toBe(first?.name);
      await expect.poll(() => frame.locator("#answers").textContent()).toContain(t.surveyTitle);
      expect(await frame.locator("#answers").textContent()).toContain("=Great support");
      expect(await frame.getByTestId("next-step").textContent()).not.toBe("");
      await screenshot(p, `e2e-${lang}-3-client-card`);

      // Dashboard and report: NPS now comes from the synced answers.
      frame = await openFromMenu(p, t.dashboard);
      await frame.getByTestId("nps-card").getByTestId("value").waitFor();
      await frame.getByRole("button", { name: t.report }).click();
      await expect.poll(async () => (await sheet("Report"))[0]?.[0]).toBe(t.reportTitle);
      await screenshot(p, `e2e-${lang}-4-report`);
      expect(errors).toEqual([]);
    });
  });
}
