import type { Frame, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { readDemoClients } from "../../addon/preview/demoWorkbook";
import { previewPages, screenshot } from "./browser";

// The demo NPS worked out independently from the committed client list.
const scores = readDemoClients()
  .map((c) => c.score)
  .filter((s): s is number => s !== null);
const expectedNps = (100 * (scores.filter((s) => s >= 9).length - scores.filter((s) => s <= 6).length)) / scores.length;
const lastRow = readDemoClients().length + 1;

const pages = previewPages();
let errors: string[] = [];

async function openPreview(locale: "en" | "ru"): Promise<Page> {
  let page: Page;
  ({ page, errors } = await pages.open(locale));
  return page;
}

async function openNpsSidebar(p: Page, caption: string): Promise<Frame> {
  await p.locator("#menu-button").click();
  await p.getByRole("menuitem", { name: caption }).click();
  const frame = p.frameLocator("#sidebar-frame");
  await frame.locator("#calculate").waitFor();
  const handle = await p.locator("#sidebar-frame").elementHandle();
  return (await handle?.contentFrame()) as Frame;
}

describe("add-on preview", () => {
  it("shows the demo workbook as a grid with the Rapport menu", async () => {
    const p = await openPreview("en");
    await expect.poll(() => p.locator("#tabs button").allTextContents()).toEqual(["Clients", "Transactions"]);
    expect(await p.locator("#grid thead th").first().textContent()).toBe("A");
    expect(await p.locator('#grid td[data-r="0"][data-c="4"]').textContent()).toBe("NPS score");
    await p.locator("#menu-button").click();
    expect(await p.getByRole("menuitem").allTextContents()).toEqual([
      "Dashboard",
      "Surveys",
      "Send survey by email",
      "Segments",
      "Client card",
      "NPS of selection",
      "Settings",
      "Help",
    ]);
    await screenshot(p, "preview-en");
    expect(errors).toEqual([]);
  });

  it("computes the demo NPS of a selected range in the 300 px sidebar", async () => {
    const p = await openPreview("en");
    await p.locator("#namebox").fill(`Clients!E2:E${lastRow}`);
    await p.locator("#namebox").press("Enter");
    await expect.poll(() => p.locator("td.sel").count()).toBe(lastRow - 1);
    const frame = await openNpsSidebar(p, "NPS of selection");
    expect(await p.locator("#sidebar-frame").evaluate((el) => el.getBoundingClientRect().width)).toBe(300);
    await frame.locator("#calculate").click();
    await frame.locator("#result").waitFor({ state: "visible" });
    const shown = (await frame.locator("[data-testid=nps-value]").textContent()) ?? "";
    expect(Number(shown.replace("+", ""))).toBeCloseTo(expectedNps, 1);
    expect(await frame.locator("[data-testid=nps-n]").textContent()).toBe(`${scores.length} answers`);
    expect(await frame.locator("#nps-range").textContent()).toBe(`Range Clients!E2:E${lastRow}`);
    await screenshot(p, "sidebar-nps-en");
    expect(errors).toEqual([]);
  });

  it("works from the keyboard on a chosen column, in Russian", async () => {
    const p = await openPreview("ru");
    const frame = await openNpsSidebar(p, "NPS выделенного диапазона");
    expect(await frame.locator("h1").textContent()).toBe("Индекс потребительской лояльности (NPS)");
    await frame.locator('input[value="column"]').check();
    await frame.locator("#column").selectOption({ label: "E · NPS score" });
    await frame.locator("#calculate").focus();
    await frame.locator("#calculate").press("Enter");
    await frame.locator("#result").waitFor({ state: "visible" });
    const shown = (await frame.locator("[data-testid=nps-value]").textContent()) ?? "";
    expect(Number(shown.replace("+", "").replace(",", "."))).toBeCloseTo(expectedNps, 1);
    expect(await frame.locator("[data-testid=nps-n]").textContent()).toBe(`Ответов: ${scores.length}`);
    await screenshot(p, "sidebar-nps-ru");
    expect(errors).toEqual([]);
  });

  it("shows a visible, translated error when the selection holds no scores", async () => {
    const p = await openPreview("en");
    await p.locator("#namebox").fill("Clients!B2:B4");
    await p.locator("#namebox").press("Enter");
    await expect.poll(() => p.locator("td.sel").count()).toBe(3);
    const frame = await openNpsSidebar(p, "NPS of selection");
    await frame.locator("#calculate").click();
    const alert = frame.getByRole("alert");
    await alert.waitFor({ state: "visible" });
    expect(await alert.textContent()).toMatch(/^Clients, cell B2: ".+" is not a score from 0 to 10$/);
    await screenshot(p, "sidebar-nps-error-en");
  });

  it("resets the demo workbook with the Reset demo button, once confirmed", async () => {
    const p = await openPreview("en");
    await p.getByRole("tab", { name: "Transactions" }).click();
    await expect.poll(() => p.locator('#grid td[data-r="0"][data-c="1"]').textContent()).toBe("Date");
    // Asked first; Cancel (or Escape) keeps everything.
    await p.locator("#reset").click();
    const dialog = p.getByRole("dialog");
    await expect.poll(() => dialog.textContent()).toContain("Reset the demo? Everything in this workbook goes back");
    await screenshot(p, "preview-reset-confirm-en");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await p.locator('#tabs [aria-selected="true"]').textContent()).toBe("Transactions");
    await p.locator("#reset").click();
    await p.keyboard.press("Escape");
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await p.locator('#tabs [aria-selected="true"]').textContent()).toBe("Transactions");
    // Confirmed: the demo as it was.
    await p.locator("#reset").click();
    await dialog.getByRole("button", { name: "Reset demo" }).click();
    await expect.poll(() => p.locator('#grid td[data-r="0"][data-c="1"]').textContent()).toBe("Name");
    expect(await p.locator('#tabs [aria-selected="true"]').textContent()).toBe("Clients");
  });

  it("shows the help sidebar in both languages", async () => {
    for (const [locale, caption, title] of [
      ["en", "Help", "Rapport help"],
      ["ru", "Справка", "Справка Rapport"],
    ] as const) {
      const p = await openPreview(locale);
      await p.locator("#menu-button").click();
      await p.getByRole("menuitem", { name: caption }).click();
      const frame = p.frameLocator("#sidebar-frame");
      await expect.poll(() => frame.locator("h1").textContent()).toBe(title);
      // A guide: every sidebar, a how-to per task and the formulas, each section unfolding.
      expect(await frame.locator("details > summary").count()).toBe(4);
      // The first section is open; the others open with a click on their title.
      const summaries = frame.locator("details > summary");
      for (let i = 1; i < 4; i++) await summaries.nth(i).click();
      await expect.poll(() => frame.locator("details[open]").count()).toBe(4);
      expect(await frame.locator("dt").count()).toBeGreaterThanOrEqual(14);
      expect(await frame.locator("code").allTextContents()).toContain("CLV_PREDICT");
      await screenshot(p, `sidebar-help-${locale}`);
    }
  });
});
