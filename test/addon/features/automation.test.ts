import { describe, expect, inject, it } from "vitest";
import type { Harness } from "../../../addon/harness/index";
import type { FakeSheet } from "../../../addon/harness/spreadsheet";
import type { AutomationView, ScheduledSurveyInput } from "../../../addon/src/features/automation/shapes";
import type { SendRequest } from "../../../addon/src/features/outreach/shapes";
import type { CreateSurveyResult } from "../../../addon/src/features/surveys/shapes";
import { surveyForm } from "../../fixtures/surveyForm";
import { errorOf, loadAddon } from "../helpers";
import { answer, surveyLinkIn } from "../respondent";

/**
 * What the spreadsheet does by itself, through the built Code.js in the harness: the Send sidebar
 * saves a schedule, the harness's ScriptApp holds the triggers and fires them as its clock moves,
 * and the real local Worker keeps the never-twice record.
 */

const workerUrl = `${inject("workerUrl")}/`;
const enrollmentKey = inject("enrollmentKey");
const DAY = 24 * 3_600_000;

const CLIENTS = [
  ["Client ID", "Name", "Email"],
  [1, "Anna", "anna@example.com"],
  [2, "Boris", "boris@example.com"],
  [3, "Chen", "chen@example.com"],
  [4, "Dana", "dana@example.com"],
  [5, "Eli", "eli@example.com"],
  [6, "Fay", "fay@example.com"],
];

/**
 * Midnight UTC: the daily 08:00 trigger is eight hours away. Tests that read answers back start on
 * the real day, because the local Worker stamps answers with the real clock.
 */
function enrolled(rows: unknown[][] = CLIENTS, start = Date.UTC(2026, 11, 3)): Harness {
  const addon = loadAddon({
    userLocale: "en",
    userEmail: "team@example.com",
    now: () => start,
    spreadsheet: { name: "Clients", timeZone: "Etc/UTC", sheets: [{ name: "Clients", rows: rows as never }] },
  });
  addon.run("saveWorkerUrl", workerUrl);
  addon.run("enrollSpreadsheet", enrollmentKey);
  return addon;
}

function surveyIn(addon: Harness, throttleDays = ""): string {
  const result = addon.run("createSurvey", surveyForm({ title: "Pulse", throttleDays })) as CreateSurveyResult;
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.survey.id;
}

const send = (surveyId: string): SendRequest => ({
  surveyId,
  templates: { en: { subject: "A question, {{Name}}", body: "Dear {{Name}}, one tap below." } },
  segment: null,
  languageColumn: null,
});

const schedule = (surveyId: string, over: Partial<ScheduledSurveyInput> = {}): ScheduledSurveyInput => ({
  send: send(surveyId),
  reminders: null,
  everyDays: null,
  event: null,
  ...over,
});

const to = (addon: Harness, from = 0) => addon.mail.outbox.slice(from).map((m) => m.to[0] as string);

describe("the schedule and its triggers", () => {
  it("keeps one trigger per kind, replaced when the frequency changes and removed when nothing is on", () => {
    const addon = enrolled();
    const surveyId = surveyIn(addon);
    const saved = addon.run(
      "saveAutomation",
      schedule(surveyId, { reminders: { afterDays: 3, maxReminders: 2 } }),
      "off",
    ) as AutomationView;
    expect(saved).toMatchObject({ reminders: { afterDays: 3, maxReminders: 2 }, sendsScheduled: true });
    expect(addon.scriptApp.count).toBe(1);
    // Saving again changes nothing; a sync adds the second kind; hourly then daily replaces it.
    addon.run("saveAutomation", schedule(surveyId, { reminders: { afterDays: 3, maxReminders: 2 } }), "off");
    expect(addon.scriptApp.count).toBe(1);
    addon.run("saveAutomation", schedule(surveyId, { reminders: { afterDays: 3, maxReminders: 2 } }), "hourly");
    addon.run("saveAutomation", schedule(surveyId, { reminders: { afterDays: 3, maxReminders: 2 } }), "daily");
    expect(addon.scriptApp.count).toBe(2);
    const off = addon.run("saveAutomation", schedule(surveyId), "off") as AutomationView;
    expect(off).toMatchObject({ reminders: null, everyDays: null, sendsScheduled: false, syncScheduled: false });
    expect(addon.scriptApp.count).toBe(0);
  });

  it("runs the sends at 08:00 where the spreadsheet is, whatever the script's zone (Etc/UTC)", () => {
    for (const [timeZone, hourUtc] of [
      ["Etc/UTC", 8],
      ["Europe/Moscow", 5],
      ["Asia/Kolkata", 2],
    ] as const) {
      const addon = loadAddon({
        userLocale: "en",
        now: () => Date.UTC(2026, 11, 3),
        spreadsheet: { name: "Clients", timeZone, sheets: [{ name: "Clients", rows: CLIENTS }] },
      });
      addon.run("saveWorkerUrl", workerUrl);
      addon.run("enrollSpreadsheet", enrollmentKey);
      const surveyId = surveyIn(addon);
      addon.run("saveAutomation", schedule(surveyId, { everyDays: 30 }), "off");
      // Kolkata is 5:30 ahead: 08:00 there is 02:30 UTC, within the 02:00 trigger hour.
      addon.advanceClock(hourUtc * 3_600_000 - 60_000);
      expect(addon.runDueTriggers(), timeZone).toEqual([]);
      addon.advanceClock(60_000);
      expect(addon.runDueTriggers(), timeZone).toEqual(["runScheduledSends"]);
    }
  });

  it("says why a schedule cannot be saved: faster than the survey's throttle, or no trigger left", () => {
    const addon = enrolled();
    const surveyId = surveyIn(addon, "30");
    expect(errorOf(() => addon.run("saveAutomation", schedule(surveyId, { everyDays: 7 }), "off"))).toBe(
      "Ask again every 30 days or more: the survey does not ask anyone more often.",
    );
    // The user's other scripts and spreadsheets already hold Apps Script's 20 triggers.
    for (let i = 0; i < 20; i++) addon.scriptApp.newTrigger("elsewhere").timeBased().everyHours(1).create();
    addon.setUserLocale("ru");
    expect(errorOf(() => addon.run("saveAutomation", schedule(surveyId, { everyDays: 30 }), "off"))).toMatch(
      /^В вашем аккаунте Google уже 20 триггеров Apps Script/,
    );
  });
});

describe("scheduled runs", () => {
  it("asks N days after each client's date, once per date, a new date asking again", () => {
    const addon = loadAddon({
      userLocale: "en",
      userEmail: "team@example.com",
      now: () => Date.UTC(2026, 11, 3),
      spreadsheet: {
        name: "Clients",
        timeZone: "Etc/UTC",
        sheets: [
          {
            name: "Clients",
            rows: [
              ["Client ID", "Name", "Email", "Last purchase"],
              [1, "Anna", "anna@example.com", "2026-11-30"],
              [2, "Boris", "boris@example.com", "2026-12-01"],
              [3, "Chen", "chen@example.com", ""],
              [4, "Dana", "dana@example.com", "not a date"],
              [5, "Eli", "eli@example.com", "2026-10-01"],
            ],
          },
        ],
      },
    });
    addon.run("saveWorkerUrl", workerUrl);
    addon.run("enrollSpreadsheet", enrollmentKey);
    const surveyId = surveyIn(addon);
    addon.run("saveAutomation", schedule(surveyId, { event: { kind: "afterDate", column: 4, days: 5 } }), "off");
    const byDay: string[][] = [];
    for (let day = 1; day <= 4; day++) {
      addon.advanceClock(DAY);
      const before = addon.mail.outbox.length;
      addon.runDueTriggers();
      addon.run("runScheduledSends");
      byDay.push(to(addon, before));
    }
    // Dec 4 08:00 is the first run: Anna (Nov 30 + 5) on Dec 5, Boris on Dec 6; Chen, Dana and
    // Eli (two months ago, beyond the catch-up days) never.
    expect(byDay).toEqual([[], ["anna@example.com"], ["boris@example.com"], []]);
    // Anna buys again on Dec 4: a new date, a new ask five days later (Dec 9).
    (addon.spreadsheet.getSheetByName("Clients") as FakeSheet).getRange(2, 4).setValue("2026-12-04");
    addon.advanceClock(DAY);
    addon.runDueTriggers();
    expect(to(addon, 2)).toEqual([]);
    addon.advanceClock(DAY);
    addon.runDueTriggers();
    expect(to(addon, 2)).toEqual(["anna@example.com"]);
  });

  it("reminds by itself each morning those who have not answered, and says how the run went", async () => {
    const addon = enrolled();
    const surveyId = surveyIn(addon);
    addon.run("sendSurveyEmails", send(surveyId));
    expect(addon.mail.outbox).toHaveLength(6);
    await answer(surveyLinkIn(addon, "anna@example.com"), { fields: { score: "10" } });
    addon.run("saveAutomation", schedule(surveyId, { reminders: { afterDays: 2, maxReminders: 1 } }), "off");

    // Day 1 at 08:00: too early for anyone. Day 2: everyone but Anna, once.
    addon.advanceClock(DAY);
    expect(addon.runDueTriggers()).toEqual(["runScheduledSends"]);
    expect(addon.mail.outbox).toHaveLength(6);
    addon.advanceClock(DAY);
    addon.runDueTriggers();
    expect(to(addon, 6).sort()).toEqual([
      "boris@example.com",
      "chen@example.com",
      "dana@example.com",
      "eli@example.com",
      "fay@example.com",
    ]);
    const state = addon.run("automationState", surveyId) as AutomationView;
    expect(state.lastSends).toMatchObject({ ok: true, summary: "Pulse: 5 reminders sent, 0 failed, 0 waiting." });
    // The trigger ran twice more: nothing more (one reminder at most).
    addon.advanceClock(3 * DAY);
    addon.runDueTriggers();
    expect(addon.mail.outbox).toHaveLength(11);
  });

  it("asks each client again every N days, the first round spread over the period, never twice a day", () => {
    const addon = enrolled();
    const surveyId = surveyIn(addon);
    addon.run("saveAutomation", schedule(surveyId, { everyDays: 3 }), "off");
    const asked = new Map<string, number[]>();
    for (let day = 1; day <= 9; day++) {
      addon.advanceClock(DAY);
      const before = addon.mail.outbox.length;
      addon.runDueTriggers();
      // A second run the same day (a retry, two editors) sends nothing more.
      addon.run("runScheduledSends");
      for (const address of to(addon, before)) asked.set(address, [...(asked.get(address) ?? []), day]);
    }
    expect([...asked.keys()].sort()).toEqual(
      CLIENTS.slice(1)
        .map((r) => r[2])
        .sort(),
    );
    for (const [address, days] of asked) {
      // The first ask falls within the first period; then every three days exactly.
      expect(days[0], address).toBeLessThanOrEqual(3);
      expect(
        days.slice(1).map((d, i) => d - (days[i] as number)),
        address,
      ).toEqual(days.slice(1).map(() => 3));
      expect(days.length, address).toBe(9 - (days[0] as number) >= 6 ? 3 : 2);
    }
  });

  it("brings answers into Responses on schedule and writes who answered beside each client", async () => {
    const addon = enrolled();
    const surveyId = surveyIn(addon);
    addon.run("sendSurveyEmails", send(surveyId));
    addon.run("saveAutomation", schedule(surveyId, { reminders: { afterDays: 5, maxReminders: 1 } }), "daily");
    await answer(surveyLinkIn(addon, "chen@example.com"), { fields: { score: "6" } });
    addon.advanceClock(DAY);
    expect(addon.runDueTriggers().sort()).toEqual(["runScheduledSends", "runScheduledSync"]);
    const responses = (addon.spreadsheet.getSheetByName("Responses") as FakeSheet).getDataRange().getValues();
    expect(responses).toHaveLength(2);
    const clients = (addon.spreadsheet.getSheetByName("Clients") as FakeSheet).getDataRange().getValues();
    const status = (clients[0] as unknown[]).indexOf("Pulse · email status");
    expect(clients.map((r) => r[status])).toEqual([
      "Pulse · email status",
      "sent",
      "sent",
      "answered",
      "sent",
      "sent",
      "sent",
    ]);
    const state = addon.run("automationState", surveyId) as AutomationView;
    expect(state.lastSync).toMatchObject({ ok: true, summary: "Answers brought in: 1 new, 0 updated." });
  });
});

describe("an invitation that meets the day's quota", () => {
  it("goes on by itself each morning until everyone has it, then stops", () => {
    const addon = enrolled();
    const surveyId = surveyIn(addon);
    addon.mail.dailyQuota = 4;
    const first = addon.run("sendSurveyEmails", send(surveyId)) as { sent: number; waiting: number; message: string };
    expect(first).toMatchObject({ sent: 4, waiting: 2 });
    expect(first.message).toBe(
      "Sent 4, failed 0; 2 still to go. 0 more can be sent today. The rest go by themselves tomorrow morning, within the day's quota.",
    );
    expect(addon.scriptApp.count).toBe(1);
    addon.advanceClock(DAY);
    expect(addon.runDueTriggers()).toEqual(["runScheduledSends"]);
    expect(new Set(to(addon)).size).toBe(6);
    expect(addon.mail.outbox).toHaveLength(6);
    // Everyone has it: the morning runs stop, and with nothing else scheduled the trigger goes.
    expect(addon.scriptApp.count).toBe(0);
    const state = addon.run("automationState", surveyId) as AutomationView;
    expect(state.lastSends?.summary).toBe("Pulse: 2 invited, 0 failed, 0 waiting for tomorrow.");
  });
});

describe("a scheduled message without a survey", () => {
  const BIRTHDAYS = [
    ["Client ID", "Name", "Email", "Birthday"],
    [1, "Anna", "anna@example.com", "1990-12-05"],
    [2, "Boris", "boris@example.com", "1985-12-04"],
    [3, "Chen", "chen@example.com", ""],
    [4, "Dana", "dana@example.com", "1996-02-29"],
    [5, "Eli", "eli@example.com", "2001-06-15"],
  ];
  const greeting = (name = "Birthday greeting"): SendRequest => ({
    surveyId: "",
    message: { name },
    templates: { en: { subject: "Happy birthday, {{Name}}", body: "Dear {{Name}}, many happy returns." } },
    segment: null,
    languageColumn: null,
  });
  const yearly = { kind: "yearly" as const, column: 4, days: 0 };

  const withBirthdays = () => enrolled(BIRTHDAYS);

  it("greets each client on their birthday every year, once, its status under its name", () => {
    const addon = withBirthdays();
    const saved = addon.run(
      "saveAutomation",
      { ...schedule(""), send: greeting(), event: yearly },
      "off",
    ) as AutomationView;
    expect(saved).toMatchObject({ event: yearly, reminders: null, everyDays: null, scheduledSurveys: 1 });
    expect(saved.scheduledMessages).toEqual(["Birthday greeting"]);
    expect(addon.scriptApp.count).toBe(1);
    const byDay: string[][] = [];
    // From 09:00 on Dec 3, a day at a time: the trigger runs at 08:00 each morning.
    addon.advanceClock(9 * 3_600_000 - DAY);
    for (let day = 0; day < 3; day++) {
      const before = addon.mail.outbox.length;
      addon.advanceClock(DAY);
      addon.runDueTriggers();
      // A second run the same day (a retry, a second trigger) sends nothing again.
      addon.run("runScheduledSends");
      byDay.push(to(addon, before));
    }
    // The runs of Dec 3, 4 and 5 at 08:00: Boris on the 4th, Anna on the 5th; no date, no greeting.
    expect(byDay).toEqual([[], ["boris@example.com"], ["anna@example.com"]]);
    expect(addon.mail.outbox[0]?.subject).toBe("Happy birthday, Boris");
    expect(addon.mail.outbox[0]?.htmlBody).not.toMatch(/\/s\//);
    const sheet = addon.spreadsheet.getSheetByName("Clients") as FakeSheet;
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
    const status = header.indexOf("Birthday greeting · email status");
    expect(status).toBeGreaterThan(0);
    expect(sheet.getRange(2, status + 1, 3, 1).getValues()).toEqual([["sent"], ["sent"], [""]]);
    // The name in any case or spacing finds it; the last run was the day's second: nothing to send.
    const state = addon.run("automationState", "", " birthday  GREETING ") as AutomationView;
    expect(state.lastSends).toMatchObject({
      ok: true,
      summary: "Birthday greeting: 0 sent on their date, 0 failed, 0 waiting for tomorrow.",
    });
    // The saved email comes back to the sidebar, so saving again keeps it.
    expect(state.send?.templates.en?.subject).toBe("Happy birthday, {{Name}}");
    expect(state.event).toEqual(yearly);

    // A year on, the morning of Dec 4, 2027: Boris again (29 February falls on the 28th in 2027).
    const before = addon.mail.outbox.length;
    addon.advanceClock(364 * DAY);
    addon.runDueTriggers();
    expect(to(addon, before)).toEqual(["boris@example.com"]);
  });

  it("refuses what only a survey has, and needs a name", () => {
    const addon = withBirthdays();
    expect(
      errorOf(() => addon.run("saveAutomation", { ...schedule(""), send: greeting(), everyDays: 30 }, "off")),
    ).toBe("Reminders and repeated asks are for surveys: a message goes once, or on a date in a column.");
    expect(
      errorOf(() =>
        addon.run(
          "saveAutomation",
          { ...schedule(""), send: greeting(), reminders: { afterDays: 3, maxReminders: 1 } },
          "off",
        ),
      ),
    ).toBe("Reminders and repeated asks are for surveys: a message goes once, or on a date in a column.");
    expect(
      errorOf(() => addon.run("saveAutomation", { ...schedule(""), send: greeting(" "), event: yearly }, "off")),
    ).toMatch(/^Give the message a name/);
    // Saved with nothing on: the message's schedule and the trigger go.
    addon.run("saveAutomation", { ...schedule(""), send: greeting(), event: yearly }, "off");
    const off = addon.run("saveAutomation", { ...schedule(""), send: greeting() }, "off") as AutomationView;
    expect(off).toMatchObject({ event: null, send: null, scheduledSurveys: 0, scheduledMessages: [] });
    expect(addon.scriptApp.count).toBe(0);
  });

  it("goes on by itself the next morning when the day's quota runs out", () => {
    const addon = withBirthdays();
    addon.mail.dailyQuota = 3;
    const first = addon.run("sendSurveyEmails", greeting("Winter news")) as { sent: number; waiting: number };
    expect(first).toMatchObject({ sent: 3, waiting: 2 });
    expect(addon.scriptApp.count).toBe(1);
    addon.advanceClock(DAY);
    addon.runDueTriggers();
    expect(new Set(to(addon)).size).toBe(5);
    expect(addon.mail.outbox).toHaveLength(5);
    expect(addon.scriptApp.count).toBe(0);
    const state = addon.run("automationState", null) as AutomationView;
    expect(state.lastSends?.summary).toBe("Winter news: 2 sent, 0 failed, 0 waiting for tomorrow.");
  });
});

describe("team alerts", () => {
  it("emails the team once about each new detractor, with the comment and a link to the row", async () => {
    const today = Math.floor(Date.now() / DAY) * DAY;
    const addon = enrolled(CLIENTS, today);
    const surveyId = surveyIn(addon);
    addon.run("sendSurveyEmails", send(surveyId));
    expect(errorOf(() => addon.run("saveAutomation", schedule(surveyId), "off", ["lead@example.com"]))).toBe(
      "Alerts come with the scheduled sync: choose how often answers are brought in.",
    );
    expect(errorOf(() => addon.run("saveAutomation", schedule(surveyId), "hourly", ["lead@example"]))).toBe(
      "“lead@example” is not an email address: write one address per line.",
    );
    const saved = addon.run("saveAutomation", schedule(surveyId), "hourly", [
      "lead@example.com",
      " ops@example.com ",
    ]) as AutomationView;
    expect(saved.alertAddresses).toEqual(["lead@example.com", "ops@example.com"]);
    await Promise.all([
      answer(surveyLinkIn(addon, "boris@example.com"), { fields: { score: "3" } }),
      answer(surveyLinkIn(addon, "chen@example.com"), { fields: { score: "9" } }),
    ]);
    addon.advanceClock(3_600_000);
    const before = addon.mail.outbox.length;
    expect(addon.runDueTriggers()).toEqual(["runScheduledSync"]);
    const sent = addon.mail.outbox.slice(before);
    // The first scheduled sync of the week also sends the weekly digest.
    expect(sent.map((m) => m.subject).sort()).toEqual(["1 new detractor in Clients", "Rapport weekly digest: Clients"]);
    const alerts = sent.filter((m) => m.subject.includes("detractor"));
    expect(alerts[0]?.to).toEqual(["lead@example.com", "ops@example.com"]);
    expect(alerts[0]?.subject).toBe("1 new detractor in Clients");
    expect(alerts[0]?.htmlBody).toContain("Pulse · client 2 · score 3");
    // The survey asks no follow-up here (comments and their escaping: test/shared/outreach/alerts.test.ts).
    expect(alerts[0]?.htmlBody).toContain("(no comment)");
    // The link opens Boris's row of the Responses sheet (answers come in the order the Worker took them).
    const responses = (addon.spreadsheet.getSheetByName("Responses") as FakeSheet).getDataRange().getValues();
    const borisRow = responses.findIndex((r) => r[4] === 2) + 1;
    expect(borisRow).toBeGreaterThan(1);
    expect(alerts[0]?.htmlBody).toMatch(new RegExp(`href="[^"]+#gid=\\d+&amp;range=A${borisRow}"`));
    const state = addon.run("automationState", surveyId) as AutomationView;
    expect(state.lastSync?.summary).toBe(
      "Answers brought in: 2 new, 0 updated. The team was told about 1 detractor. The weekly digest went to the team.",
    );
    const digest = sent.find((m) => m.subject.startsWith("Rapport weekly digest")) as (typeof sent)[number];
    expect(digest.to).toEqual(["lead@example.com", "ops@example.com"]);
    // Two answers, 9 and 3: NPS 0 (one promoter, one detractor), the Dashboard's own figure.
    expect(digest.body).toContain("NPS 0.0 (95 % interval");
    expect(digest.body).toContain("n = 2. Fewer than 100 answers: read it with care.");
    expect(digest.body).toContain("Last 7 days: 2 NPS answers, 1 detractors.");
    // Nobody has talked to Boris yet: the digest lists him with a link to his row.
    expect(digest.body).toContain("Detractors not yet followed up: 1.");
    expect(digest.body).toContain(`Pulse · client 2 · score 3 · ${new Date(today).toISOString().slice(0, 10)}`);
    expect(digest.htmlBody).toMatch(new RegExp(`href="[^"]+#gid=\\d+&amp;range=A${borisRow}"`));
    // The sync added the team's "Followed up" column and leaves it to the team.
    const header = responses[0] as string[];
    const followedUp = header.indexOf("Followed up");
    expect(followedUp).toBeGreaterThan(header.indexOf("Updated"));
    // The next hour: nothing new, no email; Boris's answer is never told twice, the digest waits a week.
    addon.advanceClock(3_600_000);
    addon.runDueTriggers();
    expect(addon.mail.outbox).toHaveLength(before + 2);
    // Someone called Boris and says so in his row; the hourly syncs leave the note alone.
    const sheet = addon.spreadsheet.getSheetByName("Responses") as FakeSheet;
    sheet.getRange(borisRow, followedUp + 1).setValue("Called him, Dec 4 (Olga)");
    addon.advanceClock(7 * DAY);
    addon.runDueTriggers();
    const next = addon.mail.outbox.slice(before + 2);
    expect(next.map((m) => m.subject)).toEqual(["Rapport weekly digest: Clients"]);
    expect(next[0]?.body).toContain("Every detractor since the alerts began has been followed up.");
    expect(sheet.getRange(borisRow, followedUp + 1).getValue()).toBe("Called him, Dec 4 (Olga)");
  });
});

describe("when another task holds the spreadsheet's lock", () => {
  it("every action that writes says so, writes nothing to the Worker, mails nothing, and changes nothing", () => {
    const addon = enrolled();
    const surveyId = surveyIn(addon);
    addon.run("saveAutomation", schedule(surveyId, { reminders: { afterDays: 2, maxReminders: 1 } }), "off");
    const sheet = addon.spreadsheet.getSheetByName("Clients") as FakeSheet;
    const before = sheet.getDataRange().getValues();
    const properties = JSON.stringify([...addon.documentProperties.data]);
    const calls = addon.fetchLog.length;
    addon.lock.heldElsewhere = true;
    const writing = "Another Rapport task is writing to this spreadsheet. Wait a moment and try again.";
    const actions: [string, () => unknown, string][] = [
      ["enrollSpreadsheet", () => addon.run("enrollSpreadsheet", enrollmentKey), writing],
      ["forgetEnrollment", () => addon.run("forgetEnrollment"), writing],
      ["addSurveyLinks", () => addon.run("addSurveyLinks", surveyId, "en", 0), "surveys.busy"],
      ["syncSurveyAnswers", () => addon.run("syncSurveyAnswers"), "surveys.busy"],
      ["sendSurveyEmails", () => addon.run("sendSurveyEmails", send(surveyId)), writing],
      ["sendStatusRefresh", () => addon.run("sendStatusRefresh", surveyId), writing],
      ["saveAutomation", () => addon.run("saveAutomation", schedule(surveyId), "off"), writing],
      ["createReport", () => addon.run("createReport", null), "dashboard.busy"],
    ];
    const said = new Map(actions.map(([name, act]) => [name, errorOf(act)]));
    for (const [name, , expected] of actions) {
      const message = said.get(name) as string;
      if (expected === writing) expect(message, name).toBe(writing);
      else expect(message, name).not.toMatch(/too many requests|Worker is busy|rate/i);
      expect(message, name).toMatch(/another|другая|wait|try again|ещё раз/i);
    }
    expect(addon.lock.refusals).toBe(actions.length);
    // Nothing went out and nothing changed (a survey may be read before the lock is asked for).
    expect(addon.fetchLog.slice(calls).filter((call) => call.method !== "GET")).toEqual([]);
    expect(addon.mail.outbox).toHaveLength(0);
    expect(sheet.getDataRange().getValues()).toEqual(before);
    expect(JSON.stringify([...addon.documentProperties.data])).toBe(properties);
    // The scheduled runs record the busy lock as a failed run, in words, and try again next time.
    addon.run("runScheduledSync");
    const state = addon.run("automationState", surveyId) as AutomationView;
    expect(state.lastSync).toMatchObject({ ok: false });
    expect(state.lastSync?.summary).not.toMatch(/too many requests|rate/i);
    addon.lock.heldElsewhere = false;
    addon.run("runScheduledSync");
    expect((addon.run("automationState", surveyId) as AutomationView).lastSync).toMatchObject({ ok: true });
  });
});
