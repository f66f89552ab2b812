/**
 * Shapes that cross google.script.run between sidebars and Code.js. Plain JSON only: strings,
 * numbers, booleans, null, arrays and plain objects (dates as ISO strings), so they arrive intact.
 */

export interface ColumnChoice {
  /** 1-based column number in the sheet. */
  column: number;
  letter: string;
  header: string;
}

export interface NpsSidebarState {
  sheet: string;
  /** A1 notation of the current selection, or null. */
  selection: string | null;
  columns: ColumnChoice[];
  /** The column that looks like scores, preselected in the picker. */
  suggestedColumn: number | null;
}

export interface NpsResultView {
  /** Where the scores were read, e.g. "Clients!E2:E301". */
  range: string;
  nps: number;
  n: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** True when n < 100: the sidebar warns that the score moves a lot by chance. */
  smallSample: boolean;
}

export interface SettingsState {
  workerUrl: string;
  /** The URL this build may call (the manifest's urlFetchWhitelist). */
  allowedUrl: string;
  enrolled: boolean;
  workspaceId: string | null;
  /** ISO time of enrollment. */
  enrolledAt: string | null;
}

export interface ConnectionResult {
  /** Human-readable outcome in the user's language. */
  message: string;
  version: string;
  workspaceId: string | null;
}

// ---------------------------------------------------------------------------------------------
// Dashboard sidebar (addon/src/ui/dashboardSidebar.ts)

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

/** A sheet a person may choose as a source, with its columns and their roles (remembered or detected). */
export interface SheetOption {
  sheetId: number;
  name: string;
  columns: ColumnChoice[];
  mapping: ColumnMappingView;
  /** The mapping was confirmed by a person (else detected from headers and cells). */
  remembered: boolean;
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
  responses: ResponsesSummary | null;
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
  flagged: number;
  /** Where the answers come from, e.g. "Clients · NPS score". */
  source: string;
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
  kind: "nps" | "churn";
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

export interface DashboardView {
  period: DashboardPeriod;
  sources: DashboardSourcesView;
  nps: NpsView | null;
  csat: ScoreView | null;
  ces: ScoreView | null;
  customers: CustomersView | null;
  trend: TrendPoint[];
  alerts: AlertView[];
  comments: CommentView[];
  /** How each figure is calculated, one sentence each. */
  definitions: string[];
  /** What could not be read, each an actionable sentence. */
  problems: string[];
}

/** A person's correction of the dashboard's sheets and columns (null: none). */
export interface DashboardColumnsChoice {
  transactions: { sheetId: number | null; clientId: number | null; date: number | null; amount: number | null };
  scores: { sheetId: number | null; score: number | null; date: number | null; comment: number | null };
}

export interface ReportResult {
  sheet: string;
  /** True when this run made the sheet, false when it updated it. */
  created: boolean;
  charts: number;
  message: string;
}

/** Segments sidebar: a sheet the sidebar reads or writes. */
export interface SegmentSheetView {
  name: string;
  /** Data rows below the header. */
  rows: number;
  /** The columns found, e.g. "A · Client ID, B · Date, D · Amount". */
  columns: string;
}

export type SegmentMethodName = "rfm" | "abcXyz" | "clv" | "clusters";

export interface SegmentsState {
  /** Every sheet, for the pickers. */
  sheets: string[];
  transactions: SegmentSheetView | null;
  clients: SegmentSheetView | null;
  /** What stops a run with these sheets (no transactions sheet, a missing column…), in words; null if none. */
  problem: string | null;
  enrolled: boolean;
  /** Transactions above which RFM, CLV and clusters go to the Worker (docs/segments.md). */
  threshold: number;
  /** True when the transactions have more rows than the threshold. */
  large: boolean;
}

export interface SegmentsRequest {
  method: SegmentMethodName;
  /** Sheet names chosen in the sidebar; the detected sheets when absent. */
  transactionsSheet?: string;
  clientsSheet?: string;
  /** Compute in Apps Script even when the data is above the threshold. */
  computeHere?: boolean;
}

export interface SegmentSummaryView {
  key: string;
  /** The name written in the sheet, in the user's language. */
  label: string;
  description: string | null;
  action: string;
  customers: number;
  share: number;
  revenue: number;
  revenueShare: number;
  averageRevenue: number;
}

export interface SegmentationRun {
  method: SegmentMethodName;
  engine: "local" | "worker";
  /** yyyy-mm-dd. */
  asOf: string;
  transactions: number;
  /** Clients with purchases (in the summary). */
  customers: number;
  summary: SegmentSummaryView[];
  /** Client-list rows whose id has no purchase, and how they are marked. */
  noPurchases: { rows: number; label: string; action: string };
  /** Clients with purchases missing from the client list. */
  notInList: number;
  sheet: string;
  /** The columns written, e.g. ["H · RFM code", "I · RFM segment", "J · RFM action"]. */
  columns: string[];
  /** The same as letters, adjacent columns as a range: "H–J". */
  columnRange: string;
  /** Client-list rows below the header. */
  rows: number;
  /** Rows written so far. */
  written: number;
  /** Rows written per execution. */
  blockRows: number;
  /** Set while rows remain to be written: pass it to writeSegmentation. */
  jobId: string | null;
}

export interface WriteProgress {
  written: number;
  rows: number;
  done: boolean;
}

/** Client card: one survey answer. */
export interface ClientAnswerView {
  survey: string;
  /** nps, csat, ces, … ("" when unknown). */
  type: string;
  score: number | null;
  comment: string;
  /** yyyy-mm-dd, or null. */
  date: string | null;
  flags: string[];
  finished: boolean;
}

export interface ClientCardView {
  /** The id as the sheet shows it. */
  clientId: string;
  /** Where the client was selected. */
  sheet: string;
  row: number;
  name: string | null;
  email: string | null;
  /** The transactions sheet read, and the as-of date (its last date, yyyy-mm-dd). */
  transactionsSheet: string | null;
  asOf: string | null;
  purchases: {
    orders: number;
    firstPurchase: string;
    lastPurchase: string;
    daysSinceLast: number;
    total: number;
    average: number;
  } | null;
  rfm: { key: string; label: string; r: number; f: number; m: number; code: number; action: string } | null;
  stage: { key: string; label: string } | null;
  prediction: { pAlive: number; expectedPurchases: number; clv: number | null } | null;
  /** Why a part is missing (no transactions sheet, a model that cannot be fitted…), in words. */
  notes: string[];
  answers: ClientAnswerView[];
  nextStep: { rule: string; text: string };
}

/** A survey as the Surveys sidebar lists it. */
export interface SurveyView {
  id: string;
  title: string;
  type: "nps" | "csat" | "ces" | "csi";
  status: "open" | "closed" | "full";
  /** Languages the question is written in. */
  languages: ("en" | "ru")[];
  /** The question in the user's language (else the other one). */
  question: string;
  responseCount: number;
  /** The public link (answerable when `anonymous`). */
  url: string;
  anonymous: boolean;
  /** ISO instants or null. */
  closesAt: string | null;
  maxResponses: number | null;
  throttleDays: number | null;
  createdAt: string;
}

/** What the Surveys sidebar shows on open. */
export interface SurveysState {
  enrolled: boolean;
  /** Today in the spreadsheet's time zone (yyyy-mm-dd): the earliest close date. */
  today: string;
  /** Where "Add links" writes: the client list and its client id column. */
  clients: { sheet: string; column: string; header: string; count: number } | null;
  /** Why there is no client list, in words, when `clients` is null. */
  clientsProblem: string | null;
  /** Newest first; empty when not enrolled. */
  surveys: SurveyView[];
}

/** `createSurvey`: the new survey, or the form's problems by field ("title", "factors.0.weight"…). */
export type CreateSurveyResult =
  | { ok: true; survey: SurveyView }
  | { ok: false; issues: { field: string; message: string }[] };

/** One execution of "Add links"; the sidebar calls again from `done` until it equals `total`. */
export interface AddLinksView {
  sheet: string;
  linkColumn: string;
  eligibleColumn: string;
  total: number;
  done: number;
  written: number;
  eligible: number;
  skipped: number;
}

/** The email snippet of one client's personal link. */
export interface EmailSnippetView {
  contactId: string;
  html: string;
  /** True when the client is the selected row's, false when it is the first of the list. */
  fromSelection: boolean;
  sheet: string;
}

/** One execution of "Sync answers". */
export interface SyncView {
  surveys: { surveyId: string; title: string; added: number; updated: number; flagged: number; error: string | null }[];
  added: number;
  updated: number;
  flagged: number;
  /** "Survey title: what went wrong", one per survey that failed. */
  errors: string[];
  /** Answers are still waiting: run again (the sidebar does so itself). */
  more: boolean;
  /** The outcome in words. */
  message: string;
}
