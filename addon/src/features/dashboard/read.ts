import { type Labels, readLabels } from "../../../../shared/cells/columns";
import type { DateReading } from "../../../../shared/cells/dates";
import { RowSkips, type SkippedRows } from "../../../../shared/cells/skippedRows";
import { readTransactions, type Transactions } from "../../../../shared/cells/transactions";
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
import { type FunnelFigure, funnelFigure } from "../../../../shared/dashboard/funnel";
import { chosenNpsSource, type NpsSource, npsSources } from "../../../../shared/dashboard/npsSource";
import { type RenewalsFigure, renewalsFigure } from "../../../../shared/dashboard/renewals";
import { type ServiceFigures, serviceFigures } from "../../../../shared/dashboard/service";
import { type ThemesFigure, themesFigure } from "../../../../shared/dashboard/themes";
import { RapportError } from "../../../../shared/errors";
import type { Locale } from "../../../../shared/i18n/locale";
import { errorMessage, t } from "../../../../shared/i18n/translate";
import { type Contracts, readContracts } from "../../../../shared/metrics/renewals";
import { type Requests, readRequests } from "../../../../shared/metrics/service";
import type { ColumnRole } from "../../../../shared/sheets/columns";
import { type DataSources, dataSources, type SheetColumns } from "../../sheet/clientSheets";
import { dropdownValues } from "../../sheet/dropdowns";
import { columnName, dataRows, readColumn, readSheetTransactions, spreadsheetReading } from "../../sheet/transactions";
import { type ServiceHoursSetting, serviceHoursSetting, serviceHoursText, workingTimeOf } from "./serviceHours";

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
  /** Service speed from the requests sheet; null when there is none. */
  service: ServiceFigures | null;
  /** The team's working time as typed under Columns (all blank: calendar time). */
  serviceHours: ServiceHoursSetting;
  /** The working time the service figures count, in words; null for calendar time. */
  workingTime: string | null;
  /** Renewals from the contracts sheet; null when there is none. */
  renewals: RenewalsFigure | null;
  /** The funnel of the stage column; null when no sheet has one. */
  funnel: FunnelFigure | null;
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

/**
 * The requests sheet, its opened column read once: paired with the first-response and with the
 * resolved column (each null when the sheet has no such column), and with the client ids for who
 * contacted support (null without them). Rows that cannot be read are left out through `skip`,
 * each reported once however many of its cells cannot be read.
 */
function readRequestSheet(
  source: SheetColumns,
  reading: DateReading,
  skip: (error: RapportError) => void,
): { response: Requests | null; resolution: Requests | null; clients: Transactions | null } {
  const rows = dataRows(source);
  const { opened, clientId } = source.requests;
  if (opened === null || rows === 0) return { response: null, resolution: null, clients: null };
  const cells = (c: number) => source.sheet.getRange(2, c, rows, 1).getValues() as Cell[][];
  const openedCells = cells(opened);
  const openedName = columnName(source, opened);
  const leftOut = new Set<number>();
  const once =
    (reported: (error: RapportError) => boolean = () => true) =>
    (error: RapportError, row: number) => {
      if (leftOut.has(row) || !reported(error)) return;
      leftOut.add(row);
      skip(error);
    };
  const pair = (c: number | null): Requests | null =>
    c === null
      ? null
      : readRequests(openedCells, cells(c), reading, { opened: openedName, closed: columnName(source, c) }, once(), {
          opened: { row: 2, column: opened },
          closed: { row: 2, column: c },
        });
  const response = pair(source.requests.firstResponse);
  const resolution = pair(source.requests.resolved);
  let clients: Transactions | null = null;
  if (clientId !== null && (response || resolution)) {
    try {
      clients = readTransactions(
        {
          customerIds: cells(clientId),
          dates: openedCells,
          names: { customerIds: columnName(source, clientId), dates: openedName },
          origins: { customerIds: { row: 2, column: clientId }, dates: { row: 2, column: opened } },
          // Requests without a client id count for the times but not for who contacted: not reported.
          skip: once((error) => error.key !== "input.blankInRow"),
        },
        reading,
      );
    } catch (error) {
      // No row with a readable client id: the service figures stand without who contacted.
      if (!(error instanceof RapportError)) throw error;
    }
  }
  return { response, resolution, clients };
}

/** The contracts sheet's end dates and renewals, as of today on the spreadsheet's calendar. */
function readContractSheet(source: SheetColumns, reading: DateReading, skip: (error: RapportError) => void): Contracts {
  const { contractEnd, renewed } = source.contracts;
  const rows = dataRows(source);
  if (contractEnd === null || renewed === null || rows === 0) {
    throw new RapportError("input.empty", { arg: source.sheet.getName() });
  }
  const cells = (c: number) => source.sheet.getRange(2, c, rows, 1).getValues() as Cell[][];
  return readContracts(
    cells(contractEnd),
    cells(renewed),
    reading,
    reading.clock.dayOf(new Date()),
    0,
    { ends: columnName(source, contractEnd), renewed: columnName(source, renewed) },
    skip,
    { ends: { row: 2, column: contractEnd }, renewed: { row: 2, column: renewed } },
  );
}

/** The transactions' categories, lined up with the rows `tx` kept; a blank category cell is an error naming it. */
function readCategories(source: SheetColumns, tx: Transactions): Labels | null {
  const category = source.categories.category;
  const clientId = source.mapping.clientId;
  if (category === null || clientId === null || !tx.row) return null;
  const rows = dataRows(source);
  return readLabels(
    source.sheet.getRange(2, category, rows, 1).getValues() as Cell[][],
    tx.row,
    rows,
    columnName(source, category),
    columnName(source, clientId),
    { row: 2, column: category },
  );
}

/**
 * The stage column's funnel, in the order a person set for the sheet, else that of the column's
 * dropdown (read from its first data cell), else one recognised from the names.
 */
function readFunnel(source: SheetColumns, skip: (error: RapportError) => void): FunnelFigure | null {
  const stage = source.stages.stage;
  const rows = dataRows(source);
  if (stage === null || rows === 0) return null;
  return funnelFigure(
    source.sheet.getRange(2, stage, rows, 1).getValues() as Cell[][],
    source.stageOrder,
    dropdownValues(source.sheet.getRange(2, stage)),
    columnName(source, stage),
    { row: 2, column: stage },
    skip,
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
    const withCategories = source.categories.category !== null;
    transactions = attempt(null, () =>
      leniently(source.sheet.getName(), (skips) => readSheetTransactions(source, reading, skips.skip, withCategories)),
    );
    const tx = transactions;
    // A category column that cannot be read is a problem of its own: the other figures still show.
    const categories = tx && withCategories ? attempt(null, () => readCategories(source, tx)) : null;
    if (tx) customers = attempt(null, () => customerFigures(tx, period, categories));
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

  let service: ServiceFigures | null = null;
  const requests = sources.requests;
  const serviceHours = serviceHoursSetting();
  let workingTime: string | null = null;
  if (requests) {
    // A setting that no longer reads (its days-off sheet deleted) is a problem; the figures fall back to calendar time.
    const working = attempt(null, () => workingTimeOf(serviceHours, ss, reading, locale));
    if (working) workingTime = serviceHoursText(serviceHours, locale);
    service = attempt(null, () =>
      leniently(requests.sheet.getName(), (skips) => {
        const read = readRequestSheet(requests, reading, skips.skip);
        if (!read.response && !read.resolution) return null;
        const contacts = read.clients;
        // The share of clients who contacted support is of the customer base, when there is one.
        const clients = customers ? customers.customers : null;
        return serviceFigures(
          read.response,
          read.resolution,
          period,
          contacts ? { requests: contacts, clients } : null,
          working,
        );
      }),
    );
  }

  let renewals: RenewalsFigure | null = null;
  const contracts = sources.contracts;
  if (contracts) {
    renewals = attempt(null, () =>
      leniently(contracts.sheet.getName(), (skips) =>
        renewalsFigure(readContractSheet(contracts, reading, skips.skip), period, reading.clock.dayOf(new Date())),
      ),
    );
  }

  let funnel: FunnelFigure | null = null;
  const stages = sources.stages;
  if (stages) {
    funnel = attempt(null, () => leniently(stages.sheet.getName(), (skips) => readFunnel(stages, skips.skip)));
  }

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
    alerts: [...trendAlerts(trend), ...(service?.alert ? [service.alert] : [])],
    comments: latestComments(answers),
    themes: themesFigure(answers.nps),
    service,
    serviceHours,
    workingTime,
    renewals,
    funnel,
    problems,
    skipped,
  };
}
