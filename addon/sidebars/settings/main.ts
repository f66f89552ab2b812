import type { SettingsState } from "../../src/features/settings/shapes";
import { locale, tr, translatePage } from "../common/i18n";
import { call } from "../common/rpc";
import { Status } from "../common/status";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const status = new Status($("status"), $("error"));
const notice = $("notice");
const urlInput = $<HTMLInputElement>("worker-url");
const keyInput = $<HTMLInputElement>("enrollment-key");
const buttons = ["save-url", "enroll", "forget", "test"].map((id) => $<HTMLButtonElement>(id));

function say(text: string): void {
  notice.textContent = text;
  notice.hidden = false;
}

function show(state: SettingsState): void {
  urlInput.value = state.workerUrl;
  const date = state.enrolledAt
    ? new Date(state.enrolledAt).toLocaleDateString(locale === "ru" ? "ru-RU" : "en-US", { dateStyle: "medium" })
    : "";
  $("enrollment-state").textContent = state.enrolled
    ? tr("ui.settings.enrolled", { workspaceId: state.workspaceId ?? "", date })
    : tr("ui.settings.notEnrolled");
  $("enroll").textContent = tr(state.enrolled ? "ui.settings.reenroll" : "ui.settings.enroll");
  $("forget").hidden = !state.enrolled;
}

async function act<T>(busy: string, work: () => Promise<T>): Promise<T | undefined> {
  notice.hidden = true;
  return status.run(busy, buttons, work);
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
  const state = await act(tr("ui.settings.enrolling"), () => call("enrollSpreadsheet", keyInput.value));
  if (state) {
    keyInput.value = "";
    show(state);
    say(tr("ui.settings.enrolledNow"));
  }
});

$("forget").addEventListener("click", async () => {
  const state = await act(tr("ui.settings.testing"), () => call("forgetEnrollment"));
  if (state) {
    show(state);
    say(tr("ui.settings.forgotten"));
  }
});

$("test").addEventListener("click", async () => {
  const result = await act(tr("ui.settings.testing"), () => call("testConnection"));
  if (result) say(result.message);
});

translatePage();
void act(tr("ui.settings.testing"), () => call("settingsState")).then((state) => state && show(state));
