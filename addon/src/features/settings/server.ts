import { EnrollmentResponse, HealthResponse, RevokeResponse, WorkspaceResponse } from "../../../../shared/api/common";
import { isRapportError, RapportError } from "../../../../shared/errors";
import { t } from "../../../../shared/i18n/translate";
import { userLocale } from "../../services/locale";
import {
  defaultWorkerUrl,
  enrollment,
  forgetEnrollment as forget,
  previousWorkspaceId,
  saveEnrollment,
  setWorkerUrl,
  workerBase,
  workerUrl,
  workspaceToken,
} from "../../services/settings";
import { callWorker, isWorkerUrl } from "../../services/workerClient";
import { withDocumentLock } from "../../sheet/lock";
import { openSidebar } from "../../sidebar/open";
import { sidebarCall } from "../../sidebar/serverCall";
import type { ConnectionResult, SettingsState } from "./shapes";

export function showSettings(): void {
  openSidebar("settings", "ui.settings.title");
}

function state(): SettingsState {
  const current = enrollment();
  return {
    workerUrl: workerUrl(),
    allowedUrl: defaultWorkerUrl(),
    enrolled: current !== null,
    workspaceId: current?.workspaceId ?? null,
    enrolledAt: current?.enrolledAt ?? null,
    previousWorkspaceId: previousWorkspaceId(),
  };
}

/** What the Settings sidebar shows on open. Never includes the token. */
export function settingsState(): SettingsState {
  return sidebarCall(state);
}

/**
 * Saves the Worker URL after one health request to it: a URL outside the manifest's
 * urlFetchWhitelist, which Apps Script would refuse on every call, is refused now, with the URL
 * the add-on may call. A Worker merely out of reach is saved (it may be down for a moment); Test
 * connection tells.
 */
export function saveWorkerUrl(url: string): SettingsState {
  return sidebarCall(() => {
    const trimmed = String(url ?? "").trim();
    if (!isWorkerUrl(trimmed)) throw new RapportError("worker.invalidUrl", { url: trimmed });
    try {
      callWorker({
        method: "get",
        path: "api/v1/health",
        auth: { kind: "none" },
        response: HealthResponse,
        baseUrl: workerBase(trimmed),
      });
    } catch (error) {
      if (isRapportError(error) && error.key === "worker.notAllowed") throw error;
    }
    setWorkerUrl(trimmed);
    return state();
  });
}

/** A workspace id as the Worker makes them (a UUID). */
const WORKSPACE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Revokes this spreadsheet's token on the Worker before it is dropped. Best effort: a token the
 * Worker already refuses, or a Worker out of reach, must not keep a person from going on.
 */
function revokeOwnToken(): void {
  if (!workspaceToken()) return;
  try {
    callWorker({
      method: "delete",
      path: "api/v1/workspace/token",
      auth: { kind: "workspace" },
      response: RevokeResponse,
    });
  } catch {
    // The token stays valid on the Worker only as a hash nobody holds any more.
  }
}

/**
 * Enrolls this spreadsheet with the Worker's enrollment key: into a new, empty workspace, or (with
 * `workspaceId`) back into an existing one, whose surveys, links and answers are all still there.
 * The key is used for this one call and not stored; the workspace token goes to document properties
 * and is never shown again. A token this spreadsheet held before is revoked.
 */
export function enrollSpreadsheet(enrollmentKey: string, workspaceId: string | null = null): SettingsState {
  return sidebarCall(() => {
    const key = String(enrollmentKey ?? "").trim();
    if (!key) throw new RapportError("ui.settings.keyRequired");
    const existing = workspaceId === null ? "" : String(workspaceId).trim();
    if (existing !== "" && !WORKSPACE_ID.test(existing)) {
      throw new RapportError("ui.settings.badWorkspaceId", { id: existing });
    }
    withDocumentLock({ busy: "sheet.busy" }, () => {
      let result: EnrollmentResponse;
      try {
        result = existing
          ? callWorker({
              method: "post",
              path: `api/v1/workspaces/${encodeURIComponent(existing)}/tokens`,
              auth: { kind: "enrollment", key },
              response: EnrollmentResponse,
            })
          : callWorker({
              method: "post",
              path: "api/v1/workspaces",
              body: { name: SpreadsheetApp.getActiveSpreadsheet().getName().slice(0, 200) },
              auth: { kind: "enrollment", key },
              response: EnrollmentResponse,
            });
      } catch (error) {
        if (isRapportError(error) && error.key === "worker.failed" && error.params.status === 404) {
          throw new RapportError("ui.settings.noSuchWorkspace", { id: existing });
        }
        throw error;
      }
      revokeOwnToken();
      saveEnrollment(result.workspaceId, result.token, new Date());
    });
    return state();
  });
}

/**
 * Disconnects this spreadsheet: its token is revoked on the Worker and removed here. The workspace,
 * its surveys and answers stay on the Worker; its id is kept to reconnect with the enrollment key.
 */
export function forgetEnrollment(): SettingsState {
  return sidebarCall(() => {
    withDocumentLock({ busy: "sheet.busy" }, () => {
      revokeOwnToken();
      forget();
    });
    return state();
  });
}

/** Health check, then (when enrolled) the token check: a clear sentence either way. */
export function testConnection(): ConnectionResult {
  return sidebarCall(() => {
    const locale = userLocale();
    const health = callWorker({
      method: "get",
      path: "api/v1/health",
      auth: { kind: "none" },
      response: HealthResponse,
    });
    if (!workspaceToken()) {
      return {
        message: t(locale, "ui.settings.testOkNotEnrolled", { version: health.version }),
        version: health.version,
        workspaceId: null,
      };
    }
    const workspace = callWorker({
      method: "get",
      path: "api/v1/workspace",
      auth: { kind: "workspace" },
      response: WorkspaceResponse,
    });
    return {
      message: t(locale, "ui.settings.testOk", { version: health.version, workspaceId: workspace.workspaceId }),
      version: health.version,
      workspaceId: workspace.workspaceId,
    };
  });
}
