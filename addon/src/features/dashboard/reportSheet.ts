import {
  CHART_HEIGHT,
  CHART_WIDTH,
  type ChartKey,
  type ChartSpec,
  REPORT_SHEET,
  REPORT_WIDTH,
  type ReportLayout,
} from "../../../../shared/dashboard/report";
import { t } from "../../../../shared/i18n/translate";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type EmbeddedChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;

/**
 * Writes the Report sheet. A re-run finds the sheet it wrote before (by the sheet id kept in
 * document properties, so renaming it is fine; failing that, by the name `Report` with the report
 * title in A1) and rewrites it in place: one block of values and formats, and the same charts
 * updated, never a second sheet or duplicate charts. A sheet named `Report` that Rapport did not
 * write is left alone: the report then goes to `Report (2)`.
 */

const SHEET_PROPERTY = "rapport.report.sheetId";
const CHARTS_PROPERTY = "rapport.report.charts";
const TITLES = [t("en", "report.title"), t("ru", "report.title")];

function properties(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties();
}

function isReport(sheet: Sheet): boolean {
  if (sheet.getLastRow() === 0) return false;
  return TITLES.includes(String(sheet.getRange(1, 1).getValue()).trim());
}

/** The sheet the report goes to, and whether it is new. */
export function reportSheet(ss: Spreadsheet): { sheet: Sheet; created: boolean } {
  const stored = Number(properties().getProperty(SHEET_PROPERTY) ?? Number.NaN);
  const byId = Number.isInteger(stored) ? ss.getSheets().find((s) => s.getSheetId() === stored) : undefined;
  if (byId) return { sheet: byId, created: false };
  const named = ss.getSheetByName(REPORT_SHEET);
  if (named && isReport(named)) return { sheet: named, created: false };
  let name = REPORT_SHEET;
  for (let i = 2; ss.getSheetByName(name); i++) name = `${REPORT_SHEET} (${i})`;
  return { sheet: ss.insertSheet(name), created: true };
}

function storedChartIds(): Partial<Record<ChartKey, number>> {
  try {
    const parsed = JSON.parse(properties().getProperty(CHARTS_PROPERTY) ?? "{}") as Record<string, unknown>;
    const out: Partial<Record<ChartKey, number>> = {};
    for (const [key, id] of Object.entries(parsed)) if (typeof id === "number") out[key as ChartKey] = id;
    return out;
  } catch {
    return {};
  }
}

const titleOf = (chart: EmbeddedChart) => String(chart.getOptions().get("title") ?? "");

/** Report chart titles in every language, so charts are recognised after a language switch. */
function knownTitles(key: ChartKey): string[] {
  const keys = {
    nps: "report.chart.nps",
    churn: "report.chart.churn",
    revenue: "report.chart.revenue",
    breakdown: "report.chart.breakdown",
  } as const;
  return (["en", "ru"] as const).flatMap((locale) =>
    ["report.month", "report.quarter"].map((p) =>
      t(locale, keys[key], { period: t(locale, p as "report.month" | "report.quarter") }),
    ),
  );
}

function typed(builder: GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder, type: ChartSpec["type"]) {
  if (type === "PIE") return builder.asPieChart();
  if (type === "COLUMN") return builder.asColumnChart();
  return builder.asLineChart();
}

/** Inserts or updates the report's charts; charts it made before that are no longer needed are removed. */
function placeCharts(sheet: Sheet, specs: readonly ChartSpec[]): number {
  const stored = storedChartIds();
  const existing = sheet.getCharts();
  const used = new Set<EmbeddedChart>();
  const find = (key: ChartKey): EmbeddedChart | undefined => {
    const id = stored[key];
    const byId = id === undefined ? undefined : existing.find((c) => c.getChartId() === id);
    if (byId) return byId;
    const titles = knownTitles(key);
    return existing.find((c) => !used.has(c) && titles.includes(titleOf(c)));
  };
  for (const spec of specs) {
    const chart = find(spec.key);
    if (chart) used.add(chart);
    const base = chart ? chart.modify().clearRanges() : sheet.newChart();
    let builder = typed(base, spec.type) as unknown as GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
    for (const r of spec.ranges) builder = builder.addRange(sheet.getRange(r.row, r.column, r.numRows, r.numColumns));
    builder = builder
      .setNumHeaders(1)
      .setPosition(spec.anchorRow, spec.anchorColumn, 0, 0)
      .setOption("title", spec.title)
      .setOption("legend", { position: spec.type === "PIE" ? "right" : "none" })
      .setOption("width", CHART_WIDTH)
      .setOption("height", CHART_HEIGHT);
    if (chart) sheet.updateChart(builder.build());
    else sheet.insertChart(builder.build());
  }
  // Charts of an earlier run that this one does not draw (e.g. no NPS answers any more).
  const wanted = new Set(specs.map((s) => s.key));
  for (const key of Object.keys(stored) as ChartKey[]) {
    if (wanted.has(key)) continue;
    const old = existing.find((c) => c.getChartId() === stored[key]);
    if (old) sheet.removeChart(old);
  }
  // Ids are read back after insertion: a chart has an id only once it is on a sheet.
  const ids: Partial<Record<ChartKey, number>> = {};
  const after = sheet.getCharts();
  for (const spec of specs) {
    const chart = after.find((c) => titleOf(c) === spec.title && !Object.values(ids).includes(c.getChartId() ?? -1));
    const id = chart?.getChartId();
    if (typeof id === "number") ids[spec.key] = id;
  }
  properties().setProperty(CHARTS_PROPERTY, JSON.stringify(ids));
  return specs.length;
}

/** Writes the layout into the report sheet: one block of formats, one of values, then the charts. */
export function writeReport(ss: Spreadsheet, layout: ReportLayout): { sheet: Sheet; created: boolean; charts: number } {
  const { sheet, created } = reportSheet(ss);
  const rows = layout.values.length;
  sheet.clear();
  if (rows > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
  if (REPORT_WIDTH > sheet.getMaxColumns()) {
    sheet.insertColumnsAfter(sheet.getMaxColumns(), REPORT_WIDTH - sheet.getMaxColumns());
  }
  const block = sheet.getRange(1, 1, rows, REPORT_WIDTH);
  // Formats first: a value written into a formatted cell is read in that format.
  block.setNumberFormats(layout.formats);
  block.setValues(layout.values);
  const bold = new Set(layout.boldRows);
  block.setFontWeights(layout.values.map((_, r) => new Array(REPORT_WIDTH).fill(bold.has(r + 1) ? "bold" : "normal")));
  sheet.getRange(1, 1).setFontSize(14);
  sheet.setColumnWidth(1, 220);
  const charts = placeCharts(sheet, layout.charts);
  properties().setProperty(SHEET_PROPERTY, String(sheet.getSheetId()));
  sheet.activate();
  return { sheet, created, charts };
}
