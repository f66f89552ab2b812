import type { Browser, FrameLocator, Page } from "playwright-core";
import { expect } from "vitest";
import { DEMO_SHEET_NAMES, demoShiftDays, lastDemoDate, shiftIsoDate } from "../../addon/preview/demoWorkbook";
import { collectPageErrors, screenshot } from "./browser";

/**
 * The last transaction day (YYYY-MM-DD) of a demo workbook reset now: the preview moves CDNOW's
 * dates by whole weeks so that they end in the week before today.
 */
export function demoEnd(now = Date.now()): string {
  return shiftIsoDate(lastDemoDate(), demoShiftDays(now));
}

/**
 * The months ("2026-10|2026-11") and quarters ("2026-Q3|2026-Q4") that hold `iso` or come just
 * before it, as a regular-expression alternative: the last whole period of data ending on `iso`.
 */
export function latestPeriods(iso: string): { month: string; quarter: string } {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const prevMonth = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, "0")}`;
  const quarter = Math.ceil(month / 3);
  const prevQuarter = quarter === 1 ? `${year - 1}-Q4` : `${year}-Q${quarter - 1}`;
  return { month: `${prevMonth}|${iso.slice(0, 7)}`, quarter: `${prevQuarter}|${year}-Q${quarter}` };
}

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

/** The personal survey link of the client in `row` of the client list, read from the Surveys sidebar's email snippet. */
export async function personalLink(
  page: Page,
  previewUrl: string,
  surveys: FrameLocator,
  snippetButton: string,
  row: number,
  clientId: string,
  locale: "en" | "ru",
): Promise<string> {
  await selectRange(page, previewUrl, `${DEMO_SHEET_NAMES[locale].clients}!B${row}`);
  await surveys.getByRole("button", { name: snippetButton }).click();
  await expect.poll(() => surveys.locator("#snippet-html").inputValue()).toContain(`?c=${clientId}&amp;`);
  const html = await surveys.locator("#snippet-html").inputValue();
  const href = /href="([^"]+)"/.exec(html)?.[1] ?? "";
  return href.replace(/&amp;/g, "&").replace(/&score=\d+$/, "");
}
