import { describe, expect, inject, it } from "vitest";
import type { Harness } from "../../../addon/harness/index";
import type { FakeSheet } from "../../../addon/harness/spreadsheet";
import type { RemindRequest, SendRequest, SendView } from "../../../addon/src/features/outreach/shapes";
import type { CreateSurveyResult } from "../../../addon/src/features/surveys/shapes";
import { surveyForm } from "../../fixtures/surveyForm";
import { errorOf, loadAddon } from "../helpers";
import { answer, surveyLinkIn } from "../respondent";

/**
 * Sending a survey's invitation through the built Code.js in the harness (MailApp faked as strictly
 * as Apps Script documents it) against the real local Worker, which keeps the never-twice record.
 */

const workerUrl = `${inject("workerUrl")}/`;
const enrollmentKey = inject("enrollmentKey");

type Row = (string | number)[];

const CLIENTS: Row[] = [
  ["Client ID", "Name", "Email", "Plan", "Язык"],
  [1, "Anna", "anna@example.com", "Gold", "ru"],
  [2, "Boris", "boris@example.com", "Silver", ""],
  [3, "Chen", "not-an-address", "Gold", ""],
  [4, "Dana", "dana@example.com", "Gold", "en"],
  [5, "Eli", "", "Gold", ""],
  [6, "Fay", "fay@example.com", "Silver", ""],
  [7, "Gus", "gus@example.com", "Gold", ""],
];

function enrolled(rows: Row[] = CLIENTS): Harness {
  const addon = loadAddon({
    userLocale: "en",
    userEmail: "team@example.com",
    spreadsheet: { name: "Clients", timeZone: "Europe/Moscow", sheets: [{ name: "Clients", rows }] },
  });
  addon.run("saveWorkerUrl", workerUrl);
  addon.run("enrollSpreadsheet", enrollmentKey);
  return addon;
}

const FORM = surveyForm({
  title: "Autumn check-in",
  languages: ["en", "ru"],
  question: { en: "How likely are you to recommend us?", ru: "Насколько вероятно, что вы порекомендуете нас?" },
});

function surveyIn(addon: Harness): string {
  const result = addon.run("createSurvey", FORM) as CreateSurveyResult;
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.survey.id;
}

const request = (surveyId: string, over: Partial<SendRequest> = {}): SendRequest => ({
  surveyId,
  templates: {
    en: { subject: "{{Name}}, a quick question", body: "Dear {{Name}},\n\nHow is your {{Plan}} plan going?" },
    ru: { subject: "{{Name}}, короткий вопрос", body: "Здравствуйте, {{Name}}!\n\nКак вам тариф {{Plan}}?" },
  },
  segment: null,
  languageColumn: 5,
  ...over,
});

const recipients = (addon: Harness) => addon.mail.outbox.map((m) => m.to.join(","));

describe("sending a survey's invitation from the client list", () => {
  it("sends each valid address once, in the client's language, with buttons and an unsubscribe link", () => {
    const addon = enrolled();
    const surveyId = surveyIn(addon);
    const view = addon.run("sendSurveyEmails", request(surveyId)) as SendView;
    expect(view.sent).toBe(5);
    expect(recipients(addon)).toEqual([
      "anna@example.com",
      "boris@example.com",
      "dana@example.com",
      "fay@example.com",
      "gus@example.com",
    ]);
    expect(view.skipped).toEqual([
      { row: 4, reason: "not an email address" },
      { row: 6, reason: "no email address" },
    ]);
    const anna = addon.mail.outbox[0];
    expect(anna?.subject).toBe("Anna, короткий вопрос");
    expect(anna?.from).toBe("team@example.com");
    expect(anna?.htmlBody).toContain("Как вам тариф Gold?");
    expect(anna?.htmlBody).toMatch(/href="https?:\/\/[^"]+\/s\/[^"]+score=10"/);
    expect(anna?.htmlBody).toMatch(/href="https?:\/\/[^"]+\/u\/[^"]+"[^>]*>Отписаться</);
    expect(addon.mail.outbox[1]?.subject).toBe("Boris, a quick question");
    expect(view.more).toBe(false);
    expect(view.message).toBe("Sent 5, failed 0. Everyone chosen has been invited.");

    // Pressing Send again sends nothing: the Worker remembers who was invited.
    const again = addon.run("sendSurveyEmails", request(surveyId)) as SendView;
    expect(again.sent).toBe(0);
    expect(again.alreadySent).toBe(5);
    expect(addon.mail.outbox).toHaveLength(5);
  });

  it("sends to a segment only, and refuses an unknown placeholder before sending anything", () => {
    const addon = enrolled();
    const surveyId = surveyIn(addon);
    const wrong = request(surveyId, { templates: { en: { subject: "Hi {{Nmae}}", body: "x" } } });
    expect(errorOf(() => addon.run("sendSurveyEmails", wrong))).toBe(
      'Subject: no column of the client list is headed "Nmae". Use a header as it is written in row 1.',
    );
    expect(addon.mail.outbox).toHaveLength(0);
    const view = addon.run(
      "sendSurveyEmails",
      request(surveyId, { segment: { column: 4, value: "silver" } }),
    ) as SendView;
    expect(recipients(addon)).toEqual(["boris@example.com", "fay@example.com"]);
    expect(view.sent).toBe(2);
  });

  it("stops at the day's quota and carries on the next day where it stopped", () => {
    const addon = enrolled();
    const surveyId = surveyIn(addon);
    addon.mail.dailyQuota = 3;
    const first = addon.run("sendSurveyEmails", request(surveyId)) as SendView;
    expect(first).toMatchObject({ sent: 3, waiting: 2, remainingQuota: 0, more: true });
    expect(first.message).toBe(
      "Sent 3, failed 0; 2 still to go. 0 more can be sent today. The rest go by themselves tomorrow morning, within the day's quota.",
    );
    addon.advanceClock(24 * 3_600_000);
    const second = addon.run("sendSurveyEmails", request(surveyId)) as SendView;
    expect(second).toMatchObject({ sent: 2, waiting: 0, more: false });
    // Sent by hand to the end: nothing is left for the morning run, and its trigger is gone.
    expect(addon.scriptApp.count).toBe(0);
    expect(new Set(recipients(addon)).size).toBe(5);
    expect(addon.mail.outbox).toHaveLength(5);
  });

  it("after a crash midway, the next run sends every client exactly once", () => {
    for (const k of [0, 1, 3, 4]) {
      const addon = enrolled();
      const surveyId = surveyIn(addon);
      addon.mail.interruptAfter(k);
      expect(errorOf(() => addon.run("sendSurveyEmails", request(surveyId)))).toMatch(/Execution interrupted/);
      expect(addon.mail.outbox).toHaveLength(k);
      addon.mail.interruptAfter(null);
      const view = addon.run("sendSurveyEmails", request(surveyId)) as SendView;
      expect(view.sent, `crash after ${k}`).toBe(5 - k);
      const sent = recipients(addon);
      expect(sent.sort(), `crash after ${k}`).toEqual(
        ["anna@example.com", "boris@example.com", "dana@example.com", "fay@example.com", "gus@example.com"].sort(),
      );
    }
  });

  it("never writes to a client who unsubscribed, whichever survey", async () => {
    const addon = enrolled();
    const first = surveyIn(addon);
    addon.run("sendSurveyEmails", request(first));
    const html = addon.mail.outbox.find((m) => m.to[0] === "boris@example.com")?.htmlBody ?? "";
    const link = /href="([^"]+\/u\/[^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, "&") as string;
    const confirmed = await fetch(link, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "",
    });
    expect(confirmed.status).toBe(200);
    const second = surveyIn(addon);
    const view = addon.run("sendSurveyEmails", request(second)) as SendView;
    expect(view.skipped).toContainEqual({ row: 3, reason: "unsubscribed" });
    expect(addon.mail.outbox.slice(5).map((m) => m.to[0])).not.toContain("boris@example.com");
    expect(view.sent).toBe(4);
  });

  it("says what is missing in the user's language: no email column", () => {
    const rows = CLIENTS.map((r) => [r[0], r[1]] as Row);
    const addon = enrolled(rows);
    addon.setUserLocale("ru");
    const surveyId = surveyIn(addon);
    expect(errorOf(() => addon.run("sendSurveyEmails", request(surveyId)))).toBe(
      "В списке клиентов (Clients) нет столбца с почтой. Назовите столбец «Почта» (или Email) или выберите его в Панели показателей › Столбцы.",
    );
  });
});

describe("looking before sending", () => {
  it("previews a row's exact email and sends a test to the user, recording nothing", () => {
    const addon = enrolled();
    const surveyId = surveyIn(addon);
    const preview = addon.run("sendPreview", request(surveyId), 5) as {
      row: number;
      to: string;
      subject: string;
      html: string;
    };
    expect(preview).toMatchObject({ row: 5, to: "dana@example.com", subject: "Dana, a quick question" });
    expect(preview.html).toContain("How is your Gold plan going?");
    expect(addon.mail.outbox).toHaveLength(0);
    expect((addon.run("sendPreview", request(surveyId), null) as { row: number }).row).toBe(2);
    expect(errorOf(() => addon.run("sendPreview", request(surveyId), 4))).toBe(
      "Row 4 gets no email: not an email address.",
    );

    const test = addon.run("sendTestToMe", request(surveyId), 2) as { to: string; subject: string };
    expect(test).toMatchObject({ to: "team@example.com", subject: "[Test] Anna, короткий вопрос" });
    expect(addon.mail.outbox.map((m) => m.to[0])).toEqual(["team@example.com"]);
    // The test records nothing: Anna still gets her own email.
    const view = addon.run("sendSurveyEmails", request(surveyId)) as SendView;
    expect(view.sent).toBe(5);
    expect(addon.mail.outbox.map((m) => m.to[0])).toContain("anna@example.com");
  });
});

const DAY = 24 * 3_600_000;

function sheetValues(addon: Harness, name: string): unknown[][] {
  const found = addon.spreadsheet.getSheetByName(name) as FakeSheet | null;
  if (!found) throw new Error(`no sheet ${name}`);
  return found.getDataRange().getValues() as unknown[][];
}

/** The client list's status columns of the survey, by client id: [last email is a date, status]. */
function statusOf(addon: Harness, title: string): Map<unknown, [boolean, unknown]> {
  const rows = sheetValues(addon, "Clients");
  const header = rows[0] as unknown[];
  const at = header.indexOf(`${title} · last email`);
  const status = header.indexOf(`${title} · email status`);
  expect(at, String(header)).toBeGreaterThan(0);
  expect(status).toBe(at + 1);
  const isDate = (v: unknown) => Object.prototype.toString.call(v) === "[object Date]";
  return new Map(rows.slice(1).map((r) => [r[0], [isDate(r[at]), r[status]]]));
}

describe("status beside each client, and the Rapport log", () => {
  it("writes when each client was emailed and how it went, matched by client id, and logs the run", () => {
    const addon = enrolled();
    const surveyId = surveyIn(addon);
    addon.run("sendSurveyEmails", request(surveyId));
    const status = statusOf(addon, "Autumn check-in");
    expect(Object.fromEntries(status)).toEqual({
      1: [true, "sent"],
      2: [true, "sent"],
      3: [false, "not sent: not an email address"],
      4: [true, "sent"],
      5: [false, "not sent: no email address"],
      6: [true, "sent"],
      7: [true, "sent"],
    });
    const log = sheetValues(addon, "Rapport log");
    expect(log[1]?.slice(1)).toEqual(["Autumn check-in", "", "", "", "", "Send", 5, 0, 2]);

    // The status columns are Rapport's, never a client's data: a second send still finds the email
    // column, the columns are reused, and nothing is sent twice.
    const width = (sheetValues(addon, "Clients")[0] as unknown[]).length;
    const again = addon.run("sendSurveyEmails", request(surveyId)) as SendView;
    expect(again).toMatchObject({ sent: 0, alreadySent: 5 });
    expect((sheetValues(addon, "Clients")[0] as unknown[]).length).toBe(width);
    expect(sheetValues(addon, "Rapport log")).toHaveLength(3);
  });

  it("follows a client whose row moved since the send", () => {
    const addon = enrolled();
    const surveyId = surveyIn(addon);
    addon.run("sendSurveyEmails", request(surveyId));
    // Someone edits the list: Gus (7) moves to the top in Anna's place, a new client (8) takes his row.
    const clients = addon.spreadsheet.getSheetByName("Clients") as FakeSheet;
    clients.getRange(2, 1, 1, 5).setValues([[7, "Gus", "gus@example.com", "Gold", ""]]);
    clients.getRange(8, 1, 1, 5).setValues([[8, "Hal", "hal@example.com", "Gold", ""]]);
    // Sent and still listed: 7, 2, 4, 6 (a refresh has no send's left-out rows to list).
    expect(addon.run("sendStatusRefresh", surveyId)).toBe(4);
    const status = statusOf(addon, "Autumn check-in");
    expect(status.get(7)).toEqual([true, "sent"]);
    expect(status.get(8)).toEqual([false, ""]);
  });
});

describe("reminders", () => {
  const remind = (surveyId: string, over: Partial<RemindRequest> = {}): RemindRequest => ({
    ...request(surveyId),
    afterDays: 3,
    maxReminders: 2,
    ...over,
  });

  it("reminds the invited who have not answered after N days, at most K times, never one who answered", async () => {
    const addon = enrolled();
    const surveyId = surveyIn(addon);
    addon.run("sendSurveyEmails", request(surveyId));
    await answer(surveyLinkIn(addon, "anna@example.com"), { fields: { score: "9" }, comment: "Спасибо" });

    // Too early: nobody is due yet.
    expect(addon.run("sendReminderEmails", remind(surveyId))).toMatchObject({ sent: 0, more: false });
    expect(addon.mail.outbox).toHaveLength(5);

    addon.advanceClock(3 * DAY + 60_000);
    const first = addon.run("sendReminderEmails", remind(surveyId)) as SendView;
    expect(first.sent).toBe(4);
    expect(first.message).toBe("Sent 4 reminders, failed 0. Everyone due a reminder has one.");
    const reminders = addon.mail.outbox.slice(5);
    expect(reminders.map((m) => m.to[0]).sort()).toEqual(
      ["boris@example.com", "dana@example.com", "fay@example.com", "gus@example.com"].sort(),
    );
    expect(reminders.find((m) => m.to[0] === "boris@example.com")?.subject).toBe("Reminder: Boris, a quick question");
    const status = statusOf(addon, "Autumn check-in");
    expect(status.get(1)).toEqual([true, "answered"]);
    expect(status.get(2)).toEqual([true, "reminded (1)"]);

    // Pressing again the same day sends nothing; three days later the second and last reminder.
    expect((addon.run("sendReminderEmails", remind(surveyId)) as SendView).sent).toBe(0);
    // Boris answers meanwhile: the Worker's answers decide, so he gets no second reminder.
    await answer(surveyLinkIn(addon, "boris@example.com"), { fields: { score: "4" }, comment: "" });
    addon.advanceClock(3 * DAY);
    const second = addon.run("sendReminderEmails", remind(surveyId)) as SendView;
    expect(second.sent).toBe(3);
    expect(addon.mail.outbox.slice(9).map((m) => m.to[0])).not.toContain("boris@example.com");
    addon.advanceClock(10 * DAY);
    expect((addon.run("sendReminderEmails", remind(surveyId)) as SendView).sent).toBe(0);
    expect(statusOf(addon, "Autumn check-in").get(4)).toEqual([true, "reminded (2)"]);
    const actions = sheetValues(addon, "Rapport log")
      .slice(1)
      .map((r) => [r[6], r[7]]);
    expect(actions).toEqual([
      ["Send", 5],
      ["Reminders", 0],
      ["Reminders", 4],
      ["Reminders", 0],
      ["Reminders", 3],
      ["Reminders", 0],
    ]);
  });

  it("refuses a rule out of bounds, in the user's language", () => {
    const addon = enrolled();
    const surveyId = surveyIn(addon);
    expect(errorOf(() => addon.run("sendReminderEmails", remind(surveyId, { afterDays: 0 })))).toBe(
      "Remind after a whole number of days from 1 to 90.",
    );
    addon.setUserLocale("ru");
    expect(errorOf(() => addon.run("sendReminderEmails", remind(surveyId, { maxReminders: 9 })))).toBe(
      "Напоминаний может быть от 1 до 5.",
    );
  });
});

describe("a message without a survey", () => {
  const greeting = (over: Partial<SendRequest> = {}): SendRequest => ({
    surveyId: "",
    message: { name: "Spring greeting" },
    templates: { en: { subject: "Happy spring, {{Name}}", body: "Dear {{Name}},\n\nSpring is here." } },
    segment: { column: 4, value: "Gold" },
    languageColumn: null,
    ...over,
  });

  it("goes to a segment once, with an unsubscribe link and no score buttons, its status under its name", () => {
    const addon = enrolled();
    const view = addon.run("sendSurveyEmails", greeting()) as SendView;
    expect(view.sent).toBe(3);
    expect(view.message).toBe("Sent 3, failed 0. Everyone chosen has the message.");
    expect(recipients(addon)).toEqual(["anna@example.com", "dana@example.com", "gus@example.com"]);
    const anna = addon.mail.outbox[0];
    expect(anna?.subject).toBe("Happy spring, Anna");
    expect(anna?.htmlBody).toContain("Spring is here.");
    expect(anna?.htmlBody).not.toMatch(/\/s\//);
    expect(anna?.htmlBody).toMatch(/href="https?:\/\/[^"]+\/u\/[^"]+"/);
    const status = statusOf(addon, "Spring greeting");
    expect(status.get(1)).toEqual([true, "sent"]);
    expect(status.get(2)).toEqual([false, ""]);
    // The same name again (any case or spacing) reaches nobody twice; another name is another message.
    expect(
      (addon.run("sendSurveyEmails", greeting({ message: { name: " spring  GREETING " } })) as SendView).sent,
    ).toBe(0);
    expect((addon.run("sendSurveyEmails", greeting({ message: { name: "Summer greeting" } })) as SendView).sent).toBe(
      3,
    );
  });

  it("previews like any email, and refuses what only a survey has", () => {
    const addon = enrolled();
    const preview = addon.run("sendPreview", greeting(), 5) as { subject: string; html: string };
    expect(preview.subject).toBe("Happy spring, Dana");
    expect(errorOf(() => addon.run("sendSurveyEmails", greeting({ message: { name: "  " } })))).toMatch(
      /^Give the message a name/,
    );
    expect(errorOf(() => addon.run("sendReminderEmails", { ...greeting(), afterDays: 3, maxReminders: 1 }))).toBe(
      "Reminders follow a survey's invitation: choose a survey.",
    );
  });
});
