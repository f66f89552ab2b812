import { isoDay } from "../cells/dates";
import type { Cell } from "../cells/values";
import type { Locale } from "../i18n/locale";
import type { MessageKey } from "../i18n/messages.en";
import { t } from "../i18n/translate";
import { DATE_FORMAT, DATE_TIME_FORMAT } from "../sheets/formats";
import type { DashboardAlert } from "./alerts";
import type { CustomerFigures, LatestComment, Measure, SurveyFigures, TrendPeriod, TrendRow } from "./figures";
import { fixed, percent } from "./format";
import type { FunnelFigure } from "./funnel";
import type { RenewalsFigure } from "./renewals";
import type { ServiceFigures } from "./service";
import { alertMessage, definitions, gapMessage } from "./text";
import type { ThemesFigure } from "./themes";

/**
 * The `Report` sheet as plain data: one block of values and one of number formats (written with
 * one setValues and one setNumberFormats), the header rows to embolden, and the native charts to
 * place beside the tables. The add-on writes it; this module decides what goes where.
 */

/** The report's sheet name: fixed in every language, like `Responses`, so formulas and people can point at it. */
export const REPORT_SHEET = "Report";

/** Columns of the report's tables (A–H); charts sit to their right from column J. */
export const REPORT_WIDTH = 8;
export const CHART_COLUMN = 10;
/** Rows between the tops of two stacked charts (each about 300 px tall, rows 21 px). */
export const CHART_ROWS = 16;
export const CHART_WIDTH = 520;
export const CHART_HEIGHT = 300;

export const FORMATS = {
  text: "General",
  nps: "0.0",
  share: "0.0%",
  mean: "0.00",
  money: "#,##0.00",
  count: "0",
  date: DATE_FORMAT,
  dateTime: DATE_TIME_FORMAT,
} as const;

export type ChartKey = "nps" | "churn" | "revenue" | "breakdown";

/** A block of cells, 1-based, as getRange(row, column, numRows, numColumns) takes it. */
export interface Block {
  readonly row: number;
  readonly column: number;
  readonly numRows: number;
  readonly numColumns: number;
}

export interface ChartSpec {
  readonly key: ChartKey;
  readonly type: "LINE" | "COLUMN" | "PIE";
  readonly title: string;
  /** Data ranges, header row included: the first is the category column, the others the series. */
  readonly ranges: readonly Block[];
  readonly anchorRow: number;
  readonly anchorColumn: number;
}

export interface ReportLayout {
  /** REPORT_WIDTH cells per row. */
  readonly values: Cell[][];
  readonly formats: string[][];
  /** 1-based rows to set in bold (titles and table headers). */
  readonly boldRows: readonly number[];
  readonly charts: readonly ChartSpec[];
}

export interface ReportInput {
  readonly locale: Locale;
  readonly period: TrendPeriod;
  /** When the report was made (a Date cell). */
  readonly generatedAt: Cell;
  /** Where the figures come from, one phrase per source. */
  readonly sources: readonly string[];
  readonly survey: SurveyFigures;
  readonly customers: CustomerFigures | null;
  readonly trend: readonly TrendRow[];
  readonly alerts: readonly DashboardAlert[];
  readonly comments: readonly LatestComment[];
  /** What the NPS comments talk about (absent or null: no comments). */
  readonly themes?: ThemesFigure | null;
  /** Service speed per period (absent or null: no requests sheet). */
  readonly service?: ServiceFigures | null;
  /** The working time the service figures count, in words; absent or null: calendar hours. */
  readonly workingTime?: string | null;
  /** Renewals per period of the due date (absent or null: no contracts sheet). */
  readonly renewals?: RenewalsFigure | null;
  /** The stage column's funnel (absent or null: no stage column, or its order is not known). */
  readonly funnel?: FunnelFigure | null;
  /** Problems met while reading the sheets, already in the reader's language. */
  readonly notes: readonly string[];
}

/**
 * Text typed by respondents (and labels such as "2024-03" that Sheets would read as a date) is
 * written behind an apostrophe: setValues treats strings as typed input, and "=…", "+…", "-…" or
 * "@…" would become formulas. The apostrophe is not shown and keeps the cell plain text.
 */
export function literalText(text: string): string {
  return `'${text}`;
}

class Grid {
  readonly values: Cell[][] = [];
  readonly formats: string[][] = [];
  readonly boldRows: number[] = [];

  /** Appends a row and returns its 1-based number. */
  add(cells: readonly Cell[], formats: readonly string[] = [], bold = false): number {
    const row: Cell[] = [];
    const format: string[] = [];
    for (let c = 0; c < REPORT_WIDTH; c++) {
      const value = cells[c];
      row.push(value === undefined || value === null ? "" : value);
      format.push(formats[c] || FORMATS.text);
    }
    this.values.push(row);
    this.formats.push(format);
    if (bold) this.boldRows.push(this.values.length);
    return this.values.length;
  }

  blank(): void {
    this.add([]);
  }
}

export function reportLayout(input: ReportInput): ReportLayout {
  const { locale, period, survey, customers } = input;
  const tr = (key: MessageKey, params?: Record<string, string | number>) => t(locale, key, params);
  const byPeriod = tr(period === "month" ? "report.month" : "report.quarter");
  const grid = new Grid();
  const charts: ChartSpec[] = [];

  grid.add([tr("report.title")], [], true);
  grid.add([tr("report.generated"), input.generatedAt], [FORMATS.text, FORMATS.dateTime]);
  grid.add([tr("report.trendBy"), byPeriod]);
  grid.add([tr("report.sources"), input.sources.join("; ")]);
  grid.blank();

  // Headline figures: value, interval (NPS only), n and what n counts, and a note.
  grid.add(
    [
      tr("report.metric"),
      tr("report.value"),
      tr("report.lower"),
      tr("report.upper"),
      tr("report.n"),
      "",
      tr("report.note"),
    ],
    [],
    true,
  );
  const small = tr("report.smallSample");
  const notes = (measure: Measure, ...more: string[]) =>
    [measure.smallSample ? small : "", ...more].filter(Boolean).join("; ");
  const measureRow = (
    label: string,
    m: Measure | null,
    format: string,
    unit: MessageKey,
    missing: string,
    more = "",
  ) => {
    if (!m) grid.add([label, "", "", "", "", "", missing]);
    else grid.add([label, m.value, "", "", m.n, tr(unit), notes(m, more)], ["", format, "", "", FORMATS.count]);
  };
  const nps = survey.nps;
  if (nps) {
    grid.add(
      [
        tr("report.nps"),
        nps.value,
        nps.lower,
        nps.upper,
        nps.n,
        tr("report.nAnswers"),
        notes(nps, nps.flagged ? tr("report.flagged", { count: nps.flagged }) : ""),
      ],
      ["", FORMATS.nps, FORMATS.nps, FORMATS.nps, FORMATS.count],
    );
  } else grid.add([tr("report.nps"), "", "", "", "", "", tr("ui.dashboard.noNps")]);
  const flaggedNote = (f: { flagged: number } | null) => (f?.flagged ? tr("report.flagged", { count: f.flagged }) : "");
  measureRow(
    tr("report.csat"),
    survey.csat,
    FORMATS.share,
    "report.nAnswers",
    tr("ui.dashboard.noCsat"),
    flaggedNote(survey.csat),
  );
  measureRow(
    tr("report.ces"),
    survey.ces,
    FORMATS.mean,
    "report.nAnswers",
    tr("ui.dashboard.noCes"),
    flaggedNote(survey.ces),
  );
  const churnGap = customers?.churnGap ? gapMessage(customers.churnGap, period, locale) : "";
  const churnLabel = (key: "report.churn" | "report.retention", fallback: MessageKey) =>
    customers?.churn ? tr(key, { period: customers.churn.period }) : tr(fallback);
  if (customers) {
    measureRow(
      churnLabel("report.churn", "report.churnLatest"),
      customers.churn,
      FORMATS.share,
      "report.nCustomersAtStart",
      churnGap,
    );
    measureRow(
      churnLabel("report.retention", "report.retentionLatest"),
      customers.retention,
      FORMATS.share,
      "report.nCustomersAtStart",
      churnGap,
    );
    measureRow(tr("report.repeatRate"), customers.repeatRate, FORMATS.share, "report.nCustomers", "");
    measureRow(
      tr("report.aov"),
      customers.aov,
      FORMATS.money,
      "report.nOrders",
      gapMessage("noAmounts", period, locale),
    );
    const clv = customers.clv;
    measureRow(
      tr("report.clv"),
      clv,
      FORMATS.money,
      "report.nCustomers",
      customers.clvGap ? gapMessage(customers.clvGap, period, locale) : "",
      clv
        ? tr("report.clvNote", {
            purchases: fixed(clv.purchasesPerYear, 2, locale),
            years: fixed(clv.expectedYears, 2, locale),
          })
        : "",
    );
    const upsell = customers.upsell;
    measureRow(
      tr("report.upsell"),
      upsell,
      FORMATS.share,
      "report.nCustomers",
      "",
      upsell?.returning ? tr("report.upsellNote", { share: percent(upsell.returning.value, 1, locale) }) : "",
    );
    const crossSell = customers.crossSell;
    if (crossSell) {
      const into = crossSell.targets.map((target) => target.category).join(", ");
      measureRow(
        tr("report.crossSell"),
        crossSell,
        FORMATS.share,
        "report.nCustomers",
        "",
        [
          crossSell.returning ? tr("report.upsellNote", { share: percent(crossSell.returning.value, 1, locale) }) : "",
          into ? tr("ui.dashboard.crossSellInto", { categories: into }) : "",
        ]
          .filter(Boolean)
          .join("; "),
      );
    }
    const returns = customers.returns;
    if (returns) {
      measureRow(
        tr("report.returns"),
        returns,
        FORMATS.share,
        "report.nOrders",
        "",
        returns.revenueRate === null
          ? ""
          : tr("report.returnsNote", { share: percent(returns.revenueRate, 1, locale) }),
      );
    }
  }
  grid.blank();

  grid.add([tr("report.alerts")], [], true);
  if (input.alerts.length === 0) grid.add([tr("report.noAlerts")]);
  for (const alert of input.alerts) {
    grid.add([alertMessage(alert, locale) + (alert.smallSample ? ` ${tr("ui.dashboard.alert.small")}` : "")]);
  }
  grid.blank();

  if (nps) {
    const top = grid.add([tr("report.breakdown")], [], true);
    grid.add([tr("report.group"), tr("report.answers"), tr("report.share")], [], true);
    for (const [key, count] of [
      ["report.promoters", nps.promoters],
      ["report.passives", nps.passives],
      ["report.detractors", nps.detractors],
    ] as const) {
      grid.add([tr(key), count, count / nps.n], ["", FORMATS.count, FORMATS.share]);
    }
    charts.push({
      key: "breakdown",
      type: "PIE",
      title: tr("report.chart.breakdown"),
      ranges: [{ row: top + 1, column: 1, numRows: 4, numColumns: 2 }],
      anchorRow: 0,
      anchorColumn: CHART_COLUMN,
    });
    grid.blank();
  }

  if (input.trend.length > 0) {
    grid.add([tr("report.trend", { period: byPeriod })], [], true);
    const header = grid.add(
      [
        tr("report.period"),
        tr("ui.dashboard.chart.nps"),
        tr("report.npsAnswers"),
        tr("ui.dashboard.chart.churn"),
        tr("report.customersAtStart"),
        tr("report.revenue"),
        tr("report.orders"),
        tr("report.note"),
      ],
      [],
      true,
    );
    for (const row of input.trend) {
      grid.add(
        [
          literalText(row.period),
          row.nps ?? "",
          row.npsN,
          row.churnRate ?? "",
          row.atStart ?? "",
          row.revenue ?? "",
          row.orders ?? "",
          row.partial ? tr("report.partial") : "",
        ],
        [FORMATS.text, FORMATS.nps, FORMATS.count, FORMATS.share, FORMATS.count, FORMATS.money, FORMATS.count],
      );
    }
    const numRows = input.trend.length + 1;
    const column = (c: number): Block => ({ row: header, column: c, numRows, numColumns: 1 });
    const chartTitle = (key: MessageKey) => tr(key, { period: byPeriod });
    if (input.trend.some((r) => r.nps !== null)) {
      charts.push({
        key: "nps",
        type: "LINE",
        title: chartTitle("report.chart.nps"),
        ranges: [column(1), column(2)],
        anchorRow: 0,
        anchorColumn: CHART_COLUMN,
      });
    }
    if (input.trend.some((r) => r.churnRate !== null)) {
      charts.push({
        key: "churn",
        type: "LINE",
        title: chartTitle("report.chart.churn"),
        ranges: [column(1), column(4)],
        anchorRow: 0,
        anchorColumn: CHART_COLUMN,
      });
    }
    if (input.trend.some((r) => r.revenue !== null)) {
      charts.push({
        key: "revenue",
        type: "COLUMN",
        title: chartTitle("report.chart.revenue"),
        ranges: [column(1), column(6)],
        anchorRow: 0,
        anchorColumn: CHART_COLUMN,
      });
    }
    grid.blank();
  }

  if (input.comments.length > 0) {
    grid.add([tr("report.comments")], [], true);
    grid.add([tr("report.date"), tr("report.type"), tr("report.score"), tr("report.comment")], [], true);
    for (const c of input.comments) {
      grid.add(
        [c.day === null ? "" : isoDay(c.day), c.kind.toUpperCase(), c.score, literalText(c.comment)],
        [FORMATS.date, FORMATS.text, FORMATS.count],
      );
    }
    grid.blank();
  }

  const service = input.service;
  if (service && service.periods.length > 0) {
    grid.add([tr("report.service")], [], true);
    grid.add(
      [
        tr("report.period"),
        tr("report.service.requests"),
        tr("report.service.answered"),
        tr("report.service.medianResponse"),
        tr("report.service.p90Response"),
        tr("report.service.resolved"),
        tr("report.service.medianResolution"),
      ],
      [],
      true,
    );
    for (const p of service.periods) {
      grid.add(
        [
          literalText(p.period),
          p.requests,
          p.answered,
          p.medianResponse,
          p.p90Response,
          p.resolved,
          p.medianResolution,
          p.smallSample ? tr("report.smallSample") : "",
        ],
        [FORMATS.text, FORMATS.count, FORMATS.count, FORMATS.mean, FORMATS.mean, FORMATS.count, FORMATS.mean],
      );
    }
    grid.add([
      input.workingTime ? tr("report.service.noteWorking", { time: input.workingTime }) : tr("report.service.note"),
    ]);
    grid.blank();
  }

  const renewals = input.renewals;
  if (renewals && renewals.periods.length > 0) {
    grid.add([tr("report.renewals")], [], true);
    grid.add(
      [
        tr("report.period"),
        tr("report.renewals.due"),
        tr("report.renewals.renewed"),
        tr("report.renewals.onTime"),
        tr("report.renewals.lapsed"),
        tr("report.renewals.open"),
        tr("report.renewals.rate"),
        tr("report.renewals.onTimeRate"),
      ],
      [],
      true,
    );
    for (const row of [...renewals.periods, renewals.total]) {
      grid.add(
        [
          row === renewals.total ? tr("report.renewals.total") : literalText(row.label),
          row.due,
          row.renewed,
          row.onTime,
          row.lapsed,
          row.open,
          row.renewalRate,
          row.onTimeRate,
        ],
        [
          FORMATS.text,
          FORMATS.count,
          FORMATS.count,
          FORMATS.count,
          FORMATS.count,
          FORMATS.count,
          FORMATS.share,
          FORMATS.share,
        ],
      );
    }
    grid.add([tr("report.renewals.note")]);
    grid.blank();
  }

  const funnel = input.funnel;
  if (funnel?.funnel) {
    const { steps, weakest } = funnel.funnel;
    grid.add([tr("report.funnel")], [], true);
    if (funnel.smallSample) grid.add([tr("report.smallSample")]);
    grid.add(
      [
        tr("report.funnel.stage"),
        tr("report.funnel.reached"),
        tr("report.funnel.conversion"),
        tr("report.funnel.lower"),
        tr("report.funnel.upper"),
        tr("report.funnel.fromFirst"),
        tr("report.funnel.lost"),
      ],
      [],
      true,
    );
    steps.forEach((step, i) => {
      grid.add(
        [
          literalText(step.stage),
          step.reached,
          step.conversion,
          step.lower,
          step.upper,
          step.fromFirst,
          step.lost,
          i === weakest ? tr("report.funnel.weakest") : "",
        ],
        [FORMATS.text, FORMATS.count, FORMATS.share, FORMATS.share, FORMATS.share, FORMATS.share, FORMATS.count],
      );
    });
    if (funnel.outside.length > 0) {
      const stages = funnel.outside.map((stage) => `${stage.name} (${stage.clients})`).join(", ");
      grid.add([tr("report.funnel.outside", { stages })]);
    }
    grid.add([tr("report.funnel.note")]);
    grid.blank();
  }

  const themes = input.themes;
  if (themes) {
    grid.add([tr("report.themes")], [], true);
    grid.add([tr("report.themes.compared", { n: themes.n, negative: themes.negative, positive: themes.positive })]);
    if (themes.smallSample) grid.add([tr("report.smallSample")]);
    if (themes.negative === 0 || themes.positive === 0) grid.add([tr("ui.dashboard.themes.oneSide")]);
    else if (themes.themes.length === 0) grid.add([tr("ui.dashboard.themes.none")]);
    else {
      grid.add(
        [
          tr("report.themes.theme"),
          tr("report.themes.side"),
          tr("report.themes.negative"),
          tr("report.themes.positive"),
          tr("report.themes.shareNegative"),
          tr("report.themes.sharePositive"),
          tr("report.themes.example"),
        ],
        [],
        true,
      );
      for (const theme of themes.themes) {
        grid.add(
          [
            literalText(theme.text),
            tr(theme.side === "negative" ? "themes.side.detractors" : "themes.side.promoters"),
            theme.negative,
            theme.positive,
            theme.shareNegative,
            theme.sharePositive,
            literalText(theme.examples[0] ?? ""),
          ],
          [FORMATS.text, FORMATS.text, FORMATS.count, FORMATS.count, FORMATS.share, FORMATS.share],
        );
      }
    }
    grid.blank();
  }

  if (input.notes.length > 0) {
    grid.add([tr("report.notes")], [], true);
    for (const note of input.notes) grid.add([note]);
    grid.blank();
  }

  grid.add([tr("report.definitions")], [], true);
  for (const line of definitions(customers?.inactiveDays ?? null, locale)) grid.add([line]);

  // Trend charts first, the breakdown last; stacked from the top of the sheet.
  const order: ChartKey[] = ["nps", "churn", "revenue", "breakdown"];
  const placed = order
    .map((key) => charts.find((c) => c.key === key))
    .filter((c): c is ChartSpec => c !== undefined)
    .map((c, i) => ({ ...c, anchorRow: 1 + i * CHART_ROWS }));
  return { values: grid.values, formats: grid.formats, boldRows: grid.boldRows, charts: placed };
}
