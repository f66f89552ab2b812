import type { FrameLocator, Page } from "playwright-core";
import { afterAll, describe, expect, inject, it } from "vitest";
import { readDemoClients } from "../../addon/preview/demoWorkbook";
import { CDNOW_EXTRACT_PATH, readCdnow } from "../../scripts/lib/cdnow";
import { collectPageErrors, previewPages, screenshot } from "./browser";
import { demoEnd, selectRange } from "./flows";

const pages = previewPages();
// The preview's demo ends in the week before today: its last purchase is the date the RFM is as of.
const asOf = new Intl.DateTimeFormat("en-US", {
  month: "short",
  day: "numeric",
  year: "numeric",
  timeZone: "UTC",
}).format(new Date(`${demoEnd()}T00:00:00Z`));
let errors: string[] = [];

afterAll(async () => {
  // Leave the shared preview in English: other files' tests open it without waiting for a switch.
  await fetch(`${inject("previewUrl")}/api/locale`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ locale: "en" }),
  });
});

async function openPreview(locale: "en" | "ru"): Promise<Page> {
  const page = await pages.browser.newPage({ viewport: { width: 1280, height: 1000 } });
  pages.closeAfterTest(page);
  errors = collectPageErrors(page);
  // Reset and switch language before the page loads, so that no re-render is still in flight later.
  const url = inject("previewUrl");
  await page.request.post(`${url}/api/reset`, { data: { locale } });
  await page.request.post(`${url}/api/locale`, { data: { locale } });
  await page.goto(url);
  await expect.poll(() => page.locator("#lang-label").textContent()).toBe(locale === "ru" ? "Язык" : "Language");
  await page.locator("#grid td").first().waitFor();
  return page;
}

async function openSidebar(p: Page, caption: string, ready: string): Promise<FrameLocator> {
  await p.locator("#menu-button").click();
  await p.getByRole("menuitem", { name: caption, exact: true }).click();
  const frame = p.frameLocator("#sidebar-frame");
  await frame.locator(ready).waitFor();
  return frame;
}

/** Selects a range and waits until the preview server has it. */
function select(p: Page, range: string): Promise<void> {
  return selectRange(p, inject("previewUrl"), range);
}

/** Scrolls the grid to its last columns, where the sidebar wrote, for the screenshot. */
async function showWrittenColumns(p: Page): Promise<void> {
  await p.locator("#grid-wrap").evaluate((el) => {
    el.scrollLeft = el.scrollWidth;
  });
}

/** Header cells of the grid's first row. */
const headerRow = (p: Page) => p.locator('#grid td[data-r="0"]').allTextContents();

describe("Segments sidebar", () => {
  it("runs each segmentation and writes the columns beside the client list", async () => {
    const p = await openPreview("en");
    const frame = await openSidebar(p, "Segments", "#run");
    await expect
      .poll(() => frame.getByTestId("transactions-info").textContent())
      .toBe("959 rows · A · Client ID, B · Date, D · Amount");
    expect(await frame.getByTestId("clients-info").textContent()).toBe("303 rows · A · Client ID, B · Name, C · Email");
    expect(await p.locator("#sidebar-frame").evaluate((el) => el.getBoundingClientRect().width)).toBe(300);
    const runs = [
      ["rfm", "RFM segment", "Champions"],
      ["abcXyz", "ABC/XYZ class", "AZ"],
      ["clv", "CLV tier", "High value"],
      ["clusters", "Behavioural segment", "Recent, frequent buyers, high spend"],
    ] as const;
    for (const [method, header, firstSegment] of runs) {
      await frame.locator(`input[value="${method}"]`).check();
      await frame.getByRole("button", { name: "Segment clients" }).click();
      await frame.locator("#result").waitFor({ state: "visible" });
      await expect.poll(() => frame.locator("#segments li .name").first().textContent()).toBe(firstSegment);
      expect(await frame.getByTestId("done").textContent()).toMatch(
        /^Wrote columns [H-Z]–[H-Z] beside Clients for 303 client rows\.$/,
      );
      expect(await frame.getByTestId("engine").textContent()).toBe(
        `Computed in the spreadsheet · 303 clients with purchases · as of ${asOf}`,
      );
      // No horizontal scrolling in the 300 px panel.
      expect(
        await p
          .frameLocator("#sidebar-frame")
          .locator("body")
          .evaluate((b) => b.scrollWidth <= b.clientWidth),
      ).toBe(true);
      await expect.poll(() => headerRow(p)).toContain(header);
      // Where a method says little about these data, the sidebar says so (ABC/XYZ: nearly all Z).
      const caveat = frame.getByTestId("caveat");
      if (method === "abcXyz") expect(await caveat.textContent()).toMatch(/^\d+ of \d+ clients \(\d+ %\) are Z\./);
      if (method === "clusters") expect(await caveat.textContent()).toMatch(/^Only 2 groups stand apart in these data/);
      if (method === "rfm" || method === "clv") expect(await caveat.isVisible()).toBe(false);
      await showWrittenColumns(p);
      await screenshot(p, `sidebar-segments-${method}-en`);
    }
    const actions = await frame.locator("#segments .action").allTextContents();
    expect(actions.every((a) => a.startsWith("Action: ") && a.length > 20)).toBe(true);
    expect(errors).toEqual([]);
  });

  it("works from the keyboard, in Russian", async () => {
    const p = await openPreview("ru");
    const frame = await openSidebar(p, "Сегменты", "#run");
    await expect.poll(() => frame.getByTestId("transactions-info").textContent()).toMatch(/^строк: 959/);
    // Arrow keys move through the radio group, as in any form.
    await frame.locator('input[value="rfm"]').focus();
    await frame.locator('input[value="rfm"]').press("ArrowDown");
    await frame.locator('input[value="abcXyz"]').press("ArrowDown");
    expect(await frame.locator('input[value="clv"]').isChecked()).toBe(true);
    await frame.locator("#run").focus();
    await frame.locator("#run").press("Enter");
    await frame.locator("#result").waitFor({ state: "visible" });
    expect(await frame.locator("#segments li .name").allTextContents()).toEqual([
      "Высокая ценность",
      "Средняя ценность",
      "Низкая ценность",
      "Вероятно, ушли",
    ]);
    expect(await frame.getByTestId("engine").textContent()).toMatch(/^Посчитано в таблице · клиентов с покупками: 303/);
    await expect.poll(() => headerRow(p)).toContain("Уровень CLV");
    await showWrittenColumns(p);
    await screenshot(p, "sidebar-segments-clv-ru");
    await frame.locator('input[value="rfm"]').check();
    await frame.locator("#run").click();
    await expect.poll(() => frame.locator("#segments li .name").first().textContent()).toBe("Чемпионы");
    await screenshot(p, "sidebar-segments-rfm-ru");
    for (const [method, first] of [
      ["abcXyz", "AZ"],
      ["clusters", "Активные, частые покупки, высокий чек"],
    ] as const) {
      await frame.locator(`input[value="${method}"]`).check();
      await frame.locator("#run").click();
      await expect.poll(() => frame.locator("#segments li .name").first().textContent()).toBe(first);
      if (method === "abcXyz") {
        expect(await frame.locator("#segments .description").first().textContent()).toBe(
          "Ключевые клиенты с нерегулярной выручкой",
        );
        expect(await frame.getByTestId("caveat").textContent()).toMatch(/^\d+ из \d+ клиентов \(\d+ %\) — Z\./);
      } else {
        expect(await frame.getByTestId("caveat").textContent()).toMatch(/^В этих данных выделяются только 2 группы/);
      }
      await screenshot(p, `sidebar-segments-${method}-ru`);
    }
    expect(errors).toEqual([]);
  });

  it("explains large data, then computes it on the Worker once the spreadsheet is enrolled", async () => {
    const p = await openPreview("en");
    await p.request.post(`${inject("previewUrl")}/api/properties`, {
      data: { "rapport.segments.workerThreshold": "500" },
    });
    let frame = await openSidebar(p, "Segments", "#run");
    await expect.poll(() => frame.getByTestId("large").isVisible()).toBe(true);
    expect(await frame.locator("#large-text").textContent()).toBe(
      "959 transactions: more than 500, the most Rapport computes in the spreadsheet. Enroll this spreadsheet in Rapport › Settings to compute on the Worker, or compute here anyway (it may take a few minutes).",
    );
    await screenshot(p, "sidebar-segments-large-en");
    // ABC/XYZ has no Worker route: no warning for it.
    await frame.locator('input[value="abcXyz"]').check();
    expect(await frame.getByTestId("large").isVisible()).toBe(false);
    await frame.locator('input[value="rfm"]').check();
    await frame.getByRole("button", { name: "Compute here anyway" }).click();
    await frame.locator("#result").waitFor({ state: "visible" });
    expect(await frame.getByTestId("engine").textContent()).toMatch(/^Computed in the spreadsheet/);

    const settings = await openSidebar(p, "Settings", "#enrollment-key");
    await settings.getByLabel("Enrollment key").fill(inject("enrollmentKey"));
    await settings.getByRole("button", { name: "Enroll this spreadsheet" }).click();
    await expect.poll(() => settings.getByTestId("enrollment-state").textContent()).toMatch(/^Enrolled as workspace/);

    frame = await openSidebar(p, "Segments", "#run");
    await expect
      .poll(() => frame.locator("#large-text").textContent())
      .toBe("959 transactions: more than 500, so they are computed on the Rapport Worker.");
    expect(await frame.getByRole("button", { name: "Compute here anyway" }).isVisible()).toBe(false);
    await frame.getByRole("button", { name: "Segment clients" }).click();
    await frame.locator("#result").waitFor({ state: "visible" });
    expect(await frame.getByTestId("engine").textContent()).toMatch(/^Computed on the Rapport Worker · 303 clients/);
    await expect.poll(() => frame.locator("#segments li .name").first().textContent()).toBe("Champions");
    await screenshot(p, "sidebar-segments-worker-en");
    expect(errors).toEqual([]);
  });

  it("shows what stops a run, in words", async () => {
    const p = await openPreview("en");
    const frame = await openSidebar(p, "Segments", "#run");
    await expect.poll(() => frame.locator("#clients-sheet").inputValue()).toBe("Clients");
    await frame.getByLabel("Client list").selectOption("Transactions");
    const problem = "The client list and the transactions are the same sheet; choose the client list separately.";
    await expect.poll(() => frame.getByTestId("problem").textContent()).toBe(problem);
    await frame.getByRole("button", { name: "Segment clients" }).click();
    await expect.poll(() => frame.getByRole("alert").textContent()).toBe(problem);
    await screenshot(p, "sidebar-segments-error-en");
  });
});

describe("Client card sidebar", () => {
  const clients = readDemoClients();
  const tx = readCdnow(CDNOW_EXTRACT_PATH);

  it("shows the selected client and follows the selection", async () => {
    const p = await openPreview("en");
    // Row 5 of Clients is the fourth client of the list.
    const fourth = clients[3] as (typeof clients)[number];
    await select(p, "Clients!B5");
    const frame = await openSidebar(p, "Client card", "#refresh");
    await expect.poll(() => frame.getByTestId("client-name").textContent()).toBe(fourth.name);
    expect(await frame.getByTestId("client-meta").textContent()).toBe(
      `Client ${fourth.id} · ${fourth.email} · Row 5 of Clients`,
    );
    const orders = tx.filter((t) => t.customerId === fourth.id).length;
    expect(await frame.locator("#purchases dd").first().textContent()).toBe(String(orders));
    expect((await frame.getByTestId("next-step").textContent())?.length).toBeGreaterThan(20);
    expect(await frame.locator("#relationship dt").allTextContents()).toEqual([
      "RFM segment",
      "Stage",
      "P(alive)",
      "Expected purchases, 12 mo",
      "Predicted CLV, 12 mo",
    ]);
    expect(await p.locator("#sidebar-frame").evaluate((el) => el.getBoundingClientRect().width)).toBe(300);
    await screenshot(p, "sidebar-client-card-en");

    // Another row, on the transactions sheet: Refresh shows that client.
    const row20 = tx[18] as (typeof tx)[number];
    await select(p, "Transactions!C20");
    await frame.getByRole("button", { name: "Refresh" }).click();
    const other = clients.find((c) => c.id === row20.customerId);
    await expect.poll(() => frame.getByTestId("client-name").textContent()).toBe(other?.name);
    expect(await frame.getByTestId("client-meta").textContent()).toMatch(/· Row 20 of Transactions$/);
    expect(errors).toEqual([]);
  });

  it("works in Russian and explains a header row", async () => {
    const p = await openPreview("ru");
    const withComment = clients.findIndex((c) => c.comment !== "" && c.score !== null);
    await select(p, `Клиенты!A${withComment + 2}`);
    const frame = await openSidebar(p, "Карточка клиента", "#refresh");
    await expect.poll(() => frame.getByTestId("client-name").textContent()).toBe(clients[withComment]?.name);
    expect(await frame.locator("#answers li blockquote").first().textContent()).toBe(clients[withComment]?.comment);
    expect(await frame.locator("#relationship dt").first().textContent()).toBe("Сегмент RFM");
    await screenshot(p, "sidebar-client-card-ru");

    await select(p, "Клиенты!C1");
    await frame.getByRole("button", { name: "Обновить" }).click();
    await expect
      .poll(() => frame.getByRole("alert").textContent())
      .toBe("Строка 1 листа «Клиенты» — заголовок: выделите строку клиента ниже.");
    await screenshot(p, "sidebar-client-card-error-ru");
    expect(errors).toEqual([]);
  });
});
