import type { DateReading } from "../../../../shared/cells/dates";
import { RowSkips, type SkippedRows } from "../../../../shared/cells/skippedRows";
import type { Transactions } from "../../../../shared/cells/transactions";
import type { Cell } from "../../../../shared/cells/values";
import type { DashboardAlert } from "../../../../shared/dashboard/alerts";
import {
  answersFromResponses,
  answersFromScoreColumn,
  noAnswers,
  type SheetColumn,
  type SurveyAnswers,
} from "../../../../shared/dashboard/answers";
import {
  type CustomerFigures,
  customerFigures,
  type LatestComment,
  latestComments,
  type SurveyFigures,
  surveyFigures,
  type TrendPeriod,
  type TrendRow,
  trendAlerts,
  trendRows,
} from "../../../../shared/dashboard/figures";
import { chosenNpsSource, type NpsSource, npsSources } from "../../../../shared/dashboard/npsSource";
import { type ThemesFigure, themesFigure } from "../../../../shared/dashboard/themes";
import type { Locale } from "../../../../shared/i18n/locale";
import { errorMessage, t } from "../../../../shared/i18n/translate";
import type { ColumnRole } from "../../../../shared/sheets/columns";
import { type DataSources, dataSources, type SheetColumns } from "../../sheet/clientSheets";
import { columnName, readColumn, readSheetTransactions, spreadsheetReading } from "../../sheet/transactions";

/**
 * Reads what the dashboard and the report show: finds the sheets and columns, reads each in one
 * batch, and computes the figures with shared/dashboard. A part that cannot be read (no
 * transactions sheet, a bad cell) becomes a problem sentence; the other parts are still shown.
 */

export interface ResponsesCount {
  sheet: string;
  answers: number;
  nps: number;
  csat: number;
  ces: number;
}

export interface DashboardData {
  period: TrendPeriod;
  sources: DataSources;
  responses: ResponsesCount | null;
  /** Where the NPS answers come from (chosen among `npsSources`), or null when there are none. */
  npsSource: NpsSource | null;
  /** Every source of NPS answers there is, to choose from. */
  npsSources: NpsSource[];
  /** Whether `npsSource` is the one remembered for this spreadsheet (else the first, by default). */
  npsSourceRemembered: boolean;
  answers: SurveyAnswers;
  survey: SurveyFigures;
  transactions: Transactions | null;
  customers: CustomerFigures | null;
  trend: TrendRow[];
  alerts: DashboardAlert[];
  comments: LatestComment[];
  /** What the NPS comments talk about, detractors against promoters; null without comments. */
  themes: ThemesFigure | null;
  problems: string[];
  /** Rows left out because a cell in them cannot be read, per sheet; the figures use the others. */
  skipped: { sheet: string; rows: SkippedRows }[];
}

function readResponsesSheet(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  reading: DateReading,
  skips: RowSkips,
): SurveyAnswers {
  const height = sheet.getLastRow();
  const width = sheet.getLastColumn();
  if (height < 2 || width === 0) return noAnswers();
  const values = sheet.getRange(1, 1, height, width).getValues() as Cell[][];
  return answersFromResponses(sheet.getName(), values[0] as Cell[], values.slice(1), reading, skips.skip);
}

function readScoreColumn(source: SheetColumns, reading: DateReading, skips: RowSkips): SurveyAnswers["nps"] {
  const { score, date, comment } = source.mapping;
  if (score === null) return [];
  const column = (role: ColumnRole, c: number | null): SheetColumn | null =>
    c === null ? null : { cells: readColumn(source, role), origin: { row: 2, column: c }, name: columnName(source, c) };
  return answersFromScoreColumn(
    column("score", score) as SheetColumn,
    column("date", date),
    column("comment", comment),
    reading,
    skips.skip,
  );
}

/** The spreadsheet's chosen NPS source ("responses", "survey:<id>", "column"), kept in document properties. */
export const NPS_SOURCE_PROPERTY = "rapport.dashboard.npsSource";

/** Everything the dashboard shows, read from the active spreadsheet. */
export function readDashboard(period: TrendPeriod, locale: Locale): DashboardData {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const reading = spreadsheetReading(ss);
  const sources = dataSources(ss);
  const problems: string[] = [];
  const skipped: DashboardData["skipped"] = [];
  /** Reads a sheet leaving out rows it cannot read, and notes them (a read that fails is a problem instead). */
  const leniently = <T>(sheet: string, read: (skips: RowSkips) => T): T => {
    const skips = new RowSkips();
    const value = read(skips);
    const rows = skips.result();
    if (rows) skipped.push({ sheet, rows });
    return value;
  };
  const attempt = <T>(fallback: T, body: () => T): T => {
    try {
      return body();
    } catch (error) {
      problems.push(errorMessage(error, locale));
      return fallback;
    }
  };

  let transactions: Transactions | null = null;
  let customers: CustomerFigures | null = null;
  if (sources.transactions) {
    const source = sources.transactions;
    transactions = attempt(null, () =>
      leniently(source.sheet.getName(), (skips) => readSheetTransactions(source, reading, skips.skip)),
    );
    const tx = transactions;
    if (tx) customers = attempt(null, () => customerFigures(tx, period));
  } else {
    problems.push(t(locale, "dashboard.noTransactionsSheet"));
  }

  const answers = noAnswers();
  let responses: ResponsesCount | null = null;
  let responsesNps: { sheet: string; nps: SurveyAnswers["nps"] } | null = null;
  if (sources.responses) {
    const sheet = sources.responses;
    const read = attempt(noAnswers(), () =>
      leniently(sheet.getName(), (skips) => readResponsesSheet(sheet, reading, skips)),
    );
    answers.csat = read.csat;
    answers.ces = read.ces;
    responsesNps = { sheet: sheet.getName(), nps: read.nps };
    responses = {
      sheet: sheet.getName(),
      answers: read.nps.length + read.csat.length + read.ces.length,
      nps: read.nps.length,
      csat: read.csat.length,
      ces: read.ces.length,
    };
  }
  let columnNps: { name: string; nps: SurveyAnswers["nps"] } | null = null;
  const scores = sources.scores;
  if (scores && scores.mapping.score !== null) {
    columnNps = {
      name: columnName(scores, scores.mapping.score),
      nps: attempt([], () => leniently(scores.sheet.getName(), (skips) => readScoreColumn(scores, reading, skips))),
    };
  }
  // Both sources are read; the one chosen for this spreadsheet gives the NPS, the report and the digest.
  const offered = npsSources(responsesNps, columnNps);
  const remembered = PropertiesService.getDocumentProperties().getProperty(NPS_SOURCE_PROPERTY);
  const npsSource = chosenNpsSource(offered, remembered);
  answers.nps = npsSource ? [...npsSource.answers] : [];

  const survey = surveyFigures(answers);
  const trend = trendRows(transactions, customers, answers.nps, period);
  return {
    period,
    sources,
    responses,
    npsSource,
    npsSources: offered,
    npsSourceRemembered: npsSource !== null && npsSource.key === remembered,
    answers,
    survey,
    transactions,
    customers,
    trend,
    alerts: trendAlerts(trend),
    comments: latestComments(answers),
    themes: themesFigure(answers.nps),
    problems,
    skipped,
  };
}
