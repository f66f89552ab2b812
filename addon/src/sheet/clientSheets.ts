import { type DateReading, dateReading } from "../../../shared/cells/dates";
import type { Cell } from "../../../shared/cells/values";
import {
  type ColumnMapping,
  type ColumnRole,
  detectColumns,
  EMPTY_MAPPING,
  profileColumns,
} from "../../../shared/sheets/columns";
import { RESPONSES_SHEET } from "../../../shared/sheets/responses";
import {
  type CategoryMapping,
  type ContractMapping,
  detectCategoryColumn,
  detectContractColumns,
  detectRequestColumns,
  detectStageColumn,
  EMPTY_CATEGORY_MAPPING,
  EMPTY_CONTRACT_MAPPING,
  EMPTY_REQUEST_MAPPING,
  EMPTY_STAGE_MAPPING,
  isContractSheet,
  isRequestSheet,
  type RequestMapping,
  type StageMapping,
} from "../../../shared/sheets/sheetKinds";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Rows sampled to guess a sheet's columns: enough to see their content, cheap to read. */
const SAMPLE_ROWS = 200;
const PROPERTY_PREFIX = "rapport.columns.";
/**
 * Sheets of their own kind (requests, contracts) and optional columns of a client sheet (a stage
 * column for the funnel, a category column of the transactions) have roles of their own,
 * remembered per sheet under their own property prefix when a person confirms them.
 */
export type SheetKind = "requests" | "contracts" | "stages" | "categories";
const KIND_PROPERTY_PREFIX: Readonly<Record<SheetKind, string>> = {
  requests: "rapport.requestColumns.",
  contracts: "rapport.contractColumns.",
  stages: "rapport.stageColumns.",
  categories: "rapport.categoryColumns.",
};
const STAGE_ORDER_PREFIX = "rapport.stageOrder.";

/** A sheet's columns by role, and whether a person confirmed them (remembered) or they are a guess. */
export interface SheetColumns {
  sheet: Sheet;
  headers: string[];
  mapping: ColumnMapping;
  remembered: boolean;
  /** Its columns read as a sheet of service requests (opened, first response, resolved). */
  requests: RequestMapping;
  requestsRemembered: boolean;
  /** Its columns read as a sheet of contracts (end date, renewed). */
  contracts: ContractMapping;
  contractsRemembered: boolean;
  /** Its column of each client's stage in a funnel. */
  stages: StageMapping;
  stagesRemembered: boolean;
  /** Its category (product) column, beside the client roles (read with the transactions). */
  categories: CategoryMapping;
  categoriesRemembered: boolean;
  /** The order of its stage column's stages a person set (Columns ▸ Funnel), or null. */
  stageOrder: string[] | null;
}

type Properties = Readonly<Record<string, string>>;

/**
 * What every sheet's columns are read with, fetched once for a pass over the sheets: each
 * getProperty or getSpreadsheetTimeZone is a round trip to Google, and a pass reads several
 * remembered choices per sheet.
 */
interface SheetContext {
  readonly props: Properties;
  readonly reading: DateReading;
}

function sheetContext(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): SheetContext {
  return {
    props: PropertiesService.getDocumentProperties().getProperties(),
    reading: dateReading(ss.getSpreadsheetTimeZone(), ss.getSpreadsheetLocale()),
  };
}

/** A remembered mapping under `key`: each role a column of the sheet (1…width), or null; null when nothing is remembered. */
function rememberedMapping<M extends Record<string, number | null>>(
  props: Properties,
  key: string,
  empty: M,
  width: number,
): M | null {
  const raw = props[key];
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Record<string, unknown>;
    const mapping: Record<string, number | null> = { ...empty };
    for (const role of Object.keys(mapping)) {
      const value = parsed[role];
      mapping[role] =
        typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= width ? value : null;
    }
    return mapping as M;
  } catch {
    return null;
  }
}

/** The stage order remembered under `key`, or null. */
function rememberedOrder(props: Properties, key: string): string[] | null {
  const raw = props[key];
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as unknown;
    return Array.isArray(parsed) && parsed.every((name) => typeof name === "string") ? parsed : null;
  } catch {
    return null;
  }
}

/** The columns of a sheet: the remembered mapping, else a guess from its header and first rows. */
export function sheetColumns(sheet: Sheet, context: SheetContext = sheetContext(sheet.getParent())): SheetColumns {
  const width = sheet.getLastColumn();
  const height = sheet.getLastRow();
  if (width === 0 || height === 0) {
    return {
      sheet,
      headers: [],
      mapping: detectColumns([], [], dateReading("UTC", "en")),
      remembered: false,
      requests: { ...EMPTY_REQUEST_MAPPING },
      requestsRemembered: false,
      contracts: { ...EMPTY_CONTRACT_MAPPING },
      contractsRemembered: false,
      stages: { ...EMPTY_STAGE_MAPPING },
      stagesRemembered: false,
      categories: { ...EMPTY_CATEGORY_MAPPING },
      categoriesRemembered: false,
      stageOrder: null,
    };
  }
  const sample = sheet.getRange(1, 1, Math.min(height, SAMPLE_ROWS + 1), width).getValues() as Cell[][];
  const headers = (sample[0] ?? []).map((h) => String(h ?? "").trim());
  const { props, reading } = context;
  const id = sheet.getSheetId();
  const remembered = (kind: SheetKind, empty: Record<string, number | null>) =>
    rememberedMapping(props, KIND_PROPERTY_PREFIX[kind] + id, empty, width);
  const rememberedRequests = remembered("requests", EMPTY_REQUEST_MAPPING) as RequestMapping | null;
  const rememberedContracts = remembered("contracts", EMPTY_CONTRACT_MAPPING) as ContractMapping | null;
  const rememberedStages = remembered("stages", EMPTY_STAGE_MAPPING) as StageMapping | null;
  const rememberedCategories = remembered("categories", EMPTY_CATEGORY_MAPPING) as CategoryMapping | null;
  const rows = sample.slice(1);
  // The sample's columns are profiled once for every kind of source they are matched against.
  const profiles = profileColumns(headers, rows, reading);
  const rememberedRoles = rememberedMapping(props, PROPERTY_PREFIX + id, EMPTY_MAPPING, width);
  const mapping = rememberedRoles ?? detectColumns(headers, rows, reading, profiles);
  return {
    sheet,
    headers,
    mapping,
    remembered: rememberedRoles !== null,
    requests: rememberedRequests ?? detectRequestColumns(headers, rows, reading, profiles),
    requestsRemembered: rememberedRequests !== null,
    contracts: rememberedContracts ?? detectContractColumns(headers, rows, reading, profiles),
    contractsRemembered: rememberedContracts !== null,
    stages: rememberedStages ?? detectStageColumn(headers, profiles),
    stagesRemembered: rememberedStages !== null,
    // The category is looked for among the columns the client roles leave free.
    categories: rememberedCategories ?? detectCategoryColumn(headers, profiles, Object.values(mapping)),
    categoriesRemembered: rememberedCategories !== null,
    stageOrder: rememberedOrder(props, STAGE_ORDER_PREFIX + id),
  };
}

/** Remembers a person's correction of a request or contract sheet's columns. */
export function rememberKindColumns(kind: SheetKind, sheet: Sheet, mapping: Record<string, number | null>): void {
  PropertiesService.getDocumentProperties().setProperty(
    KIND_PROPERTY_PREFIX[kind] + sheet.getSheetId(),
    JSON.stringify(mapping),
  );
}

export function forgetKindColumns(kind: SheetKind, sheet: Sheet): void {
  PropertiesService.getDocumentProperties().deleteProperty(KIND_PROPERTY_PREFIX[kind] + sheet.getSheetId());
}

/** Remembers a stage order for a sheet; an empty one forgets it (the order is guessed again). */
export function rememberStageOrder(sheet: Sheet, order: readonly string[]): void {
  const props = PropertiesService.getDocumentProperties();
  if (order.length === 0) props.deleteProperty(STAGE_ORDER_PREFIX + sheet.getSheetId());
  else props.setProperty(STAGE_ORDER_PREFIX + sheet.getSheetId(), JSON.stringify(order));
}

/** Remembers a person's correction of a sheet's columns. */
export function rememberColumns(sheet: Sheet, mapping: ColumnMapping): void {
  PropertiesService.getDocumentProperties().setProperty(PROPERTY_PREFIX + sheet.getSheetId(), JSON.stringify(mapping));
}

export function forgetColumns(sheet: Sheet): void {
  PropertiesService.getDocumentProperties().deleteProperty(PROPERTY_PREFIX + sheet.getSheetId());
}

/** Where the add-on finds transactions, survey scores and the client list in this spreadsheet. */
export interface DataSources {
  transactions: SheetColumns | null;
  /** A client sheet with a score column (not the Responses sheet). */
  scores: SheetColumns | null;
  clients: SheetColumns | null;
  /** A sheet of service requests (tickets), read by its request columns. */
  requests: SheetColumns | null;
  /** A sheet of contracts, read by its end-date and renewed columns. */
  contracts: SheetColumns | null;
  /** A sheet with each client's stage in a funnel (usually the client list). */
  stages: SheetColumns | null;
  /** The `Responses` sheet survey sync writes (read by its headers, see shared/sheets/responses.ts). */
  responses: Sheet | null;
  /** Every sheet with its columns, in tab order (for pickers). */
  sheets: SheetColumns[];
}

/** The sources a person can choose a sheet for; the choice is remembered for the spreadsheet. */
export type SourceKind = "transactions" | "scores" | "clients" | SheetKind;
const SOURCE_PREFIX = "rapport.source.";
/** Stored for a source a person set to "none". */
const NO_SHEET = "none";

/**
 * A person's choice of sheet for a source: a sheet id, null for "this spreadsheet has none", or
 * undefined when nobody chose (the add-on guesses).
 */
export function rememberedSource(
  kind: SourceKind,
  props: Properties = PropertiesService.getDocumentProperties().getProperties(),
): number | null | undefined {
  const raw = props[SOURCE_PREFIX + kind];
  if (raw === undefined) return undefined;
  if (raw === NO_SHEET) return null;
  const id = Number(raw);
  return Number.isInteger(id) && id >= 0 ? id : undefined;
}

export function rememberSource(kind: SourceKind, sheetId: number | null): void {
  PropertiesService.getDocumentProperties().setProperty(
    SOURCE_PREFIX + kind,
    sheetId === null ? NO_SHEET : String(sheetId),
  );
}

export function forgetSource(kind: SourceKind): void {
  PropertiesService.getDocumentProperties().deleteProperty(SOURCE_PREFIX + kind);
}

const has = (m: ColumnMapping, ...roles: ColumnRole[]) => roles.every((r) => m[r] !== null);

/**
 * Picks the sheets. A sheet a person chose for a source (rememberSource) wins while it exists;
 * otherwise: transactions = the longest sheet with client id, date and amount; scores = the first
 * sheet other than Responses with a score column; clients = a sheet with client ids and names or
 * e-mails other than the transactions; requests = the first sheet other than Responses with an
 * opened column and a first-response or resolved column; contracts = the first with an end-date and
 * a renewed column; stages = the client list when it has a stage column, else the first other sheet
 * with one that is not the requests or contracts sheet; responses = the sheet named `Responses`.
 */
export function dataSources(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): DataSources {
  const context = sheetContext(ss);
  const all = ss.getSheets().map((sheet) => sheetColumns(sheet, context));
  const responses = ss.getSheetByName(RESPONSES_SHEET);
  const others = all.filter((s) => s.sheet.getName() !== RESPONSES_SHEET);
  const chosen = (kind: SourceKind, guess: () => SheetColumns | null): SheetColumns | null => {
    const id = rememberedSource(kind, context.props);
    if (id === null) return null;
    const sheet = id === undefined ? undefined : all.find((s) => s.sheet.getSheetId() === id);
    return sheet ?? guess();
  };
  const transactions = chosen(
    "transactions",
    () =>
      others
        .filter((s) => has(s.mapping, "clientId", "date", "amount"))
        .sort((a, b) => b.sheet.getLastRow() - a.sheet.getLastRow())[0] ?? null,
  );
  const scores = chosen("scores", () => others.find((s) => has(s.mapping, "score")) ?? null);
  const clients = chosen(
    "clients",
    () =>
      others.find(
        (s) =>
          s !== transactions && has(s.mapping, "clientId") && (s.mapping.name !== null || s.mapping.email !== null),
      ) ?? null,
  );
  const requests = chosen("requests", () => others.find((s) => isRequestSheet(s.requests)) ?? null);
  const contracts = chosen("contracts", () => others.find((s) => isContractSheet(s.contracts)) ?? null);
  const stages = chosen("stages", () =>
    clients && clients.stages.stage !== null
      ? clients
      : (others.find((s) => s.stages.stage !== null && s !== requests && s !== contracts) ?? null),
  );
  return { transactions, scores, clients, requests, contracts, stages, responses, sheets: all };
}
