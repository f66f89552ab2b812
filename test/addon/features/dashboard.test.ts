import { afterEach, describe, expect, it } from "vitest";
import { FakeDataValidationBuilder } from "../../../addon/harness/dataValidation";
import type { CellValue, Harness } from "../../../addon/harness/index";
import { FakeRange } from "../../../addon/harness/index";
import type { SpreadsheetInit } from "../../../addon/harness/spreadsheet";
import {
  DEMO_PRODUCTS,
  demoContracts,
  demoProductIndex,
  demoRequests,
  demoWorkbook,
  lastDemoDate,
  readDemoClients,
} from "../../../addon/preview/demoWorkbook";
import type {
  DashboardColumnsChoice,
  DashboardView,
  ReportResult,
  SheetOption,
} from "../../../addon/src/features/dashboard/shapes";
import { CDNOW_EXTRACT_PATH, readCdnow } from "../../../scripts/lib/cdnow";
import { responsesHeader } from "../../../shared/sheets/responses";
import { type RefTx, refCustomerFigures } from "../../shared/dashboard/reference";
import { errorOf, loadAddon } from "../helpers";

const utcDay = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
const date = (iso: string) => new Date(`${iso}T00:00:00Z`);

// Reference values worked out from the committed demo data, without the add-on's code.
const clients = readDemoClients();
const scores = clients.map((c) => c.score).filter((s): s is number => s !== null);
const demoNps = (100 * (scores.filter((s) => s >= 9).length - scores.filter((s) => s <= 6).length)) / scores.length;
const cdnow = readCdnow(CDNOW_EXTRACT_PATH);
const refTx: RefTx[] = cdnow.map((r) => ({ id: Number(r.customerId), day: utcDay(r.date), amount: r.amount }));
const refMonth = refCustomerFigures(refTx, "month");
const refQuarter = refCustomerFigures(refTx, "quarter");

function demo(locale: "en" | "ru" = "en"): Harness {
  const addon = loadAddon({ spreadsheet: demoWorkbook({ locale }), userLocale: locale });
  addon.trigger("onOpen");
  return addon;
}

const data = (addon: Harness, period: string | null = null) => addon.run("dashboardData", period) as DashboardView;
const sheetNamed = (view: DashboardView, name: string) =>
  view.sources.sheets.find((s) => s.name === name) as SheetOption;

function workbook(sheets: NonNullable<SpreadsheetInit["sheets"]>, locale = "en_US"): SpreadsheetInit {
  return { name: "Fixture", locale, timeZone: "Etc/UTC", sheets };
}

const CLIENTS: CellValue[][] = [
  ["Client ID", "Name", "NPS score"],
  [1, "Ann", 9],
  [2, "Bob", 3],
];
const TRANSACTIONS: CellValue[][] = [
  ["Client ID", "Date", "Amount"],
  [1, date("2024-01-05"), 10],
  [1, date("2024-02-04"), 20],
  [2, date("2024-01-20"), 30],
  [2, date("2024-03-31"), 40],
];

/** A Responses sheet as survey sync writes it: headers in `locale`, one row per answer. */
function responses(locale: "en" | "ru", answers: [string, number | string, string, string?, string?][]): CellValue[][] {
  return [
    responsesHeader(locale),
    ...answers.map(([type, score, day, flags = "", comment = ""], i) => [
      `r${i + 1}`,
      "s1",
      "Survey",
      type,
      String((i % 2) + 1),
      score,
      comment,
      locale,
      true,
      flags,
      day ? date(day) : "",
      "",
    ]),
  ];
}

describe("menu", () => {
  it("has the team's sidebars first, in the user's language, without authorization on open", () => {
    for (const [locale, captions] of [
      [
        "en",
        [
          "Dashboard",
          "Surveys",
          "Send survey by email",
          "Segments",
          "Client card",
          "—",
          "NPS of selection",
          "—",
          "Settings",
          "Help",
        ],
      ],
      [
        "ru",
        [
          "Панель показателей",
          "Опросы",
          "Отправить опрос по почте",
          "Сегменты",
          "Карточка клиента",
          "—",
          "NPS выделенного диапазона",
          "—",
          "Настройки",
          "Справка",
        ],
      ],
    ] as const) {
      const addon = loadAddon({ userLocale: locale });
      addon.trigger("onOpen");
      const items = addon.ui.menus[0]?.items ?? [];
      expect(addon.ui.menus[0]?.title).toBe("Rapport");
      expect(items.map((i) => i.caption)).toEqual(captions);
      expect(items.map((i) => i.functionName)).toEqual([
        "showDashboard",
        "showSurveys",
        "showSend",
        "showSegments",
        "showClientCard",
        null,
        "showNpsSidebar",
        null,
        "showSettings",
        "showHelp",
      ]);
      expect(addon.fetchLog).toHaveLength(0);
      expect(addon.documentProperties.data.size).toBe(0);
    }
  });

  it("opens the dashboard sidebar in the user's language", () => {
    const addon = demo("ru");
    addon.clickMenu("Панель показателей");
    const sidebar = addon.ui.sidebars.at(-1);
    expect(sidebar?.getTitle()).toBe("Панель показателей Rapport");
    expect(sidebar?.getContent()).toContain('data-rapport-locale="ru"');
    expect(sidebar?.getContent()).toContain('id="columns-form"');
  });
});

describe("dashboard on the demo workbook", () => {
  it("finds the sheets and columns and shows every figure with its n", () => {
    const addon = demo();
    const view = data(addon);
    expect(view.period).toBe("month");
    expect(view.problems).toEqual([]);
    const tx = sheetNamed(view, "Transactions");
    const cl = sheetNamed(view, "Clients");
    expect(view.sources.transactions).toBe(tx.sheetId);
    expect(view.sources.scores).toBe(cl.sheetId);
    expect(view.sources.responses).toBeNull();
    expect(tx.mapping).toMatchObject({ clientId: 1, date: 2, amount: 4 });
    expect(cl.mapping).toMatchObject({ clientId: 1, score: 5, date: 6, comment: 7 });
    expect(tx.remembered).toBe(false);

    expect(view.nps?.value).toBeCloseTo(demoNps, 10);
    expect(view.nps?.n).toBe(scores.length);
    expect(view.nps?.lower).toBeLessThan(demoNps);
    expect(view.nps?.upper).toBeGreaterThan(demoNps);
    expect(view.nps?.source).toBe("Clients · NPS score");
    expect(view.csat).toBeNull();
    expect(view.ces).toBeNull();

    const c = view.customers;
    expect(c?.repeatRate.value).toBeCloseTo(refMonth.repeatRate, 12);
    expect(c?.repeatRate.n).toBe(refMonth.customers);
    expect(c?.aov?.value).toBeCloseTo(refMonth.aov, 9);
    expect(c?.aov?.n).toBe(cdnow.length);
    expect(c?.churn?.period).toBe(refMonth.churn?.label);
    expect(c?.churn?.value).toBeCloseTo(refMonth.churn?.value as number, 12);
    expect(c?.churn?.n).toBe(refMonth.churn?.n);
    expect(c?.churn?.smallSample).toBe((refMonth.churn?.n as number) < 100);
    expect(c?.retention?.value).toBeCloseTo(refMonth.retention as number, 12);
    expect(c?.clv?.value).toBeCloseTo(refMonth.clv as number, 6);
    expect(view.trend.map((r) => r.period)).toEqual(refMonth.rows.map((r) => r.label));
    expect(view.trend.at(-1)?.partial).toBe(true);
    // NPS and churn raise none; the demo's requests slow down in its last month (tested below).
    expect(view.alerts.map((a) => a.kind)).toEqual(["response"]);
    expect(view.comments).toHaveLength(5);
    expect(view.definitions[2]).toContain(`after ${refMonth.inactive} days`);
  });

  it("trends by quarter when asked and remembers the choice", () => {
    const addon = demo();
    const view = data(addon, "quarter");
    expect(view.period).toBe("quarter");
    expect(view.trend.map((r) => r.period)).toEqual(refQuarter.rows.map((r) => r.label));
    expect(view.customers?.churn?.period).toBe("1998-Q1");
    expect(view.customers?.churn?.value).toBeCloseTo(refQuarter.churn?.value as number, 12);
    expect(data(addon).period).toBe("quarter");
    expect(errorOf(() => data(addon, "week"))).toBe('The period must be "month" or "quarter"; got "week".');
  });

  it("reads the Russian workbook and speaks Russian", () => {
    const view = data(demo("ru"));
    expect(view.problems).toEqual([]);
    expect(view.nps?.source).toBe("Клиенты · Оценка NPS");
    expect(view.nps?.value).toBeCloseTo(demoNps, 10);
    expect(view.customers?.churn?.value).toBeCloseTo(refMonth.churn?.value as number, 12);
    expect(view.definitions[2]).toContain(`после ${refMonth.inactive} дн. без покупок`);
    expect(errorOf(() => data(demo("ru"), "год"))).toBe("Период должен быть «month» или «quarter»; получено «год».");
  });
});

describe("correcting the columns", () => {
  const choice = (view: DashboardView, amount: number | null, date = 2): DashboardColumnsChoice => ({
    transactions: { sheetId: sheetNamed(view, "Transactions").sheetId, clientId: 1, date, amount },
    scores: { sheetId: sheetNamed(view, "Clients").sheetId, score: 5, date: 6, comment: 7 },
  });

  it("remembers a corrected column per sheet and can detect again", () => {
    const addon = demo();
    const before = data(addon);
    // A person says the amount is column C (CDs): the average order becomes the mean of CDs.
    const after = addon.run("saveDashboardColumns", choice(before, 3), null) as DashboardView;
    const meanCds = cdnow.reduce((s, r) => s + r.cds, 0) / cdnow.length;
    expect(after.customers?.aov?.value).toBeCloseTo(meanCds, 10);
    const tx = sheetNamed(after, "Transactions");
    expect(tx.mapping.amount).toBe(3);
    expect(tx.remembered).toBe(true);
    expect(JSON.parse(addon.documentProperties.getProperty(`rapport.columns.${tx.sheetId}`) ?? "{}")).toMatchObject({
      clientId: 1,
      date: 2,
      amount: 3,
    });
    // Remembered for later calls (a new execution reads document properties again).
    expect(data(addon).customers?.aov?.value).toBeCloseTo(meanCds, 10);
    const reset = addon.run("resetDashboardColumns", null) as DashboardView;
    expect(sheetNamed(reset, "Transactions").mapping.amount).toBe(4);
    expect(sheetNamed(reset, "Transactions").remembered).toBe(false);
    expect(reset.customers?.aov?.value).toBeCloseTo(refMonth.aov, 9);
  });

  it("refuses one column for two roles, an unknown sheet or column, and a malformed choice", () => {
    const addon = demo();
    const view = data(addon);
    expect(errorOf(() => addon.run("saveDashboardColumns", choice(view, 2), null))).toBe(
      "Transactions: column B cannot be both Date and Amount; choose different columns.",
    );
    const gone = { ...choice(view, 4), transactions: { ...choice(view, 4).transactions, sheetId: 99 } };
    expect(errorOf(() => addon.run("saveDashboardColumns", gone, null))).toBe(
      "The chosen sheet no longer exists (id 99); choose another sheet under Columns.",
    );
    expect(errorOf(() => addon.run("saveDashboardColumns", choice(view, 40), null))).toBe(
      "Transactions has no column 40; choose one of its columns.",
    );
    expect(errorOf(() => addon.run("saveDashboardColumns", { transactions: 1 }, null))).toBe(
      "The column choice sent by the sidebar is not valid; reopen the dashboard and try again.",
    );
    // Nothing was remembered by the refused calls.
    expect([...addon.documentProperties.data.keys()].filter((k) => k.startsWith("rapport.columns."))).toEqual([]);
  });

  it("says what to do when a needed column or the transactions sheet is missing", () => {
    const addon = demo();
    const view = data(addon);
    const noAmount = addon.run("saveDashboardColumns", choice(view, null), null) as DashboardView;
    expect(noAmount.problems).toEqual(["Transactions: choose the Amount column under Columns."]);
    expect(noAmount.customers).toBeNull();
    expect(noAmount.nps?.n).toBe(scores.length);
    const none = addon.run(
      "saveDashboardColumns",
      { ...choice(view, 4), transactions: { sheetId: null, clientId: null, date: null, amount: null } },
      null,
    ) as DashboardView;
    expect(none.sources.transactions).toBeNull();
    expect(none.problems[0]).toMatch(/^No transactions sheet found: add a sheet with client ID, date and amount/);
    expect(none.nps?.value).toBeCloseTo(demoNps, 10);
  });
});

describe("error paths", () => {
  it("leaves out a row it cannot read, names its cell, and computes from the other rows", () => {
    // Ten purchases, one date mistyped: the column is still recognised as dates.
    const rows: CellValue[][] = [["Client ID", "Date", "Amount"]];
    for (let i = 1; i <= 10; i++) rows.push([i % 3, date(`2024-01-${String(i + 10)}`), 10 * i]);
    (rows[7] as CellValue[])[1] = "soon";
    const addon = loadAddon({
      spreadsheet: workbook([
        { name: "Clients", rows: CLIENTS },
        { name: "Sales", rows },
      ]),
    });
    const view = data(addon);
    expect(view.problems).toEqual([]);
    expect(view.skipped).toEqual([
      {
        summary: "1 row of Sales left out: a cell in that row cannot be read. The figures use the other rows.",
        examples: [
          'Sales · Date, cell B8: "soon" is not a date; use a date cell or text such as 2024-03-01 or 01.03.2024',
        ],
        more: 0,
      },
    ]);
    // The other nine purchases: 10, 20, …, 100 without the 70 of the unreadable row.
    expect(view.customers?.aov).toMatchObject({ n: 9 });
    expect(view.customers?.aov?.value).toBeCloseTo((550 - 70) / 9, 10);
    expect(view.nps).toMatchObject({ value: 0, n: 2, smallSample: true });
    // The report made from these figures says so too, with the first cell to look at.
    addon.run("createReport", null);
    const report = addon.spreadsheet.getSheetByName("Report")?.getDataRange().getValues().flat();
    expect(report).toContain(
      "1 row of Sales left out: a cell in that row cannot be read. The figures use the other rows.",
    );
    expect(report).toContain(
      'Sales · Date, cell B8: "soon" is not a date; use a date cell or text such as 2024-03-01 or 01.03.2024',
    );
  });

  it("finds no transactions sheet in a workbook without one, and has nothing to report without any data", () => {
    const addon = loadAddon({ spreadsheet: workbook([{ name: "Notes", rows: [["Text"], ["hello"]] }]) });
    const view = data(addon);
    expect(view.sources.transactions).toBeNull();
    expect(view.nps).toBeNull();
    expect(view.problems).toHaveLength(1);
    expect(errorOf(() => addon.run("createReport", null))).toMatch(
      /^Nothing to report yet: No transactions sheet found: add a sheet/,
    );
    expect(addon.spreadsheet.getSheetByName("Report")).toBeNull();
  });
});

describe("the Responses sheet", () => {
  const answers: [string, number | string, string, string?, string?][] = [
    ["nps", 10, "2024-03-01", "", "Great"],
    ["nps", 9, "2024-03-02"],
    ["nps", 7, "2024-03-03", "too_fast"],
    ["nps", 2, "2024-03-04", "", "=Too slow"],
    ["nps", "", "2024-03-05"],
    ["csat", 5, "2024-03-01"],
    ["csat", 4, "2024-03-02"],
    ["csat", 2, "2024-03-02"],
    ["ces", 3, "2024-03-01"],
    ["ces", 6, "2024-03-02"],
    ["csi", 70, "2024-03-01"],
  ];

  it("gives NPS, CSAT and CES per survey type, ahead of the client list's score column", () => {
    for (const locale of ["en", "ru"] as const) {
      const addon = loadAddon({
        userLocale: locale,
        spreadsheet: workbook([
          { name: "Clients", rows: CLIENTS },
          { name: "Transactions", rows: TRANSACTIONS },
          { name: "Responses", rows: responses(locale, answers) },
        ]),
      });
      const view = data(addon);
      expect(view.problems).toEqual([]);
      // NPS over 10, 9, 2 (the flagged 7 left out, as the Surveys sidebar does): (2 − 1) / 3.
      expect(view.nps).toMatchObject({ n: 3, promoters: 2, passives: 0, detractors: 1, flagged: 1 });
      expect(view.nps?.value).toBeCloseTo(100 / 3, 10);
      expect(view.nps?.source).toBe(
        locale === "en" ? "all synced NPS surveys (Responses)" : "все загруженные опросы NPS (Responses)",
      );
      // The client list's column is the other source there is.
      expect(view.npsSources.map((s) => [s.key, s.n])).toEqual([
        ["responses", 3],
        ["column", 2],
      ]);
      // CSAT: 2 of 3 at 4–5. CES: mean of 3 and 6.
      expect(view.csat).toEqual({ value: 2 / 3, n: 3, smallSample: true, flagged: 0 });
      expect(view.ces).toEqual({ value: 4.5, n: 2, smallSample: true, flagged: 0 });
      expect(view.sources.responses).toEqual({ sheet: "Responses", answers: 9, nps: 4, csat: 3, ces: 2 });
      expect(view.comments.map((c) => c.text)).toEqual(["=Too slow", "Great"]);
      expect(view.trend.find((r) => r.period === "2024-03")).toMatchObject({ npsN: 3 });
    }
  });

  it("keeps the NPS source it showed when another appears, until a person chooses", () => {
    const sheets = [
      { name: "Clients", rows: CLIENTS },
      { name: "Transactions", rows: TRANSACTIONS },
    ];
    const addon = loadAddon({ spreadsheet: workbook(sheets) });
    const before = data(addon);
    expect(before.npsSource).toBe("column");
    expect(before.nps).toMatchObject({ n: 2, value: 0, source: "Clients · NPS score" });
    // A first sync brings survey answers: the Dashboard stays on the column, and offers both.
    const responsesSheet = addon.spreadsheet.insertSheet("Responses");
    const rows = responses("en", answers);
    responsesSheet.getRange(1, 1, rows.length, (rows[0] as CellValue[]).length).setValues(rows);
    const after = data(addon);
    expect(after.npsSource).toBe("column");
    expect(after.nps?.n).toBe(2);
    expect(after.npsSources.map((s) => s.key)).toEqual(["responses", "column"]);
    // Chosen: the synced surveys, remembered for the next view (and the report and the digest).
    expect((addon.run("chooseNpsSource", "responses", null) as DashboardView).nps).toMatchObject({ n: 3, flagged: 1 });
    expect(data(addon).npsSource).toBe("responses");
    expect(errorOf(() => addon.run("chooseNpsSource", "everything", null))).toMatch(/./);
  });

  it("leaves out a score outside its scale, names its cell, and counts the other answers", () => {
    const bad = answers.map((a) => a.slice()) as typeof answers;
    (bad[2] as (typeof answers)[number])[1] = 12;
    const addon = loadAddon({
      spreadsheet: workbook([
        { name: "Clients", rows: CLIENTS },
        { name: "Transactions", rows: TRANSACTIONS },
        { name: "Responses", rows: responses("en", bad) },
      ]),
    });
    const view = data(addon);
    expect(view.problems).toEqual([]);
    expect(view.skipped).toEqual([
      {
        summary: "1 row of Responses left out: a cell in that row cannot be read. The figures use the other rows.",
        examples: ["Responses · Score, cell F4: 12 is outside the scale 0 to 10"],
        more: 0,
      },
    ]);
    // 10, 9 and 2 (the row of the 12 left out): (2 − 1) / 3; CSAT is untouched.
    expect(view.nps).toMatchObject({ n: 3, promoters: 2, passives: 0, detractors: 1, flagged: 0 });
    expect(view.nps?.source).toBe("all synced NPS surveys (Responses)");
    expect(view.csat).toMatchObject({ n: 3 });
  });

  it("raises an NPS alert when the score falls significantly between the last two periods", () => {
    const rows: [string, number, string][] = [
      ...Array.from({ length: 60 }, (_, i) => ["nps", i < 40 ? 10 : 2, "2024-02-10"] as [string, number, string]),
      ...Array.from({ length: 60 }, (_, i) => ["nps", i < 15 ? 10 : 2, "2024-03-10"] as [string, number, string]),
    ];
    const addon = loadAddon({
      spreadsheet: workbook([
        { name: "Transactions", rows: TRANSACTIONS },
        { name: "Responses", rows: responses("en", rows) },
      ]),
    });
    const view = data(addon);
    expect(view.alerts).toHaveLength(1);
    expect(view.alerts[0]?.kind).toBe("nps");
    expect(view.alerts[0]?.message).toBe(
      "NPS fell from +33.3 in 2024-02 to −50.0 in 2024-03 (−83.3 points, p < 0.001): read the detractors' comments and call them back.",
    );
    expect(view.alerts[0]?.smallSample).toBe(true);
  });
});

describe("churn alert", () => {
  it("fires when churn jumps in the last complete period", () => {
    // 200 clients buy on Jan 1, Jan 31 and Mar 1 (30-day gaps, so lost after 30 days); half buy
    // again on Mar 31. February loses nobody; March loses the 100 who stopped.
    const rows: CellValue[][] = [["Client ID", "Date", "Amount"]];
    for (let c = 1; c <= 200; c++) {
      for (const d of ["2024-01-01", "2024-01-31", "2024-03-01"]) rows.push([c, date(d), 10]);
      if (c <= 100) rows.push([c, date("2024-03-31"), 10]);
    }
    const addon = loadAddon({ userLocale: "ru", spreadsheet: workbook([{ name: "Transactions", rows }], "ru_RU") });
    const view = data(addon);
    expect(view.customers?.churn).toEqual({ value: 0.5, n: 200, smallSample: false, period: "2024-03" });
    expect(view.alerts.map((a) => a.message)).toEqual([
      "Отток вырос скачком с 0,0\u00a0% в 2024-02 до 50,0\u00a0% в 2024-03 (p < 0,001): свяжитесь с ушедшими клиентами.",
    ]);
  });
});

describe("the Report sheet", () => {
  let restore: (() => void) | null = null;
  afterEach(() => {
    restore?.();
    restore = null;
  });

  /** Counts the writing calls made on every range while `fn` runs. */
  function countWrites(fn: () => void): Record<string, number> {
    const proto = FakeRange.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
    const methods = ["setValues", "setValue", "setNumberFormats", "setNumberFormat", "setFontWeights", "setFontWeight"];
    const originals = new Map(methods.map((m) => [m, proto[m]]));
    const calls: Record<string, number> = {};
    for (const m of methods) {
      proto[m] = function (this: unknown, ...a: unknown[]) {
        calls[m] = (calls[m] ?? 0) + 1;
        return originals.get(m)?.apply(this, a);
      };
    }
    restore = () => {
      for (const [m, original] of originals) proto[m] = original as never;
    };
    fn();
    restore();
    restore = null;
    return calls;
  }

  const chartsOf = (addon: Harness, name = "Report") =>
    (addon.spreadsheet.getSheetByName(name)?.getCharts() ?? []).map((c) => c.describe());

  it("writes the figures and native charts in one block, and shows the sheet", () => {
    const addon = demo();
    let result: ReportResult | undefined;
    const writes = countWrites(() => {
      result = addon.run("createReport", "month") as ReportResult;
    });
    // One block of values, one of formats, one of font weights: nothing cell by cell.
    expect(writes).toEqual({ setValues: 1, setNumberFormats: 1, setFontWeights: 1 });
    expect(result).toEqual({
      sheet: "Report",
      created: true,
      charts: 4,
      message: "Report written to the sheet Report with 4 charts.",
    });
    const sheet = addon.spreadsheet.getSheetByName("Report");
    expect(addon.spreadsheet.getActiveSheet()).toBe(sheet);
    const values = sheet?.getDataRange().getValues() ?? [];
    expect(values[0]?.[0]).toBe("Rapport report");
    const row = (label: string) => values.find((r) => r[0] === label) ?? [];
    expect(row("NPS (points)")[1]).toBeCloseTo(demoNps, 10);
    expect(row("NPS (points)")[4]).toBe(scores.length);
    expect(row(`Churn rate (${refMonth.churn?.label})`)[1]).toBeCloseTo(refMonth.churn?.value as number, 12);
    expect(row(`Churn rate (${refMonth.churn?.label})`)[6]).toBe("n < 100: may move a lot by chance");
    expect(row("CLV (simple)")[1]).toBeCloseTo(refMonth.clv as number, 6);
    const display = sheet?.getDataRange().getDisplayValues() ?? [];
    expect(display.find((r) => r[0] === "Repeat rate")?.[1]).toBe(`${(100 * refMonth.repeatRate).toFixed(1)}%`);
    // Period labels stay text ("1997-01", not a date), as written behind an apostrophe.
    const header = values.findIndex((r) => r[0] === "Period");
    expect(values[header + 1]?.[0]).toBe("1997-01");
    const charts = chartsOf(addon);
    expect(charts.map((c) => [c.type, c.title])).toEqual([
      ["LINE", "NPS by month"],
      ["LINE", "Churn rate by month"],
      ["COLUMN", "Revenue by month"],
      ["PIE", "NPS breakdown"],
    ]);
    const last = header + refMonth.rows.length + 1;
    expect(charts[0]?.ranges).toEqual([`Report!A${header + 1}:A${last}`, `Report!B${header + 1}:B${last}`]);
    expect(charts[1]?.ranges).toEqual([`Report!A${header + 1}:A${last}`, `Report!D${header + 1}:D${last}`]);
    // The dashboard does not take its own report for a data sheet.
    expect(data(addon).sources.transactions).toBe(sheetNamed(data(addon), "Transactions").sheetId);
  });

  it("updates the same sheet and the same charts when run again", () => {
    const addon = demo();
    addon.run("createReport", "month");
    const sheetsBefore = addon.spreadsheet.getSheets().length;
    const ids = chartsOf(addon).map((c) => c.id);
    const again = addon.run("createReport", "quarter") as ReportResult;
    expect(again.created).toBe(false);
    expect(addon.spreadsheet.getSheets()).toHaveLength(sheetsBefore);
    const charts = chartsOf(addon);
    expect(charts.map((c) => c.id)).toEqual(ids);
    expect(charts[0]?.title).toBe("NPS by quarter");
    const values = addon.spreadsheet.getSheetByName("Report")?.getDataRange().getValues() ?? [];
    const header = values.findIndex((r) => r[0] === "Period");
    expect(charts[0]?.ranges[0]).toBe(`Report!A${header + 1}:A${header + 1 + refQuarter.rows.length}`);
    // Nothing left over from the longer monthly table.
    expect(values.filter((r) => /^\d{4}-\d{2}$/.test(String(r[0])))).toEqual([]);
    // In Russian, after a rename: still the same sheet and charts.
    addon.spreadsheet.getSheetByName("Report")?.setName("Мой отчёт");
    addon.setUserLocale("ru");
    const ru = addon.run("createReport", "month") as ReportResult;
    expect(ru).toMatchObject({ sheet: "Мой отчёт", created: false, charts: 4 });
    expect(addon.spreadsheet.getSheets()).toHaveLength(sheetsBefore);
    expect(chartsOf(addon, "Мой отчёт").map((c) => [c.id, c.title])).toEqual([
      [ids[0], "NPS по месяцам"],
      [ids[1], "Отток по месяцам"],
      [ids[2], "Выручка по месяцам"],
      [ids[3], "Структура NPS"],
    ]);
  });

  it("finds its sheet and charts by name and title when the document properties are gone", () => {
    const addon = demo();
    addon.run("createReport", "month");
    const ids = chartsOf(addon).map((c) => c.id);
    for (const key of [...addon.documentProperties.data.keys()]) {
      if (key.startsWith("rapport.report.")) addon.documentProperties.deleteProperty(key);
    }
    expect((addon.run("createReport", "month") as ReportResult).created).toBe(false);
    expect(chartsOf(addon).map((c) => c.id)).toEqual(ids);
  });

  it("leaves a person's own Report sheet alone", () => {
    const init = demoWorkbook();
    init.sheets?.push({ name: "Report", rows: [["Quarterly notes"], ["Keep me"]] });
    const addon = loadAddon({ spreadsheet: init });
    const result = addon.run("createReport", "month") as ReportResult;
    expect(result).toMatchObject({ sheet: "Report (2)", created: true });
    expect(addon.spreadsheet.getSheetByName("Report")?.getDataRange().getValues()).toEqual([
      ["Quarterly notes"],
      ["Keep me"],
    ]);
    expect(chartsOf(addon)).toEqual([]);
  });

  it("removes the charts it no longer draws", () => {
    const addon = demo();
    const view = data(addon);
    addon.run("createReport", "month");
    addon.run(
      "saveDashboardColumns",
      {
        transactions: { sheetId: sheetNamed(view, "Transactions").sheetId, clientId: 1, date: 2, amount: 4 },
        scores: { sheetId: null, score: null, date: null, comment: null },
      },
      null,
    );
    const result = addon.run("createReport", "month") as ReportResult;
    expect(result.charts).toBe(2);
    expect(chartsOf(addon).map((c) => c.title)).toEqual(["Churn rate by month", "Revenue by month"]);
    const values = addon.spreadsheet.getSheetByName("Report")?.getDataRange().getValues() ?? [];
    expect(values.find((r) => r[0] === "NPS (points)")?.[6]).toMatch(/^No NPS answers yet/);
  });
});

describe("Dashboard: service", () => {
  /** A naive per-month median of the demo's first-answer hours, straight from the generator. */
  function referenceMonths() {
    const months = new Map<string, number[]>();
    for (const r of demoRequests(
      lastDemoDate(),
      readDemoClients().map((c) => c.id),
    )) {
      const month = r.openedDay.slice(0, 7);
      const list = months.get(month) ?? [];
      if (r.responseHours !== null) list.push(r.responseHours);
      months.set(month, list);
    }
    const median = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      const mid = (sorted.length - 1) / 2;
      return ((sorted[Math.floor(mid)] as number) + (sorted[Math.ceil(mid)] as number)) / 2;
    };
    return [...months.entries()].map(([month, hours]) => ({ month, answered: hours.length, median: median(hours) }));
  }

  it("finds the Requests sheet and gives first-answer times per month, with the slowdown alert", () => {
    const view = data(demo());
    const requests = sheetNamed(view, "Requests");
    expect(view.sources.requests).toBe(requests.sheetId);
    expect(requests.requests).toEqual({ opened: 3, firstResponse: 4, resolved: 5 });
    const service = view.service;
    expect(service?.source).toBe("Requests · Opened");
    const reference = referenceMonths();
    // The demo keeps CDNOW's dates: periods are labelled by its calendar.
    expect(service?.periods.map((p) => [p.period, p.answered])).toEqual(reference.map((r) => [r.month, r.answered]));
    for (const [i, r] of reference.entries()) expect(service?.periods[i]?.medianResponse).toBeCloseTo(r.median, 9);
    // Who contacted support in the last month: its distinct clients, of the demo's customers.
    const lastMonth = reference[reference.length - 1]?.month;
    const lastClients = new Set(
      demoRequests(
        lastDemoDate(),
        readDemoClients().map((c) => c.id),
      )
        .filter((r) => r.openedDay.startsWith(lastMonth as string))
        .map((r) => r.clientId),
    );
    const customers = new Set(cdnow.map((r) => r.customerId)).size;
    expect(service?.contacts).toMatchObject({ period: lastMonth, clients: lastClients.size, of: customers });
    expect(service?.contacts?.share).toBeCloseTo(lastClients.size / customers, 12);
    const alert = view.alerts.find((a) => a.kind === "response");
    expect(alert?.message).toMatch(
      /^First answers slowed: the median went from [\d.]+ h in 1998-05 to [\d.]+ h in 1998-06/,
    );
  });

  it("takes a person's choice of request columns and forgets it on Detect again", () => {
    const addon = demo();
    const view = data(addon);
    const requests = sheetNamed(view, "Requests");
    const choice: DashboardColumnsChoice = {
      transactions: { sheetId: view.sources.transactions, clientId: 1, date: 2, amount: 4 },
      scores: { sheetId: view.sources.scores, score: 5, date: 6, comment: 7 },
      requests: { sheetId: requests.sheetId, opened: 3, firstResponse: null, resolved: 5 },
    };
    const after = addon.run("saveDashboardColumns", choice, null) as DashboardView;
    expect(sheetNamed(after, "Requests").requests).toEqual({ opened: 3, firstResponse: null, resolved: 5 });
    expect(sheetNamed(after, "Requests").requestsRemembered).toBe(true);
    expect(after.service?.hasResponse).toBe(false);
    expect(after.service?.hasResolution).toBe(true);
    const same = { ...choice, requests: { sheetId: requests.sheetId, opened: 3, firstResponse: 3, resolved: 5 } };
    expect(errorOf(() => addon.run("saveDashboardColumns", same, null))).toMatch(/column C/i);
    const reset = addon.run("resetDashboardColumns", null) as DashboardView;
    expect(sheetNamed(reset, "Requests").requests.firstResponse).toBe(4);
    expect(sheetNamed(reset, "Requests").requestsRemembered).toBe(false);
  });

  it("leaves out a request it cannot read and says which", () => {
    const init = workbook([
      {
        name: "Tickets",
        rows: [
          ["Ticket", "Opened", "First response"],
          ["T1", new Date("2024-03-04T09:00:00Z"), new Date("2024-03-04T10:30:00Z")],
          ["T2", "soon", new Date("2024-03-04T11:00:00Z")],
          ["T3", new Date("2024-03-05T09:00:00Z"), new Date("2024-03-05T09:30:00Z")],
          ["T4", new Date("2024-03-06T09:00:00Z"), new Date("2024-03-06T11:00:00Z")],
          ["T5", new Date("2024-03-07T09:00:00Z"), ""],
        ],
      },
    ]);
    const addon = loadAddon({ spreadsheet: init });
    const view = data(addon);
    // Answered after 1.5, 0.5 and 2 hours: the median is 1.5; T5 is still waiting.
    expect(view.service?.periods.map((p) => [p.period, p.requests, p.answered, p.medianResponse])).toEqual([
      ["2024-03", 4, 3, 1.5],
    ]);
    expect(view.skipped[0]?.summary).toMatch(/^1 row of Tickets left out/);
    expect(view.skipped[0]?.examples[0]).toMatch(/^Tickets · Opened, cell B3: "soon" is not a date/);
  });
});

describe("Dashboard: request rows left out", () => {
  it("counts a row once however many of its cells cannot be read", () => {
    const at = (iso: string) => new Date(`${iso}:00Z`);
    const init = workbook([
      {
        name: "Tickets",
        rows: [
          ["Ticket", "Client ID", "Opened", "First response", "Resolved"],
          ["T1", 1, at("2024-03-04T09:00"), at("2024-03-04T10:00"), at("2024-03-04T12:00")],
          // Both times unreadable: one row left out, not two.
          ["T2", 2, at("2024-03-04T09:00"), "soon", "later"],
          // Opening unreadable: every reading meets it, still one row.
          ["T3", "#N/A", "Monday", at("2024-03-05T10:00"), at("2024-03-05T12:00")],
          ["T4", 3, at("2024-03-06T09:00"), at("2024-03-06T11:00"), ""],
          ["T5", 4, at("2024-03-07T09:00"), at("2024-03-07T09:30"), at("2024-03-07T10:00")],
          ["T6", 5, at("2024-03-08T09:00"), at("2024-03-08T09:30"), at("2024-03-08T10:00")],
        ],
      },
    ]);
    const view = data(loadAddon({ spreadsheet: init }));
    expect(view.service?.periods.map((p) => [p.requests, p.answered])).toEqual([[4, 4]]);
    expect(view.skipped[0]?.summary).toMatch(/^2 rows of Tickets left out/);
    expect(view.skipped[0]?.examples).toEqual([
      expect.stringMatching(/^Tickets · First response, cell D3: "soon"/),
      expect.stringMatching(/^Tickets · Opened, cell C4: "Monday"/),
    ]);
  });
});

describe("Dashboard: upsell and returns", () => {
  it("gives the demo's upsell as a naive count of its transactions does, and says it has no returns", () => {
    // Naive: each client's first month spend against each later month's; upsold at +10 %.
    const byClient = new Map<string, Map<string, number>>();
    for (const r of cdnow) {
      const months = byClient.get(r.customerId) ?? new Map<string, number>();
      months.set(r.date.slice(0, 7), (months.get(r.date.slice(0, 7)) ?? 0) + r.amount);
      byClient.set(r.customerId, months);
    }
    let clients = 0;
    let returned = 0;
    let upsold = 0;
    for (const months of byClient.values()) {
      const [first, ...later] = [...months.entries()].sort((a, b) => a[0].localeCompare(b[0]));
      const base = (first as [string, number])[1];
      if (!(base > 0)) continue;
      clients++;
      if (later.length > 0) returned++;
      if (later.some(([, spend]) => spend >= base * 1.1 - 1e-9)) upsold++;
    }
    const view = data(demo(), "month");
    expect(view.customers?.upsell).toMatchObject({ n: clients, returning: { n: returned } });
    expect(view.customers?.upsell?.value).toBeCloseTo(upsold / clients, 12);
    expect(view.customers?.returns).toBeNull();
  });
});

describe("Dashboard: renewals", () => {
  it("finds the Contracts sheet and gives the renewal rates a naive count of the demo's contracts gives", () => {
    // The harness's today is long after CDNOW's 1998: every contract is due, a blank one lapsed.
    const contracts = demoContracts(
      lastDemoDate(),
      readDemoClients().map((c) => c.id),
    );
    let renewed = 0;
    let onTime = 0;
    let lapsed = 0;
    for (const c of contracts) {
      if (c.renewed === true || (typeof c.renewed === "string" && c.renewed <= c.end)) onTime++;
      if (c.renewed === true || typeof c.renewed === "string") renewed++;
      else lapsed++;
    }
    const view = data(demo());
    expect(view.sources.contracts).toBe(sheetNamed(view, "Contracts").sheetId);
    expect(sheetNamed(view, "Contracts").contracts).toEqual({ contractEnd: 3, renewed: 4 });
    expect(view.renewals?.source).toBe("Contracts · Contract end");
    expect(view.renewals?.total).toMatchObject({ due: contracts.length, renewed, onTime, lapsed, open: 0 });
    expect(view.renewals?.total.renewalRate).toBeCloseTo(renewed / (renewed + lapsed), 12);
    const lastMonth = contracts
      .map((c) => c.end.slice(0, 7))
      .sort()
      .at(-1);
    expect(view.renewals?.latest?.period).toBe(lastMonth);
    // The report has the table, one row per month with contracts due and a row for all.
    const report = demo();
    report.run("createReport", null);
    const values = (report.spreadsheet.getSheetByName("Report")?.getDataRange().getValues() ?? []) as unknown[][];
    const title = values.findIndex((row) => row[0] === "Renewals");
    expect(values[title + 1]?.slice(0, 3)).toEqual(["Period", "Due", "Renewed"]);
    expect(values.find((row) => row[0] === "All")?.slice(1, 3)).toEqual([contracts.length, renewed]);
  });
});

describe("Dashboard: funnel", () => {
  // A naive count of the demo's stages: each client's orders in CDNOW, 1 a customer, 2–3 repeat, 4+ regular.
  const orders = new Map<string, number>();
  for (const r of cdnow) orders.set(r.customerId, (orders.get(r.customerId) ?? 0) + 1);
  const demoOrders = readDemoClients().map((c) => orders.get(c.id) ?? 0);

  it("finds the client list's stage column, takes its dropdown's order and counts as a naive count does", () => {
    const reached = [1, 2, 4].map((least) => demoOrders.filter((n) => n >= least).length);
    for (const [locale, stages] of [
      ["en", ["Customer", "Repeat", "Regular"]],
      ["ru", ["Клиент", "Повторный", "Постоянный"]],
    ] as const) {
      const view = data(demo(locale));
      expect(view.sources.stages).toBe(view.sources.sheets[0]?.sheetId);
      expect(view.funnel?.source).toBe(locale === "en" ? "Clients · Stage" : "Клиенты · Этап");
      expect(view.funnel?.orderFrom).toBe("dropdown");
      expect(view.funnel?.steps.map((s) => [s.stage, s.reached])).toEqual(stages.map((s, i) => [s, reached[i]]));
      expect(view.funnel?.steps[2]?.conversion).toBeCloseTo((reached[2] as number) / (reached[1] as number), 12);
      const ratios = [1, 2].map((i) => (reached[i] as number) / (reached[i - 1] as number));
      expect(view.funnel?.weakest).toBe((ratios[1] as number) < (ratios[0] as number) ? 2 : 1);
      expect(view.funnel?.clients).toBe(demoOrders.length);
    }
    // The report has the table, one row per stage.
    const report = demo();
    report.run("createReport", null);
    const values = (report.spreadsheet.getSheetByName("Report")?.getDataRange().getValues() ?? []) as unknown[][];
    const title = values.findIndex((row) => row[0] === "Funnel");
    expect(values[title + 1]?.slice(0, 3)).toEqual(["Stage", "Reached", "Conversion"]);
    expect(values.slice(title + 2, title + 5).map((row) => [row[0], row[1]])).toEqual([
      ["Customer", reached[0]],
      ["Repeat", reached[1]],
      ["Regular", reached[2]],
    ]);
  });

  it("asks for the order of stages it does not know, remembers one a person sets, and refuses a one-stage order", () => {
    const init = workbook([
      {
        name: "Clients",
        rows: [
          ["Client ID", "Name", "Pipeline stage"],
          [1, "Ann", "Signed up"],
          [2, "Bob", "Trial"],
          [3, "Cid", "Trial"],
          [4, "Dan", "Paid"],
          [5, "Eve", "Paused"],
          [6, "Fay", "#N/A"],
        ],
      },
    ]);
    const addon = loadAddon({ spreadsheet: init });
    const view = data(addon);
    expect(view.funnel?.steps).toEqual([]);
    expect(view.funnel?.found.map((s) => [s.name, s.clients])).toEqual([
      ["Signed up", 1],
      ["Trial", 2],
      ["Paid", 1],
      ["Paused", 1],
    ]);
    expect(view.skipped[0]?.examples[0]).toMatch(/^Clients · Pipeline stage, cell C7/);
    const clients = sheetNamed(view, "Clients");
    const choice = (order: string): DashboardColumnsChoice => ({
      transactions: { sheetId: null, clientId: null, date: null, amount: null },
      scores: { sheetId: null, score: null, date: null, comment: null },
      stages: { sheetId: clients.sheetId, stage: 3, order },
    });
    const after = addon.run("saveDashboardColumns", choice("Signed up\nTrial\nPaid"), null) as DashboardView;
    expect(after.funnel?.orderFrom).toBe("set");
    // Trial and Paid clients signed up too: 4 signed up, 3 tried, 1 paid; Paused is outside.
    expect(after.funnel?.steps.map((s) => s.reached)).toEqual([4, 3, 1]);
    expect(after.funnel?.outside).toEqual([{ name: "Paused", clients: 1 }]);
    expect(sheetNamed(after, "Clients").stageOrder).toEqual(["Signed up", "Trial", "Paid"]);
    expect(sheetNamed(after, "Clients").stagesRemembered).toBe(true);
    expect(errorOf(() => addon.run("saveDashboardColumns", choice("Trial"), null))).toMatch(/at least two stages/);
    // An empty order forgets it: the names give none, so the panel asks again.
    const cleared = addon.run("saveDashboardColumns", choice(""), null) as DashboardView;
    expect(cleared.funnel?.steps).toEqual([]);
    expect(sheetNamed(cleared, "Clients").stageOrder).toBeNull();
  });
});

describe("Dashboard: a stage column of many stages", () => {
  it("lists 30 of them to put in order and counts the rest, and names 10 outside the order", () => {
    // 40 stages, stage k held by k + 1 clients: not detected (too many), chosen under Columns.
    const rows: CellValue[][] = [["Client ID", "Name", "Step"]];
    for (let k = 0; k < 40; k++)
      for (let i = 0; i <= k; i++) rows.push([rows.length, `Client ${rows.length}`, `Step ${k + 1}`]);
    const addon = loadAddon({ spreadsheet: workbook([{ name: "Clients", rows }]) });
    expect(data(addon).funnel).toBeNull();
    const choice = (order: string): DashboardColumnsChoice => ({
      transactions: { sheetId: null, clientId: null, date: null, amount: null },
      scores: { sheetId: null, score: null, date: null, comment: null },
      stages: { sheetId: data(addon).sources.sheets[0]?.sheetId ?? null, stage: 3, order },
    });
    const asked = addon.run("saveDashboardColumns", choice(""), null) as DashboardView;
    expect(asked.funnel?.steps).toEqual([]);
    expect(asked.funnel?.found).toHaveLength(30);
    expect(asked.funnel?.found[0]).toEqual({ name: "Step 1", clients: 1 });
    expect(asked.funnel?.foundMore).toBe(10);
    const ordered = addon.run("saveDashboardColumns", choice("Step 1\nStep 2"), null) as DashboardView;
    // Step 1 is reached by its own client and Step 2's two.
    expect(ordered.funnel?.steps.map((s) => s.reached)).toEqual([3, 2]);
    // The other 38 stages are outside, most clients first: Step 40 (40), Step 39 (39), …
    expect(ordered.funnel?.outside.map((s) => s.clients)).toEqual([40, 39, 38, 37, 36, 35, 34, 33, 32, 31]);
    expect(ordered.funnel?.outsideMore).toBe(28);
  });
});

describe("Dashboard: funnel from a dropdown", () => {
  const rows: CellValue[][] = [
    ["Client ID", "Name", "Client stage"],
    [1, "Ann", "Signed up"],
    [2, "Bob", "Trial"],
    [3, "Cid", "Trial"],
    [4, "Dan", "Paid"],
    [5, "Eve", "Churned"],
  ];

  it("takes the stage order of the column's dropdown list, its lost stage outside the funnel", () => {
    const init = workbook([
      { name: "Clients", rows, dropdowns: [{ range: "C2:C6", values: ["Signed up", "Trial", "Paid", "Churned"] }] },
    ]);
    const view = data(loadAddon({ spreadsheet: init }));
    expect(view.funnel?.orderFrom).toBe("dropdown");
    // Paid reached trial and sign-up too: 4 signed up, 3 tried, 1 paid; Churned is outside.
    expect(view.funnel?.steps.map((s) => [s.stage, s.reached])).toEqual([
      ["Signed up", 4],
      ["Trial", 3],
      ["Paid", 1],
    ]);
    expect(view.funnel?.outside).toEqual([{ name: "Churned", clients: 1 }]);
  });

  it("reads a dropdown of a range of cells (VALUE_IN_RANGE) in their order", () => {
    const init = workbook([
      { name: "Clients", rows },
      { name: "Lists", rows: [["Stages"], ["Signed up"], ["Trial"], ["Paid"]] },
    ]);
    const addon = loadAddon({ spreadsheet: init });
    const lists = addon.spreadsheet.getSheetByName("Lists") as NonNullable<
      ReturnType<typeof addon.spreadsheet.getSheetByName>
    >;
    const rule = new FakeDataValidationBuilder(addon.realm).requireValueInRange(lists.getRange("A2:A4")).build();
    addon.spreadsheet.getSheetByName("Clients")?.getRange("C2:C6").setDataValidation(rule);
    const view = data(addon);
    expect(view.funnel?.orderFrom).toBe("dropdown");
    expect(view.funnel?.steps.map((s) => s.reached)).toEqual([4, 3, 1]);
  });
});

describe("Dashboard: cross-sell", () => {
  it("finds the demo's product column and gives the cross-sell a naive count of its transactions gives", () => {
    // Naive: each client's products in their first month against those of later months.
    const byClient = new Map<string, Map<string, Set<number>>>();
    for (const r of cdnow) {
      const months = byClient.get(r.customerId) ?? new Map<string, Set<number>>();
      const month = r.date.slice(0, 7);
      months.set(month, (months.get(month) ?? new Set<number>()).add(demoProductIndex(r.cds)));
      byClient.set(r.customerId, months);
    }
    let returned = 0;
    let crossed = 0;
    const into = new Map<number, number>();
    for (const months of byClient.values()) {
      const [first, ...later] = [...months.entries()].sort((a, b) => a[0].localeCompare(b[0]));
      const base = (first as [string, Set<number>])[1];
      if (later.length > 0) returned++;
      const fresh = new Set(later.flatMap(([, products]) => [...products]).filter((p) => !base.has(p)));
      if (fresh.size > 0) crossed++;
      for (const p of fresh) into.set(p, (into.get(p) ?? 0) + 1);
    }
    const view = data(demo(), "month");
    expect(sheetNamed(view, "Transactions").categories).toEqual({ category: 5 });
    const crossSell = view.customers?.crossSell;
    expect(crossSell).toMatchObject({ n: byClient.size, returning: { n: returned } });
    expect(crossSell?.value).toBeCloseTo(crossed / byClient.size, 12);
    const top = [...into.entries()].sort((a, b) => b[1] - a[1]).map(([p, n]) => [DEMO_PRODUCTS.en[p], n]);
    expect(crossSell?.targets.map((t) => [t.category, t.clients])).toEqual(top);
  });

  it("takes a person's category column, refuses one that is the amount, and has no card without one", () => {
    const addon = demo();
    const view = data(addon);
    const base: DashboardColumnsChoice = {
      transactions: { sheetId: view.sources.transactions, clientId: 1, date: 2, amount: 4, category: 4 },
      scores: { sheetId: view.sources.scores, score: 5, date: 6, comment: 7 },
    };
    expect(errorOf(() => addon.run("saveDashboardColumns", base, null))).toBe(
      "Transactions: column D cannot be both Amount and Category (optional); choose different columns.",
    );
    const none = { ...base, transactions: { ...base.transactions, category: null } };
    const after = addon.run("saveDashboardColumns", none, null) as DashboardView;
    expect(sheetNamed(after, "Transactions").categories).toEqual({ category: null });
    expect(sheetNamed(after, "Transactions").categoriesRemembered).toBe(true);
    expect(after.customers?.crossSell).toBeNull();
    // A blank category names its cell; the other customer figures still show.
    const blank = demoWorkbook();
    const tx = blank.sheets?.[1]?.rows as CellValue[][];
    (tx[3] as CellValue[])[4] = "";
    const read = data(loadAddon({ spreadsheet: blank }));
    expect(read.problems.join(" ")).toMatch(/Transactions · Product, cell E4/);
    expect(read.customers?.upsell).not.toBeNull();
  });
});

describe("Dashboard: service in working time", () => {
  const at = (iso: string) => new Date(`${iso}:00Z`);
  const init = () =>
    workbook([
      {
        name: "Tickets",
        rows: [
          ["Ticket", "Opened", "First response"],
          // Friday 17:00 → Monday 10:00: 65 calendar hours; 9-18 on weekdays, 1 h on Friday and 1 h on Monday.
          ["T1", at("2024-03-01T17:00"), at("2024-03-04T10:00")],
          ["T2", at("2024-03-05T09:00"), at("2024-03-05T11:00")],
          // Wednesday 17:30 → Thursday 09:30: 16 calendar hours, half an hour on each day.
          ["T3", at("2024-03-06T17:30"), at("2024-03-07T09:30")],
        ],
      },
      { name: "Days off", rows: [["Day off"], [date("2024-03-04")]] },
    ]);
  const choice = (serviceHours: DashboardColumnsChoice["serviceHours"]): DashboardColumnsChoice => ({
    transactions: { sheetId: null, clientId: null, date: null, amount: null },
    scores: { sheetId: null, score: null, date: null, comment: null },
    serviceHours,
  });

  it("counts the team's working hours, days and days off, worked by hand, and says so", () => {
    const addon = loadAddon({ spreadsheet: init() });
    const calendar = data(addon);
    // Calendar hours 65, 2 and 16: the median is 16.
    expect(calendar.service?.periods.map((p) => p.medianResponse)).toEqual([16]);
    expect(calendar.service?.workingTime).toBeNull();
    const working = addon.run(
      "saveDashboardColumns",
      choice({ hours: "9-18", days: "Mon-Fri", holidays: "" }),
      null,
    ) as DashboardView;
    // Working hours 2, 2 and 1: the median is 2.
    expect(working.service?.periods.map((p) => p.medianResponse)).toEqual([2]);
    expect(working.service?.workingTime).toBe("9-18, Mon-Fri");
    expect(working.sources.serviceHours).toEqual({ hours: "9-18", days: "Mon-Fri", holidays: "" });
    // Monday 4 March off: T1 counts only Friday's hour; 1, 2 and 1 give a median of 1.
    const off = addon.run(
      "saveDashboardColumns",
      choice({ hours: "9-18", days: "", holidays: "'Days off'!A2:A10" }),
      null,
    ) as DashboardView;
    expect(off.service?.periods.map((p) => p.medianResponse)).toEqual([1]);
    expect(off.service?.workingTime).toBe("9-18, Mon-Fri, days off in 'Days off'!A2:A10");
    addon.run("createReport", null);
    const values = (addon.spreadsheet.getSheetByName("Report")?.getDataRange().getValues() ?? []) as unknown[][];
    expect(values.some((row) => String(row[0]).startsWith("Working time (9-18, Mon-Fri, days off in"))).toBe(true);
    // All blank: calendar time again.
    const blank = addon.run("saveDashboardColumns", choice({ hours: "", days: "", holidays: "" }), null);
    expect((blank as DashboardView).service?.periods.map((p) => p.medianResponse)).toEqual([16]);
  });

  it("refuses working time it cannot read, naming the field, and keeps the rest as it was", () => {
    const addon = loadAddon({ spreadsheet: init(), userLocale: "ru" });
    expect(
      errorOf(() => addon.run("saveDashboardColumns", choice({ hours: "9 to 6", days: "", holidays: "" }), null)),
    ).toBe("Рабочие часы: «9 to 6» — не рабочие часы; пишите 9-18 или 09:00-17:30");
    expect(
      errorOf(() => addon.run("saveDashboardColumns", choice({ hours: "", days: "", holidays: "Nope!A1:A3" }), null)),
    ).toBe("Выходные дни (диапазон дат): «Nope!A1:A3» — не диапазон этой таблицы; запишите его как Праздники!A2:A30");
    expect(data(addon).sources.serviceHours).toEqual({ hours: "", days: "", holidays: "" });
  });
});
