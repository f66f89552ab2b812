import { describe, expect, inject, it } from "vitest";
import type { Harness } from "../../../addon/harness/index";
import type { FakeSheet } from "../../../addon/harness/spreadsheet";
import type { DashboardView } from "../../../addon/src/features/dashboard/shapes";
import type {
  AddLinksView,
  CreateSurveyResult,
  EmailSnippetView,
  SurveysState,
  SurveyView,
  SyncView,
} from "../../../addon/src/features/surveys/shapes";
import type { SurveySummary } from "../../../shared/api/surveys";
import { responsesHeader, teamHeader } from "../../../shared/sheets/responses";
import { hyperlinkUrl } from "../../../shared/sheets/surveyLinks";
import type { SurveyForm } from "../../../shared/surveys/form";
import { errorOf, loadAddon } from "../helpers";
import { answer } from "../respondent";

/**
 * The Surveys sidebar's server functions through the built Code.js in the harness, against the
 * real local Worker: enroll, create a survey, add links beside the client list, answer the links
 * as respondents do, sync the answers into the Responses sheet, edit, sync again.
 */

const workerUrl = `${inject("workerUrl")}/`;
const enrollmentKey = inject("enrollmentKey");

type Row = (string | number | boolean | Date)[];

function clientsWorkbook(extra: Row[] = []) {
  return {
    name: "Clients 2026",
    timeZone: "Europe/Moscow",
    sheets: [
      {
        name: "Clients",
        rows: [
          ["Client ID", "Name", "Email"],
          [17, "Anna", "anna@example.com"],
          ["C-002", "Boris", "boris@example.com"],
          // A client id that looks like a formula: data, to be kept as text everywhere.
          ["=1+1", "Eve", "eve@example.com"],
          ["", "Nobody", "nobody@example.com"],
          [18, "Dan", "dan@example.com"],
          ...extra,
        ] as Row[],
      },
    ],
  };
}

function enrolled(userLocale = "en", spreadsheet = clientsWorkbook()): Harness {
  const addon = loadAddon({ userLocale, spreadsheet });
  addon.run("saveWorkerUrl", workerUrl);
  addon.run("enrollSpreadsheet", enrollmentKey);
  return addon;
}

const npsForm = (over: Partial<SurveyForm> = {}): SurveyForm => ({
  type: "nps",
  title: "Spring check-in",
  languages: ["en", "ru"],
  question: {
    en: "How likely are you to recommend us to a friend or colleague?",
    ru: "Насколько вероятно, что вы порекомендуете нас другу или коллеге?",
  },
  followUp: { en: "What is the main reason for your score?", ru: "Почему вы поставили такую оценку?" },
  factors: [],
  closesOn: "",
  maxResponses: "",
  throttleDays: "30",
  anonymous: true,
  ...over,
});

/** The spreadsheet's calendar day (Europe/Moscow), `days` after the harness's now. */
function spreadsheetDay(addon: Harness, days: number): string {
  return new Date(addon.now() + days * 86_400_000 + 3 * 3_600_000).toISOString().slice(0, 10);
}

function create(addon: Harness, form: SurveyForm) {
  const result = addon.run("createSurvey", form) as CreateSurveyResult;
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.survey;
}

function sheet(addon: Harness, name: string): FakeSheet {
  const found = addon.spreadsheet.getSheetByName(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

function values(s: FakeSheet): Row[] {
  return s.getDataRange().getValues() as Row[];
}

function formulas(s: FakeSheet): string[][] {
  return s.getDataRange().getFormulas();
}

/** The URLs of the personal links in a HYPERLINK column, by data row. */
function linkUrls(addon: Harness, column: string): string[] {
  const clients = sheet(addon, "Clients");
  const last = clients.getLastRow();
  return clients
    .getRange(`${column}2:${column}${last}`)
    .getFormulas()
    .map(([f]) => hyperlinkUrl(String(f ?? "")) ?? "");
}

const sync = (addon: Harness, options?: object) =>
  (options ? addon.run("syncSurveyAnswers", options) : addon.run("syncSurveyAnswers")) as SyncView;

describe("Surveys sidebar", () => {
  it("enroll → create → add links → answer → sync → edit → sync again: one row per answer, updated in place", async () => {
    const addon = enrolled();
    const state = addon.run("surveysState") as SurveysState;
    expect(state).toMatchObject({
      enrolled: true,
      clients: { sheet: "Clients", column: "A", header: "Client ID", count: 4 },
      clientsProblem: null,
      surveys: [],
    });
    expect(state.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const survey = create(addon, npsForm());
    expect(survey).toMatchObject({ type: "nps", status: "open", languages: ["en", "ru"], throttleDays: 30 });
    expect((addon.run("surveysState") as SurveysState).surveys.map((s) => s.id)).toEqual([survey.id]);

    const step = addon.run("addSurveyLinks", survey.id, "auto", 0) as AddLinksView;
    expect(step).toEqual({
      sheet: "Clients",
      linkColumn: "D",
      eligibleColumn: "E",
      total: 5,
      done: 5,
      written: 4,
      eligible: 4,
      skipped: 0,
    });
    const clients = sheet(addon, "Clients");
    expect(values(clients)[0]).toEqual([
      "Client ID",
      "Name",
      "Email",
      `${survey.title} · survey link`,
      `${survey.title} · may ask now`,
    ]);
    // The survey's id is in the header notes: what keeps the columns tied to it.
    expect(clients.getRange("D1:E1").getNotes()).toEqual([
      [`Rapport · survey ${survey.id} · personal links`, `Rapport · survey ${survey.id} · may ask now`],
    ]);
    expect(values(clients).map((r) => r.slice(3))).toEqual([
      [`${survey.title} · survey link`, `${survey.title} · may ask now`],
      ["Open survey", true],
      ["Open survey", true],
      ["Open survey", true],
      ["", ""],
      ["Open survey", true],
    ]);
    const urls = linkUrls(addon, "D");
    expect(urls[0]).toMatch(new RegExp(`^${inject("workerUrl")}/s/${survey.id}\\?c=17&k=[A-Za-z0-9_-]{22}$`));
    expect(urls[2]).toContain("?c=%3D1%2B1&k=");
    expect(urls[3]).toBe("");
    expect(formulas(clients)[1]?.[3]).toMatch(/^=HYPERLINK\("http:\/\/127\.0\.0\.1:\d+\/s\/[^"]+", "Open survey"\)$/);

    // Two clients answer; their comments start with "=" and "+".
    await Promise.all([
      answer(urls[0] as string, { fields: { score: "9" }, comment: "=SUM(A1:A9) great" }),
      answer(urls[2] as string, { fields: { score: "3" }, comment: "+7 999 000-00-00 call me" }),
    ]);

    const first = sync(addon);
    expect(first).toMatchObject({ added: 2, updated: 0, flagged: 0, errors: [], more: false });
    expect(first.message).toBe("Synced: new 2, updated 0, flagged 0.");
    const responses = sheet(addon, "Responses");
    const [header, ...rows] = values(responses);
    expect(header).toEqual([...responsesHeader("en"), ...teamHeader("en")]);
    expect(rows).toHaveLength(2);
    const byClient = new Map(rows.map((r) => [r[4], r]));
    expect(byClient.get(17)).toMatchObject({
      1: survey.id,
      2: "Spring check-in",
      3: "NPS",
      5: 9,
      6: "=SUM(A1:A9) great",
      7: "en",
      8: true,
      9: "",
    });
    expect(byClient.get("=1+1")).toMatchObject({ 5: 3, 6: "+7 999 000-00-00 call me" });
    expect(
      formulas(responses)
        .flat()
        .every((f) => f === ""),
    ).toBe(true);
    const annaId = byClient.get(17)?.[0] as string;
    expect(annaId).toMatch(/^[0-9a-f-]{36}$/);

    // Anna changes her answer on the same link.
    await answer(urls[0] as string, { fields: { score: "10" }, comment: "@team thanks" });
    expect(sync(addon)).toMatchObject({ added: 0, updated: 1, flagged: 0 });
    const after = values(responses).slice(1);
    expect(after).toHaveLength(2);
    const anna = after.find((r) => r[0] === annaId) as Row;
    expect(anna.slice(4, 7)).toEqual([17, 10, "@team thanks"]);
    expect(
      formulas(responses)
        .flat()
        .every((f) => f === ""),
    ).toBe(true);

    // Nothing new: a zero line in the log, nothing written.
    expect(sync(addon)).toMatchObject({ added: 0, updated: 0, flagged: 0 });
    const log = values(sheet(addon, "Rapport log"));
    expect(log[0]).toEqual([
      "When",
      "Survey",
      "New",
      "Updated",
      "Flagged",
      "Errors",
      "Action",
      "Sent",
      "Failed",
      "Not sent",
    ]);
    expect(log.slice(1).map((r) => r.slice(1))).toEqual([
      ["Spring check-in", 2, 0, 0, "", "Sync", "", "", ""],
      ["Spring check-in", 0, 1, 0, "", "Sync", "", "", ""],
      ["Spring check-in", 0, 0, 0, "", "Sync", "", "", ""],
    ]);
    expect(Object.prototype.toString.call(log[1]?.[0])).toBe("[object Date]");

    // Links again: the same two columns; Anna and Eve answered within the 30-day throttle.
    addon.run("addSurveyLinks", survey.id, "ru", 0);
    expect(values(clients)[0]).toHaveLength(5);
    expect(values(clients).map((r) => r[4])).toEqual([`${survey.title} · may ask now`, false, true, false, "", true]);
    expect(linkUrls(addon, "D")[1]).toMatch(/&lang=ru$/);

    const summary = addon.run("surveySummary", survey.id) as SurveySummary;
    expect(summary).toMatchObject({ n: 2, smallSample: true, nps: { score: 0, promoters: 1, detractors: 1 } });
    // Every sync and links run held the document lock.
    expect(addon.lock.acquisitions).toBeGreaterThanOrEqual(6);
    expect(addon.lock.hasLock()).toBe(false);
  });

  it("closes a survey at the end of its close date in the spreadsheet's time zone", () => {
    const addon = enrolled();
    // The workbook is in Moscow (UTC+3): the end of 30 June there is 20:59:59 UTC.
    const survey = create(addon, npsForm({ closesOn: "2099-06-30", maxResponses: "250" }));
    expect(survey).toMatchObject({ closesAt: "2099-06-30T20:59:59.000Z", maxResponses: 250, status: "open" });
  });

  it("edits, closes, reopens, archives and restores a survey; a copy starts from its form", () => {
    const addon = enrolled();
    const survey = create(addon, npsForm({ languages: ["en"], maxResponses: "50" }));
    expect(survey).toMatchObject({ closed: false, archived: false });
    expect(survey.previewUrl).toMatch(/\/s\/[A-Za-z0-9_-]{22}\/preview\?p=/);
    // The form of a survey is the form that made it (Russian not chosen: empty).
    expect(survey.form).toMatchObject({ type: "nps", languages: ["en"], maxResponses: "50", throttleDays: "30" });
    expect(survey.form.question.ru).toBe("");

    // Edit: a new title, Russian added, the cap cleared; a type change is not the form's to make.
    const edited = addon.run("editSurvey", survey.id, {
      ...survey.form,
      type: "csat",
      title: "Winter check-in",
      languages: ["en", "ru"],
      question: { ...survey.form.question, ru: "Насколько вероятно, что вы нас порекомендуете?" },
      maxResponses: "",
    }) as CreateSurveyResult;
    expect(edited.ok).toBe(true);
    if (!edited.ok) return;
    expect(edited.survey).toMatchObject({
      title: "Winter check-in",
      type: "nps",
      maxResponses: null,
      languages: ["en", "ru"],
    });
    const bad = addon.run("editSurvey", survey.id, { ...edited.survey.form, title: " " }) as CreateSurveyResult;
    expect(bad).toEqual({ ok: false, issues: [{ field: "title", message: "Give the survey a title." }] });

    const closed = addon.run("closeSurvey", survey.id, true) as SurveyView;
    expect(closed).toMatchObject({ closed: true, status: "closed" });
    expect(addon.run("closeSurvey", survey.id, false)).toMatchObject({ closed: false, status: "open" });
    const archived = addon.run("archiveSurvey", survey.id, true) as SurveyView;
    expect(archived).toMatchObject({ archived: true, closed: true, status: "closed" });
    // Still listed for the sidebar (which hides it), and its answers still sync.
    const listed = (addon.run("surveysState") as SurveysState).surveys.find((s) => s.id === survey.id);
    expect(listed?.archived).toBe(true);
    expect(addon.run("archiveSurvey", survey.id, false)).toMatchObject({ archived: false, closed: true });
  });

  it("keeps its link columns when the survey is renamed, and takes over an earlier version's", () => {
    const addon = enrolled();
    const survey = create(addon, npsForm({ title: "Winter pulse" }));
    const clients = sheet(addon, "Clients");
    // Columns an earlier version wrote: the id in brackets in the header, no notes.
    clients.getRange("D1:E1").setValues([[`Survey link [${survey.id}]`, `May ask now [${survey.id}]`]]);
    addon.run("addSurveyLinks", survey.id, "auto", 0);
    expect(values(clients)[0]).toEqual([
      "Client ID",
      "Name",
      "Email",
      "Winter pulse · survey link",
      "Winter pulse · may ask now",
    ]);
    const renamed = addon.run("editSurvey", survey.id, { ...survey.form, title: "Spring pulse" }) as CreateSurveyResult;
    expect(renamed.ok).toBe(true);
    addon.run("addSurveyLinks", survey.id, "auto", 0);
    expect(values(clients)[0]).toEqual([
      "Client ID",
      "Name",
      "Email",
      "Spring pulse · survey link",
      "Spring pulse · may ask now",
    ]);
  });

  it("keeps a close date that has passed when the rest of the survey is edited", () => {
    const addon = enrolled();
    const survey = create(addon, npsForm({ closesOn: spreadsheetDay(addon, 1) }));
    // Three days on, by the spreadsheet's calendar, the close date is behind it.
    addon.advanceClock(3 * 24 * 3_600_000);
    const kept = addon.run("editSurvey", survey.id, { ...survey.form, title: "Renamed" }) as CreateSurveyResult;
    expect(kept.ok && kept.survey.title).toBe("Renamed");
    expect(kept.ok && kept.survey.closesAt).toBe(survey.closesAt);
    // A new date in the past is still refused.
    const earlier = addon.run("editSurvey", survey.id, {
      ...survey.form,
      closesOn: spreadsheetDay(addon, -1),
    }) as CreateSurveyResult;
    expect(earlier.ok).toBe(false);
  });

  it("shows the email snippet of the selected client, else of the first one", () => {
    const addon = enrolled();
    const survey = create(addon, npsForm());
    const first = addon.run("surveyEmailSnippet", survey.id, "ru") as EmailSnippetView;
    expect(first).toMatchObject({ contactId: "17", fromSelection: false, sheet: "Clients" });
    expect(first.html).toContain("Насколько вероятно");
    expect(first.html).toContain("&amp;score=10");
    addon.spreadsheet.getSheetByName("Clients")?.setActiveSelection("B3");
    const selected = addon.run("surveyEmailSnippet", survey.id, "en") as EmailSnippetView;
    expect(selected).toMatchObject({ contactId: "C-002", fromSelection: true });
    expect(selected.html).toContain("c=C-002");
  });

  it("re-runs safely after a sync that failed midway (Worker unreachable, then the cursor not stored)", async () => {
    const addon = enrolled();
    const survey = create(addon, npsForm({ throttleDays: "" }));
    await Promise.all([1, 2, 3].map((score) => answer(survey.url, { fields: { score: String(score) } })));

    // The second page request fails: page 1 is kept, its cursor stored, the error logged.
    const app = addon.realm.context.UrlFetchApp as { fetch: (url: string, params?: object) => unknown };
    const fetch = app.fetch;
    let pages = 0;
    app.fetch = (url, params) => {
      if (url.includes("/responses") && ++pages === 2) throw new Error("Address unavailable");
      return fetch(url, params);
    };
    const failed = sync(addon, { pageSize: 1 });
    expect(failed.added).toBe(1);
    expect(failed.errors).toEqual([
      `Spring check-in: Could not reach the Rapport Worker at ${workerUrl}. Check the Worker URL in Settings and try again.`,
    ]);
    expect(failed.message).toContain("Run Sync answers again to continue.");
    expect(values(sheet(addon, "Responses"))).toHaveLength(2);
    const cursor = addon.documentProperties.getProperty(`rapport.sync.cursor.${survey.id}`);
    expect(cursor).toMatch(/^[1-9]\d*$/);
    expect(values(sheet(addon, "Rapport log"))[1]?.slice(1, 6)).toEqual([
      "Spring check-in",
      1,
      0,
      0,
      `Could not reach the Rapport Worker at ${workerUrl}. Check the Worker URL in Settings and try again.`,
    ]);
    app.fetch = fetch;

    expect(sync(addon, { pageSize: 1 })).toMatchObject({ added: 2, updated: 0, errors: [] });
    // Answers sent in parallel arrive in any order.
    expect(
      values(sheet(addon, "Responses"))
        .slice(1)
        .map((r) => r[5] as number)
        .sort((a, b) => a - b),
    ).toEqual([1, 2, 3]);

    // Rows written, then storing the cursor fails: the next run writes the same page again, no duplicate.
    await answer(survey.url, { fields: { score: "4" }, fast: true });
    const props = addon.documentProperties;
    const setProperty = props.setProperty.bind(props);
    props.setProperty = (key: string, value: string) => {
      if (key.startsWith("rapport.sync.cursor.")) throw addon.realm.error("Service unavailable: Properties");
      return setProperty(key, value);
    };
    const broken = sync(addon);
    expect(broken.added).toBe(1);
    expect(broken.errors[0]).toContain("Service unavailable: Properties");
    props.setProperty = setProperty;
    expect(sync(addon)).toMatchObject({ added: 0, updated: 0, errors: [] });
    const ids = values(sheet(addon, "Responses"))
      .slice(1)
      .map((r) => r[0]);
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(4);
  });

  it("splits a long sync over several runs and says so", async () => {
    const addon = enrolled();
    const survey = create(addon, npsForm({ throttleDays: "" }));
    await Promise.all([5, 6, 7, 8, 9].map((score) => answer(survey.url, { fields: { score: String(score) } })));
    const one = sync(addon, { pageSize: 2, maxPages: 1 });
    expect(one).toMatchObject({ added: 2, more: true });
    expect(one.message).toBe(
      "Synced: new 2, updated 0, flagged 0. More answers are waiting: run Sync answers again to continue.",
    );
    expect(sync(addon, { pageSize: 2, maxPages: 1 })).toMatchObject({ added: 2, more: true });
    expect(sync(addon, { pageSize: 2, maxPages: 1 })).toMatchObject({ added: 1, more: false });
    // Answers sent in parallel arrive in any order.
    expect(
      values(sheet(addon, "Responses"))
        .slice(1)
        .map((r) => r[5] as number)
        .sort((a, b) => a - b),
    ).toEqual([5, 6, 7, 8, 9]);
  });

  it("keeps flagged answers with their flags, and a deleted Responses sheet is rebuilt from the start", async () => {
    const addon = enrolled();
    const survey = create(addon, npsForm({ throttleDays: "", followUp: { en: "", ru: "" } }));
    await answer(survey.url, { fields: { score: "8" } });
    await answer(survey.url, { fields: { score: "0", website: "http://spam.example" }, fast: true });
    expect(sync(addon)).toMatchObject({ added: 2, flagged: 1 });
    const flags = values(sheet(addon, "Responses"))
      .slice(1)
      .map((r) => [r[5], r[9]]);
    expect(flags).toEqual([
      [8, ""],
      [0, "honeypot, too_fast"],
    ]);
    const summary = addon.run("surveySummary", survey.id) as SurveySummary;
    expect(summary).toMatchObject({ n: 1, flagged: 1 });
    // The Dashboard on the same answers agrees: the same n, the same score, the flagged one left out.
    const dashboard = addon.run("chooseNpsSource", "responses", null) as DashboardView;
    expect(dashboard.nps).toMatchObject({ n: summary.n, value: summary.nps?.score, flagged: 1 });

    addon.spreadsheet.deleteSheet(sheet(addon, "Responses"));
    expect(sync(addon)).toMatchObject({ added: 2 });
    expect(values(sheet(addon, "Responses"))).toHaveLength(3);
  });

  it("adds CSI factor columns as new factors appear, never reordering", async () => {
    const addon = enrolled();
    const csiForm = (title: string, factors: [string, string][]): SurveyForm =>
      npsForm({
        type: "csi",
        title,
        question: { en: "How satisfied are you with…", ru: "Насколько вы довольны…" },
        factors: factors.map(([en, ru]) => ({ label: { en, ru }, weight: "2" })),
        followUp: { en: "", ru: "" },
        throttleDays: "",
      });
    const a = create(
      addon,
      csiForm("Service", [
        ["Speed", "Скорость"],
        ["Quality", "Качество"],
      ]),
    );
    await answer(a.url, { fields: { "f.speed": "5", "f.quality": "3" } });
    sync(addon);
    const header = values(sheet(addon, "Responses"))[0];
    expect(header?.slice(12)).toEqual(["Followed up", "Factor: Speed [speed]", "Factor: Quality [quality]"]);
    // A person adds a column of their own; a second survey brings a new factor.
    sheet(addon, "Responses").getRange("P1").setValue("My notes");
    const b = create(
      addon,
      csiForm("Support", [
        ["Politeness", "Вежливость"],
        ["Speed", "Скорость"],
      ]),
    );
    await answer(b.url, { fields: { "f.politeness": "4", "f.speed": "2" } });
    sync(addon);
    const [grown, ...rows] = values(sheet(addon, "Responses"));
    expect(grown?.slice(12)).toEqual([
      "Followed up",
      "Factor: Speed [speed]",
      "Factor: Quality [quality]",
      "My notes",
      "Factor: Politeness [politeness]",
    ]);
    expect(rows.map((r) => [r[2], r[5], ...r.slice(12)])).toEqual([
      ["Service", "", "", 5, 3, "", ""],
      ["Support", "", "", 2, "", "", 4],
    ]);
  });

  it("writes links for a long list in requests of 500, each row its own client's link", () => {
    const many: Row[] = Array.from({ length: 1200 }, (_, i) => [1000 + (i % 1100), `Client ${i}`, `c${i}@example.com`]);
    const addon = enrolled("en", clientsWorkbook(many));
    const survey = create(addon, npsForm());
    const before = addon.fetchLog.length;
    const step = addon.run("addSurveyLinks", survey.id, "auto", 0) as AddLinksView;
    expect(step).toMatchObject({ total: 1205, done: 1205, written: 1204, skipped: 0 });
    const requests = addon.fetchLog.slice(before).filter((e) => e.url.endsWith("/links"));
    expect(requests).toHaveLength(3);
    const urls = linkUrls(addon, "D");
    const ids = values(sheet(addon, "Clients"))
      .slice(1)
      .map((r) => r[0]);
    urls.forEach((url, i) => {
      const id = ids[i];
      if (id === "") expect(url).toBe("");
      else expect(new URL(url).searchParams.get("c")).toBe(String(id));
    });
  });

  it("explains what is missing: enrollment, the client list, a valid form", () => {
    const fresh = loadAddon({ spreadsheet: { sheets: [{ name: "Notes", rows: [["Just notes"]] }] } });
    fresh.run("saveWorkerUrl", workerUrl);
    expect(fresh.run("surveysState")).toMatchObject({
      enrolled: false,
      clients: null,
      clientsProblem:
        "No client list found: Add links needs a sheet with a client ID column and a name or e-mail column (headers such as Client ID and Name).",
      surveys: [],
    });
    expect(errorOf(() => fresh.run("createSurvey", npsForm()))).toBe(
      "This spreadsheet is not enrolled yet: open Rapport › Settings and enroll it.",
    );
    fresh.run("enrollSpreadsheet", enrollmentKey);
    const survey = create(fresh, npsForm());
    expect(errorOf(() => fresh.run("addSurveyLinks", survey.id, "auto", 0))).toContain("No client list found");
    expect(errorOf(() => fresh.run("addSurveyLinks", "", "auto", 0))).toBe("Choose a survey in the list first.");
    expect(errorOf(() => fresh.run("surveySummary", "unknown-id"))).toMatch(/^The Worker answered 404 \(not_found\)/);
    expect(fresh.run("createSurvey", npsForm({ title: "", languages: ["ru"], question: { en: "", ru: "" } }))).toEqual({
      ok: false,
      issues: [
        { field: "title", message: "Give the survey a title." },
        { field: "question.ru", message: "Write the question in Russian." },
      ],
    });
  });

  it("works in Russian: headers, log and messages", async () => {
    const addon = enrolled("ru");
    const survey = create(addon, npsForm({ title: "Весенний опрос", languages: ["ru"], throttleDays: "" }));
    expect(survey.question).toBe("Насколько вероятно, что вы порекомендуете нас другу или коллеге?");
    addon.run("addSurveyLinks", survey.id, "auto", 0);
    expect(values(sheet(addon, "Clients"))[0]?.slice(3)).toEqual([
      "Весенний опрос · ссылка на опрос",
      "Весенний опрос · можно спросить",
    ]);
    expect(values(sheet(addon, "Clients"))[1]?.[3]).toBe("Открыть опрос");
    await answer(linkUrls(addon, "D")[1] as string, { fields: { score: "6" }, comment: "-долго" });
    const result = sync(addon);
    expect(result.message).toBe("Загружено: новых 1, изменённых 0, с отметками 0.");
    expect(values(sheet(addon, "Responses"))[0]).toEqual([...responsesHeader("ru"), ...teamHeader("ru")]);
    expect(values(sheet(addon, "Responses"))[1]?.slice(4, 7)).toEqual(["C-002", 6, "-долго"]);
    expect(values(sheet(addon, "Rapport log"))[0]).toEqual([
      "Когда",
      "Опрос",
      "Новых",
      "Изменено",
      "С отметками",
      "Ошибки",
      "Действие",
      "Отправлено",
      "Не удалось",
      "Не отправлено",
    ]);
    // An English-speaking colleague syncs into the Russian sheet: no second set of columns.
    addon.setUserLocale("en");
    expect(sync(addon).message).toBe("Synced: new 0, updated 0, flagged 0.");
    expect(values(sheet(addon, "Responses"))[0]).toEqual([...responsesHeader("ru"), ...teamHeader("ru")]);
    addon.setUserLocale("ru");
    expect(errorOf(() => addon.run("addSurveyLinks", "", "auto", 0))).toBe("Сначала выберите опрос в списке.");
  });

  it("opens as a 300 px sidebar titled in the user's language", () => {
    const addon = loadAddon({ userLocale: "ru" });
    addon.run("showSurveys");
    const sidebar = addon.ui.sidebars.at(-1);
    expect(sidebar?.getTitle()).toBe("Опросы");
    expect(sidebar?.getContent()).toContain('data-rapport-locale="ru"');
  });
});

describe("a Worker that does not answer", () => {
  it("tells a frozen Worker from a wrong address, and logs the failed sync", async () => {
    const { createServer } = await import("node:http");
    // Accepts connections and never answers, as a stuck Worker would.
    const frozen = createServer(() => {});
    await new Promise<void>((resolve) => frozen.listen(0, "127.0.0.1", () => resolve()));
    const port = (frozen.address() as { port: number }).port;
    const frozenUrl = `http://127.0.0.1:${port}/`;
    // Nothing listens on the port a closed server had.
    const closed = createServer(() => {});
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", () => resolve()));
    const deadUrl = `http://127.0.0.1:${(closed.address() as { port: number }).port}/`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    try {
      // UrlFetchApp's 60 s deadline, shortened so the test does not wait a minute.
      const addon = loadAddon({
        spreadsheet: clientsWorkbook(),
        allowUrlPrefixes: [frozenUrl, deadUrl],
        urlFetchTimeoutMs: 1000,
      });
      addon.run("saveWorkerUrl", workerUrl);
      addon.run("enrollSpreadsheet", enrollmentKey);
      addon.documentProperties.setProperty("rapport.workerUrl", frozenUrl);
      expect(errorOf(() => addon.run("syncSurveyAnswers"))).toBe(
        `The Rapport Worker at ${frozenUrl} did not answer within a minute: the address is right, but the Worker is busy or stuck. Nothing was changed; try again in a few minutes, and if it keeps happening, look at the Worker's logs.`,
      );
      addon.documentProperties.setProperty("rapport.workerUrl", deadUrl);
      expect(errorOf(() => addon.run("syncSurveyAnswers"))).toBe(
        `Could not reach the Rapport Worker at ${deadUrl}. Check the Worker URL in Settings and try again.`,
      );
      // In Russian too.
      const ru = loadAddon({
        spreadsheet: clientsWorkbook(),
        userLocale: "ru",
        allowUrlPrefixes: [frozenUrl],
        urlFetchTimeoutMs: 1000,
      });
      ru.run("saveWorkerUrl", workerUrl);
      ru.run("enrollSpreadsheet", enrollmentKey);
      ru.documentProperties.setProperty("rapport.workerUrl", frozenUrl);
      expect(errorOf(() => ru.run("syncSurveyAnswers"))).toMatch(
        new RegExp(`^Rapport Worker по адресу ${frozenUrl.replace(/[.]/g, "\\.")} не ответил за минуту: адрес верный`),
      );
      // Both failures are in the Rapport log, under "All surveys", with their reason.
      const log = values(sheet(addon, "Rapport log")).slice(1);
      expect(log.map((row) => [row[1], String(row[5]).slice(0, 40)])).toEqual([
        ["All surveys", `The Rapport Worker at ${frozenUrl} did`.slice(0, 40)],
        ["All surveys", `Could not reach the Rapport Worker at ${deadUrl}`.slice(0, 40)],
      ]);
    } finally {
      frozen.closeAllConnections();
      await new Promise<void>((resolve) => frozen.close(() => resolve()));
    }
  });
});
