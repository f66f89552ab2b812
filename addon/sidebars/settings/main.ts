import type { SettingsState } from "../../src/features/settings/shapes";
import { locale, tr, translatePage } from "../common/i18n";
import { call } from "../common/rpc";
import { Status } from "../common/status";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const status = new Status($("status"), $("error"));
const notice = $("notice");
const urlInput = $<HTMLInputElement>("worker-url");
const keyInput = $<HTMLInputElement>("enrollment-key");
const idInput = $<HTMLInputElement>("workspace-id");
const existing = $<HTMLInputElement>("target-existing");
const fresh = $<HTMLInputElement>("target-new");
const buttons = ["save-url", "enroll", "forget", "test"].map((id) => $<HTMLButtonElement>(id));
let current: SettingsState | null = null;

function say(text: string): void {
  notice.textContent = text;
  notice.hidden = false;
}

/** The enroll button says what it will do: enroll, reconnect, or move to a new workspace. */
function showTarget(): void {
  $("workspace-id-row").hidden = !existing.checked;
  $("enroll").textContent = existing.checked
    ? tr("ui.settings.reconnect")
    : tr(current?.enrolled ? "ui.settings.moveToNew" : "ui.settings.enroll");
}
existing.addEventListener("change", showTarget);
fresh.addEventListener("change", showTarget);

function show(state: SettingsState): void {
  current = state;
  urlInput.value = state.workerUrl;
  const date = state.enrolledAt
    ? new Date(state.enrolledAt).toLocaleDateString(locale === "ru" ? "ru-RU" : "en-US", { dateStyle: "medium" })
    : "";
  $("enrollment-state").textContent = state.enrolled
    ? tr("ui.settings.enrolled", { workspaceId: state.workspaceId ?? "", date })
    : state.previousWorkspaceId
      ? tr("ui.settings.notEnrolledBefore", { workspaceId: state.previousWorkspaceId })
      : tr("ui.settings.notEnrolled");
  // A spreadsheet that was connected goes back to its workspace by default; a first one starts anew.
  const known = state.workspaceId ?? state.previousWorkspaceId;
  idInput.value = known ?? "";
  existing.checked = known !== null;
  fresh.checked = known === null;
  $("forget").hidden = !state.enrolled;
  showTarget();
}

async function act<T>(busy: string, work: () => Promise<T>): Promise<T | undefined> {
  notice.hidden = true;
  return status.run(busy, buttons, work);
}

/**
 * Asks before an action that cuts this spreadsheet off from its workspace: says what happens and
 * how to come back. Resolves true when the person confirms.
 */
function confirmed(text: string, yes: string): Promise<boolean> {
  const box = $("confirm");
  $("confirm-text").textContent = text;
  $("confirm-yes").textContent = yes;
  box.hidden = false;
  for (const b of buttons) b.disabled = true;
  $("confirm-yes").focus();
  return new Promise((resolve) => {
    const done = (answer: boolean) => {
      box.hidden = true;
      // A closed question names nothing (its text would still label the dialog for tools).
      $("confirm-text").textContent = "";
      for (const b of buttons) b.disabled = false;
      $("confirm-yes").removeEventListener("click", onYes);
      $("confirm-no").removeEventListener("click", onNo);
      resolve(answer);
    };
    const onYes = () => done(true);
    const onNo = () => done(false);
    $("confirm-yes").addEventListener("click", onYes);
    $("confirm-no").addEventListener("click", onNo);
  });
}

$("url-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const state = await act(tr("ui.settings.testing"), () => call("saveWorkerUrl", urlInput.value));
  if (state) {
    show(state);
    say(tr("ui.settings.urlSaved"));
  }
});

$("enroll-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  if (!keyInput.value.trim()) {
    status.showError(new Error(tr("ui.settings.keyRequired")));
    keyInput.focus();
    return;
  }
  const target = existing.checked ? idInput.value.trim() : null;
  if (existing.checked && target === "") {
    status.showError(new Error(tr("ui.settings.workspaceIdRequired")));
    idInput.focus();
    return;
  }
  const leaving = current?.enrolled ? current.workspaceId : null;
  if (leaving && target !== leaving) {
    const ok = await confirmed(
      tr("ui.settings.confirmLeave", { workspaceId: leaving }),
      tr(target === null ? "ui.settings.moveToNew" : "ui.settings.reconnect"),
    );
    if (!ok) return;
  }
  const state = await act(tr("ui.settings.enrolling"), () => call("enrollSpreadsheet", keyInput.value, target));
  if (state) {
    keyInput.value = "";
    show(state);
    say(tr(target === null ? "ui.settings.enrolledNow" : "ui.settings.reconnected"));
  }
});

$("forget").addEventListener("click", async () => {
  const workspaceId = current?.workspaceId ?? "";
  if (!(await confirmed(tr("ui.settings.confirmForget", { workspaceId }), tr("ui.settings.forget")))) return;
  const state = await act(tr("ui.settings.testing"), () => call("forgetEnrollment"));
  if (state) {
    show(state);
    say(tr("ui.settings.forgotten", { workspaceId }));
  }
});

$("test").addEventListener("click", async () => {
  const result = await act(tr("ui.settings.testing"), () => call("testConnection"));
  if (result) say(result.message);
});

translatePage();
void act(tr("ui.settings.testing"), () => call("settingsState")).then((state) => state && show(state));
