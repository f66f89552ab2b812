import type { SurveySummary } from "../../../shared/api/surveys";

import { checkSurveyForm, type SurveyForm } from "../../../shared/surveys/form";
import type { SurveysState, SurveyView } from "../../src/features/surveys/shapes";
import { formatNumber, formatPercent, locale, tr, translatePage, trIn } from "../common/i18n";
import { call } from "../common/rpc";
import { Status } from "../common/status";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const status = new Status($("status"), $("error"));
const notice = $("notice");
const list = $("survey-list");
const form = $<HTMLFormElement>("survey-form");
const typeSelect = $<HTMLSelectElement>("f-type");
const languageBoxes = [$<HTMLInputElement>("f-lang-en"), $<HTMLInputElement>("f-lang-ru")];
const factorsBox = $("factors");
const buttons = () => [...document.querySelectorAll<HTMLButtonElement>("button")];

let state: SurveysState | null = null;
let selected: string | null = null;
/** Archived surveys are out of the list unless asked for. */
let showArchived = false;
/** The survey the form is editing, or null when it creates one. */
let editing: string | null = null;
/** How many times "Sync answers" continues by itself while answers are still waiting. */
const MAX_SYNC_ROUNDS = 50;
/** Summaries load a few at a time: each is an Apps Script execution. */
const SUMMARY_CONCURRENCY = 3;

function say(text: string): void {
  notice.textContent = text;
  notice.hidden = text === "";
}

function progress(text: string): void {
  $("status").textContent = text;
}

async function act<T>(busy: string, work: () => Promise<T>): Promise<T | undefined> {
  say("");
  return status.run(busy, buttons(), work);
}

// ------------------------------------------------------------------ the list and its summaries

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className = "", text = ""): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text) el.textContent = text;
  return el;
}

/** A score with its sign, a true minus for negatives: "+18.5", "−3.2". */
const signed = (value: number) =>
  value < 0 ? `\u2212${formatNumber(-value)}` : `${value > 0 ? "+" : ""}${formatNumber(value)}`;

function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString(locale === "ru" ? "ru-RU" : "en-US", { dateStyle: "medium" });
}

function interval(summary: SurveySummary, lower: number | null, upper: number | null, format: (v: number) => string) {
  if (lower === null || upper === null) return "";
  return tr("ui.surveys.interval", {
    confidence: formatPercent(summary.confidence),
    lower: format(lower),
    upper: format(upper),
  });
}

/** The summary block of a survey card: the metric, its interval and n, warnings. */
function renderSummary(summary: SurveySummary): HTMLElement {
  const box = element("div", "summary");
  const value = element("div", "value");
  const detail = element("div", "detail");
  const n = tr("ui.surveys.n", { n: summary.n });
  if (summary.nps) {
    value.textContent = tr("ui.surveys.metric.nps", { value: signed(summary.nps.score) });
    detail.textContent = [interval(summary, summary.nps.lower, summary.nps.upper, signed), n].join(" · ");
  } else if (summary.csat) {
    const c = summary.csat;
    value.textContent = tr("ui.surveys.metric.csat", { value: formatPercent(c.share) });
    const mean = tr("ui.surveys.metric.csatMean", { mean: formatNumber(c.mean, 2), max: summary.scale.max });
    detail.textContent = [mean, interval(summary, c.lower, c.upper, (v) => formatNumber(v, 2)), n]
      .filter(Boolean)
      .join(" · ");
  } else if (summary.ces) {
    const c = summary.ces;
    value.textContent = tr("ui.surveys.metric.ces", { value: formatNumber(c.mean, 2), max: summary.scale.max });
    detail.textContent = [interval(summary, c.lower, c.upper, (v) => formatNumber(v, 2)), n]
      .filter(Boolean)
      .join(" · ");
  } else if (summary.csi) {
    const c = summary.csi;
    value.textContent = c.index === null ? "" : tr("ui.surveys.metric.csi", { value: formatNumber(c.index) });
    detail.textContent = n;
    const factors = element("ul", "factors");
    for (const f of c.factors) {
      const label = f.label[locale] ?? f.label.en ?? f.label.ru ?? f.id;
      factors.append(
        element(
          "li",
          "",
          f.mean === null
            ? tr("ui.surveys.factorNone", { label })
            : tr("ui.surveys.factor", { label, mean: formatNumber(f.mean, 2), n: f.n }),
        ),
      );
    }
    box.append(value, detail, factors);
    if (c.index === null) box.append(element("div", "detail", tr("ui.surveys.csiIncomplete")));
  } else {
    detail.textContent = tr("ui.surveys.noAnswers");
  }
  if (!summary.csi) box.append(value, detail);
  if (!value.textContent) value.remove();
  if (summary.flagged > 0 && !summary.includeFlagged) {
    box.append(element("div", "detail", tr("ui.surveys.flagged", { flagged: summary.flagged })));
  }
  if (summary.n > 0 && summary.smallSample) box.append(element("p", "warning", tr("ui.surveys.smallSample")));
  return box;
}

function renderCard(survey: SurveyView): HTMLElement {
  const card = element("div", "survey");
  card.dataset.testid = `survey-${survey.id}`;
  const radio = element("input");
  radio.type = "radio";
  radio.name = "survey";
  radio.value = survey.id;
  radio.id = `pick-${survey.id}`;
  radio.checked = survey.id === selected;
  radio.setAttribute("aria-describedby", `meta-${survey.id}`);
  radio.addEventListener("change", () => select(survey.id));
  const body = element("div", "body");
  const title = element("label", "survey-title", survey.title);
  title.htmlFor = radio.id;
  const badge = survey.archived
    ? element("span", "badge archived", tr("ui.surveys.status.archived"))
    : element("span", `badge ${survey.status}`, tr(`ui.surveys.status.${survey.status}`));
  const meta = [
    tr(`ui.surveys.type.${survey.type}`),
    tr("ui.surveys.answers", { n: survey.responseCount }),
    survey.closesAt ? tr("ui.surveys.closes", { date: formatDate(survey.closesAt) }) : "",
  ].filter(Boolean);
  const metaLine = element("div", "meta", meta.join(" · "));
  metaLine.id = `meta-${survey.id}`;
  const summary = element("div", "summary detail", tr("ui.surveys.summaryLoading"));
  summary.dataset.testid = `summary-${survey.id}`;
  body.append(title, badge, metaLine, summary);
  if (survey.anonymous) {
    const link = element("a", "", tr("ui.surveys.publicLink"));
    link.href = survey.url;
    link.target = "_blank";
    link.rel = "noopener";
    body.append(link);
  }
  card.append(radio, body);
  // The whole card picks the survey, not only its radio button and title.
  card.addEventListener("click", (event) => {
    if ((event.target as HTMLElement).closest("a, input, label")) return;
    if (!radio.checked) {
      radio.checked = true;
      radio.dispatchEvent(new Event("change"));
    }
  });
  return card;
}

async function loadSummaries(surveys: SurveyView[]): Promise<void> {
  const queue = [...surveys];
  const worker = async () => {
    for (let survey = queue.shift(); survey; survey = queue.shift()) {
      const slot = list.querySelector<HTMLElement>(`[data-testid="summary-${survey.id}"]`);
      try {
        const summary = await call("surveySummary", survey.id);
        const block = renderSummary(summary);
        block.dataset.testid = `summary-${survey.id}`;
        slot?.replaceWith(block);
      } catch (error) {
        if (slot) slot.textContent = tr("ui.surveys.summaryFailed", { message: (error as Error).message });
      }
    }
  };
  await Promise.all(Array.from({ length: SUMMARY_CONCURRENCY }, worker));
}

function selectedSurvey(): SurveyView | null {
  return state?.surveys.find((s) => s.id === selected) ?? null;
}

/** The selected survey's management buttons say what they will do to it. */
function showManage(survey: SurveyView | null): void {
  if (!survey) return;
  const preview = $<HTMLAnchorElement>("preview-survey");
  preview.hidden = survey.previewUrl === null;
  preview.href = survey.previewUrl ?? "about:blank";
  const close = $<HTMLButtonElement>("close-survey");
  // Closed by its date: nothing to close or reopen by hand (the date decides).
  close.hidden = !survey.closed && survey.status === "closed";
  close.textContent = tr(survey.closed ? "ui.surveys.reopen" : "ui.surveys.closeNow");
  $("archive-survey").textContent = tr(survey.archived ? "ui.surveys.restore" : "ui.surveys.archive");
}

function select(surveyId: string | null): void {
  selected = surveyId;
  $("actions").hidden = surveyId === null;
  $("snippet").hidden = true;
  showManage(selectedSurvey());
}

/** The surveys the list shows: all, or all but the archived ones. */
function visible(surveys: SurveyView[]): SurveyView[] {
  return showArchived ? surveys : surveys.filter((s) => !s.archived);
}

function render(next: SurveysState): void {
  state = next;
  $("not-enrolled").hidden = next.enrolled;
  $("settings-row").hidden = next.enrolled;
  $("surveys-section").hidden = !next.enrolled;
  $("new-survey").hidden = !next.enrolled;
  $<HTMLInputElement>("f-closes").min = next.today;
  const shown = visible(next.surveys);
  if (!shown.some((s) => s.id === selected)) selected = shown[0]?.id ?? null;
  list.replaceChildren(...shown.map(renderCard));
  $("no-surveys").hidden = shown.length > 0;
  $("sync-box").hidden = next.surveys.length === 0;
  const archived = next.surveys.filter((s) => s.archived).length;
  $("show-archived").hidden = archived === 0;
  $("show-archived").textContent = showArchived
    ? tr("ui.surveys.hideArchived")
    : tr("ui.surveys.showArchived", { count: archived });
  select(selected);
  $("client-list").textContent = next.clients
    ? tr("ui.surveys.clientList", { ...next.clients })
    : (next.clientsProblem ?? "");
  if (next.surveys.length === 0 && next.enrolled) ($("new-survey") as HTMLDetailsElement).open = true;
}

async function load(): Promise<void> {
  const next = await act(tr("ui.surveys.loading"), () => call("surveysState"));
  // The Worker unreachable, the token refused…: the fix is in Settings.
  if (!next) {
    $("settings-row").hidden = false;
    return;
  }
  render(next);
  void loadSummaries(visible(next.surveys));
}

/** The list again after a change to one survey, with the change's outcome said. */
async function reload(message: string): Promise<void> {
  await load();
  say(message);
}

// ------------------------------------------------------------------ actions on the selected survey

$("show-archived").addEventListener("click", () => {
  showArchived = !showArchived;
  if (state) {
    render(state);
    void loadSummaries(visible(state.surveys));
  }
});

$("close-survey").addEventListener("click", async () => {
  const survey = selectedSurvey();
  if (!survey) return;
  const done = await act(tr("ui.surveys.loading"), () => call("closeSurvey", survey.id, !survey.closed));
  if (done) await reload(tr(survey.closed ? "ui.surveys.reopened" : "ui.surveys.closedNow", { title: done.title }));
});

$("archive-survey").addEventListener("click", async () => {
  const survey = selectedSurvey();
  if (!survey) return;
  const done = await act(tr("ui.surveys.loading"), () => call("archiveSurvey", survey.id, !survey.archived));
  if (done) await reload(tr(survey.archived ? "ui.surveys.restored" : "ui.surveys.archivedNow", { title: done.title }));
});

$("edit-survey").addEventListener("click", () => {
  const survey = selectedSurvey();
  if (survey) startForm(survey.form, survey.id, survey.title);
});

$("duplicate-survey").addEventListener("click", () => {
  const survey = selectedSurvey();
  if (!survey) return;
  const today = state?.today ?? "";
  const copy: SurveyForm = {
    ...survey.form,
    title: tr("ui.surveys.copyTitle", { title: survey.title }).slice(0, 200),
    // A past close date would only be refused.
    closesOn: survey.form.closesOn && survey.form.closesOn >= today ? survey.form.closesOn : "",
  };
  startForm(copy, null, "");
  say(tr("ui.surveys.copyReady", { title: survey.title }));
});

function linkLanguage(): string {
  return $<HTMLSelectElement>("link-language").value;
}

$("add-links").addEventListener("click", async () => {
  const surveyId = selected;
  if (!surveyId) return;
  const result = await act(tr("ui.surveys.addingLinks", { done: 0, total: state?.clients?.count ?? 0 }), async () => {
    let step = await call("addSurveyLinks", surveyId, linkLanguage(), 0);
    const totals = { written: step.written, eligible: step.eligible, skipped: step.skipped };
    // Long lists are written in parts, one Apps Script execution each.
    while (step.done < step.total) {
      progress(tr("ui.surveys.addingLinks", { done: step.done, total: step.total }));
      step = await call("addSurveyLinks", surveyId, linkLanguage(), step.done);
      totals.written += step.written;
      totals.eligible += step.eligible;
      totals.skipped += step.skipped;
    }
    return { ...step, ...totals };
  });
  if (!result) return;
  const parts = [tr("ui.surveys.linksDone", { ...result })];
  if (result.skipped > 0) parts.push(tr("ui.surveys.linksSkipped", { skipped: result.skipped }));
  say(parts.join(" "));
});

$("email-snippet").addEventListener("click", async () => {
  const surveyId = selected;
  if (!surveyId) return;
  const snippet = await act(tr("ui.surveys.snippetLoading"), () =>
    call("surveyEmailSnippet", surveyId, linkLanguage()),
  );
  if (!snippet) return;
  $("snippet-for").textContent = snippet.fromSelection
    ? tr("ui.surveys.snippetSelected", { contactId: snippet.contactId })
    : tr("ui.surveys.snippetFirst", { contactId: snippet.contactId, sheet: snippet.sheet });
  $<HTMLTextAreaElement>("snippet-html").value = snippet.html;
  $("snippet").hidden = false;
  $("copy-snippet").focus();
});

/** Copies with the browser's clipboard; Apps Script's host has none. Falls back to a selection. */
$("copy-snippet").addEventListener("click", async () => {
  const area = $<HTMLTextAreaElement>("snippet-html");
  let copied = false;
  try {
    await navigator.clipboard.writeText(area.value);
    copied = true;
  } catch {
    area.focus();
    area.select();
    try {
      copied = document.execCommand("copy");
    } catch {
      copied = false;
    }
  }
  if (!copied) {
    area.focus();
    area.select();
  }
  say(tr(copied ? "ui.surveys.copied" : "ui.surveys.copyManually"));
});

$("sync").addEventListener("click", async () => {
  const result = await act(tr("ui.surveys.syncing"), async () => {
    let round = await call("syncSurveyAnswers");
    const totals = { added: round.added, updated: round.updated, flagged: round.flagged };
    for (let i = 1; round.more && round.errors.length === 0 && i < MAX_SYNC_ROUNDS; i++) {
      progress(tr("ui.surveys.syncingMore", totals));
      round = await call("syncSurveyAnswers");
      totals.added += round.added;
      totals.updated += round.updated;
      totals.flagged += round.flagged;
    }
    return { round, totals };
  });
  if (!result) return;
  const { round, totals } = result;
  const waiting = round.more && round.errors.length === 0;
  say([trIn(locale, "surveys.sync.done", totals), waiting ? tr("surveys.sync.more") : ""].filter(Boolean).join(" "));
  if (round.errors.length > 0) status.showError(new Error([tr("surveys.sync.failed"), ...round.errors].join("\n")));
  const next = await call("surveysState").catch(() => null);
  if (next) {
    render(next);
    void loadSummaries(next.surveys);
  }
});

$("refresh").addEventListener("click", () => void load());
$("open-settings").addEventListener("click", () => void act(tr("ui.surveys.loading"), () => call("showSettings")));

// ------------------------------------------------------------------ the new-survey form

const DEFAULT_KEYS = {
  nps: "ui.surveys.default.nps",
  csat: "ui.surveys.default.csat",
  ces: "ui.surveys.default.ces",
  csi: "ui.surveys.default.csi",
} as const;
type FormType = keyof typeof DEFAULT_KEYS;

const questionBox = (lang: "en" | "ru") => $<HTMLTextAreaElement>(`f-question-${lang}`);
const followUpBox = (lang: "en" | "ru") => $<HTMLTextAreaElement>(`f-followup-${lang}`);

/** Fills the question with the type's usual wording, unless the person wrote their own. */
function applyDefaults(previous: FormType | null): void {
  const type = typeSelect.value as FormType;
  for (const lang of ["en", "ru"] as const) {
    const box = questionBox(lang);
    const wasDefault = previous !== null && box.value === trIn(lang, DEFAULT_KEYS[previous]);
    if (box.value === "" || wasDefault) box.value = trIn(lang, DEFAULT_KEYS[type]);
    if (followUpBox(lang).value === "" && previous === null)
      followUpBox(lang).value = trIn(lang, "ui.surveys.default.followUp");
  }
  $("factors-fieldset").hidden = type !== "csi";
  if (type === "csi" && factorsBox.children.length === 0) addFactor();
}

function chosenLanguages(): ("en" | "ru")[] {
  return languageBoxes.filter((b) => b.checked).map((b) => b.value as "en" | "ru");
}

function showLanguages(): void {
  const chosen = chosenLanguages();
  for (const block of document.querySelectorAll<HTMLElement>("[data-lang]")) {
    block.hidden = !chosen.includes(block.dataset.lang as "en" | "ru");
  }
}

function renumberFactors(): void {
  [...factorsBox.children].forEach((row, i) => {
    const n = i + 1;
    for (const lang of ["en", "ru"] as const) {
      (row.querySelector(`[data-part="label-${lang}"]`) as HTMLElement).textContent = tr(
        `ui.surveys.field.factorLabel.${lang}`,
        { n },
      );
      const input = row.querySelector<HTMLInputElement>(`[data-part="input-${lang}"]`) as HTMLInputElement;
      input.id = `factor-${i}-${lang}`;
      (row.querySelector(`[data-part="label-${lang}"]`) as HTMLLabelElement).htmlFor = input.id;
    }
    const weight = row.querySelector<HTMLInputElement>('[data-part="weight"]') as HTMLInputElement;
    weight.id = `factor-${i}-weight`;
    const weightLabel = row.querySelector<HTMLLabelElement>('[data-part="weight-label"]') as HTMLLabelElement;
    weightLabel.htmlFor = weight.id;
    weightLabel.textContent = tr("ui.surveys.field.factorWeight", { n });
    const remove = row.querySelector<HTMLButtonElement>('[data-part="remove"]') as HTMLButtonElement;
    remove.setAttribute("aria-label", tr("ui.surveys.removeFactor", { n }));
    remove.hidden = factorsBox.children.length === 1;
    const error = row.querySelector<HTMLElement>('[data-part="error"]') as HTMLElement;
    error.id = `err-factor-${i}`;
    for (const input of row.querySelectorAll("input")) input.setAttribute("aria-describedby", error.id);
  });
}

function addFactor(): void {
  const row = element("div", "factor");
  for (const lang of ["en", "ru"] as const) {
    const block = element("div");
    block.dataset.lang = lang;
    const label = element("label");
    label.dataset.part = `label-${lang}`;
    const input = element("input");
    input.type = "text";
    input.maxLength = 200;
    input.lang = lang;
    input.dataset.part = `input-${lang}`;
    block.append(label, input);
    row.append(block);
  }
  const weightRow = element("div", "weight-row");
  const weightBox = element("div");
  const weightLabel = element("label");
  weightLabel.dataset.part = "weight-label";
  const weight = element("input");
  weight.type = "text";
  weight.inputMode = "decimal";
  weight.value = "1";
  weight.dataset.part = "weight";
  weightBox.append(weightLabel, weight);
  const remove = element("button", "", "✕");
  remove.type = "button";
  remove.dataset.part = "remove";
  remove.addEventListener("click", () => {
    row.remove();
    renumberFactors();
    ($("add-factor") as HTMLButtonElement).focus();
  });
  weightRow.append(weightBox, remove);
  const error = element("p", "field-error");
  error.dataset.part = "error";
  error.hidden = true;
  row.append(weightRow, error);
  factorsBox.append(row);
  renumberFactors();
  showLanguages();
}

function readForm(): SurveyForm {
  const value = (id: string) => $<HTMLInputElement>(id).value;
  return {
    type: typeSelect.value,
    title: value("f-title"),
    languages: chosenLanguages(),
    question: { en: questionBox("en").value, ru: questionBox("ru").value },
    followUp: { en: followUpBox("en").value, ru: followUpBox("ru").value },
    factors:
      typeSelect.value === "csi"
        ? [...factorsBox.children].map((row) => ({
            label: {
              en: (row.querySelector('[data-part="input-en"]') as HTMLInputElement).value,
              ru: (row.querySelector('[data-part="input-ru"]') as HTMLInputElement).value,
            },
            weight: (row.querySelector('[data-part="weight"]') as HTMLInputElement).value,
          }))
        : [],
    closesOn: value("f-closes"),
    maxResponses: value("f-cap"),
    throttleDays: value("f-throttle"),
    anonymous: $<HTMLInputElement>("f-anonymous").checked,
  };
}

/** The input a form field's problem points at, and where its message goes. */
function fieldTargets(field: string): { input: HTMLElement | null; error: HTMLElement | null } {
  const factor = /^factors\.(\d+)\.(label\.(en|ru)|weight)$/.exec(field);
  if (factor) {
    const i = factor[1];
    const input = factor[3] ? `factor-${i}-${factor[3]}` : `factor-${i}-weight`;
    return { input: document.getElementById(input), error: document.getElementById(`err-factor-${i}`) };
  }
  const inputs: Record<string, string> = {
    type: "f-type",
    title: "f-title",
    languages: "f-lang-en",
    "question.en": "f-question-en",
    "question.ru": "f-question-ru",
    "followUp.en": "f-followup-en",
    "followUp.ru": "f-followup-ru",
    factors: "add-factor",
    closesOn: "f-closes",
    maxResponses: "f-cap",
    throttleDays: "f-throttle",
  };
  return {
    input: document.getElementById(inputs[field] ?? ""),
    error: document.getElementById(`err-${field.replace(".", "-")}`),
  };
}

function clearFieldErrors(): void {
  for (const el of form.querySelectorAll<HTMLElement>(".field-error")) {
    el.textContent = "";
    el.hidden = true;
  }
  for (const el of form.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
}

function showFieldErrors(issues: { field: string; message: string }[]): void {
  clearFieldErrors();
  let first: HTMLElement | null = null;
  for (const issue of issues) {
    const { input, error } = fieldTargets(issue.field);
    if (error) {
      error.textContent = error.textContent ? `${error.textContent} ${issue.message}` : issue.message;
      error.hidden = false;
    }
    input?.setAttribute("aria-invalid", "true");
    first ??= input;
  }
  status.showError(new Error(tr("ui.surveys.fixForm")));
  first?.focus();
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const input = readForm();
  const today = state?.today ?? new Date().toISOString().slice(0, 10);
  // An edited survey's close date left as it was passes even when past (the server does the same).
  const kept = editing ? (state?.surveys.find((s) => s.id === editing)?.form.closesOn ?? "") : "";
  const local = checkSurveyForm(input, kept && kept < today && input.closesOn === kept ? kept : today);
  if (local.issues.length > 0) {
    showFieldErrors(local.issues.map((i) => ({ field: i.field, message: tr(i.key, i.params) })));
    return;
  }
  clearFieldErrors();
  const surveyId = editing;
  const result = await act(tr("ui.surveys.creating"), () =>
    surveyId ? call("editSurvey", surveyId, input) : call("createSurvey", input),
  );
  if (!result) return;
  if (!result.ok) {
    showFieldErrors(result.issues);
    return;
  }
  selected = result.survey.id;
  resetForm();
  ($("new-survey") as HTMLDetailsElement).open = false;
  await load();
  say(tr(surveyId ? "ui.surveys.saved" : "ui.surveys.created", { title: result.survey.title }));
  list.querySelector<HTMLInputElement>(`input[value="${CSS.escape(result.survey.id)}"]`)?.focus();
});

let previousType: FormType | null = null;
typeSelect.addEventListener("change", () => {
  applyDefaults(previousType);
  previousType = typeSelect.value as FormType;
});
for (const box of languageBoxes) box.addEventListener("change", showLanguages);
$("add-factor").addEventListener("click", () => {
  addFactor();
  (factorsBox.lastElementChild?.querySelector("input:not([hidden])") as HTMLInputElement | null)?.focus();
});

function setFormDefaults(): void {
  for (const box of languageBoxes) box.checked = box.value === locale;
  previousType = null;
  applyDefaults(null);
  previousType = typeSelect.value as FormType;
  showLanguages();
}

/** The form back to a new survey: empty, the usual wording, every field editable. */
function resetForm(): void {
  editing = null;
  form.reset();
  clearFieldErrors();
  factorsBox.replaceChildren();
  typeSelect.disabled = false;
  $("type-fixed").hidden = true;
  $("add-factor").hidden = false;
  $("cancel-edit").hidden = true;
  $("form-title").textContent = tr("ui.surveys.new");
  $("create").textContent = tr("ui.surveys.create");
  $<HTMLInputElement>("f-closes").min = state?.today ?? "";
  setFormDefaults();
}

/**
 * The form filled with a survey: to edit it (`surveyId`; its type and factors locked, as the Worker
 * keeps them) or to create a copy (null).
 */
function startForm(values: SurveyForm, surveyId: string | null, title: string): void {
  resetForm();
  editing = surveyId;
  typeSelect.value = values.type;
  previousType = values.type as FormType;
  $<HTMLInputElement>("f-title").value = values.title;
  for (const box of languageBoxes) box.checked = values.languages.includes(box.value);
  for (const lang of ["en", "ru"] as const) {
    questionBox(lang).value = values.question[lang];
    followUpBox(lang).value = values.followUp[lang];
  }
  factorsBox.replaceChildren();
  for (const factor of values.factors) {
    addFactor();
    const row = factorsBox.lastElementChild as HTMLElement;
    for (const lang of ["en", "ru"] as const) {
      (row.querySelector(`[data-part="input-${lang}"]`) as HTMLInputElement).value = factor.label[lang];
    }
    (row.querySelector('[data-part="weight"]') as HTMLInputElement).value = factor.weight;
  }
  $("factors-fieldset").hidden = values.type !== "csi";
  $<HTMLInputElement>("f-closes").value = values.closesOn;
  $<HTMLInputElement>("f-cap").value = values.maxResponses;
  $<HTMLInputElement>("f-throttle").value = values.throttleDays;
  $<HTMLInputElement>("f-anonymous").checked = values.anonymous;
  if (surveyId) {
    typeSelect.disabled = true;
    $("type-fixed").hidden = false;
    $("add-factor").hidden = true;
    for (const el of factorsBox.querySelectorAll<HTMLInputElement | HTMLButtonElement>("input, button")) {
      el.disabled = true;
    }
    $("form-title").textContent = tr("ui.surveys.editTitle", { title });
    $("create").textContent = tr("ui.surveys.saveChanges");
    $("cancel-edit").hidden = false;
    // A survey closed by a date now past keeps it; the check lets the unchanged date through.
    $<HTMLInputElement>("f-closes").min = "";
  }
  showLanguages();
  const details = $("new-survey") as HTMLDetailsElement;
  details.open = true;
  details.scrollIntoView({ block: "start" });
  $<HTMLInputElement>("f-title").focus();
}

$("cancel-edit").addEventListener("click", () => {
  resetForm();
  ($("new-survey") as HTMLDetailsElement).open = false;
});

translatePage();
setFormDefaults();
void load();
