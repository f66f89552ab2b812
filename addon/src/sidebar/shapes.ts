/**
 * Shapes that cross google.script.run and more than one sidebar uses. Plain JSON only: strings,
 * numbers, booleans, null, arrays and plain objects (dates as ISO strings), so they arrive intact.
 */

export interface ColumnChoice {
  /** 1-based column number in the sheet. */
  column: number;
  letter: string;
  header: string;
}
