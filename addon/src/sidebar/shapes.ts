/**
 * Shapes that cross google.script.run and more than one sidebar uses. Plain JSON only: strings,
 * numbers, booleans, null, arrays and plain objects (dates as ISO strings), so they arrive intact.
 */

/** Rows a sidebar left out because a cell in them cannot be read (shared/cells/skippedRows.ts). */
export type { SkippedRowsView } from "../../../shared/cells/skippedRows";

export interface ColumnChoice {
  /** 1-based column number in the sheet. */
  column: number;
  letter: string;
  header: string;
}
