import type { AutomationView } from "../../src/features/automation/shapes";
import type { EmailPreview, RemindRequest, SendRequest, SendState, SendView } from "../../src/features/outreach/shapes";
import { tr, translatePage } from "../common/i18n";
import { call } from "../common/rpc";
import { Status } from "../common/status";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const status = new Status($("status"), $("error"));
const form = $<HTMLFormElement>("send-form");
const surveySelect = $<HTMLSelectElement>("survey");
const whoSelect = $<HTMLSelectElement>("who");
const segmentValue = $<HTMLInputElement>("segment-value");
const languageSelect = $<HTMLSelectElement>("language-column");
const sendButton = $<HTMLButtonElement>("send");
const previewButton = $<HTMLButtonElement>("preview");
const testButton = $<HTMLButtonElement>("test");
const remindButton = $<HTMLButtonElement>("remind");
const refreshButton = $<HTMLButtonElement>("refresh-status");
const saveAutomationButton = $<HTMLButtonElement>("save-automation");
const controls = [sendButton, previewButton, testButton, remindButton, refreshButton, saveAutomationButton];
const notice = $("notice");

function option(value: string, text: string): HTMLOptionElement {
  const o = document.createElement("option");
  o.value = value;
  o.textContent = text;
  return o;
}

function blocked(text: string, settings: boolean): void {
  $("blocked-text").textContent = text;
  $("open-settings").hidden = !settings;
  $("blocked").hidden = false;
  form.hidden = true;
}

function show(s: SendState): void {
  $("blocked").hidden = true;
  const problem = !s.enrolled ? tr("ui.send.notEnrolled") : !s.clientSheet ? tr("ui.send.noClients") : null;
  if (problem) {
    blocked(problem, !s.enrolled);
    return;
  }
  // The surveys first; last, a message without a survey (a greeting, news).
  surveySelect.replaceChildren(...s.surveys.map((v) => option(v.id, v.title)), option("", tr("ui.send.messageOption")));
  state = s;
  whoSelect.replaceChildren(
    option("", tr("ui.send.allClients", { sheet: s.clientSheet ?? "" })),
    ...s.columns
      .filter((c) => c.header !== "")
      .map((c) => option(String(c.column), tr("ui.send.onlyWhere", { column: c.header }))),
  );
  languageSelect.replaceChildren(
    option("", tr("ui.send.noLanguageColumn")),
    ...s.columns.filter((c) => c.header !== "").map((c) => option(String(c.column), `${c.letter} · ${c.header}`)),
  );
  languageSelect.value = s.languageColumn === null ? "" : String(s.languageColumn);
  $<HTMLSelectElement>("event-column").replaceChildren(
    ...s.columns.filter((c) => c.header !== "").map((c) => option(String(c.column), `${c.letter} · ${c.header}`)),
  );
  // A date column is the likely choice: the first whose header names a date, a purchase or a contract.
  const dated = s.columns.find((c) => /date|purchase|contract|birth|дата|покуп|договор|рожд/i.test(c.header));
  if (dated) $<HTMLSelectElement>("event-column").value = String(dated.column);
  const email = s.columns.find((c) => c.column === s.emailColumn);
  $("email-column").textContent = email
    ? tr("ui.send.emailColumn", { column: `${email.letter} · ${email.header}` })
    : tr("ui.send.noEmailColumn");
  showTarget();
  $("quota").textContent = tr("ui.send.quota", { quota: s.remainingQuota });
  form.hidden = false;
}

function rows(
  listId: string,
  titleId: string,
  detailsId: string,
  items: string[],
  titleKey: "ui.send.failed" | "ui.send.skipped",
) {
  const list = $(listId);
  list.replaceChildren(
    ...items.map((text) => {
      const li = document.createElement("li");
      li.textContent = text;
      return li;
    }),
  );
  $(titleId).textContent = tr(titleKey, { count: items.length });
  $(detailsId).hidden = items.length === 0;
}

let state: SendState | null = null;

/**
 * A survey or a message without one is chosen: a message has no reminders, repeated asks, survey
 * status or score buttons, so its hint and starting email say so. Text the person wrote stays.
 */
function showTarget(): void {
  const message = surveySelect.value === "";
  $("message").hidden = !message;
  for (const id of ["reminders", "survey-schedule", "refresh-status"]) $(id).hidden = message;
  if (!state) return;
  const [now, other] = message ? (["message", "survey"] as const) : (["survey", "message"] as const);
  for (const lang of ["en", "ru"] as const) {
    const subject = $<HTMLInputElement>(`subject-${lang}`);
    const body = $<HTMLTextAreaElement>(`body-${lang}`);
    if (!subject.value || subject.value === state.defaults[other][lang].subject)
      subject.value = state.defaults[now][lang].subject;
    if (!body.value || body.value === state.defaults[other][lang].body) body.value = state.defaults[now][lang].body;
  }
  const name = state.nameHeader ?? state.columns.find((c) => c.header !== "")?.header ?? "Name";
  $("placeholders").textContent = tr(message ? "ui.send.placeholdersMessage" : "ui.send.placeholders", {
    example: `{{${name}}}`,
  });
}

/** Days before or after a date mean nothing for a yearly send. */
function showEventKind(): void {
  $("event-days-pair").hidden = $<HTMLSelectElement>("event-kind").value === "yearly";
}
$("event-kind").addEventListener("change", showEventKind);

function request(): SendRequest {
  const segmentColumn = Number(whoSelect.value);
  return {
    surveyId: surveySelect.value,
    message: surveySelect.value === "" ? { name: $<HTMLInputElement>("message-name").value } : null,
    templates: {
      en: { subject: $<HTMLInputElement>("subject-en").value, body: $<HTMLTextAreaElement>("body-en").value },
      ru: { subject: $<HTMLInputElement>("subject-ru").value, body: $<HTMLTextAreaElement>("body-ru").value },
    },
    segment: segmentColumn ? { column: segmentColumn, value: segmentValue.value } : null,
    languageColumn: languageSelect.value ? Number(languageSelect.value) : null,
  };
}

whoSelect.addEventListener("change", () => {
  $("segment").hidden = whoSelect.value === "";
});

/** A segment needs its value; says so and returns false when it is missing. */
function segmentReady(): boolean {
  if (whoSelect.value !== "" && segmentValue.value.trim() === "") {
    status.showError(new Error(tr("ui.send.needValue")));
    segmentValue.focus();
    return false;
  }
  return true;
}

/**
 * Runs Send or Send reminders to the end: one execution sends what fits in its time, so call again
 * while there is more, quota is left and the last execution got somewhere.
 */
async function sendAll(run: () => Promise<SendView>): Promise<void> {
  notice.hidden = true;
  const result = await status.run(tr("ui.send.sending"), controls, async () => {
    const failed: string[] = [];
    let view: SendView;
    do {
      view = await run();
      for (const f of view.failed) failed.push(tr("ui.send.row", { row: f.row, reason: `${f.email}: ${f.reason}` }));
    } while (view.more && view.remainingQuota > 0 && view.sent > 0);
    return { view, failed };
  });
  if (!result) return;
  notice.textContent = result.view.message;
  notice.hidden = false;
  $("quota").textContent = tr("ui.send.quota", { quota: result.view.remainingQuota });
  rows("failed-list", "failed-title", "failed-rows", result.failed, "ui.send.failed");
  rows(
    "skipped-list",
    "skipped-title",
    "skipped-rows",
    result.view.skipped.map((s) => tr("ui.send.row", { row: s.row, reason: s.reason })),
    "ui.send.skipped",
  );
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  if (!segmentReady()) return;
  const body = request();
  void sendAll(() => call("sendSurveyEmails", body));
});

const eventKinds = ["afterDate", "beforeDate", "yearly"] as const;

function reminderRule(): { afterDays: number; maxReminders: number } {
  return {
    afterDays: Number($<HTMLInputElement>("remind-after").value),
    maxReminders: Number($<HTMLInputElement>("remind-max").value),
  };
}

remindButton.addEventListener("click", () => {
  if (!segmentReady()) return;
  const body: RemindRequest = { ...request(), ...reminderRule() };
  void sendAll(() => call("sendReminderEmails", body));
});

/** A time as the person reads it, in their language. */
function when(iso: string): string {
  return new Date(iso).toLocaleString(document.documentElement.lang || "en", {
    dateStyle: "medium",
    timeStyle: "short",
  });
}

/** The email and clients a saved schedule sends, back in the form, so saving again keeps them. */
function showScheduledSend(send: SendRequest): void {
  for (const lang of ["en", "ru"] as const) {
    const template = send.templates[lang];
    if (!template) continue;
    $<HTMLInputElement>(`subject-${lang}`).value = template.subject;
    $<HTMLTextAreaElement>(`body-${lang}`).value = template.body;
  }
  whoSelect.value = send.segment ? String(send.segment.column) : "";
  segmentValue.value = send.segment?.value ?? "";
  $("segment").hidden = whoSelect.value === "";
  languageSelect.value = send.languageColumn === null ? "" : String(send.languageColumn);
}

function showAutomation(v: AutomationView): void {
  if (v.send) showScheduledSend(v.send);
  $("scheduled-messages").replaceChildren(...v.scheduledMessages.map((name) => option(name, name)));
  $<HTMLInputElement>("auto-remind").checked = v.reminders !== null;
  if (v.reminders) {
    $<HTMLInputElement>("remind-after").value = String(v.reminders.afterDays);
    $<HTMLInputElement>("remind-max").value = String(v.reminders.maxReminders);
  }
  $<HTMLInputElement>("auto-every").checked = v.everyDays !== null;
  if (v.everyDays !== null) $<HTMLInputElement>("every-days").value = String(v.everyDays);
  $<HTMLSelectElement>("sync-every").value = v.sync;
  $<HTMLTextAreaElement>("alert-addresses").value = v.alertAddresses.join("\n");
  $<HTMLInputElement>("auto-event").checked = v.event !== null;
  if (v.event) {
    $<HTMLInputElement>("event-days").value = String(v.event.days);
    $<HTMLSelectElement>("event-kind").value = v.event.kind;
    $<HTMLSelectElement>("event-column").value = String(v.event.column);
  }
  showEventKind();
  const lines: string[] = [];
  lines.push(
    v.sendsScheduled ? tr("ui.send.sendsScheduled", { count: v.scheduledSurveys }) : tr("ui.send.nothingScheduled"),
  );
  if (v.syncScheduled) lines.push(tr(v.sync === "hourly" ? "ui.send.syncHourly" : "ui.send.syncDaily"));
  for (const last of [v.lastSends, v.lastSync]) {
    if (last)
      lines.push(
        tr(last.ok ? "ui.send.lastRun" : "ui.send.lastRunFailed", { when: when(last.at), summary: last.summary }),
      );
  }
  $("automation-state").textContent = lines.join(" · ");
}

/** The chosen survey's schedule, or the named message's (a message not yet named: only the sync and alerts). */
async function loadAutomation(): Promise<void> {
  const name = surveySelect.value === "" ? $<HTMLInputElement>("message-name").value : null;
  const v = await status.run("", [saveAutomationButton], () => call("automationState", surveySelect.value, name));
  if (v) showAutomation(v);
}

surveySelect.addEventListener("change", () => {
  showTarget();
  void loadAutomation();
});
$("message-name").addEventListener("change", () => void loadAutomation());

saveAutomationButton.addEventListener("click", async () => {
  if (!segmentReady()) return;
  notice.hidden = true;
  const every = Number($<HTMLInputElement>("every-days").value);
  const message = surveySelect.value === "";
  const kind = eventKinds.find((k) => k === $<HTMLSelectElement>("event-kind").value) ?? "afterDate";
  const scheduled = {
    send: request(),
    reminders: !message && $<HTMLInputElement>("auto-remind").checked ? reminderRule() : null,
    everyDays: !message && $<HTMLInputElement>("auto-every").checked ? every : null,
    event: $<HTMLInputElement>("auto-event").checked
      ? {
          kind,
          column: Number($<HTMLSelectElement>("event-column").value),
          days: kind === "yearly" ? 0 : Number($<HTMLInputElement>("event-days").value),
        }
      : null,
  };
  const v = await status.run(tr("ui.send.saving"), controls, () =>
    call(
      "saveAutomation",
      scheduled,
      $<HTMLSelectElement>("sync-every").value,
      $<HTMLTextAreaElement>("alert-addresses").value.split(/[\n,;]+/),
    ),
  );
  if (!v) return;
  showAutomation(v);
  notice.textContent = tr("ui.send.automationSaved");
  notice.hidden = false;
});

refreshButton.addEventListener("click", async () => {
  notice.hidden = true;
  const written = await status.run(tr("ui.send.sending"), controls, () =>
    call("sendStatusRefresh", surveySelect.value),
  );
  if (written === undefined) return;
  notice.textContent = tr("ui.send.statusWritten", { count: written });
  notice.hidden = false;
});

function previewRow(): number | null {
  const value = $<HTMLInputElement>("preview-row").value.trim();
  return value === "" ? null : Number(value);
}

function showPreview(p: EmailPreview): void {
  $("preview-meta").textContent = tr("ui.send.previewOf", { row: p.row, to: p.to, subject: p.subject });
  const frame = $<HTMLIFrameElement>("preview-frame");
  frame.title = p.subject;
  frame.srcdoc = p.html;
  $("preview-box").hidden = false;
}

previewButton.addEventListener("click", async () => {
  notice.hidden = true;
  const p = await status.run(tr("ui.send.sending"), controls, () => call("sendPreview", request(), previewRow()));
  if (p) showPreview(p);
});

testButton.addEventListener("click", async () => {
  notice.hidden = true;
  const p = await status.run(tr("ui.send.sending"), controls, () => call("sendTestToMe", request(), previewRow()));
  if (!p) return;
  showPreview(p);
  notice.textContent = tr("ui.send.testSent", { row: p.row, to: p.to });
  notice.hidden = false;
});

$("open-settings").addEventListener("click", () => void status.run("", [], () => call("showSettings")));

translatePage();
void status
  .run("", controls, () => call("sendState"))
  .then((s) => s && show(s))
  .then(() => {
    if (!form.hidden) void loadAutomation();
  });
