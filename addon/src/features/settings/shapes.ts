/**
 * Shapes that cross google.script.run between the settings sidebar and Code.js. Plain JSON only:
 * strings, numbers, booleans, null, arrays and plain objects (dates as ISO strings).
 */

export interface SettingsState {
  workerUrl: string;
  /** The URL this build may call (the manifest's urlFetchWhitelist). */
  allowedUrl: string;
  enrolled: boolean;
  workspaceId: string | null;
  /** ISO time of enrollment. */
  enrolledAt: string | null;
  /** The workspace this spreadsheet left or forgot, to reconnect to; null when none. */
  previousWorkspaceId: string | null;
}

export interface ConnectionResult {
  /** Human-readable outcome in the user's language. */
  message: string;
  version: string;
  workspaceId: string | null;
}
