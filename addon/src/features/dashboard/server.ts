import { columnLetter } from "../../../../shared/cells/a1";
import { isoDay } from "../../../../shared/cells/dates";
import { skippedRowsView } from "../../../../shared/cells/skippedRows";
import { TREND_PERIODS, type TrendPeriod } from "../../../../shared/dashboard/figures";
import { alertMessage, definitions, gapMessage, npsSourceLabel } from "../../../../shared/dashboard/text";
import { RapportError } from "../../../../shared/errors";
import type { Locale } from "../../../../shared/i18n/locale";
import type { RenewalTotals } from "../../../../shared/metrics/renewals";
import type { ColumnMapping, ColumnRole } from "../../../../shared/sheets/columns";
import {
  type CATEGORY_ROLES,
  COLUMN_ROLES,
  CONTRACT_ROLES,
  REQUEST_ROLES,
  SCORE_ROLES,
  STAGE_ROLES,
  TRANSACTION_ROLES,
} from "../../../../shared/sheets/roles";
import { parseStageOrder } from "../../../../shared/sheets/stageOrder";
import { countedInFigures } from "../../../../shared/surveys/flags";
import { userLocale } from "../../services/locale";
import {
  dataSources,
  forgetColumns,
  forgetKindColumns,
  forgetSource,
  rememberColumns,
  rememberKindColumns,
  rememberSource,
  rememberStageOrder,
  type SheetColumns,
  type SheetKind,
  sheetColumns,
} from "../../sheet/clientSheets";
import { columnName, spreadsheetReading } from "../../sheet/transactions";
import { openSidebar } from "../../sidebar/open";
import { sidebarCall } from "../../sidebar/serverCall";
import { type DashboardData, NPS_SOURCE_PROPERTY, readDashboard } from "./read";
import { saveServiceHours } from "./serviceHours";
import type {
  ColumnMappingView,
  DashboardColumnsChoice,
  DashboardPeriod,
  DashboardView,
  MeasureView,
  RenewalRowView,
  SheetOption,
} from "./shapes";

const PERIOD_PROPERTY = "rapport.dashboard.period";

export function showDashboard(): void {
  openSidebar("dashboard", "ui.dashboard.title");
}

/** The period asked for, else the one last used in this spreadsheet, else months. */
export function dashboardPeriod(value: unknown): TrendPeriod {
  const props = PropertiesService.getDocumentProperties();
  if (value === null || value === undefined || value === "") {
    const stored = props.getProperty(PERIOD_PROPERTY);
    return stored === "quarter" ? "quarter" : "month";
  }
  if (typeof value !== "string" || !(TREND_PERIODS as readonly string[]).includes(value)) {
    throw new RapportError("dashboard.badPeriod", { value: String(value).slice(0, 40) });
  }
  props.setProperty(PERIOD_PROPERTY, value);
  return value as TrendPeriod;
}

const mappingView = (m: ColumnMapping): ColumnMappingView => ({ ...m });

function sheetOption(source: SheetColumns): SheetOption {
  return {
    sheetId: source.sheet.getSheetId(),
    name: source.sheet.getName(),
    columns: source.headers.map((header, i) => ({ column: i + 1, letter: columnLetter(i + 1), header })),
    mapping: mappingView(source.mapping),
    remembered: source.remembered,
    requests: {
      opened: source.requests.opened,
      firstResponse: source.requests.firstResponse,
      resolved: source.requests.resolved,
    },
    requestsRemembered: source.requestsRemembered,
    contracts: { ...source.contracts },
    contractsRemembered: source.contractsRemembered,
    stages: { ...source.stages },
    stagesRemembered: source.stagesRemembered,
    stageOrder: source.stageOrder,
    categories: { ...source.categories },
    categoriesRemembered: source.categoriesRemembered,
  };
}

const renewalRow = (row: RenewalTotals): RenewalRowView => ({
  period: row.label,
  due: row.due,
  renewed: row.renewed,
  onTime: row.onTime,
  lapsed: row.lapsed,
  open: row.open,
  renewalRate: row.renewalRate,
  onTimeRate: row.onTimeRate,
});

/** Stages a stage order may list, and the longest name: a document property holds at most 9 KB. */
const MAX_STAGES = 30;
const MAX_STAGE_NAME = 100;
/** Stages outside the funnel named beside it, most clients first; the rest are counted. */
const OUTSIDE_SHOWN = 10;

const measureView = (m: { value: number; n: number; smallSample: boolean }): MeasureView => ({
  value: m.value,
  n: m.n,
  smallSample: m.smallSample,
});

/** The dashboard's figures as plain JSON for the sidebar, texts in the user's language. */
export function dashboardView(data: DashboardData, locale: Locale): DashboardView {
  const { survey, customers, sources, period } = data;
  const sheets = sources.sheets.map(sheetOption);
  return {
    period,
    sources: {
      sheets,
      transactions: sources.transactions?.sheet.getSheetId() ?? null,
      scores: sources.scores?.sheet.getSheetId() ?? null,
      requests: sources.requests?.sheet.getSheetId() ?? null,
      contracts: sources.contracts?.sheet.getSheetId() ?? null,
      stages: sources.stages?.sheet.getSheetId() ?? null,
      responses: data.responses,
      serviceHours: { ...data.serviceHours },
    },
    nps: survey.nps
      ? {
          ...measureView(survey.nps),
          lower: survey.nps.lower,
          upper: survey.nps.upper,
          promoters: survey.nps.promoters,
          passives: survey.nps.passives,
          detractors: survey.nps.detractors,
          flagged: survey.nps.flagged,
          source: data.npsSource ? npsSourceLabel(data.npsSource, locale) : "",
        }
      : null,
    npsSources: data.npsSources.map((s) => ({
      key: s.key,
      label: npsSourceLabel(s, locale),
      n: countedInFigures(s.answers).length,
    })),
    npsSource: data.npsSource?.key ?? null,
    csat: survey.csat ? { ...measureView(survey.csat), flagged: survey.csat.flagged } : null,
    ces: survey.ces ? { ...measureView(survey.ces), flagged: survey.ces.flagged } : null,
    customers: customers
      ? {
          churn: customers.churn ? { ...measureView(customers.churn), period: customers.churn.period } : null,
          retention: customers.retention
            ? { ...measureView(customers.retention), period: customers.retention.period }
            : null,
          repeatRate: measureView(customers.repeatRate),
          aov: customers.aov ? measureView(customers.aov) : null,
          clv: customers.clv
            ? {
                ...measureView(customers.clv),
                aov: customers.clv.aov,
                purchasesPerYear: customers.clv.purchasesPerYear,
                expectedYears: customers.clv.expectedYears,
              }
            : null,
          upsell: customers.upsell
            ? {
                ...measureView(customers.upsell),
                returning: customers.upsell.returning ? measureView(customers.upsell.returning) : null,
              }
            : null,
          crossSell: customers.crossSell
            ? {
                ...measureView(customers.crossSell),
                returning: customers.crossSell.returning ? measureView(customers.crossSell.returning) : null,
                targets: customers.crossSell.targets.map((target) => ({ ...target })),
              }
            : null,
          returns: customers.returns
            ? {
                ...measureView(customers.returns),
                revenueRate: customers.returns.revenueRate,
                returns: customers.returns.returns,
              }
            : null,
          churnGap: customers.churnGap ? gapMessage(customers.churnGap, period, locale) : null,
          clvGap: customers.clvGap ? gapMessage(customers.clvGap, period, locale) : null,
        }
      : null,
    trend: data.trend.map((r) => ({
      period: r.period,
      partial: r.partial,
      nps: r.nps,
      npsN: r.npsN,
      churnRate: r.churnRate,
      atStart: r.atStart,
      revenue: r.revenue,
      orders: r.orders,
    })),
    alerts: data.alerts.map((a) => ({ kind: a.kind, message: alertMessage(a, locale), smallSample: a.smallSample })),
    comments: data.comments.map((c) => ({
      kind: c.kind,
      score: c.score,
      date: c.day === null ? null : isoDay(c.day),
      text: c.comment,
    })),
    // The figure is plain data already; z stays on the server (the sidebar shows shares and counts).
    themes: data.themes
      ? {
          ...data.themes,
          themes: data.themes.themes.map(({ z: _, ...theme }) => ({ ...theme, examples: [...theme.examples] })),
        }
      : null,
    service:
      data.service && sources.requests
        ? {
            source: columnName(sources.requests, sources.requests.requests.opened as number),
            workingTime: data.workingTime,
            requests: data.service.requests,
            hasResponse: data.service.hasResponse,
            hasResolution: data.service.hasResolution,
            periods: data.service.periods.map((p) => ({ ...p })),
            contacts: data.service.contacts ? { ...data.service.contacts } : null,
          }
        : null,
    renewals:
      data.renewals && sources.contracts
        ? {
            source: columnName(sources.contracts, sources.contracts.contracts.contractEnd as number),
            latest: data.renewals.latest ? renewalRow(data.renewals.latest) : null,
            total: renewalRow(data.renewals.total),
            smallSample: data.renewals.smallSample,
          }
        : null,
    funnel:
      data.funnel && sources.stages
        ? {
            source: columnName(sources.stages, sources.stages.stages.stage as number),
            steps: data.funnel.funnel ? data.funnel.funnel.steps.map((step) => ({ ...step })) : [],
            weakest: data.funnel.funnel?.weakest ?? null,
            orderFrom: data.funnel.orderFrom,
            found: data.funnel.found.slice(0, MAX_STAGES).map((stage) => ({ ...stage })),
            foundMore: Math.max(0, data.funnel.found.length - MAX_STAGES),
            clients: data.funnel.clients,
            outside: data.funnel.outside.slice(0, OUTSIDE_SHOWN).map((stage) => ({ ...stage })),
            outsideMore: Math.max(0, data.funnel.outside.length - OUTSIDE_SHOWN),
            smallSample: data.funnel.smallSample,
          }
        : null,
    definitions: definitions(customers?.inactiveDays ?? null, locale),
    problems: data.problems,
    skipped: data.skipped.map((s) => skippedRowsView(s.sheet, s.rows, locale)),
  };
}

/**
 * The dashboard's figures read and shown, the NPS source remembered once shown: so the figures
 * never switch source by themselves when another source appears (a first sync); a person switches.
 */
function readAndShow(period: DashboardPeriod | null): DashboardView {
  const locale = userLocale();
  const data = readDashboard(dashboardPeriod(period), locale);
  if (data.npsSource && !data.npsSourceRemembered) {
    PropertiesService.getDocumentProperties().setProperty(NPS_SOURCE_PROPERTY, data.npsSource.key);
  }
  return dashboardView(data, locale);
}

/** Figures for the sidebar; `period` null uses the one last chosen in this spreadsheet. */
export function dashboardData(period: DashboardPeriod | null): DashboardView {
  return sidebarCall(() => readAndShow(period));
}

const NPS_SOURCE_KEY = /^(responses|column|survey:[A-Za-z0-9_-]{1,64})$/;

/** Chooses where the NPS comes from (one of the view's `npsSources`), for the sidebar, report and digest. */
export function chooseNpsSource(key: string, period: DashboardPeriod | null): DashboardView {
  return sidebarCall(() => {
    if (typeof key !== "string" || !NPS_SOURCE_KEY.test(key)) throw new RapportError("dashboard.badChoice");
    PropertiesService.getDocumentProperties().setProperty(NPS_SOURCE_PROPERTY, key);
    return readAndShow(period);
  });
}

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function sheetById(id: unknown): Sheet | null {
  if (id === null) return null;
  if (typeof id !== "number" || !Number.isInteger(id)) throw new RapportError("dashboard.badChoice");
  const sheet = SpreadsheetApp.getActiveSpreadsheet()
    .getSheets()
    .find((s) => s.getSheetId() === id);
  if (!sheet) throw new RapportError("dashboard.noSuchSheet", { id });
  return sheet;
}

/**
 * Applies a person's columns to a sheet's mapping: each chosen column takes its role and leaves
 * any other role it had, so no column holds two roles. Two roles chosen for one column is an error.
 */
function applyColumns(sheet: Sheet, mapping: ColumnMapping, chosen: Partial<Record<ColumnRole, unknown>>): void {
  const claim = columnClaims(sheet);
  for (const role of COLUMN_ROLES) {
    if (!(role in chosen)) continue;
    const column = claim(role, chosen[role]);
    if (column !== null) for (const r of COLUMN_ROLES) if (mapping[r] === column && !(r in chosen)) mapping[r] = null;
    mapping[role] = column;
  }
}

type RoleKey =
  | ColumnRole
  | (typeof REQUEST_ROLES)[number]
  | (typeof CONTRACT_ROLES)[number]
  | (typeof STAGE_ROLES)[number]
  | (typeof CATEGORY_ROLES)[number];

/**
 * Checks a person's column for a role: a whole number of a column the sheet has, or null, and
 * not one another role of the same choice already took (that is an error naming both roles).
 */
function columnClaims(sheet: Sheet): (role: RoleKey, value: unknown) => number | null {
  const width = sheet.getLastColumn();
  const taken = new Map<number, RoleKey>();
  return (role, value) => {
    if (value === null || value === undefined) return null;
    if (typeof value !== "number" || !Number.isInteger(value)) throw new RapportError("dashboard.badChoice");
    if (value < 1 || value > width) {
      throw new RapportError("dashboard.noSuchColumn", { sheet: sheet.getName(), column: String(value) });
    }
    const other = taken.get(value);
    if (other) {
      throw new RapportError("dashboard.sameColumn", {
        sheet: sheet.getName(),
        column: columnLetter(value),
        first: { key: `ui.dashboard.role.${other}` },
        second: { key: `ui.dashboard.role.${role}` },
      });
    }
    taken.set(value, role);
    return value;
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

/**
 * Remembers a request, contract or stage sheet and its columns (`roles` of the choice); each
 * column holds one role. Returns the sheet, or null for "none".
 */
function saveKindColumns(
  kind: Exclude<SheetKind, "categories">,
  roles: readonly RoleKey[],
  choice: Record<string, unknown>,
  columnsOf: (sheet: Sheet) => SheetColumns,
): Sheet | null {
  const sheet = sheetById(choice.sheetId ?? null);
  rememberSource(kind, sheet ? sheet.getSheetId() : null);
  if (!sheet) return null;
  const mapping: Record<string, number | null> = { ...columnsOf(sheet)[kind] };
  const claim = columnClaims(sheet);
  for (const role of roles) mapping[role] = claim(role, choice[role]);
  rememberKindColumns(kind, sheet, mapping);
  return sheet;
}

/** Remembers the funnel's sheet, stage column and stage order ("" forgets the order: it is guessed). */
function saveStages(choice: unknown, columnsOf: (sheet: Sheet) => SheetColumns): void {
  if (!isRecord(choice) || typeof choice.order !== "string") throw new RapportError("dashboard.badChoice");
  const order = parseStageOrder(choice.order);
  if (order.length > MAX_STAGES || order.some((name) => name.length > MAX_STAGE_NAME)) {
    throw new RapportError("dashboard.stageOrderTooLong", { stages: MAX_STAGES, characters: MAX_STAGE_NAME });
  }
  if (order.length === 1) throw new RapportError("dashboard.stageOrderOne");
  const sheet = saveKindColumns("stages", STAGE_ROLES, choice, columnsOf);
  if (sheet) rememberStageOrder(sheet, order);
}

/**
 * Remembers the transactions sheet's category column (a number, or null for none), which must not
 * be its client id, date or amount column.
 */
function saveCategory(sheet: Sheet, mapping: ColumnMapping, value: unknown): void {
  const claim = columnClaims(sheet);
  for (const role of TRANSACTION_ROLES) if (mapping[role] !== null) claim(role, mapping[role]);
  rememberKindColumns("categories", sheet, { category: claim("category", value) });
}

/**
 * Remembers the sheets and columns a person chose in the sidebar (per sheet, in document
 * properties) and returns the figures read with them.
 */
export function saveDashboardColumns(choice: DashboardColumnsChoice, period: DashboardPeriod | null): DashboardView {
  return sidebarCall(() => {
    if (!isRecord(choice) || !isRecord(choice.transactions) || !isRecord(choice.scores)) {
      throw new RapportError("dashboard.badChoice");
    }
    // Checked first: a working time that does not read leaves every other choice as it was.
    if (choice.serviceHours !== undefined) {
      const ss = SpreadsheetApp.getActiveSpreadsheet();
      saveServiceHours(choice.serviceHours, ss, spreadsheetReading(ss), userLocale());
    }
    const { sheetId: txId, ...txColumns } = choice.transactions;
    const { sheetId: scoresId, ...scoreColumns } = choice.scores;
    const txSheet = sheetById(txId);
    const scoresSheet = sheetById(scoresId);
    // Each sheet's columns read once for every choice made on it.
    const columns = new Map<Sheet, SheetColumns>();
    const columnsOf = (sheet: Sheet): SheetColumns => {
      let c = columns.get(sheet);
      if (!c) {
        c = sheetColumns(sheet);
        columns.set(sheet, c);
      }
      return c;
    };
    const mappings = new Map<Sheet, ColumnMapping>();
    const mappingOf = (sheet: Sheet) => {
      let m = mappings.get(sheet);
      if (!m) {
        m = { ...columnsOf(sheet).mapping };
        mappings.set(sheet, m);
      }
      return m;
    };
    const pick = (columns: Record<string, unknown>, roles: readonly ColumnRole[]) => {
      const out: Partial<Record<ColumnRole, unknown>> = {};
      for (const role of roles) if (role in columns) out[role] = columns[role] ?? null;
      return out;
    };
    const txChosen = pick(txColumns, TRANSACTION_ROLES);
    const scoreChosen = pick(scoreColumns, SCORE_ROLES);
    if (txSheet && scoresSheet && txSheet === scoresSheet) {
      // One sheet for both: the two choices together must still give each column one role.
      const both = { ...txChosen };
      for (const [role, column] of Object.entries(scoreChosen)) {
        if (role === "date" && "date" in both && both.date !== column) {
          throw new RapportError("dashboard.oneDate", { sheet: txSheet.getName() });
        }
        both[role as ColumnRole] = column;
      }
      applyColumns(txSheet, mappingOf(txSheet), both);
    } else {
      if (txSheet) applyColumns(txSheet, mappingOf(txSheet), txChosen);
      if (scoresSheet) applyColumns(scoresSheet, mappingOf(scoresSheet), scoreChosen);
    }
    for (const [sheet, mapping] of mappings) rememberColumns(sheet, mapping);
    rememberSource("transactions", txSheet ? txSheet.getSheetId() : null);
    rememberSource("scores", scoresSheet ? scoresSheet.getSheetId() : null);
    if (txSheet && "category" in txColumns) saveCategory(txSheet, mappingOf(txSheet), txColumns.category ?? null);
    for (const [kind, roles] of [
      ["requests", REQUEST_ROLES],
      ["contracts", CONTRACT_ROLES],
    ] as const) {
      const kindChoice: unknown = choice[kind];
      if (kindChoice === undefined) continue;
      if (!isRecord(kindChoice)) throw new RapportError("dashboard.badChoice");
      saveKindColumns(kind, roles, kindChoice, columnsOf);
    }
    if (choice.stages !== undefined) saveStages(choice.stages, columnsOf);
    const locale = userLocale();
    return dashboardView(readDashboard(dashboardPeriod(period), locale), locale);
  });
}

/** Forgets the sheets and columns chosen for the dashboard: they are detected again. */
export function resetDashboardColumns(period: DashboardPeriod | null): DashboardView {
  return sidebarCall(() => {
    const locale = userLocale();
    const before = dataSources(SpreadsheetApp.getActiveSpreadsheet());
    for (const source of [before.transactions, before.scores]) if (source) forgetColumns(source.sheet);
    if (before.requests) forgetKindColumns("requests", before.requests.sheet);
    if (before.contracts) forgetKindColumns("contracts", before.contracts.sheet);
    if (before.stages) forgetKindColumns("stages", before.stages.sheet);
    if (before.transactions) forgetKindColumns("categories", before.transactions.sheet);
    // A stage order a person typed is not a guess about columns: it stays.
    for (const kind of ["transactions", "scores", "requests", "contracts", "stages"] as const) forgetSource(kind);
    return dashboardView(readDashboard(dashboardPeriod(period), locale), locale);
  });
}
