import type { CsiFactor, SurveyResponse, SurveyType } from "../api/surveys";
import { clientIdCell } from "../cells/clientId";
import { asText, type Cell, isBlank } from "../cells/values";
import type { Locale } from "../i18n/locale";
import {
  factorHeader,
  RESPONSE_COLUMNS,
  type ResponseColumn,
  type ResponsesLayout,
  responsesHeader,
  responsesLayout,
  TEAM_COLUMNS,
  teamHeader,
} from "./responses";

/**
 * Survey sync into the `Responses` sheet (the contract is in responses.ts): which columns to add,
 * what each answer's row holds, and how a page of answers merges into the rows already there,
 * keyed by response id. Pure: the add-on reads and writes the cells.
 */

/** What the sync needs of a survey. */
export interface SyncSurvey {
  id: string;
  title: string;
  type: SurveyType;
  factors: readonly CsiFactor[] | null;
}

/** The label of a factor in `locale`, else in the other language. */
export function factorLabel(factor: CsiFactor, locale: Locale): string {
  const other: Locale = locale === "en" ? "ru" : "en";
  return factor.label[locale] ?? factor.label[other] ?? factor.id;
}

/** Where the sync writes: every base column and the factor columns it needs, and the headers to add. */
export interface ColumnPlan {
  layout: { columns: Record<ResponseColumn, number>; factors: Record<string, number> };
  /** Header cells to write (0-based column → text), for columns the sheet does not have yet. */
  added: { column: number; text: string }[];
}

/**
 * Finds the sync's columns in the header row (either language, any order) and appends the missing
 * ones after the last used column: base columns first, the team's columns (headers only: the sync
 * never writes them), then one per new CSI factor. Existing columns never move, so a person's own
 * columns, order and formulas stay where they are.
 */
export function planColumns(header: readonly Cell[], locale: Locale, factors: readonly CsiFactor[]): ColumnPlan {
  const found: ResponsesLayout = responsesLayout(header);
  let width = header.length;
  while (width > 0 && isBlank(header[width - 1])) width--;
  const added: { column: number; text: string }[] = [];
  const columns = {} as Record<ResponseColumn, number>;
  const names = responsesHeader(locale);
  RESPONSE_COLUMNS.forEach((column, i) => {
    const at = found.columns[column];
    if (at !== undefined) columns[column] = at;
    else {
      columns[column] = width;
      added.push({ column: width++, text: names[i] as string });
    }
  });
  const team = teamHeader(locale);
  TEAM_COLUMNS.forEach((column, i) => {
    if (found.columns[column] === undefined) added.push({ column: width++, text: team[i] as string });
  });
  const factorColumns: Record<string, number> = { ...found.factors };
  for (const factor of factors) {
    if (factorColumns[factor.id] !== undefined) continue;
    factorColumns[factor.id] = width;
    added.push({ column: width++, text: factorHeader(locale, factor.id, factorLabel(factor, locale)) });
  }
  return { layout: { columns, factors: factorColumns }, added };
}

/** The cells of one answer's row: sheet column (0-based) → value. Text is protected by asText. */
export function responseCells(
  response: SurveyResponse,
  survey: SyncSurvey,
  layout: ColumnPlan["layout"],
): Map<number, Cell> {
  const cells = new Map<number, Cell>();
  const put = (column: ResponseColumn, value: Cell) => cells.set(layout.columns[column], value);
  put("responseId", asText(response.id));
  put("surveyId", asText(response.surveyId));
  put("surveyTitle", asText(survey.title));
  put("surveyType", asText(survey.type.toUpperCase()));
  put("clientId", clientIdCell(response.contactId));
  put("score", response.score ?? "");
  put("comment", asText(response.comment ?? ""));
  put("language", asText(response.language));
  put("finished", response.finished);
  put("flags", asText(response.flags.join(", ")));
  put("createdAt", new Date(response.createdAt));
  put("updatedAt", new Date(response.updatedAt));
  for (const factor of survey.factors ?? []) {
    const column = layout.factors[factor.id];
    if (column !== undefined) cells.set(column, response.answers?.[factor.id] ?? "");
  }
  return cells;
}

/** Rows already in the sheet, by response id: data row index (0 = the row under the header). */
export class ResponseIndex {
  private readonly rows = new Map<string, number>();
  private readonly updated: Cell[] = [];
  private readonly surveys = new Set<string>();
  private count = 0;

  /** From the id, survey id and "Updated" columns of the data rows (as getValues returns them). */
  constructor(ids: readonly Cell[], surveyIds: readonly Cell[], updatedAt: readonly Cell[]) {
    this.count = ids.length;
    ids.forEach((cell, row) => {
      const id = isBlank(cell) ? "" : String(cell).trim();
      // A person may have copied a row: the first one is the answer's row.
      if (id && !this.rows.has(id)) this.rows.set(id, row);
      this.updated[row] = updatedAt[row] ?? "";
      const survey = surveyIds[row];
      if (!isBlank(survey)) this.surveys.add(String(survey).trim());
    });
  }

  /** Data rows in the sheet (the next append goes to this index). */
  get size(): number {
    return this.count;
  }
  rowOf(id: string): number | undefined {
    return this.rows.get(id);
  }
  hasSurvey(surveyId: string): boolean {
    return this.surveys.has(surveyId);
  }
  updatedAt(row: number): Cell {
    return this.updated[row] ?? "";
  }
  /** Records rows written by a merge so the next page upserts into them. */
  apply(plan: MergePlan, surveyId: string, updatedAtOf: (cells: Map<number, Cell>) => Cell): void {
    for (const { row, cells } of plan.updates) this.updated[row] = updatedAtOf(cells);
    for (const { id, cells } of plan.appends) {
      this.rows.set(id, this.count);
      this.updated[this.count] = updatedAtOf(cells);
      this.count++;
    }
    if (plan.updates.length + plan.appends.length > 0) this.surveys.add(surveyId);
  }
}

export interface MergeCounts {
  /** Answers not in the sheet before. */
  added: number;
  /** Answers in the sheet whose content changed (a later edit). */
  updated: number;
  /** Answers written again without a change (a page re-applied after a failed sync). */
  unchanged: number;
  /** Answers written with spam flags. */
  flagged: number;
}

export interface MergePlan {
  /** Existing rows to overwrite (every one of the page's answers already in the sheet). */
  updates: { row: number; cells: Map<number, Cell> }[];
  /** New rows to append below the last data row, in page order. */
  appends: { id: string; cells: Map<number, Cell> }[];
  counts: MergeCounts;
}

function sameInstant(cell: Cell, iso: string): boolean {
  const time = Date.parse(iso);
  if (cell instanceof Date || Object.prototype.toString.call(cell) === "[object Date]") {
    // Sheets keeps date-times as day fractions (a double): allow a millisecond of rounding.
    return Math.abs((cell as Date).getTime() - time) <= 1;
  }
  return typeof cell === "string" && cell.trim() !== "" && Date.parse(cell) === time;
}

/**
 * Merges a page of answers: an answer already in the sheet (by response id) overwrites its row,
 * a new one is appended. Applying the same page twice changes nothing the second time, so a sync
 * that failed after writing can simply be run again. An id repeated in a page (it cannot be, as
 * pages are in change order) would be written once, with its last version.
 */
export function planMerge(
  index: ResponseIndex,
  page: readonly SurveyResponse[],
  survey: SyncSurvey,
  layout: ColumnPlan["layout"],
): MergePlan {
  const latest = new Map<string, SurveyResponse>();
  for (const response of page) {
    latest.delete(response.id);
    latest.set(response.id, response);
  }
  const plan: MergePlan = { updates: [], appends: [], counts: { added: 0, updated: 0, unchanged: 0, flagged: 0 } };
  for (const response of latest.values()) {
    const cells = responseCells(response, survey, layout);
    const row = index.rowOf(response.id);
    const unchanged = row !== undefined && sameInstant(index.updatedAt(row), response.updatedAt);
    if (row === undefined) {
      plan.appends.push({ id: response.id, cells });
      plan.counts.added++;
    } else {
      // Written again even when unchanged: a row half-written by a failed sync is made whole.
      plan.updates.push({ row, cells });
      if (unchanged) plan.counts.unchanged++;
      else plan.counts.updated++;
    }
    if (!unchanged && response.flags.length > 0) plan.counts.flagged++;
  }
  plan.updates.sort((a, b) => a.row - b.row);
  return plan;
}

/** Runs of consecutive numbers: [3, 4, 5, 9] → [{start: 3, length: 3}, {start: 9, length: 1}]. */
export function runs(sorted: readonly number[]): { start: number; length: number }[] {
  const out: { start: number; length: number }[] = [];
  for (const n of sorted) {
    const last = out[out.length - 1];
    if (last && n === last.start + last.length) last.length++;
    else if (!last || n >= last.start + last.length) out.push({ start: n, length: 1 });
  }
  return out;
}

/**
 * The blocks to write for a set of rows: one per run of consecutive rows × run of consecutive
 * columns the sync owns, each a rectangle of values (one setValues each). Columns of the sheet
 * between the sync's own columns are never written.
 */
export function writeBlocks(
  rows: readonly { row: number; cells: Map<number, Cell> }[],
  columns: readonly number[],
): { row: number; column: number; values: Cell[][] }[] {
  const columnRuns = runs([...new Set(columns)].sort((a, b) => a - b));
  const byRow = new Map(rows.map((r) => [r.row, r.cells]));
  const rowRuns = runs([...byRow.keys()].sort((a, b) => a - b));
  const blocks: { row: number; column: number; values: Cell[][] }[] = [];
  for (const rr of rowRuns) {
    for (const cr of columnRuns) {
      const values: Cell[][] = [];
      for (let r = rr.start; r < rr.start + rr.length; r++) {
        const cells = byRow.get(r) as Map<number, Cell>;
        const line: Cell[] = [];
        for (let c = cr.start; c < cr.start + cr.length; c++) line.push(cells.get(c) ?? "");
        values.push(line);
      }
      blocks.push({ row: rr.start, column: cr.start, values });
    }
  }
  return blocks;
}
