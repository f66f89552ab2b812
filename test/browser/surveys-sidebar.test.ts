import path from "node:path";
import type { FrameLocator, Page } from "playwright-core";
import { afterEach, describe, expect, inject, it } from "vitest";
import { DEMO_SHEET_NAMES, readDemoClients } from "../../addon/preview/demoWorkbook";
import { answer } from "../addon/respondent";
import { collectPageErrors, openFreshPreview, previewPages, SCREENSHOT_DIR, screenshot } from "./browser";
import { answerOnPhone as answerOnPhoneIn, personalLink } from "./flows";

/**
 * The Surveys sidebar end to end in the preview (preview → built Code.js → UrlFetchApp → Worker →
 * D1): enroll in Settings, create a survey, add links beside the demo client list, answer two
 * personal links on a phone, sync, edit one answer, sync again: still one row per answer.
 */

const [firstClient, secondClient] = readDemoClients();

const TEXT = {
  en: {
    settings: "Settings",
    enroll: "Enroll this spreadsheet",
    key: "Enrollment key",
    title: "Title",
    throttle: "Days before asking a client again (optional)",
    anonymous: "Anyone with the public link may answer",
    create: "Create survey",
    addLinks: "Add links",
    snippet: "Email snippet",
    copy: "Copy",
    sync: "Sync answers",
    surveyTitle: "Spring check-in",
    noAnswers: "No answers yet.",
    titleRequired: "Give the survey a title.",
    synced: (added: number, updated: number) => `Synced: new ${added}, updated ${updated}, flagged 0.`,
    linkHeader: " · survey link",
    open: "Open survey",
    copied: /^(Copied to the clipboard\.|The text is selected: press Ctrl\+C)/,
  },
  ru: {
    settings: "Настройки",
    enroll: "Подключить эту таблицу",
    key: "Ключ подключения",
    title: "Название",
    throttle: "Через сколько дней можно снова спрашивать клиента (необязательно)",
    anonymous: "Отвечать может любой, у кого есть общая ссылка",
    create: "Создать опрос",
    addLinks: "Добавить ссылки",
    snippet: "Фрагмент письма",
    copy: "Копировать",
    sync: "Загрузить ответы",
    surveyTitle: "Весенний опрос",
    noAnswers: "Ответов пока нет.",
    titleRequired: "Дайте опросу название.",
    synced: (added: number, updated: number) => `Загружено: новых ${added}, изменённых ${updated}, с отметками 0.`,
    linkHeader: " · ссылка на опрос",
    open: "Открыть опрос",
    copied: /^(Скопировано в буфер обмена\.|Текст выделен: нажмите Ctrl\+C)/,
  },
} as const;

// Registered before previewPages(), so it runs after its hooks (the screenshot of a failure first):
// leave the preview as a fresh demo with no sidebar open, so that the next test's first page load
// has no sidebar of this test to fetch while it resets the workbook.
afterEach(async () => {
  await fetch(`${inject("previewUrl")}/api/reset`, { method: "POST" }).catch(() => undefined);
});
const pages = previewPages();
let errors: string[] = [];

interface SheetView {
  values: string[][];
}

async function sheetValues(name: string): Promise<string[][]> {
  const response = await fetch(`${inject("previewUrl")}/api/sheet?name=${encodeURIComponent(name)}`);
  if (!response.ok) return [];
  return ((await response.json()) as SheetView).values;
}

/** The sidebar panel alone, full height, for a close look at the 300 px layout. */
async function sidebarShot(p: Page, name: string): Promise<void> {
  await p.locator("#sidebar").screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

/** The sidebar page fits 300 px: nothing to scroll sideways. */
async function expectFits(frame: FrameLocator) {
  const width = await frame.locator("html").evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(300);
}

async function openPreview(lang: "en" | "ru"): Promise<Page> {
  const context = await pages.newContext({
    viewport: { width: 1280, height: 1500 },
    permissions: ["clipboard-read", "clipboard-write"],
  });
  const page = await context.newPage();
  pages.closeAfterTest(page);
  errors = collectPageErrors(page);
  await openFreshPreview(page, inject("previewUrl"), lang);
  return page;
}

/** Enrolls in Settings, then opens the Surveys sidebar (from the menu when it has the item). */
async function enrollAndOpenSurveys(p: Page, lang: "en" | "ru"): Promise<FrameLocator> {
  const t = TEXT[lang];
  await p.locator("#menu-button").click();
  await p.getByRole("menuitem", { name: t.settings }).click();
  const frame = p.frameLocator("#sidebar-frame");
  await frame.getByLabel(t.key).fill(inject("enrollmentKey"));
  await frame.getByRole("button", { name: t.enroll }).click();
  await frame.getByTestId("notice").waitFor();
  const state = (await (await fetch(`${inject("previewUrl")}/api/state`)).json()) as {
    menus: { items: { caption: string; functionName: string | null }[] }[];
  };
  const item = state.menus.flatMap((m) => m.items).find((i) => i.functionName === "showSurveys");
  if (item) {
    await p.locator("#menu-button").click();
    await p.getByRole("menuitem", { name: item.caption }).click();
  } else {
    // The Rapport menu gains its Surveys item with the Dashboard's menu; until then the sidebar
    // opens the way a menu item would, through google.script.run.
    await frame.locator("html").evaluate(() => {
      (window as unknown as { google: { script: { run: { showSurveys(): void } } } }).google.script.run.showSurveys();
    });
  }
  await frame.locator("#survey-form").waitFor({ state: "attached" });
  await expect.poll(() => frame.locator("#status").textContent()).toBe("");
  return frame;
}

/** A respondent answers on a phone; the comment page is kept as a screenshot. */
function answerOnPhone(link: string, lang: "en" | "ru", score: string, comment: string | null): Promise<void> {
  return answerOnPhoneIn(pages.browser, link, lang, score, comment, `surveys-phone-${lang}-${score}`);
}

for (const lang of ["en", "ru"] as const) {
  const t = TEXT[lang];
  describe(`Surveys sidebar (${lang})`, () => {
    it("creates a survey, adds links, syncs two phone answers, and an edit updates its row", async () => {
      const p = await openPreview(lang);
      const frame = await enrollAndOpenSurveys(p, lang);
      expect(await p.locator("#sidebar-frame").evaluate((el) => el.getBoundingClientRect().width)).toBe(300);
      await expectFits(frame);
      await sidebarShot(p, `sidebar-surveys-${lang}-1-new`);

      // The form checks itself: no title.
      await frame.getByLabel(t.title, { exact: true }).fill("");
      await frame.getByRole("button", { name: t.create }).click();
      await expect.poll(() => frame.locator("#err-title").textContent()).toBe(t.titleRequired);
      expect(await frame.getByLabel(t.title, { exact: true }).getAttribute("aria-invalid")).toBe("true");
      expect(await frame.getByLabel(t.title, { exact: true }).evaluate((el) => el === document.activeElement)).toBe(
        true,
      );
      await sidebarShot(p, `sidebar-surveys-${lang}-2-form-error`);

      // Typed and sent from the keyboard: Enter in the title field submits the form.
      await frame.getByLabel(t.throttle).fill("30");
      await frame.getByLabel(t.anonymous).check();
      await frame.getByLabel(t.title, { exact: true }).fill(t.surveyTitle);
      await frame.getByLabel(t.title, { exact: true }).press("Enter");
      const card = frame.locator(".survey").filter({ hasText: t.surveyTitle });
      await card.waitFor();
      await expect.poll(() => frame.getByTestId("notice").textContent()).toContain(t.surveyTitle);
      await expect.poll(() => card.locator(".summary").textContent()).toBe(t.noAnswers);
      expect(await card.getByRole("radio").isChecked()).toBe(true);

      // Add links: two columns beside the demo client list (A–H): I and J.
      await frame.getByRole("button", { name: t.addLinks }).click();
      await expect.poll(() => frame.getByTestId("notice").textContent()).toMatch(/I.+J/);
      const clients = await sheetValues(DEMO_SHEET_NAMES[lang].clients);
      expect(clients[0]?.[8]).toBe(`${t.surveyTitle}${t.linkHeader}`);
      expect(clients.slice(1).every((r) => r[8] === t.open)).toBe(true);
      expect(clients.slice(1).every((r) => r[9] === "TRUE")).toBe(true);
      await expect.poll(() => p.locator('#grid td[data-r="1"][data-c="8"]').textContent()).toBe(t.open);
      // A link cell opens its client's survey, as a click on a HYPERLINK cell does in Sheets.
      const [popup] = await Promise.all([
        p.waitForEvent("popup"),
        p.locator('#grid td[data-r="1"][data-c="8"] a').click(),
      ]);
      await popup.waitForLoadState();
      expect(new URL(popup.url()).pathname).toMatch(/^\/s\/[A-Za-z0-9_-]{22}$/);
      expect(new URL(popup.url()).searchParams.get("c")).toBe(firstClient?.id);
      await popup.close();

      // Two clients' personal links, taken from the email snippet of their rows.
      const first = await personalLink(p, inject("previewUrl"), frame, t.snippet, 2, firstClient?.id ?? "", lang);
      await expect.poll(() => frame.locator("#snippet-for").textContent()).toContain(firstClient?.id ?? "?");
      await frame.getByRole("button", { name: t.copy }).click();
      await expect.poll(() => frame.getByTestId("notice").textContent()).toMatch(t.copied);
      await expectFits(frame);
      await sidebarShot(p, `sidebar-surveys-${lang}-3-links`);
      await screenshot(p, `preview-surveys-links-${lang}`);
      const second = await personalLink(p, inject("previewUrl"), frame, t.snippet, 3, secondClient?.id ?? "", lang);
      expect(new URL(first).searchParams.get("c")).toBe(firstClient?.id);
      expect(new URL(second).searchParams.get("c")).toBe(secondClient?.id);

      await answerOnPhone(first, lang, "9", lang === "en" ? "=Fast delivery" : "=Быстрая доставка");
      await answerOnPhone(second, lang, "8", lang === "en" ? "+Too expensive" : "+Дорого");

      await frame.getByRole("button", { name: t.sync }).click();
      await expect.poll(() => frame.getByTestId("notice").textContent()).toBe(t.synced(2, 0));
      let responses = await sheetValues("Responses");
      expect(responses).toHaveLength(3);
      const comments = new Map(responses.slice(1).map((r) => [r[4], r[6]]));
      expect(comments.get(firstClient?.id)).toBe(lang === "en" ? "=Fast delivery" : "=Быстрая доставка");
      expect(comments.get(secondClient?.id)).toBe(lang === "en" ? "+Too expensive" : "+Дорого");
      await expect
        .poll(() => card.locator(".summary .value").textContent())
        .toBe(lang === "en" ? "NPS +50.0" : "NPS +50,0");

      // The first client changes their mind on the same link.
      await answerOnPhone(first, lang, "10", null);
      await frame.getByRole("button", { name: t.sync }).click();
      await expect.poll(() => frame.getByTestId("notice").textContent()).toBe(t.synced(0, 1));
      responses = await sheetValues("Responses");
      expect(responses).toHaveLength(3);
      const scores = new Map(responses.slice(1).map((r) => [r[4], r[5]]));
      expect(scores.get(firstClient?.id)).toBe("10");
      expect(scores.get(secondClient?.id)).toBe("8");
      await expect
        .poll(() => card.locator(".summary .value").textContent())
        .toBe(lang === "en" ? "NPS +50.0" : "NPS +50,0");
      await expect.poll(() => card.locator(".summary .warning").count()).toBe(1);
      const log = await sheetValues("Rapport log");
      expect(log.slice(1).map((r) => r.slice(1, 5))).toEqual([
        [t.surveyTitle, "2", "0", "0"],
        [t.surveyTitle, "0", "1", "0"],
      ]);

      await expectFits(frame);
      await sidebarShot(p, `sidebar-surveys-${lang}`);
      await p.locator("#tabs button", { hasText: "Responses" }).click();
      await expect.poll(() => p.locator('#grid td[data-r="0"][data-c="0"]').textContent()).not.toBe("");
      await screenshot(p, `preview-surveys-responses-${lang}`);
      expect(errors).toEqual([]);
    });
  });
}

const MANAGE = {
  en: {
    edit: "Edit",
    save: "Save changes",
    saved: "Survey “Autumn check-in” saved.",
    closeNow: "Close now",
    closed: "“Autumn check-in” is closed: no more answers. Reopen it any time.",
    reopen: "Reopen",
    duplicate: "Duplicate",
    copyTitle: "Autumn check-in (copy)",
    archive: "Archive",
    showArchived: "Show archived surveys (1)",
    restore: "Restore",
    archivedBadge: "Archived",
    preview: "Preview",
    previewNote: "Preview: this is the page respondents see. Nothing pressed here is recorded.",
  },
  ru: {
    edit: "Изменить",
    save: "Сохранить изменения",
    saved: "Опрос «Autumn check-in» сохранён.",
    closeNow: "Закрыть сейчас",
    closed: "«Autumn check-in» закрыт: ответы больше не принимаются. Его можно открыть снова.",
    reopen: "Открыть снова",
    duplicate: "Создать копию",
    copyTitle: "Autumn check-in (копия)",
    archive: "В архив",
    showArchived: "Показать архив опросов (1)",
    restore: "Вернуть из архива",
    archivedBadge: "В архиве",
    preview: "Предпросмотр",
    previewNote: "Предпросмотр: так эту страницу видят респонденты. Здесь ничего не записывается.",
  },
} as const;

for (const lang of ["en", "ru"] as const) {
  const t = TEXT[lang];
  const m = MANAGE[lang];
  describe(`Surveys sidebar: managing a survey (${lang})`, () => {
    it("edits, closes and reopens, duplicates, archives and restores, and previews as respondents see it", async () => {
      const p = await openPreview(lang);
      const frame = await enrollAndOpenSurveys(p, lang);
      await frame.getByLabel(t.title, { exact: true }).fill(t.surveyTitle);
      await frame.getByRole("button", { name: t.create }).click();
      const card = (title: string) => frame.locator(".survey").filter({ hasText: title });
      await card(t.surveyTitle).waitFor();

      // Edit: the form comes back filled, the type locked; a new title is saved.
      await frame.getByRole("button", { name: m.edit, exact: true }).click();
      expect(await frame.getByLabel(t.title, { exact: true }).inputValue()).toBe(t.surveyTitle);
      expect(await frame.locator("#f-type").isDisabled()).toBe(true);
      await sidebarShot(p, `sidebar-surveys-${lang}-4-edit`);
      await frame.getByLabel(t.title, { exact: true }).fill("Autumn check-in");
      await frame.getByRole("button", { name: m.save }).click();
      await expect.poll(() => frame.getByTestId("notice").textContent()).toBe(m.saved);
      await card("Autumn check-in").waitFor();

      // Close now, then reopen.
      await frame.getByRole("button", { name: m.closeNow }).click();
      await expect.poll(() => frame.getByTestId("notice").textContent()).toBe(m.closed);
      await frame.getByRole("button", { name: m.reopen }).click();
      await expect.poll(() => frame.getByRole("button", { name: m.closeNow }).isVisible()).toBe(true);

      // The preview opens the respondent page, marked, its button inert.
      const href = (await frame.getByRole("link", { name: m.preview }).getAttribute("href")) as string;
      const phone = await pages.newContext({ viewport: { width: 390, height: 844 }, locale: lang });
      const page = await phone.newPage();
      await page.goto(`${href}&lang=${lang}`);
      await expect.poll(() => page.getByRole("note").first().textContent()).toBe(m.previewNote);
      expect(await page.getByRole("button").first().isDisabled()).toBe(true);
      await screenshot(page, `survey-preview-${lang}`);

      // Duplicate: a copy in the form; created, then archived out of the list and restored.
      await frame.getByRole("button", { name: m.duplicate }).click();
      expect(await frame.getByLabel(t.title, { exact: true }).inputValue()).toBe(m.copyTitle);
      await frame.getByRole("button", { name: t.create }).click();
      await card(m.copyTitle).waitFor();
      await frame.getByRole("button", { name: m.archive, exact: true }).click();
      await expect.poll(() => card(m.copyTitle).count()).toBe(0);
      await frame.getByRole("button", { name: m.showArchived }).click();
      await expect.poll(() => card(m.copyTitle).locator(".badge").textContent()).toBe(m.archivedBadge);
      await sidebarShot(p, `sidebar-surveys-${lang}-5-archived`);
      await card(m.copyTitle).click();
      await frame.getByRole("button", { name: m.restore }).click();
      await expect.poll(() => card(m.copyTitle).locator(".badge").textContent()).not.toBe(m.archivedBadge);
      await expectFits(frame);
      expect(errors).toEqual([]);
    });
  });
}

describe("Surveys sidebar: a CSI survey", () => {
  it("builds factors in the form by keyboard and shows the index with each factor's mean", async () => {
    const p = await openPreview("en");
    const frame = await enrollAndOpenSurveys(p, "en");
    await frame.getByLabel("Type").selectOption("csi");
    expect(await frame.getByLabel("Question in English", { exact: true }).inputValue()).toBe(
      "How satisfied are you with…",
    );
    await frame.getByLabel("Title", { exact: true }).fill("Service index");
    await frame.getByLabel("Factor 1 in English").fill("Speed of delivery");
    await frame.getByLabel("Importance of factor 1").fill("3");
    // Keyboard: the "Add a factor" button with Enter, then type into the new row.
    await frame.getByRole("button", { name: "Add a factor" }).focus();
    await p.keyboard.press("Enter");
    await frame.getByLabel("Factor 2 in English").fill("Support");
    await frame.getByLabel("Importance of factor 2").fill("0");
    await frame.getByLabel(TEXT.en.anonymous).check();
    await frame.getByRole("button", { name: "Create survey" }).click();
    await expect
      .poll(() => frame.locator("#err-factor-1").textContent())
      .toBe("Factor 2: the importance must be a number above 0, at most 1000.");
    await expectFits(frame);
    await sidebarShot(p, "sidebar-surveys-en-csi-form");
    await frame.getByLabel("Importance of factor 2").fill("1,5");
    await frame.getByRole("button", { name: "Create survey" }).click();
    const card = frame.locator(".survey").filter({ hasText: "Service index" });
    await card.waitFor();
    const url = (await card.getByRole("link").getAttribute("href")) as string;
    await Promise.all([
      answer(url, { fields: { "f.speed-of-delivery": "5", "f.support": "3" } }),
      answer(url, { fields: { "f.speed-of-delivery": "4" } }),
    ]);
    await frame.getByRole("button", { name: "Refresh" }).click();
    // Means 4.5 and 3 with weights 3 and 1.5: CSI = 100·(2/3·3.5/4 + 1/3·2/4) = 75.
    await expect.poll(() => card.locator(".summary .value").textContent()).toBe("CSI 75.0");
    expect(await card.locator(".summary .factors li").allTextContents()).toEqual([
      "Speed of delivery: 4.50, n = 2",
      "Support: 3.00, n = 1",
    ]);
    await expectFits(frame);
    await sidebarShot(p, "sidebar-surveys-en-csi");
    expect(errors).toEqual([]);
  });
});

describe("Surveys sidebar without enrollment", () => {
  it("points to Settings", async () => {
    const p = await openPreview("en");
    const frame = p.frameLocator("#sidebar-frame");
    await p.locator("#menu-button").click();
    await p.getByRole("menuitem", { name: "Help" }).click();
    await expect.poll(() => p.locator("#sidebar-title").textContent()).toBe("Rapport help");
    await frame.locator("#version").waitFor();
    await frame.locator("html").evaluate(() => {
      (window as unknown as { google: { script: { run: { showSurveys(): void } } } }).google.script.run.showSurveys();
    });
    const warning = frame.getByTestId("not-enrolled");
    await warning.waitFor();
    expect(await warning.textContent()).toContain("This spreadsheet is not enrolled yet.");
    await sidebarShot(p, "sidebar-surveys-en-not-enrolled");
    await frame.getByRole("button", { name: "Open Settings" }).click();
    await expect.poll(() => p.locator("#sidebar-title").textContent()).toBe("Rapport settings");
    expect(errors).toEqual([]);
  });

  it("refuses in Settings a Worker URL the add-on may never call, naming the one it may", async () => {
    const p = await openPreview("ru");
    await p.locator("#menu-button").click();
    await p.getByRole("menuitem", { name: "Настройки" }).click();
    const frame = p.frameLocator("#sidebar-frame");
    await frame.getByLabel("Ключ подключения").fill(inject("enrollmentKey"));
    await frame.getByRole("button", { name: "Подключить эту таблицу" }).click();
    await frame.getByTestId("notice").waitFor();
    const saved = await frame.getByLabel("Адрес Worker").inputValue();
    await frame.getByLabel("Адрес Worker").fill("https://elsewhere.example.com/");
    await frame.getByRole("button", { name: "Сохранить адрес" }).click();
    // Apps Script would refuse every call to it (urlFetchWhitelist): refused now, not at the first sync.
    await expect
      .poll(() => frame.getByRole("alert").textContent())
      .toMatch(/^Дополнению разрешено обращаться только к /);
    await sidebarShot(p, "sidebar-settings-ru-url-refused");
    const state = (await (
      await fetch(`${inject("previewUrl")}/rpc`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ fn: "settingsState", args: [] }),
      })
    ).json()) as { value: { workerUrl: string } };
    expect(state.value.workerUrl).toBe(saved);
    expect(errors).toEqual([]);
  });
});
