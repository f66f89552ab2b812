import { type DateReading, type DayNumber, readDay } from "../cells/dates";
import { readScore } from "../cells/scores";
import { readOrSkip } from "../cells/skippedRows";
import { type Cell, type CellOrigin, isBlank } from "../cells/values";
import type { RapportError } from "../errors";
import { readResponses, responsesLayout } from "../sheets/responses";
import { NPS_SCALE, sheetScale } from "../surveys/scales";

/**
 * Survey answers as the dashboard counts them, from the `Responses` sheet that survey sync writes
 * (one survey type per answer) or, without one, from a score column of the client list.
 */

export const SURVEY_KINDS = ["nps", "csat", "ces"] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];

export interface Answer {
  readonly score: number;
  /** Calendar day of the answer, or null when the sheet does not say. */
  readonly day: DayNumber | null;
  readonly comment: string;
  /** Marked suspicious by the Worker (flags column): kept, and left out of figures (surveys/flags.ts). */
  readonly flagged: boolean;
  /** The synced survey it answers, or null for a score column of the client list. */
  readonly surveyId: string | null;
  /** That survey's title in the Responses sheet ("" for a score column). */
  readonly surveyTitle: string;
}

export type SurveyAnswers = Record<SurveyKind, Answer[]>;

export function noAnswers(): SurveyAnswers {
  return { nps: [], csat: [], ces: [] };
}

const isKind = (type: string): type is SurveyKind => (SURVEY_KINDS as readonly string[]).includes(type);

/**
 * The answers of a Responses sheet, by survey type (types other than NPS, CSAT and CES are left
 * out). Answers without a score (a respondent who opened the survey and left) are skipped; a score
 * outside its type's scale, or not a number, is an error naming the sheet, the column and the cell.
 */
export function answersFromResponses(
  sheet: string,
  header: readonly Cell[],
  rows: readonly (readonly Cell[])[],
  reading: DateReading,
  skip?: (error: RapportError) => void,
): SurveyAnswers {
  const out = noAnswers();
  const scoreColumn = responsesLayout(header).columns.score;
  if (scoreColumn === undefined) return out;
  const arg = `${sheet} · ${String(header[scoreColumn] ?? "").trim()}`;
  const origin: CellOrigin = { row: 2, column: scoreColumn + 1 };
  for (const record of readResponses(header, rows, reading)) {
    if (!isKind(record.surveyType)) continue;
    const cell = (rows[record.row] as readonly Cell[])[scoreColumn];
    if (isBlank(cell)) continue;
    const kind = record.surveyType;
    const score = readOrSkip(skip, () => readScore(cell, sheetScale(kind), arg, record.row, 0, 1, origin));
    if (score === undefined) continue;
    out[kind].push({
      score,
      day: record.answeredDay,
      comment: record.comment,
      flagged: record.flags.length > 0,
      surveyId: record.surveyId,
      surveyTitle: record.surveyTitle,
    });
  }
  return out;
}

/** A column of a client sheet: its cells below the header, where it starts, and what to call it in messages. */
export interface SheetColumn {
  readonly cells: readonly (readonly Cell[])[];
  readonly origin: CellOrigin;
  readonly name: string;
}

/**
 * NPS answers from a score column of a client list, with the answer dates and comments beside it
 * when the sheet has them. Rows without a score are skipped; a score that is not a whole number
 * from 0 to 10, or a non-blank date cell that is not a date, is an error naming the cell.
 */
export function answersFromScoreColumn(
  scores: SheetColumn,
  dates: SheetColumn | null,
  comments: SheetColumn | null,
  reading: DateReading,
  skip?: (error: RapportError) => void,
): Answer[] {
  const out: Answer[] = [];
  for (let r = 0; r < scores.cells.length; r++) {
    const cell = (scores.cells[r] as readonly Cell[])[0];
    if (isBlank(cell)) continue;
    const read = readOrSkip(skip, () => {
      const score =
        typeof cell === "number" && cell >>> 0 === cell && cell <= 10
          ? cell
          : readScore(cell, NPS_SCALE, scores.name, r, 0, 1, scores.origin);
      const dateCell = dates ? (dates.cells[r] as readonly Cell[] | undefined)?.[0] : "";
      const day = dates && !isBlank(dateCell) ? readDay(dateCell, reading, dates.name, r, 0, 1, dates.origin) : null;
      return { score, day };
    });
    if (read === undefined) continue;
    const { score, day } = read;
    const commentCell = comments ? (comments.cells[r] as readonly Cell[] | undefined)?.[0] : "";
    out.push({
      score,
      day,
      comment: isBlank(commentCell) ? "" : String(commentCell).trim(),
      flagged: false,
      surveyId: null,
      surveyTitle: "",
    });
  }
  return out;
}
