import { dateReading } from "../../../shared/cells/dates";
import type { Cell } from "../../../shared/cells/values";
import { COLUMN_ROLES, type ColumnMapping, type ColumnRole, detectColumns } from "../../../shared/sheets/columns";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Rows sampled to guess a sheet's columns: enough to see their content, cheap to read. */
const SAMPLE_ROWS = 200;
const PROPERTY_PREFIX = "rapport.columns.";

/** A sheet's columns by role, and whether a person confirmed them (remembered) or they are a guess. */
export interface SheetColumns {
  sheet: Sheet;
  headers: string[];
  mapping: ColumnMapping;
  remembered: boolean;
}

function readRemembered(sheet: Sheet): ColumnMapping | null {
  const raw = PropertiesService.getDocumentProperties().getProperty(PROPERTY_PREFIX + sheet.getSheetId());
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Record<string, unknown>;
    const mapping = {} as ColumnMapping;
    for (const role of COLUMN_ROLES) {
      const value = parsed[role];
      mapping[role] = typeof value === "number" && Number.isInteger(value) && value >= 1 ? value : null;
    }
    return mapping;
  } catch {
    return null;
  }
}

/** The columns of a sheet: the remembered mapping, else a guess from its header and first rows. */
export function sheetColumns(sheet: Sheet): SheetColumns {
  const width = sheet.getLastColumn();
  const height = sheet.getLastRow();
  if (width === 0 || height === 0) {
    return { sheet, headers: [], mapping: detectColumns([], [], dateReading("UTC", "en")), remembered: false };
  }
  const sample = sheet.getRange(1, 1, Math.min(height, SAMPLE_ROWS + 1), width).getValues() as Cell[][];
  const headers = (sample[0] ?? []).map((h) => String(h ?? "").trim());
  const remembered = readRemembered(sheet);
  if (remembered) {
    for (const role of COLUMN_ROLES) if ((remembered[role] ?? 0) > width) remembered[role] = null;
    return { sheet, headers, mapping: remembered, remembered: true };
  }
  const ss = sheet.getParent();
  const reading = dateReading(ss.getSpreadsheetTimeZone(), ss.getSpreadsheetLocale());
  return { sheet, headers, mapping: detectColumns(headers, sample.slice(1), reading), remembered: false };
}

/** Remembers a person's correction of a sheet's columns. */
export function rememberColumns(sheet: Sheet, mapping: ColumnMapping): void {
  PropertiesService.getDocumentProperties().setProperty(PROPERTY_PREFIX + sheet.getSheetId(), JSON.stringify(mapping));
}

export function forgetColumns(sheet: Sheet): void {
  PropertiesService.getDocumentProperties().deleteProperty(PROPERTY_PREFIX + sheet.getSheetId());
}

/**
 * The data rows of a sheet (below the header) in one read, and a column accessor by role.
 * Columns not mapped read as blank.
 */
export function readRows(columns: SheetColumns): { rows: Cell[][]; column(role: ColumnRole): Cell[][] } {
  const { sheet, mapping } = columns;
  const height = sheet.getLastRow() - 1;
  const width = sheet.getLastColumn();
  const rows = height > 0 && width > 0 ? (sheet.getRange(2, 1, height, width).getValues() as Cell[][]) : [];
  return {
    rows,
    column(role) {
      const c = mapping[role];
      return rows.map((row) => [c === null ? "" : (row[c - 1] ?? "")]);
    },
  };
}

/** Where the add-on finds transactions, survey scores and the client list in this spreadsheet. */
export interface DataSources {
  transactions: SheetColumns | null;
  scores: SheetColumns | null;
  clients: SheetColumns | null;
}

const has = (m: ColumnMapping, ...roles: ColumnRole[]) => roles.every((r) => m[r] !== null);

/**
 * Picks the sheets: transactions = the longest sheet with client id, date and amount; scores =
 * the "Responses" sheet written by survey sync when it has scores, else the first sheet with a
 * score column; clients = a sheet with client ids and names or e-mails other than the transactions.
 */
export function dataSources(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): DataSources {
  const all = ss.getSheets().map(sheetColumns);
  const transactions =
    all
      .filter((s) => has(s.mapping, "clientId", "date", "amount"))
      .sort((a, b) => b.sheet.getLastRow() - a.sheet.getLastRow())[0] ?? null;
  const withScores = all.filter((s) => has(s.mapping, "score"));
  const scores = withScores.find((s) => s.sheet.getName() === "Responses") ?? withScores[0] ?? null;
  const clients =
    all.find(
      (s) => s !== transactions && has(s.mapping, "clientId") && (s.mapping.name !== null || s.mapping.email !== null),
    ) ?? null;
  return { transactions, scores, clients };
}
