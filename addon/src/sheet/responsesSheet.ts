import type { Cell } from "../../../shared/cells/values";
import { RESPONSES_SHEET, type ResponseRecord, readResponses } from "../../../shared/sheets/responses";
import { spreadsheetReading } from "./transactions";

/** The answers in the Responses sheet, and a link that opens an answer's row. */
export interface ResponsesSheet {
  records: ResponseRecord[];
  rowLink: (answer: ResponseRecord) => string;
}

/** The Responses sheet's answers, read in one batch; null without answers. */
export function readResponsesSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): ResponsesSheet | null {
  const sheet = ss.getSheetByName(RESPONSES_SHEET);
  if (!sheet || sheet.getLastRow() < 2) return null;
  const values = sheet.getDataRange().getValues() as Cell[][];
  const records = readResponses(values[0] ?? [], values.slice(1), spreadsheetReading(ss));
  // record.row counts from the first row below the header (sheet row 2).
  const base = `${ss.getUrl()}#gid=${sheet.getSheetId()}&range=A`;
  return { records, rowLink: (answer) => `${base}${answer.row + 2}` };
}
