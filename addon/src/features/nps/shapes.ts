/**
 * Shapes that cross google.script.run between the nps sidebar and Code.js. Plain JSON only:
 * strings, numbers, booleans, null, arrays and plain objects (dates as ISO strings).
 */

import type { ColumnChoice } from "../../sidebar/shapes";
export interface NpsSidebarState {
  sheet: string;
  /** A1 notation of the current selection, or null. */
  selection: string | null;
  columns: ColumnChoice[];
  /** The column that looks like scores, preselected in the picker. */
  suggestedColumn: number | null;
}

export interface NpsResultView {
  /** Where the scores were read, e.g. "Clients!E2:E301". */
  range: string;
  nps: number;
  n: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** True when n < 100: the sidebar warns that the score moves a lot by chance. */
  smallSample: boolean;
  /** The header row the selection started with and that was left out, e.g. "E1"; null when none. */
  headerSkipped: string | null;
}
