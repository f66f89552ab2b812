/**
 * The add-on's per-spreadsheet settings, kept in document properties (one spreadsheet = one
 * workspace). The workspace token lives here and is never sent to a sidebar.
 */

const KEYS = {
  workerUrl: "rapport.workerUrl",
  token: "rapport.token",
  workspaceId: "rapport.workspaceId",
  enrolledAt: "rapport.enrolledAt",
  /** The workspace this spreadsheet was last connected to, kept after forgetting it, to reconnect. */
  previousWorkspaceId: "rapport.previousWorkspaceId",
} as const;

export interface Enrollment {
  workspaceId: string;
  enrolledAt: string;
}

function properties(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties();
}

/** The Worker this build may call (from RAPPORT_WORKER_URL at build time). */
export function defaultWorkerUrl(): string {
  return __RAPPORT_DEFAULT_WORKER_URL__;
}

/** A Worker URL as the add-on keeps and calls it: ending in "/". */
export function workerBase(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}

/** The Worker URL, always ending in "/". */
export function workerUrl(): string {
  return workerBase(properties().getProperty(KEYS.workerUrl) || defaultWorkerUrl());
}

export function setWorkerUrl(url: string): void {
  properties().setProperty(KEYS.workerUrl, workerBase(url));
}

export function workspaceToken(): string | null {
  return properties().getProperty(KEYS.token);
}

export function enrollment(): Enrollment | null {
  const props = properties();
  const workspaceId = props.getProperty(KEYS.workspaceId);
  const enrolledAt = props.getProperty(KEYS.enrolledAt);
  return workspaceId && enrolledAt && props.getProperty(KEYS.token) ? { workspaceId, enrolledAt } : null;
}

/** The workspace this spreadsheet was connected to before (now or before forgetting it), or null. */
export function previousWorkspaceId(): string | null {
  return properties().getProperty(KEYS.previousWorkspaceId);
}

export function saveEnrollment(workspaceId: string, token: string, at: Date): void {
  const before = properties().getProperty(KEYS.workspaceId);
  properties().setProperties({
    [KEYS.workspaceId]: workspaceId,
    [KEYS.token]: token,
    [KEYS.enrolledAt]: at.toISOString(),
    // Switching to another workspace remembers the one left, so the way back is one click.
    ...(before && before !== workspaceId ? { [KEYS.previousWorkspaceId]: before } : {}),
  });
}

/** Removes the token; the workspace's id stays as the previous one, to reconnect. */
export function forgetEnrollment(): void {
  const props = properties();
  const workspaceId = props.getProperty(KEYS.workspaceId);
  if (workspaceId) props.setProperty(KEYS.previousWorkspaceId, workspaceId);
  props.deleteProperty(KEYS.token);
  props.deleteProperty(KEYS.workspaceId);
  props.deleteProperty(KEYS.enrolledAt);
}
