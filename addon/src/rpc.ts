/**
 * Shapes that cross google.script.run between sidebars and Code.js. Plain JSON only: strings,
 * numbers, booleans, null, arrays and plain objects (dates as ISO strings), so they arrive intact.
 */

export interface ColumnChoice {
  /** 1-based column number in the sheet. */
  column: number;
  letter: string;
  header: string;
}

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
}

export interface SettingsState {
  workerUrl: string;
  /** The URL this build may call (the manifest's urlFetchWhitelist). */
  allowedUrl: string;
  enrolled: boolean;
  workspaceId: string | null;
  /** ISO time of enrollment. */
  enrolledAt: string | null;
}

export interface ConnectionResult {
  /** Human-readable outcome in the user's language. */
  message: string;
  version: string;
  workspaceId: string | null;
}
