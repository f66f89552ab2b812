/**
 * Shapes that cross google.script.run between the dashboard sidebar and Code.js. Plain JSON only:
 * strings, numbers, booleans, null, arrays and plain objects (dates as ISO strings).
 */

import type { ColumnChoice, SkippedRowsView } from "../../sidebar/shapes";
export type DashboardPeriod = "month" | "quarter";

/** Column roles the dashboard reads: 1-based column numbers, null when the sheet has none. */
export interface ColumnMappingView {
  clientId: number | null;
  name: number | null;
  email: number | null;
  date: number | null;
  amount: number | null;
  score: number | null;
  comment: number | null;
}

/** A sheet's columns read as service requests: 1-based, null when it has none. */
export interface RequestMappingView {
  opened: number | null;
  firstResponse: number | null;
  resolved: number | null;
}

/** A sheet a person may choose as a source, with its columns and their roles (remembered or detected). */
export interface SheetOption {
  sheetId: number;
  name: string;
  columns: ColumnChoice[];
  mapping: ColumnMappingView;
  /** The mapping was confirmed by a person (else detected from headers and cells). */
  remembered: boolean;
  requests: RequestMappingView;
  requestsRemembered: boolean;
  contracts: { contractEnd: number | null; renewed: number | null };
  contractsRemembered: boolean;
  /** Its stage column (a funnel), and the stage order a person set for it (null: guessed). */
  stages: { stage: number | null };
  stagesRemembered: boolean;
  stageOrder: string[] | null;
  /** Its category column, read with the transactions for cross-sell. */
  categories: { category: number | null };
  categoriesRemembered: boolean;
}

export interface ResponsesSummary {
  sheet: string;
  /** Answers with a score, by survey type. */
  answers: number;
  nps: number;
  csat: number;
  ces: number;
}

export interface DashboardSourcesView {
  sheets: SheetOption[];
  /** Sheet ids in use, or null when there is none. */
  transactions: number | null;
  scores: number | null;
  requests: number | null;
  contracts: number | null;
  stages: number | null;
  responses: ResponsesSummary | null;
  /** The team's working time for the service panel, as typed (all blank: calendar time). */
  serviceHours: { hours: string; days: string; holidays: string };
}

export interface MeasureView {
  value: number;
  n: number;
  /** n < 100. */
  smallSample: boolean;
}

export interface NpsView extends MeasureView {
  /** 95 % adjusted-Wald interval, points. */
  lower: number;
  upper: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** Flagged answers left out of n and the figure. */
  flagged: number;
  /** Where the answers come from, e.g. "Clients · NPS score". */
  source: string;
}

/** A source of NPS answers the Dashboard can show. */
export interface NpsSourceView {
  /** "responses", "survey:<id>", "column": what `chooseNpsSource` takes. */
  key: string;
  label: string;
  /** Answers it counts (flagged ones left out). */
  n: number;
}

export interface ScoreView extends MeasureView {
  flagged: number;
}

export interface PeriodRateView extends MeasureView {
  /** The period the rate is of, e.g. "2024-03". */
  period: string;
}

export interface ClvView extends MeasureView {
  aov: number;
  purchasesPerYear: number;
  expectedYears: number;
}

export interface CustomersView {
  churn: PeriodRateView | null;
  retention: PeriodRateView | null;
  repeatRate: MeasureView;
  aov: MeasureView | null;
  clv: ClvView | null;
  /** Clients whose spend in a later period reached their first period's + 10 %; `returning`: over clients who came back. */
  upsell: (MeasureView & { returning: MeasureView | null }) | null;
  /** Cross-sell, with the commonest categories crossed into; null without a category column. */
  crossSell:
    | (MeasureView & {
        returning: MeasureView | null;
        targets: { category: string; clients: number; share: number | null }[];
      })
    | null;
  /** Returns (negative amounts) ÷ orders, and the returned share of revenue; null when nothing was returned. */
  returns: (MeasureView & { revenueRate: number | null; returns: number }) | null;
  /** Why churn and retention are missing, in words, or null. */
  churnGap: string | null;
  clvGap: string | null;
}

export interface TrendPoint {
  /** "2024-03" or "2024-Q1". */
  period: string;
  /** The data end inside this period. */
  partial: boolean;
  nps: number | null;
  npsN: number;
  churnRate: number | null;
  atStart: number | null;
  revenue: number | null;
  orders: number | null;
}

export interface AlertView {
  kind: "nps" | "churn" | "response";
  message: string;
  smallSample: boolean;
}

export interface CommentView {
  kind: string;
  score: number;
  /** ISO day, or null. */
  date: string | null;
  text: string;
}

/** A theme of the NPS comments: a word or two-word phrase one side writes about more. */
export interface ThemeView {
  text: string;
  side: "negative" | "positive";
  negative: number;
  positive: number;
  shareNegative: number;
  sharePositive: number;
  /** Up to two comments of its side that contain it. */
  examples: string[];
}

/** "What clients say": themes of detractors' and promoters' comments, with the comments compared. */
export interface ThemesView {
  negative: number;
  positive: number;
  n: number;
  smallSample: boolean;
  themes: ThemeView[];
}

/** Service speed in one period of opening (hours are calendar hours). */
export interface ServicePeriodView {
  period: string;
  requests: number;
  answered: number;
  medianResponse: number | null;
  p90Response: number | null;
  resolved: number;
  medianResolution: number | null;
  smallSample: boolean;
}

/** The service panel: per period, from the requests sheet. */
export interface ServiceView {
  /** "Requests · Opened": where the figures come from. */
  source: string;
  /** The working time counted, in words ("9-18, Mon-Fri"); null for calendar time. */
  workingTime: string | null;
  requests: number;
  hasResponse: boolean;
  hasResolution: boolean;
  periods: ServicePeriodView[];
  /** Who contacted support in the latest period; null without a client id column. */
  contacts: {
    period: string;
    clients: number;
    requests: number;
    share: number | null;
    of: number | null;
    jumped: number;
  } | null;
}

/** Contracts due in one period (or in all: period "total"): renewed, on time, lapsed, open. */
export interface RenewalRowView {
  period: string;
  due: number;
  renewed: number;
  onTime: number;
  lapsed: number;
  open: number;
  /** Over the decided (renewed + lapsed); null when none is decided. */
  renewalRate: number | null;
  onTimeRate: number | null;
}

/** The renewals card: the latest period with decided contracts, and all of them. */
export interface RenewalsView {
  source: string;
  latest: RenewalRowView | null;
  total: RenewalRowView;
  smallSample: boolean;
}

/** One stage of the funnel: reached, the conversion from the stage before with its 95 % interval. */
export interface FunnelStepView {
  stage: string;
  reached: number;
  conversion: number | null;
  lower: number | null;
  upper: number | null;
  fromFirst: number | null;
  lost: number;
}

/** The funnel of a stage column; `steps` empty while the stage order is not known. */
export interface FunnelView {
  /** "Clients · Stage": where the figures come from. */
  source: string;
  steps: FunnelStepView[];
  /** Index into steps of the lowest conversion, or null. */
  weakest: number | null;
  /** Where the order came from: set by a person, the column's dropdown, or the names; null: unknown. */
  orderFrom: "set" | "dropdown" | "names" | null;
  /** Every stage found, with its clients, in order of first appearance. */
  found: { name: string; clients: number }[];
  /** Stages found beyond those listed in `found`. */
  foundMore: number;
  /** Clients in the funnel (at its first stage or further). */
  clients: number;
  outside: { name: string; clients: number }[];
  /** Stages outside the funnel beyond those listed in `outside`. */
  outsideMore: number;
  smallSample: boolean;
}

export interface DashboardView {
  period: DashboardPeriod;
  sources: DashboardSourcesView;
  nps: NpsView | null;
  /** Every source of NPS answers, and the key of the one shown (null when there is none). */
  npsSources: NpsSourceView[];
  npsSource: string | null;
  csat: ScoreView | null;
  ces: ScoreView | null;
  customers: CustomersView | null;
  trend: TrendPoint[];
  alerts: AlertView[];
  comments: CommentView[];
  themes: ThemesView | null;
  service: ServiceView | null;
  renewals: RenewalsView | null;
  funnel: FunnelView | null;
  /** How each figure is calculated, one sentence each. */
  definitions: string[];
  /** What could not be read, each an actionable sentence. */
  problems: string[];
  /** Rows left out per sheet, each with the first few cells named; the figures use the other rows. */
  skipped: SkippedRowsView[];
}

/** A person's correction of the dashboard's sheets and columns (null: none). */
export interface DashboardColumnsChoice {
  transactions: {
    sheetId: number | null;
    clientId: number | null;
    date: number | null;
    amount: number | null;
    /** Absent: the category column is left as it is. */
    category?: number | null;
  };
  scores: { sheetId: number | null; score: number | null; date: number | null; comment: number | null };
  /** Absent: the requests choice is left as it is. */
  requests?: {
    sheetId: number | null;
    opened: number | null;
    firstResponse: number | null;
    resolved: number | null;
  };
  /** Absent: the contracts choice is left as it is. */
  contracts?: { sheetId: number | null; contractEnd: number | null; renewed: number | null };
  /** Absent: the working time is left as it is. All blank: calendar time. */
  serviceHours?: { hours: string; days: string; holidays: string };
  /** Absent: the funnel choice is left as it is. `order`: the stages in order, one per line ("" guesses). */
  stages?: { sheetId: number | null; stage: number | null; order: string };
}

export interface ReportResult {
  sheet: string;
  /** True when this run made the sheet, false when it updated it. */
  created: boolean;
  charts: number;
  message: string;
}
