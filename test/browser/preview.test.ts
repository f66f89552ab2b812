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
    await expect
      .poll(() => p.locator("#tabs button").allTextContents())
      .toEqual(["Clients", "Transactions", "Requests", "Contracts"]);
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
    await frame.locator("#column").selectOption({ label: "E · Оценка NPS" });
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

  it("lets a person type values and formulas, spills tables, explains errors and recalculates", async () => {
    const p = await openPreview("en");
    const cell = (a1: string) => {
      const m = /^([A-Z]+)(\d+)$/.exec(a1) as RegExpExecArray;
      const column = (m[1] as string).charCodeAt(0) - 65;
      return p.locator(`#grid td[data-r="${Number(m[2]) - 1}"][data-c="${column}"]`);
    };
    /** Clicks a cell and types into it as a person would: the first key starts editing. */
    const typeInto = async (a1: string, input: string) => {
      await cell(a1).click();
      await p.keyboard.type(input);
      await p.keyboard.press("Enter");
    };
    await typeInto("I2", `=NPS(E2:E${lastRow})`);
    await expect.poll(async () => Number(await cell("I2").textContent())).toBeCloseTo(expectedNps, 4);
    // Enter moved down a row, as in Sheets; the formula bar shows the formula behind a value.
    await expect.poll(() => p.locator("#namebox").inputValue()).toBe("Clients!I3");
    await cell("I2").click();
    await expect.poll(() => p.locator("#formula-bar").inputValue()).toBe(`=NPS(E2:E${lastRow})`);

    // A table spills down and right from its cell (I4:K8).
    await typeInto("I4", `=NPS_BREAKDOWN(E2:E${lastRow})`);
    await expect.poll(() => cell("J5").textContent()).toBe(String(scores.filter((s) => s >= 9).length));
    await screenshot(p, "preview-formulas-en");
    // Something in its way: #REF!, saying which cell, and nothing spilled; cleared, it spills again.
    await typeInto("K6", "in the way");
    await expect.poll(() => cell("I4").textContent()).toBe("#REF!");
    expect(await cell("I4").getAttribute("title")).toBe(
      "Array result was not expanded because it would overwrite data in K6.",
    );
    expect(await cell("J5").textContent()).toBe("");
    await cell("K6").click();
    await p.keyboard.press("Delete");
    await expect.poll(() => cell("J5").textContent()).toBe(String(scores.filter((s) => s >= 9).length));

    // A Rapport formula's own error, on hover; an unknown function.
    await typeInto("I10", "=NPS(B2:B4)");
    await expect.poll(() => cell("I10").textContent()).toBe("#ERROR!");
    expect(await cell("I10").getAttribute("title")).toBe(
      'NPS: B2:B4, cell B2: "Umar Smith" is not a score from 0 to 10',
    );
    await typeInto("I11", "=NOPE(1)");
    await expect.poll(() => cell("I11").getAttribute("title")).toBe("Unknown function: 'NOPE'.");
    await cell("I10").hover();
    await screenshot(p, "preview-formula-error-en");

    // Its input changed, the formula follows: the first client's 9 becomes a 0.
    const changed = [0, ...scores.slice(1)];
    const changedNps =
      (100 * (changed.filter((s) => s >= 9).length - changed.filter((s) => s <= 6).length)) / changed.length;
    await typeInto("E2", "0");
    await expect.poll(async () => Number(await cell("I2").textContent())).toBeCloseTo(changedNps, 4);
    // Escape leaves a cell as it was.
    await cell("E3").click();
    await p.keyboard.type("7");
    await p.keyboard.press("Escape");
    expect(await cell("E3").textContent()).toBe(String(scores[1]));
    expect(errors).toEqual([]);
  });

  it("selects a whole column by its letter, and says why a typed range is not one", async () => {
    const p = await openPreview("en");
    await p.locator('#grid thead th[data-c="4"]').click();
    await expect.poll(() => p.locator("#namebox").inputValue()).toMatch(/^Clients!E1:E\d+$/);
    const frame = await openNpsSidebar(p, "NPS of selection");
    await frame.locator("#calculate").click();
    await frame.locator("#result").waitFor({ state: "visible" });
    expect(await frame.locator("[data-testid=nps-n]").textContent()).toBe(`${scores.length} answers`);
    expect(await frame.locator("#nps-range").textContent()).toBe(`Range Clients!E2:E${lastRow}`);
    expect(await frame.locator("#header-skipped").textContent()).toBe("E1 is the column's title: left out.");
    await screenshot(p, "sidebar-nps-whole-column-en");

    await p.locator("#namebox").fill("Clients!E0:Q");
    await p.locator("#namebox").press("Enter");
    await expect
      .poll(() => p.getByRole("alert").first().textContent())
      .toBe(
        "“Clients!E0:Q” is not a range. Type a cell (B2), a range (E2:E304), a column (E:E) or rows (2:5), with a sheet name before “!” if you like.",
      );
    expect(await p.locator("#namebox").getAttribute("aria-invalid")).toBe("true");
    await screenshot(p, "preview-bad-range-en");
    await p.locator("#namebox").fill("Report!A1");
    await p.locator("#namebox").press("Enter");
    await expect.poll(() => p.getByRole("alert").first().textContent()).toBe("There is no sheet named “Report”.");
    // Typing again clears the message; a good range selects.
    await p.locator("#namebox").fill("B:C");
    await expect.poll(() => p.locator("#range-error").isVisible()).toBe(false);
    await p.locator("#namebox").press("Enter");
    await expect.poll(() => p.locator("#namebox").inputValue()).toMatch(/^Clients!B1:C\d+$/);
    expect(errors).toEqual([]);
  });

  it("reads numbers and formulas the Russian way in a Russian spreadsheet", async () => {
    const p = await openPreview("ru");
    const cell = (r: number, c: number) => p.locator(`#grid td[data-r="${r}"][data-c="${c}"]`);
    await cell(1, 9).click();
    await p.keyboard.type("11,5");
    await p.keyboard.press("Enter");
    await expect.poll(() => cell(1, 9).textContent()).toBe("11,5");
    await p.keyboard.type("=ROUND(J2;0)");
    await p.keyboard.press("Enter");
    await expect.poll(() => cell(2, 9).textContent()).toBe("12");
    await p.keyboard.type(`=NPS(Клиенты!E2:E${lastRow})`);
    await p.keyboard.press("Enter");
    await expect
      .poll(async () => Number((await cell(3, 9).textContent())?.replace(",", ".")))
      .toBeCloseTo(expectedNps, 4);
    await p.keyboard.type("=NPS(B2:B4)");
    await p.keyboard.press("Enter");
    await expect.poll(() => cell(4, 9).textContent()).toBe("#ERROR!");
    expect(await cell(4, 9).getAttribute("title")).toBe(
      "NPS: B2:B4, ячейка B2: «Umar Smith» не является оценкой от 0 до 10",
    );
    await screenshot(p, "preview-formulas-ru");
    await p.locator("#namebox").fill("Клиенты!0:Q");
    await p.locator("#namebox").press("Enter");
    await expect.poll(() => p.getByRole("alert").first().textContent()).toMatch(/^«Клиенты!0:Q» — не диапазон\./);
    expect(errors).toEqual([]);
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
      // The newest formula groups, at the end of the guide, in view for their own screenshot.
      expect(await frame.locator("code").allTextContents()).toEqual(expect.arrayContaining(["FUNNEL", "CONTACT_RATE"]));
      await frame.locator("code", { hasText: "CONTACT_RATE" }).scrollIntoViewIfNeeded();
      await screenshot(p, `sidebar-help-formulas-${locale}`);
    }
  });
});
