import type { FrameLocator, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import {
  demoContracts,
  demoRequests,
  demoShiftDays,
  lastDemoDate,
  readDemoClients,
  shiftIsoDate,
} from "../../addon/preview/demoWorkbook";
import { CDNOW_EXTRACT_PATH, readCdnow } from "../../scripts/lib/cdnow";
import { answer } from "../addon/respondent";
import { surveyForm } from "../fixtures/surveyForm";
import { previewPages, screenshot } from "./browser";
import { demoEnd, latestPeriods } from "./flows";

// Reference figures worked out from the committed demo data.
const scores = readDemoClients()
  .map((c) => c.score)
  .filter((s): s is number => s !== null);
const expectedNps = (100 * (scores.filter((s) => s >= 9).length - scores.filter((s) => s <= 6).length)) / scores.length;
const cdnow = readCdnow(CDNOW_EXTRACT_PATH);
const meanAmount = cdnow.reduce((s, r) => s + r.amount, 0) / cdnow.length;
const meanCds = cdnow.reduce((s, r) => s + r.cds, 0) / cdnow.length;
// The preview's demo ends in the week before today; the churn card shows its last whole period.
const shift = demoShiftDays(Date.now());
const lastPeriod = latestPeriods(demoEnd());
const quarterIndex = (iso: string) => Number(iso.slice(0, 4)) * 4 + Math.ceil(Number(iso.slice(5, 7)) / 3);
const cdnowFirst = cdnow.reduce((first, r) => (r.date < first ? r.date : first), "9999");
const cdnowLast = cdnow.reduce((last, r) => (r.date > last ? r.date : last), "");
const quartersSpanned =
  quarterIndex(shiftIsoDate(cdnowLast, shift)) - quarterIndex(shiftIsoDate(cdnowFirst, shift)) + 1;

// The demo's requests as the preview shifts them: the last month's median hours to a first answer.
const shiftedRequests = demoRequests(
  lastDemoDate(),
  readDemoClients().map((c) => c.id),
).map((r) => ({
  ...r,
  month: shiftIsoDate(r.openedDay, shift).slice(0, 7),
}));
const lastRequestMonth = shiftedRequests.reduce((last, r) => (r.month > last ? r.month : last), "");
const lastMonthHours = shiftedRequests
  .filter((r) => r.month === lastRequestMonth && r.responseHours !== null)
  .map((r) => r.responseHours as number)
  .sort((a, b) => a - b);
const lastMonthMedian =
  ((lastMonthHours[Math.floor((lastMonthHours.length - 1) / 2)] as number) +
    (lastMonthHours[Math.ceil((lastMonthHours.length - 1) / 2)] as number)) /
  2;

/** The demo's renewal rate over every contract as the preview shifts them, as of today in New York. */
function referenceRenewalRate(): number {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York" }).format(new Date());
  let renewed = 0;
  let lapsed = 0;
  for (const c of demoContracts(
    lastDemoDate(),
    readDemoClients().map((x) => x.id),
  )) {
    if (c.renewed === true || typeof c.renewed === "string") renewed++;
    else if (c.renewed === false || shiftIsoDate(c.end, shift) < today) lapsed++;
  }
  return renewed / (renewed + lapsed);
}

// The demo's funnel: clients with 1 or more, 2 or more and 4 or more orders in CDNOW.
const ordersOf = new Map<string, number>();
for (const r of cdnow) ordersOf.set(r.customerId, (ordersOf.get(r.customerId) ?? 0) + 1);
const funnelReached = [1, 2, 4].map(
  (least) => readDemoClients().filter((c) => (ordersOf.get(c.id) ?? 0) >= least).length,
);

const pages = previewPages();
let errors: string[] = [];

/** The preview, tall enough that the whole 300 px sidebar shows in a screenshot. */
async function openDashboard(locale: "en" | "ru", caption: string): Promise<{ p: Page; frame: FrameLocator }> {
  let page: Page;
  ({ page, errors } = await pages.open(locale, { width: 1280, height: 2000 }));
  await page.locator("#menu-button").click();
  await page.getByRole("menuitem", { name: caption }).click();
  const frame = page.frameLocator("#sidebar-frame");
  await frame.getByTestId("nps-card").getByTestId("value").waitFor();
  return { p: page, frame };
}

/** Scrolls the grid right to the charts, which sit beside the report's tables. */
async function showCharts(p: Page): Promise<void> {
  await p.locator("#grid-wrap").evaluate((el) => {
    el.scrollLeft = el.scrollWidth;
  });
}

const number = (text: string | null) => Number((text ?? "").replace(/[+\s\u00a0]/g, "").replace(",", "."));

describe("Dashboard sidebar", () => {
  it("shows the figures, changes the period, corrects a column and creates the report", async () => {
    const { p, frame } = await openDashboard("en", "Dashboard");
    expect(await p.locator("#sidebar-frame").evaluate((el) => el.getBoundingClientRect().width)).toBe(300);
    // Nothing in the sidebar is wider than Sheets' 300 px panel.
    expect(await frame.locator("body").evaluate((b) => b.scrollWidth)).toBeLessThanOrEqual(300);
    const nps = frame.getByTestId("nps-card");
    expect(number(await nps.getByTestId("value").textContent())).toBeCloseTo(expectedNps, 1);
    expect(await nps.getByTestId("n").textContent()).toBe(`n = ${scores.length} answers`);
    expect(await frame.getByTestId("churn-card").textContent()).toMatch(new RegExp(`in (${lastPeriod.month})`));
    await expect.poll(() => frame.getByTestId("churn-card").getByTestId("small-sample").isVisible()).toBe(true);
    expect(number(await frame.getByTestId("aov-card").getByTestId("value").textContent())).toBeCloseTo(meanAmount, 2);
    expect(await frame.locator("#trend [data-testid=mini-chart]").count()).toBe(3);
    expect(await frame.locator("#trend [data-testid=mini-chart] svg").count()).toBe(3);
    await screenshot(p, "sidebar-dashboard-en");

    // What clients say: counted by hand from the demo's comments, 8 of the 20 detractors' comments
    // are "Hard to reach support" and none of the 29 promoters' mention reaching anyone.
    const themes = frame.getByTestId("themes");
    await themes.scrollIntoViewIfNeeded();
    expect(await themes.locator("h2").textContent()).toBe("What clients say");
    expect(await themes.locator("#themes-summary").textContent()).toBe(
      "From 49 NPS comments: 20 by detractors, 29 by promoters (passives' are not compared). ⚠ n < 100",
    );
    const first = themes.getByTestId("theme").first();
    expect(await first.locator(".theme").textContent()).toBe("hard reach");
    expect(await first.locator(".meta").textContent()).toBe(
      "in 40.0% of detractors' comments and 0.0% of promoters' · 8 here",
    );
    expect(await first.locator("q").first().textContent()).toBe("Hard to reach support");
    expect(await themes.locator("h3").allTextContents()).toEqual(["Detractors write about", "Promoters write about"]);
    await screenshot(p, "sidebar-dashboard-themes-en");

    // Service: the Requests sheet found, the last month's median first answer as worked out above.
    const service = frame.getByTestId("service");
    await service.scrollIntoViewIfNeeded();
    expect(await service.locator("h2").textContent()).toBe("Service");
    expect(await service.locator("#service-source").textContent()).toBe("From Requests · Opened, in calendar hours.");
    const response = frame.getByTestId("response-card");
    expect(await response.getByTestId("value").textContent()).toBe(`${lastMonthMedian.toFixed(1)} h`);
    expect(await response.textContent()).toContain(`median, requests of ${lastRequestMonth}`);
    expect(await response.getByTestId("n").textContent()).toBe(
      `n = ${lastMonthHours.length} answered of ${shiftedRequests.filter((r) => r.month === lastRequestMonth).length}`,
    );
    expect(await frame.getByTestId("alert").allTextContents()).toContainEqual(
      expect.stringMatching(/^First answers slowed: the median went from [\d.]+ h in \d{4}-\d{2} to [\d.]+ h in /),
    );
    expect(await frame.getByTestId("contacts-card").isVisible()).toBe(true);
    expect(await frame.getByTestId("contacts-card").textContent()).toContain(`in ${lastRequestMonth}, of all clients`);
    await screenshot(p, "sidebar-dashboard-service-en");

    // Renewals: the Contracts sheet found; the rate over all decided contracts as counted above.
    const renewals = frame.getByTestId("renewals");
    await renewals.scrollIntoViewIfNeeded();
    expect(await renewals.locator("h2").textContent()).toBe("Renewals");
    expect(await frame.getByTestId("renewal-total-card").getByTestId("value").textContent()).toBe(
      `${(100 * referenceRenewalRate()).toFixed(1)}%`,
    );
    await screenshot(p, "sidebar-dashboard-renewals-en");

    // Funnel: the client list's Stage column, its order recognised from the names.
    const funnel = frame.getByTestId("funnel");
    await funnel.scrollIntoViewIfNeeded();
    expect(await funnel.locator("h2").textContent()).toBe("Funnel");
    expect(await funnel.locator("#funnel-source").textContent()).toContain(
      "Stage order from the column's dropdown list",
    );
    const steps = funnel.getByTestId("funnel-step");
    expect(await steps.locator(".head").allTextContents()).toEqual(
      ["Customer", "Repeat", "Regular"].map((stage, i) => `${stage}${funnelReached[i]}`),
    );
    expect(await steps.nth(1).locator(".sub").textContent()).toMatch(
      new RegExp(
        `^From the stage before: ${((100 * (funnelReached[1] as number)) / (funnelReached[0] as number)).toFixed(1)}%`,
      ),
    );
    expect(await funnel.locator(".weakest").count()).toBe(1);
    expect(await funnel.getByTestId("funnel-n").textContent()).toBe(`n = ${funnelReached[0]} clients in the funnel`);
    await screenshot(p, "sidebar-dashboard-funnel-en");
    // Cross-sell: the Transactions sheet's Product column, with the products clients crossed into.
    const crossSell = frame.getByTestId("crosssell-card");
    await crossSell.scrollIntoViewIfNeeded();
    expect(await crossSell.textContent()).toContain("most into: CD bundle");
    await screenshot(p, "sidebar-dashboard-crosssell-en");

    // Period by quarter.
    await frame.getByText("Quarter", { exact: true }).click();
    await expect
      .poll(() => frame.getByTestId("churn-card").textContent())
      .toMatch(new RegExp(`in (${lastPeriod.quarter})`));
    expect(await frame.locator("#trend-table tbody tr").count()).toBe(quartersSpanned);

    // The amount column corrected to C (CDs): the average order becomes the mean number of CDs.
    await frame.getByText("Columns", { exact: true }).click();
    await frame.getByLabel("Amount").selectOption({ label: "C · CDs" });
    await frame.getByRole("button", { name: "Use these columns" }).click();
    await expect.poll(() => frame.getByTestId("notice").textContent()).toBe("Columns saved for this spreadsheet.");
    expect(number(await frame.getByTestId("aov-card").getByTestId("value").textContent())).toBeCloseTo(meanCds, 2);
    expect(await frame.locator("#tx-state").textContent()).toBe("Columns confirmed by you.");
    await screenshot(p, "sidebar-dashboard-columns-en");

    // The team's working time for the service panel, and the funnel's own stage order, under Columns.
    await frame.getByLabel("Working hours").fill("9-18");
    const order = frame.getByTestId("stage-order");
    expect(await order.inputValue()).toBe("Customer\nRepeat\nRegular");
    await order.fill("Customer\nRegular");
    await frame.getByRole("button", { name: "Use these columns" }).click();
    await expect
      .poll(() => frame.locator("#service-source").textContent())
      .toBe("From Requests · Opened, in working time: 9-18, Mon-Fri.");
    // The repeat clients are outside the order now: the customers are the others.
    const repeatOnly = (funnelReached[1] as number) - (funnelReached[2] as number);
    await expect
      .poll(() => frame.getByTestId("funnel-step").locator(".head").allTextContents())
      .toEqual([`Customer${(funnelReached[0] as number) - repeatOnly}`, `Regular${funnelReached[2]}`]);
    expect(await frame.locator("#funnel-source").textContent()).toContain("Stage order as set under Columns ▸ Funnel.");
    expect(await frame.locator("#funnel-notes").textContent()).toContain(`Outside the funnel: Repeat (${repeatOnly}).`);
    await frame.getByTestId("funnel").scrollIntoViewIfNeeded();
    await screenshot(p, "sidebar-dashboard-funnel-order-en");
    await frame.locator("#rq-sheet").scrollIntoViewIfNeeded();
    await screenshot(p, "sidebar-dashboard-columns-service-en");
    // Back to calendar time and the recognised order.
    await frame.getByLabel("Working hours").fill("");
    await order.fill("");
    await frame.getByRole("button", { name: "Use these columns" }).click();
    await expect
      .poll(() => frame.locator("#service-source").textContent())
      .toBe("From Requests · Opened, in calendar hours.");
    await expect.poll(() => frame.getByTestId("funnel-step").count()).toBe(3);
    await frame.getByRole("button", { name: "Detect again" }).click();
    await expect
      .poll(async () => number(await frame.getByTestId("aov-card").getByTestId("value").textContent()))
      .toBeCloseTo(meanAmount, 2);

    // The report: a Report sheet with its native charts, shown in the grid.
    await frame.getByRole("button", { name: "Create report" }).click();
    await expect
      .poll(() => frame.getByTestId("notice").textContent())
      .toBe("Report written to the sheet Report with 4 charts.");
    await expect
      .poll(() => p.locator("#tabs button").allTextContents())
      .toEqual(["Clients", "Transactions", "Requests", "Contracts", "Report"]);
    await expect.poll(() => p.locator('#tabs button[aria-selected="true"]').textContent()).toBe("Report");
    await expect.poll(() => p.locator('#grid td[data-r="0"][data-c="0"]').textContent()).toBe("Rapport report");
    await expect.poll(() => p.locator("[data-testid=chart]").count()).toBe(4);
    expect(
      await p.locator("[data-testid=chart] svg").evaluateAll((svgs) => svgs.map((s) => s.getAttribute("aria-label"))),
    ).toEqual(["NPS by quarter", "Churn rate by quarter", "Revenue by quarter", "NPS breakdown"]);
    await screenshot(p, "report-en");
    await showCharts(p);
    await screenshot(p, "report-charts-en");

    // Running it again updates the same sheet and charts.
    await frame.getByRole("button", { name: "Create report" }).click();
    await expect.poll(() => frame.locator("#status").textContent()).toBe("");
    await expect
      .poll(() => p.locator("#tabs button").allTextContents())
      .toEqual(["Clients", "Transactions", "Requests", "Contracts", "Report"]);
    expect(await p.locator("[data-testid=chart]").count()).toBe(4);
    expect(errors).toEqual([]);
  });

  it("works from the keyboard in Russian", async () => {
    const { p, frame } = await openDashboard("ru", "Панель показателей");
    expect(await frame.locator("h1").textContent()).toBe("Панель показателей Rapport");
    const nps = frame.getByTestId("nps-card");
    expect(await nps.getByTestId("value").textContent()).toBe(`+${expectedNps.toFixed(1).replace(".", ",")}`);
    expect(await nps.getByTestId("n").textContent()).toBe(`n = ${scores.length} ответов`);
    expect(await frame.getByTestId("churn-card").textContent()).toMatch(new RegExp(`за (${lastPeriod.month})`));
    await screenshot(p, "sidebar-dashboard-ru");
    const themes = frame.getByTestId("themes");
    await themes.scrollIntoViewIfNeeded();
    expect(await themes.locator("h2").textContent()).toBe("О чём пишут клиенты");
    expect(await themes.locator("h3").allTextContents()).toEqual(["Критики пишут о", "Промоутеры пишут о"]);
    expect(await themes.getByTestId("theme").first().locator(".meta").textContent()).toBe(
      "в 40,0\u00a0% комментариев критиков и 0,0\u00a0% — промоутеров · здесь: 8",
    );
    await screenshot(p, "sidebar-dashboard-themes-ru");
    const service = frame.getByTestId("service");
    await service.scrollIntoViewIfNeeded();
    expect(await service.locator("h2").textContent()).toBe("Обслуживание");
    expect(await frame.getByTestId("response-card").getByTestId("value").textContent()).toBe(
      `${lastMonthMedian.toFixed(1).replace(".", ",")} ч`,
    );
    await screenshot(p, "sidebar-dashboard-service-ru");
    const renewals = frame.getByTestId("renewals");
    await renewals.scrollIntoViewIfNeeded();
    expect(await renewals.locator("h2").textContent()).toBe("Продления");
    await screenshot(p, "sidebar-dashboard-renewals-ru");
    const funnel = frame.getByTestId("funnel");
    await funnel.scrollIntoViewIfNeeded();
    expect(await funnel.locator("h2").textContent()).toBe("Воронка");
    expect(await funnel.getByTestId("funnel-step").locator(".head").allTextContents()).toEqual(
      ["Клиент", "Повторный", "Постоянный"].map((stage, i) => `${stage}${funnelReached[i]}`),
    );
    await screenshot(p, "sidebar-dashboard-funnel-ru");
    const crossSell = frame.getByTestId("crosssell-card");
    await crossSell.scrollIntoViewIfNeeded();
    expect(await crossSell.textContent()).toContain("чаще всего: Набор дисков");
    await screenshot(p, "sidebar-dashboard-crosssell-ru");
    // Columns in Russian: the working-time fields and the funnel's stage order fit the 300 px panel.
    await frame.getByText("Столбцы", { exact: true }).click();
    expect(await frame.getByLabel("Рабочие часы").isVisible()).toBe(true);
    expect(await frame.getByTestId("stage-order").inputValue()).toBe("Клиент\nПовторный\nПостоянный");
    expect(await frame.getByLabel("Рабочие дни").getAttribute("placeholder")).toBe("Пн-Пт");
    await frame.locator("#fn-sheet").scrollIntoViewIfNeeded();
    expect(await frame.locator("body").evaluate((b) => b.scrollWidth)).toBeLessThanOrEqual(300);
    await screenshot(p, "sidebar-dashboard-columns-ru");
    await frame.getByText("Столбцы", { exact: true }).click();

    // Arrow keys move between the period's radio buttons, as in any radio group.
    await frame.locator('input[value="month"]').focus();
    await frame.locator('input[value="month"]').press("ArrowRight");
    await expect
      .poll(() => frame.getByTestId("churn-card").textContent())
      .toMatch(new RegExp(`за (${lastPeriod.quarter})`));

    await frame.getByRole("button", { name: "Создать отчёт" }).focus();
    await frame.getByRole("button", { name: "Создать отчёт" }).press("Enter");
    await expect
      .poll(() => frame.getByTestId("notice").textContent())
      .toBe("Отчёт записан на лист Report, диаграмм: 4.");
    await expect.poll(() => p.locator('#grid td[data-r="0"][data-c="0"]').textContent()).toBe("Отчёт Rapport");
    await expect.poll(() => p.locator("[data-testid=chart]").count()).toBe(4);
    await screenshot(p, "report-ru");
    await showCharts(p);
    await screenshot(p, "report-charts-ru");
    expect(errors).toEqual([]);
  });

  it("shows placeholder cards and what it is doing until the figures arrive, in both languages", async () => {
    for (const [lang, caption, working] of [
      ["en", "Dashboard", "Reading the sheets…"],
      ["ru", "Панель показателей", "Читаем листы…"],
    ] as const) {
      await placeholdersWhileLoading(lang, caption, working);
    }
  });

  async function placeholdersWhileLoading(lang: "en" | "ru", caption: string, working: string): Promise<void> {
    let page: Page;
    ({ page, errors } = await pages.open(lang, { width: 1280, height: 1400 }));
    // The sidebar's first request for figures is held until the placeholders have been seen.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route("**/rpc", async (route) => {
      if (route.request().postData()?.includes('"fn":"dashboardData"')) await held;
      await route.continue();
    });
    await page.locator("#menu-button").click();
    await page.getByRole("menuitem", { name: caption }).click();
    const frame = page.frameLocator("#sidebar-frame");
    await expect.poll(() => frame.getByTestId("skeleton").isVisible()).toBe(true);
    await expect.poll(() => frame.locator("#status").textContent()).toBe(working);
    await screenshot(page, `sidebar-dashboard-loading-${lang}`);
    release();
    await frame.getByTestId("nps-card").getByTestId("value").waitFor();
    expect(await frame.getByTestId("skeleton").isVisible()).toBe(false);
    expect(await frame.locator("#status").textContent()).toBe("");
    expect(errors).toEqual([]);
    await page.unroute("**/rpc");
  }

  it("says what to do when there is no transactions sheet", async () => {
    const { p, frame } = await openDashboard("en", "Dashboard");
    await frame.getByText("Columns", { exact: true }).click();
    await frame.locator("#tx-sheet").selectOption({ label: "— none —" });
    await frame.getByRole("button", { name: "Use these columns" }).click();
    const problem = frame.getByTestId("problem");
    await problem.waitFor({ state: "visible" });
    expect(await problem.textContent()).toMatch(
      /^No transactions sheet found: add a sheet with client ID, date and amount/,
    );
    // The survey side still shows, and the panel to fix it is open.
    expect(number(await frame.getByTestId("nps-card").getByTestId("value").textContent())).toBeCloseTo(expectedNps, 1);
    expect(await frame.locator("#columns-panel").getAttribute("open")).not.toBeNull();
    await screenshot(p, "sidebar-dashboard-error-en");
    expect(errors).toEqual([]);
  });
});

/** A server function of the preview's Code.js, as google.script.run would call it. */
async function rpc(page: Page, fn: string, ...args: unknown[]): Promise<unknown> {
  const response = await page.request.post(`${inject("previewUrl")}/rpc`, { data: { fn, args } });
  const body = (await response.json()) as { ok: boolean; value: unknown; error?: { message: string } };
  if (!body.ok) throw new Error(`${fn}: ${body.error?.message}`);
  return body.value;
}

for (const [lang, caption, t] of [
  [
    "en",
    "Dashboard",
    { from: "from Clients · NPS score", npsFrom: "NPS from", refresh: "Refresh", n: "n = 2 answers" },
  ],
  [
    "ru",
    "Панель показателей",
    { from: "источник: Клиенты · Оценка NPS", npsFrom: "NPS по данным", refresh: "Обновить", n: "n = 2 ответа" },
  ],
] as const) {
  describe(`Dashboard: the NPS source (${lang})`, () => {
    it("stays on the client list after a first sync, and switches when a person chooses", async () => {
      const { p, frame } = await openDashboard(lang, caption);
      const nps = frame.getByTestId("nps-card");
      expect(await nps.textContent()).toContain(t.from);
      expect(await frame.locator("#nps-source").count()).toBe(0);
      // Two answers to a new survey, synced: one promoter, one detractor.
      await rpc(p, "enrollSpreadsheet", inject("enrollmentKey"));
      const created = (await rpc(p, "createSurvey", surveyForm({ title: "Pulse", anonymous: true }))) as {
        survey: { url: string };
      };
      await answer(created.survey.url, { fields: { score: "10" } });
      await answer(created.survey.url, { fields: { score: "2" } });
      await rpc(p, "syncSurveyAnswers");
      await frame.getByRole("button", { name: t.refresh }).click();
      // The figures stay on the client list's column, and the other source is offered.
      await expect.poll(() => frame.locator("#nps-source").count()).toBe(1);
      expect(number(await nps.getByTestId("value").textContent())).toBeCloseTo(expectedNps, 1);
      expect(await frame.locator("#nps-source").inputValue()).toBe("column");
      await frame.getByLabel(t.npsFrom).selectOption("responses");
      await expect.poll(() => nps.getByTestId("n").textContent()).toBe(t.n);
      expect(number(await nps.getByTestId("value").textContent())).toBe(0);
      await screenshot(p, `sidebar-dashboard-${lang}-nps-source`);
      expect(errors).toEqual([]);
    });
  });
}

for (const [lang, caption, t] of [
  [
    "en",
    "Dashboard",
    {
      summary: "1 row of Clients left out: a cell in that row cannot be read. The figures use the other rows.",
      which: "Which rows",
      example: 'Clients · NPS score, cell E3: "n/a" is not a score from 0 to 10',
      n: `n = ${scores.length - 1} answers`,
    },
  ],
  [
    "ru",
    "Панель показателей",
    {
      summary:
        "1 строка листа «Клиенты» не учтена: в ней есть ячейка, которую не удалось прочитать. Показатели посчитаны по остальным строкам.",
      which: "Какие строки",
      example: "Клиенты · Оценка NPS, ячейка E3: «n/a» не является оценкой от 0 до 10",
      n: `n = ${scores.length - 1} ответов`,
    },
  ],
] as const) {
  describe(`Dashboard: messy data (${lang})`, () => {
    it("computes from the rows it can read and says which it left out", async () => {
      let p: Page;
      ({ page: p, errors } = await pages.open(lang, { width: 1280, height: 2000 }));
      // A person types "n/a" over the second client's 10 (E3), as they would in Sheets.
      await p.locator('#grid td[data-r="2"][data-c="4"]').click();
      await p.keyboard.type("n/a");
      await p.keyboard.press("Enter");
      await expect.poll(() => p.locator('#grid td[data-r="2"][data-c="4"]').textContent()).toBe("n/a");
      await p.locator("#menu-button").click();
      await p.getByRole("menuitem", { name: caption }).click();
      const frame = p.frameLocator("#sidebar-frame");
      const nps = frame.getByTestId("nps-card");
      await expect.poll(() => nps.getByTestId("n").textContent()).toBe(t.n);
      // Worked out here: the client list's scores without that 10.
      const rest = scores.filter((_, i) => i !== 1);
      const restNps = (100 * (rest.filter((s) => s >= 9).length - rest.filter((s) => s <= 6).length)) / rest.length;
      expect(number(await nps.getByTestId("value").textContent())).toBeCloseTo(restNps, 1);
      const skipped = frame.getByTestId("skipped");
      expect(await skipped.locator("p").textContent()).toBe(t.summary);
      await skipped.getByText(t.which).click();
      await expect.poll(() => skipped.locator("li").allTextContents()).toEqual([t.example]);
      // The customer-base figures are still there.
      expect(await frame.getByTestId("aov-card").getByTestId("value").textContent()).not.toBe("");
      await screenshot(p, `sidebar-dashboard-${lang}-skipped-rows`);
      expect(errors).toEqual([]);
    });
  });
}
