import type { Browser, FrameLocator, Page } from "playwright-core";
import { expect } from "vitest";
import { collectPageErrors, screenshot } from "./browser";

/** Texts a respondent presses on the survey pages. */
const RESPONDENT = {
  en: { send: "Send", thanks: "Thank you!" },
  ru: { send: "Отправить", thanks: "Спасибо!" },
} as const;

/**
 * A respondent on a 360 px phone opens a personal link, picks a score, writes why (or not) and
 * sends. Pauses like a person reading: the Worker flags answers sent within 1.5 s as too fast.
 */
export async function answerOnPhone(
  browser: Browser,
  link: string,
  lang: "en" | "ru",
  score: string,
  comment: string | null,
  shot?: string,
): Promise<void> {
  const t = RESPONDENT[lang];
  const phone = await browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: lang === "en" ? "en-US" : "ru-RU",
  });
  try {
    const p = await phone.newPage();
    const errors = collectPageErrors(p);
    expect((await p.goto(link))?.status()).toBe(200);
    await p.getByRole("radio", { name: score, exact: true }).tap();
    await p.waitForTimeout(1600);
    await p.getByRole("button", { name: t.send }).tap();
    const box = p.getByRole("textbox");
    await box.waitFor();
    if (comment !== null) await box.fill(comment);
    if (shot) await screenshot(p, shot);
    await p.getByRole("button", { name: t.send }).tap();
    await p.getByRole("heading", { name: t.thanks }).waitFor();
    expect(errors).toEqual([]);
  } finally {
    await phone.close();
  }
}

/** The spreadsheet's selection as the sidebars' server functions see it. */
async function serverSelection(page: Page, previewUrl: string): Promise<string> {
  const state = (await (await page.request.get(`${previewUrl}/api/state`)).json()) as {
    activeSheet: string;
    selection: string;
  };
  return `${state.activeSheet}!${state.selection}`;
}

/**
 * Selects a range by typing it in the selection box, and waits until the preview server has it.
 * A re-render still in flight may overwrite the box before Enter: then it types it again.
 */
export async function selectRange(page: Page, previewUrl: string, range: string): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    await page.locator("#namebox").fill(range);
    await page.locator("#namebox").press("Enter");
    for (let wait = 0; wait < 10; wait++) {
      if ((await serverSelection(page, previewUrl)) === range) return;
      await page.waitForTimeout(100);
    }
  }
  expect(await serverSelection(page, previewUrl)).toBe(range);
}

/** The personal survey link of the client in `row` of Clients, read from the Surveys sidebar's email snippet. */
export async function personalLink(
  page: Page,
  previewUrl: string,
  surveys: FrameLocator,
  snippetButton: string,
  row: number,
  clientId: string,
): Promise<string> {
  await selectRange(page, previewUrl, `Clients!B${row}`);
  await surveys.getByRole("button", { name: snippetButton }).click();
  await expect.poll(() => surveys.locator("#snippet-html").inputValue()).toContain(`?c=${clientId}&amp;`);
  const html = await surveys.locator("#snippet-html").inputValue();
  const href = /href="([^"]+)"/.exec(html)?.[1] ?? "";
  return href.replace(/&amp;/g, "&").replace(/&score=\d+$/, "");
}
