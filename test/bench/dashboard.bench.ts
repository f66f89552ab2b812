import { buildAddon } from "../../addon/build/build";
import { zonedMidnight } from "../../addon/harness/cellFormat";
import { type CellValue, createHarness } from "../../addon/harness/index";
import { CDNOW_EXTRACT_PATH, CDNOW_FULL_PATH, type CdnowRow, hasFullCdnow, readCdnow } from "../../scripts/lib/cdnow";
import { readLabels } from "../../shared/cells/columns";
import { dateReading } from "../../shared/cells/dates";
import { readTransactions } from "../../shared/cells/transactions";
import type { Answer } from "../../shared/dashboard/answers";
import {
  customerFigures,
  latestComments,
  surveyFigures,
  type TrendPeriod,
  trendAlerts,
  trendRows,
} from "../../shared/dashboard/figures";
import { funnelFigure } from "../../shared/dashboard/funnel";
import { reportLayout } from "../../shared/dashboard/report";
import { themesFigure } from "../../shared/dashboard/themes";
import { seededRandom } from "../../shared/random";
import { type Bench, type BenchResult, ms, time } from "./lib";

const TIME_ZONE = "America/New_York";
const BIG = 1_000_000;

/** Transaction columns as getValues() returns them (Date cells at local midnight), ids shifted per copy. */
function sheetRows(rows: CdnowRow[], size: number) {
  const midnight = new Map<string, number>();
  const ids: number[][] = new Array(size);
  const dates: Date[][] = new Array(size);
  const amounts: number[][] = new Array(size);
  // A product per order from its CDs, as the demo workbook has it: single, bundle or box set.
  const products: string[][] = new Array(size);
  for (let i = 0; i < size; i++) {
    const row = rows[i % rows.length] as CdnowRow;
    let instant = midnight.get(row.date);
    if (instant === undefined) {
      const [y, m, d] = row.date.split("-").map(Number) as [number, number, number];
      instant = zonedMidnight(y, m, d, TIME_ZONE);
      midnight.set(row.date, instant);
    }
    ids[i] = [Number(row.customerId) + Math.floor(i / rows.length) * 100_000];
    dates[i] = [new Date(instant)];
    amounts[i] = [row.amount];
    products[i] = [row.cds >= 5 ? "Box set" : row.cds >= 2 ? "CD bundle" : "Single CD"];
  }
  return { ids, dates, amounts, products };
}

/** Words comments are made of, in both languages, so that the themes have stems to count. */
const COMMENT_WORDS = [
  "доставка",
  "доставки",
  "оператор",
  "цены",
  "быстро",
  "delivery",
  "support",
  "prices",
  "fast",
  "slow",
];

/** One NPS answer per 20 transactions, dated like them; one in three with a comment of 3–8 words. */
function answersFor(rows: CdnowRow[], size: number): Answer[] {
  const random = seededRandom(7);
  const out: Answer[] = [];
  for (let i = 0; i < size; i += 20) {
    const row = rows[i % rows.length] as CdnowRow;
    const [y, m, d] = row.date.split("-").map(Number) as [number, number, number];
    out.push({
      score: Math.floor(random() * 11),
      day: Date.UTC(y, m - 1, d) / 86_400_000,
      comment:
        random() < 1 / 3
          ? Array.from(
              { length: 3 + Math.floor(random() * 6) },
              () => COMMENT_WORDS[Math.floor(random() * COMMENT_WORDS.length)],
            ).join(" ")
          : "",
      flagged: false,
      surveyId: null,
      surveyTitle: "",
    });
  }
  return out;
}

const STAGES = ["Lead", "Customer", "Repeat", "Regular", "Lost"];

/** A client list's stage column, one client per 3 orders, stages spread over a narrowing funnel. */
function stageColumn(size: number): string[][] {
  const random = seededRandom(11);
  return Array.from({ length: Math.ceil(size / 3) }, () => [STAGES[Math.floor(random() ** 2 * 5)] as string]);
}

/**
 * Everything the dashboard computes once the sheets are read: parse, figures (cross-sell by product
 * included), the funnel, trend, alerts, report layout.
 */
function dashboard(columns: ReturnType<typeof sheetRows>, stages: string[][], nps: Answer[], period: TrendPeriod) {
  const tx = readTransactions(
    { customerIds: columns.ids, dates: columns.dates, amounts: columns.amounts, keepRows: true },
    dateReading(TIME_ZONE, "en_US"),
  );
  const categories = readLabels(columns.products, tx.row as Int32Array, columns.ids.length, "Product", "Client ID");
  const customers = customerFigures(tx, period, categories);
  const funnel = funnelFigure(stages, null, null, "Stage", { row: 2, column: 3 }, () => {});
  const answers = { nps, csat: [], ces: [] };
  const survey = surveyFigures(answers);
  const trend = trendRows(tx, customers, nps, period);
  const alerts = trendAlerts(trend);
  return reportLayout({
    locale: "en",
    period,
    generatedAt: new Date(0),
    sources: [],
    survey,
    customers,
    trend,
    alerts,
    comments: latestComments(answers),
    themes: themesFigure(nps),
    funnel,
    notes: [],
  });
}

/**
 * The sidebar's and the report's server functions through the built Code.js in the harness: the
 * add-on's own work (reading the sheets in batches, the figures, one block written, the charts),
 * without Apps Script's slower service calls.
 */
async function throughCodeJs(rows: CdnowRow[]): Promise<BenchResult[]> {
  await buildAddon();
  const columns = sheetRows(rows, rows.length);
  const transactions: CellValue[][] = [["Client ID", "Date", "Amount", "Product"]];
  for (let i = 0; i < rows.length; i++) {
    transactions.push([
      columns.ids[i]?.[0] as number,
      columns.dates[i]?.[0] as Date,
      columns.amounts[i]?.[0] as number,
      columns.products[i]?.[0] as string,
    ]);
  }
  const clients: CellValue[][] = [
    ["Client ID", "Name", "Stage"],
    ...stageColumn(rows.length).map((stage, i) => [i + 1, `Client ${i + 1}`, stage[0] as string]),
  ];
  const addon = createHarness({
    spreadsheet: {
      timeZone: TIME_ZONE,
      sheets: [
        { name: "Clients", rows: clients },
        { name: "Transactions", rows: transactions },
      ],
    },
  });
  const data = time(() => addon.run("dashboardData", "month"), { warmup: 1, runs: 5 });
  const report = time(() => addon.run("createReport", "month"), { warmup: 1, runs: 5 });
  return [
    {
      name: `dashboardData via Code.js, ${rows.length.toLocaleString("en-US")} rows`,
      value: `${ms(data.medianMs)} (fastest ${ms(data.minMs)})`,
      goal: "< 2 s",
      ok: data.medianMs < 2000,
    },
    {
      name: `createReport via Code.js, ${rows.length.toLocaleString("en-US")} rows`,
      value: `${ms(report.medianMs)} (fastest ${ms(report.minMs)})`,
      goal: "< 2 s",
      ok: report.medianMs < 2000,
    },
  ];
}

export const dashboardBench: Bench = {
  title: "Dashboard and report figures",
  async run() {
    const full = hasFullCdnow();
    const rows = readCdnow(full ? CDNOW_FULL_PATH : CDNOW_EXTRACT_PATH);
    const results: BenchResult[] = [
      {
        name: `data: ${full ? "CDNOW_master.txt" : "committed extract (CDNOW_master.txt not found)"}`,
        value: `${rows.length.toLocaleString("en-US")} rows`,
        goal: "",
        ok: true,
      },
    ];
    for (const [size, goalMs, runs] of [
      [rows.length, 100, 11],
      [BIG, 1500, 5],
    ] as const) {
      const columns = sheetRows(rows, size);
      const stages = stageColumn(size);
      const nps = answersFor(rows, size);
      for (const period of ["month", "quarter"] as const) {
        const t = time(() => dashboard(columns, stages, nps, period), { warmup: 2, runs });
        results.push({
          name: `by ${period}, ${size.toLocaleString("en-US")} rows + ${nps.length.toLocaleString("en-US")} answers + ${stages.length.toLocaleString("en-US")} stages`,
          value: `${ms(t.medianMs)} (fastest ${ms(t.minMs)})`,
          goal: `< ${goalMs >= 1000 ? `${goalMs / 1000} s` : `${goalMs} ms`}`,
          ok: t.medianMs < goalMs,
        });
      }
    }
    results.push(...(await throughCodeJs(rows)));
    return results;
  },
};
