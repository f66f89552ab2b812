import { clientKey } from "../cells/clientId";
import { cellDay, type DateReading, type DayNumber } from "../cells/dates";
import { type Cell, cellNumber, isBlank } from "../cells/values";
import type { Locale } from "../i18n/locale";
import type { MessageKey } from "../i18n/messages.en";
import { t } from "../i18n/translate";

/**
 * The `Responses` sheet that survey sync writes and the dashboard and client card read: one row
 * per survey answer, keyed by response id. Headers are written in the user's language; columns
 * are found by header in either language, so a person may reorder them or switch language.
 */
export const RESPONSES_SHEET = "Responses";

export const RESPONSE_COLUMNS = [
  "responseId",
  "surveyId",
  "surveyTitle",
  "surveyType",
  "clientId",
  "score",
  "comment",
  "language",
  "finished",
  "flags",
  "createdAt",
  "updatedAt",
] as const;
export type ResponseColumn = (typeof RESPONSE_COLUMNS)[number];

/**
 * Columns the team fills in: the sync adds their headers and never writes their cells. "Followed
 * up" on an answer's row (a date, a name, a tick) says someone has talked to that client; the
 * weekly digest lists the detractors without it.
 */
export const TEAM_COLUMNS = ["followedUp"] as const;
export type TeamColumn = (typeof TEAM_COLUMNS)[number];

const headerKey = (column: ResponseColumn | TeamColumn) => `sheet.responses.${column}` as MessageKey;

/** The header row of a new Responses sheet (without factor columns). */
export function responsesHeader(locale: Locale): string[] {
  return RESPONSE_COLUMNS.map((c) => t(locale, headerKey(c)));
}

/** The headers of the team's columns, in `locale`. */
export function teamHeader(locale: Locale): string[] {
  return TEAM_COLUMNS.map((c) => t(locale, headerKey(c)));
}

/** Header of a CSI factor column: "Factor: Delivery speed [speed]" (the id in brackets keys it). */
export function factorHeader(locale: Locale, id: string, label: string): string {
  return t(locale, "sheet.responses.factor", { id, label });
}

const FACTOR = /\[([^\][]+)\]\s*$/;

/** Where each column is in a header row, whichever language its headers are in. */
export interface ResponsesLayout {
  columns: Partial<Record<ResponseColumn | TeamColumn, number>>;
  /** Factor id → 0-based column. */
  factors: Record<string, number>;
}

export function responsesLayout(header: readonly Cell[]): ResponsesLayout {
  const byText = new Map<string, ResponseColumn | TeamColumn>();
  for (const locale of ["en", "ru"] as const) {
    for (const c of [...RESPONSE_COLUMNS, ...TEAM_COLUMNS]) byText.set(t(locale, headerKey(c)).toLowerCase(), c);
  }
  const factorPrefixes = (["en", "ru"] as const).map(
    (l) => t(l, "sheet.responses.factor").split("{")[0]?.toLowerCase() ?? "",
  );
  const layout: ResponsesLayout = { columns: {}, factors: {} };
  header.forEach((cell, i) => {
    const text = String(cell ?? "").trim();
    const column = byText.get(text.toLowerCase());
    if (column && layout.columns[column] === undefined) {
      layout.columns[column] = i;
      return;
    }
    const factor = FACTOR.exec(text);
    if (factor && factorPrefixes.some((p) => p && text.toLowerCase().startsWith(p)))
      layout.factors[factor[1] as string] = i;
  });
  return layout;
}

/** One answer as the dashboard and client card use it. */
export interface ResponseRecord {
  /** Index of the answer's row in the rows read (0 = the first row below the header). */
  row: number;
  responseId: string;
  surveyId: string;
  surveyTitle: string;
  surveyType: string;
  /** Client id keyed as transaction lists key it (clientKey), or null for anonymous answers. */
  clientId: string | number | null;
  score: number | null;
  comment: string;
  language: string;
  finished: boolean;
  flags: string[];
  /** Calendar day of the answer in the spreadsheet's calendar, or null. */
  answeredDay: DayNumber | null;
  /** Whether the team noted in "Followed up" that someone talked to the client. */
  followedUp: boolean;
  factors: Record<string, number>;
}

/** A "Followed up" cell: a tick, a date, a name or a note says yes; blank, an unticked box, "no" say no. */
export function isFollowedUp(cell: Cell): boolean {
  if (cell === true) return true;
  if (cell === false || isBlank(cell)) return false;
  return !/^(no|false|нет|0|-|—)$/i.test(String(cell).trim());
}

/** Reads the data rows (below the header) of a Responses sheet. Rows without a response id are skipped. */
export function readResponses(
  header: readonly Cell[],
  rows: readonly (readonly Cell[])[],
  reading: DateReading,
): ResponseRecord[] {
  const { columns, factors } = responsesLayout(header);
  const get = (row: readonly Cell[], column: ResponseColumn | TeamColumn): Cell => {
    const i = columns[column];
    return i === undefined ? "" : row[i];
  };
  const text = (cell: Cell) => (isBlank(cell) ? "" : String(cell).trim());
  const out: ResponseRecord[] = [];
  for (const [index, row] of rows.entries()) {
    const responseId = text(get(row, "responseId"));
    if (!responseId) continue;
    const factorValues: Record<string, number> = {};
    for (const [id, i] of Object.entries(factors)) {
      const value = cellNumber(row[i]);
      if (value !== null) factorValues[id] = value;
    }
    const finished = get(row, "finished");
    const created = get(row, "createdAt");
    out.push({
      row: index,
      responseId,
      surveyId: text(get(row, "surveyId")),
      surveyTitle: text(get(row, "surveyTitle")),
      surveyType: text(get(row, "surveyType")).toLowerCase(),
      clientId: clientKey(get(row, "clientId")),
      score: cellNumber(get(row, "score")),
      comment: text(get(row, "comment")),
      language: text(get(row, "language")),
      finished: finished === true || /^(true|yes|да|1)$/i.test(text(finished)),
      flags: text(get(row, "flags"))
        .split(/[,;\s]+/)
        .filter(Boolean),
      answeredDay: isBlank(created) ? null : cellDay(created, reading),
      followedUp: isFollowedUp(get(row, "followedUp")),
      factors: factorValues,
    });
  }
  return out;
}
