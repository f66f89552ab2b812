import { EnrollmentResponse, HealthResponse, WorkspaceResponse } from "../../../../shared/api/common";
import { RapportError } from "../../../../shared/errors";
import { t } from "../../../../shared/i18n/translate";
import { userLocale } from "../../services/locale";
import {
  defaultWorkerUrl,
  enrollment,
  forgetEnrollment as forget,
  saveEnrollment,
  setWorkerUrl,
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
  };
}

/** What the Settings sidebar shows on open. Never includes the token. */
export function settingsState(): SettingsState {
  return sidebarCall(state);
}

export function saveWorkerUrl(url: string): SettingsState {
  return sidebarCall(() => {
    const trimmed = String(url ?? "").trim();
    if (!isWorkerUrl(trimmed)) throw new RapportError("worker.invalidUrl", { url: trimmed });
    setWorkerUrl(trimmed);
    return state();
  });
}

/**
 * Enrolls this spreadsheet with the Worker's enrollment key. The key is used for this one call and
 * not stored; the workspace token goes to document properties and is never shown again.
 */
export function enrollSpreadsheet(enrollmentKey: string): SettingsState {
  return sidebarCall(() => {
    const key = String(enrollmentKey ?? "").trim();
    if (!key) throw new RapportError("ui.settings.keyRequired");
    withDocumentLock({ busy: "sheet.busy" }, () => {
      const result = callWorker({
        method: "post",
        path: "api/v1/workspaces",
        body: { name: SpreadsheetApp.getActiveSpreadsheet().getName().slice(0, 200) },
        auth: { kind: "enrollment", key },
        response: EnrollmentResponse,
      });
      saveEnrollment(result.workspaceId, result.token, new Date());
    });
    return state();
  });
}

export function forgetEnrollment(): SettingsState {
  return sidebarCall(() => {
    forget();
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
