import { columnLetter } from "../../../../shared/cells/a1";
import { isHeaderRow, type Range } from "../../../../shared/cells/values";
import { RapportError } from "../../../../shared/errors";
import { countNps, npsFromCounts } from "../../../../shared/metrics/nps";
import { headerRow, qualifiedA1 } from "../../sheet/sheets";
import { openSidebar } from "../../sidebar/open";
import { sidebarCall } from "../../sidebar/serverCall";
import type { NpsResultView, NpsSidebarState } from "./shapes";

const SMALL_SAMPLE = 100;
const SCORE_HEADER = /nps|score|оценк|балл|рекоменд/i;

export function showNpsSidebar(): void {
  openSidebar("nps", "ui.nps.title");
}

/** The active sheet's columns and selection, for the sidebar's picker. */
export function npsSidebarState(): NpsSidebarState {
  return sidebarCall(() => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const sheet = ss.getActiveSheet();
    const headers = headerRow(sheet);
    const columns = headers.map((header, i) => ({ column: i + 1, letter: columnLetter(i + 1), header }));
    const suggested = columns.find((c) => SCORE_HEADER.test(c.header));
    const active = ss.getActiveRange();
    return {
      sheet: sheet.getName(),
      selection: active && active.getSheet().getName() === sheet.getName() ? qualifiedA1(active) : null,
      columns,
      suggestedColumn: suggested ? suggested.column : null,
    };
  });
}

function view(
  range: GoogleAppsScript.Spreadsheet.Range,
  values: Range,
  headerSkipped: string | null = null,
): NpsResultView {
  const counts = countNps(values, range.getSheet().getName(), { row: range.getRow(), column: range.getColumn() });
  return {
    range: qualifiedA1(range),
    nps: npsFromCounts(counts),
    n: counts.n,
    promoters: counts.promoters,
    passives: counts.passives,
    detractors: counts.detractors,
    smallSample: counts.n < SMALL_SAMPLE,
    headerSkipped,
  };
}

/** NPS of the cells selected in the sheet. */
export function npsOfSelection(): NpsResultView {
  return sidebarCall(() => {
    const selected = SpreadsheetApp.getActiveSpreadsheet().getActiveRange();
    if (!selected) throw new RapportError("ui.nps.noSelection");
    // A whole column (E:E) runs to the sheet's last row: read only as far as something is written.
    const lastRow = Math.min(selected.getLastRow(), Math.max(selected.getSheet().getLastRow(), selected.getRow()));
    let range = selected.offset(0, 0, lastRow - selected.getRow() + 1);
    let values = range.getValues();
    // A selection from row 1 starts with the column's title: left out, and the result says so.
    let headerSkipped: string | null = null;
    if (range.getRow() === 1 && values.length > 1 && isHeaderRow(values[0] ?? [])) {
      headerSkipped = range.offset(0, 0, 1).getA1Notation();
      range = range.offset(1, 0, values.length - 1);
      values = values.slice(1);
    }
    return view(range, values, headerSkipped);
  });
}

/** NPS of one column of the active sheet, below its header row. */
export function npsOfColumn(column: number): NpsResultView {
  return sidebarCall(() => {
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
    const last = sheet.getLastRow();
    if (!Number.isInteger(column) || column < 1 || column > sheet.getLastColumn() || last < 2) {
      throw new RapportError("ui.nps.noSelection");
    }
    const range = sheet.getRange(2, column, last - 1, 1);
    return view(range, range.getValues());
  });
}
