import type { CsiFactor, Survey } from "../../../../shared/api/surveys";
import type { Cell } from "../../../../shared/cells/values";
import { asText } from "../../../../shared/cells/values";
import type { Locale } from "../../../../shared/i18n/locale";
import { errorMessage, t } from "../../../../shared/i18n/translate";
import { DATE_TIME_FORMAT } from "../../../../shared/sheets/formats";
import type { SyncLogEntry } from "../../../../shared/sheets/rapportLog";
import { RESPONSES_SHEET } from "../../../../shared/sheets/responses";
import {
  type ColumnPlan,
  type MergePlan,
  planColumns,
  planMerge,
  ResponseIndex,
  writeBlocks,
} from "../../../../shared/sheets/responsesSync";
import { withDocumentLock } from "../../sheet/lock";
import { appendLog } from "../../sheet/rapportLog";
import { columnValues, dataRowCount } from "../../sheet/sheets";
import { ensureSize, insertSheetQuietly } from "../../sheet/space";
import { getSurvey, listSurveys, responsesPage, SURVEY_LOCK } from "./api";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * "Sync answers": new and edited answers of the workspace's surveys, page by page from each
 * survey's stored cursor, upserted by response id into the `Responses` sheet, with a line per
 * survey in the `Rapport log` sheet. Safe to re-run at any point: a page is written, flushed, and
 * only then is its cursor stored; writing a page again changes nothing.
 */

const CURSOR_PREFIX = "rapport.sync.cursor.";
/** Answers per Worker request (the API allows up to 1000; 500 keeps a request well under a second). */
export const DEFAULT_PAGE_SIZE = 500;
/** Pages per execution: 40 × 500 = 20,000 answers, about a minute of fetching and writing. */
export const DEFAULT_MAX_PAGES = 40;
/** Stop starting new pages after this long, far below Apps Script's 6 minutes per execution. */
const TIME_BUDGET_MS = 150_000;

export interface SyncOptions {
  /** Only this survey (default: every survey of the workspace). */
  surveyId?: string;
  pageSize?: number;
  maxPages?: number;
}

export interface SurveySyncOutcome {
  surveyId: string;
  title: string;
  added: number;
  updated: number;
  flagged: number;
  /** In words, when this survey's sync stopped on a failure. */
  error: string | null;
  /** Answers are still waiting (the page budget ran out). */
  more: boolean;
}

export interface SyncOutcome {
  surveys: SurveySyncOutcome[];
  more: boolean;
}

function cursorKey(surveyId: string): string {
  return CURSOR_PREFIX + surveyId;
}

/** Opens (or creates) the Responses sheet and adds the columns the surveys need. */
function prepareSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  locale: Locale,
  factors: readonly CsiFactor[],
): { sheet: Sheet; plan: ColumnPlan; created: boolean } {
  let sheet = ss.getSheetByName(RESPONSES_SHEET);
  const created = sheet === null;
  if (!sheet) sheet = insertSheetQuietly(ss, RESPONSES_SHEET);
  const width = sheet.getLastColumn();
  const header = width > 0 ? (sheet.getRange(1, 1, 1, width).getValues()[0] as Cell[]) : [];
  const plan = planColumns(header, locale, factors);
  if (plan.added.length > 0) {
    const first = (plan.added[0] as { column: number }).column;
    ensureSize(sheet, Math.max(2, sheet.getLastRow() + 1), first + plan.added.length);
    // New columns are appended side by side: one write for all their headers.
    sheet
      .getRange(1, first + 1, 1, plan.added.length)
      .setValues([plan.added.map((a) => asText(a.text))])
      .setFontWeight("bold");
  }
  if (created) sheet.setFrozenRows(1);
  return { sheet, plan, created };
}

function writePlan(sheet: Sheet, index: ResponseIndex, plan: MergePlan, layout: ColumnPlan["layout"]): void {
  const owned = [...Object.values(layout.columns), ...Object.values(layout.factors)];
  for (const block of writeBlocks(plan.updates, owned)) {
    sheet
      .getRange(2 + block.row, 1 + block.column, block.values.length, block.values[0]?.length ?? 0)
      .setValues(block.values);
  }
  if (plan.appends.length === 0) return;
  const start = index.size;
  const rows = plan.appends.map((a, i) => ({ row: start + i, cells: a.cells }));
  ensureSize(sheet, 1 + start + rows.length, Math.max(...owned) + 1);
  for (const block of writeBlocks(rows, owned)) {
    sheet
      .getRange(2 + block.row, 1 + block.column, block.values.length, block.values[0]?.length ?? 0)
      .setValues(block.values);
  }
  for (const column of [layout.columns.createdAt, layout.columns.updatedAt]) {
    sheet.getRange(2 + start, 1 + column, rows.length, 1).setNumberFormat(DATE_TIME_FORMAT);
  }
}

function clampWhole(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === "number" && Number.isInteger(value) ? Math.min(max, Math.max(min, value)) : fallback;
}

/** Syncs answers into the Responses sheet and logs the outcome. Holds the document lock throughout. */
export function syncAnswers(options: SyncOptions, locale: Locale): SyncOutcome {
  const pageSize = clampWhole(options.pageSize, 1, 1000, DEFAULT_PAGE_SIZE);
  const maxPages = clampWhole(options.maxPages, 1, 1000, DEFAULT_MAX_PAGES);
  const started = Date.now();
  return withDocumentLock(SURVEY_LOCK, () => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    let surveys: Survey[];
    try {
      surveys = options.surveyId ? [getSurvey(options.surveyId)] : listSurveys();
    } catch (error) {
      // The Worker did not give the list (unreachable, frozen, token revoked): the log says so too.
      const survey = t(locale, "surveys.sync.allSurveys");
      appendLog(ss, locale, [
        {
          action: "sync",
          when: new Date(),
          survey,
          added: 0,
          updated: 0,
          flagged: 0,
          error: errorMessage(error, locale),
        },
      ]);
      throw error;
    }
    const props = PropertiesService.getDocumentProperties();
    const factors = surveys.flatMap((s) => s.factors ?? []);
    const { sheet, plan: columns, created } = prepareSheet(ss, locale, factors);
    const rows = dataRowCount(sheet);
    const { layout } = columns;
    const index = new ResponseIndex(
      // The layout counts columns from 0; Sheets from 1.
      columnValues(sheet, layout.columns.responseId + 1, rows),
      columnValues(sheet, layout.columns.surveyId + 1, rows),
      columnValues(sheet, layout.columns.updatedAt + 1, rows),
    );
    const outcomes: SurveySyncOutcome[] = [];
    let pages = 0;
    let more = false;
    for (const survey of surveys) {
      const outcome: SurveySyncOutcome = {
        surveyId: survey.id,
        title: survey.title,
        added: 0,
        updated: 0,
        flagged: 0,
        error: null,
        more: false,
      };
      outcomes.push(outcome);
      // The first page of an execution is always fetched, so every run moves on.
      const budgetLeft = () => pages === 0 || (pages < maxPages && Date.now() - started < TIME_BUDGET_MS);
      if (!budgetLeft()) {
        outcome.more = more = true;
        continue;
      }
      let cursor = props.getProperty(cursorKey(survey.id)) ?? "0";
      // The sheet (or this survey's rows) was deleted since the last sync: fetch everything again.
      if (created || (cursor !== "0" && !index.hasSurvey(survey.id))) cursor = "0";
      try {
        for (;;) {
          const page = responsesPage(survey.id, cursor, pageSize);
          pages++;
          if (page.responses.length > 0) {
            const sync = { id: survey.id, title: survey.title, type: survey.type, factors: survey.factors };
            const merge = planMerge(index, page.responses, sync, layout);
            writePlan(sheet, index, merge, layout);
            index.apply(merge, survey.id, (cells) => cells.get(layout.columns.updatedAt) ?? "");
            outcome.added += merge.counts.added;
            outcome.updated += merge.counts.updated;
            outcome.flagged += merge.counts.flagged;
          }
          // The rows reach the sheet before the cursor moves past them.
          SpreadsheetApp.flush();
          props.setProperty(cursorKey(survey.id), page.nextCursor);
          cursor = page.nextCursor;
          if (!page.hasMore) break;
          if (!budgetLeft()) {
            outcome.more = more = true;
            break;
          }
        }
      } catch (error) {
        outcome.error = errorMessage(error, locale);
      }
    }
    const changed = outcomes.filter((o) => o.added + o.updated > 0 || o.error !== null);
    const when = new Date();
    const entries: SyncLogEntry[] = changed.map((o) => ({
      action: "sync",
      when,
      survey: o.title,
      added: o.added,
      updated: o.updated,
      flagged: o.flagged,
      error: o.error ?? "",
    }));
    if (entries.length === 0) {
      const survey = surveys.length === 1 ? (surveys[0] as Survey).title : t(locale, "surveys.sync.allSurveys");
      entries.push({ action: "sync", when, survey, added: 0, updated: 0, flagged: 0, error: "" });
    }
    appendLog(ss, locale, entries);
    return { surveys: outcomes, more };
  });
}
