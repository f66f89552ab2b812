import { createHarness } from "../../addon/harness/index";
import { dayFromYmd } from "../../shared/cells/dates";
import type { Cell } from "../../shared/cells/values";
import { selectAudience } from "../../shared/outreach/audience";
import { type ClientSchedule, dueToday } from "../../shared/outreach/schedule";
import { checkTemplate, renderMessage } from "../../shared/outreach/template";
import { seededRandom } from "../../shared/random";
import { surveyForm } from "../fixtures/surveyForm";
import { startTestWorker } from "../setup/localWorker";
import { type Bench, type BenchResult, ms, time } from "./lib";

/**
 * Outreach at the sizes the goals name. Through the built Code.js in the harness against the
 * local Worker: preparing a send to 10,000 clients (reading the list, the unsubscribed, choosing
 * the audience, checking the template, rendering the email), and one whole execution of Send at a
 * Workspace account's daily quota (1,500 emails: claims, links, rendering, progress marks, reports;
 * the fake MailApp's own time is negligible, real MailApp's is not and is not measured here).
 * In Node on shared/: rendering all 10,000 emails, and who is due among 100,000 clients.
 */
async function throughCodeJs(): Promise<BenchResult[]> {
  const worker = await startTestWorker();
  try {
    const random = seededRandom(12);
    const rows: (string | number)[][] = [["Client ID", "Name", "Email", "Plan"]];
    for (let i = 1; i <= 10_000; i++) {
      rows.push([
        i,
        `Client ${i}`,
        random() < 0.02 ? "broken address" : `client${i}@example.com`,
        i % 2 ? "Gold" : "Silver",
      ]);
    }
    const h = createHarness({
      spreadsheet: { name: "Clients", sheets: [{ name: "Clients", rows }] },
      allowUrlPrefixes: [`${worker.url}/`],
    });
    h.run("saveWorkerUrl", `${worker.url}/`);
    h.run("enrollSpreadsheet", worker.enrollmentKey);
    const created = h.run("createSurvey", surveyForm({ title: "Bench" })) as { ok: true; survey: { id: string } };
    const request = {
      surveyId: created.survey.id,
      templates: { en: { subject: "{{Name}}, a question", body: "Dear {{Name}}, how is {{Plan}}?" } },
      segment: null,
      languageColumn: null,
    };
    const preview = time(() => h.run("sendPreview", request, null), { warmup: 1, runs: 3 });
    h.mail.dailyQuota = 1_500;
    const started = performance.now();
    const view = h.run("sendSurveyEmails", request) as { sent: number };
    const execution = performance.now() - started;
    return [
      {
        name: "prepare a send to 10,000 clients (Code.js + Worker)",
        value: ms(preview.medianMs),
        goal: "< 3 s",
        ok: preview.medianMs < 3000,
      },
      {
        name: `one Send execution, ${view.sent.toLocaleString("en-US")} emails (Code.js + Worker)`,
        value: ms(execution),
        goal: "< 270 s (the run's own budget)",
        ok: view.sent === 1_500 && execution < 270_000,
      },
    ];
  } finally {
    await worker.dispose();
  }
}

export const outreachBench: Bench = {
  title: "Outreach: preparing a send, who is due",
  async run() {
    const viaCodeJs = await throughCodeJs();
    const random = seededRandom(11);
    const header: Cell[] = ["Client ID", "Name", "Email", "Plan", "Language"];
    const rows: Cell[][] = Array.from({ length: 10_000 }, (_, i) => [
      i + 1,
      `Client ${i + 1}`,
      random() < 0.02 ? "broken address" : `client${i + 1}@example.com`,
      random() < 0.5 ? "Gold" : "Silver",
      random() < 0.3 ? "ru" : "en",
    ]);
    const template = {
      subject: "{{Name}}, a quick question about {{Plan}}",
      body: "Dear {{Name}},\n\nHow is your {{Plan}} plan going?\n\nThe team",
    };
    const buttons = Array.from(
      { length: 11 },
      (_, s) => `<a href="https://w.example/s/x?c=1&amp;score=${s}">${s}</a>`,
    ).join("");
    let sink = 0;
    const prepare = time(
      () => {
        checkTemplate(template, header.map(String));
        const audience = selectAudience(
          header,
          rows,
          { clientId: 0, email: 2, language: 4 },
          {
            filter: { kind: "all" },
            optedOut: new Set(["17", "42"]),
            invited: new Set(),
            onlyNotInvited: false,
            defaultLocale: "en",
          },
        );
        for (const r of audience.recipients) {
          sink += renderMessage(template, {
            locale: r.locale,
            values: r.values,
            surveyHtml: buttons,
            surveyUrl: "https://w.example/s/x?c=1",
            unsubscribeUrl: "https://w.example/u/w?c=1&k=x",
          }).htmlBody.length;
        }
      },
      { warmup: 1, runs: 5 },
    );
    const today = dayFromYmd(2026, 12, 3);
    const clients: ClientSchedule[] = Array.from({ length: 100_000 }, (_, i) => ({
      contactId: String(i + 1),
      day: today - Math.floor(random() * 800),
      lastSentDay: random() < 0.3 ? null : today - Math.floor(random() * 200),
    }));
    const due = time(
      () => {
        sink += dueToday({ kind: "recurring", everyDays: 90 }, clients, today, 1500).due.length;
        sink += dueToday({ kind: "afterDate", days: 7 }, clients, today, 1500).due.length;
        sink += dueToday({ kind: "yearly" }, clients, today, 1500).due.length;
      },
      { warmup: 1, runs: 5 },
    );
    if (Number.isNaN(sink)) throw new Error("unreachable");
    return [
      ...viaCodeJs,
      {
        name: "render 10,000 emails (Node)",
        value: ms(prepare.medianMs),
        goal: "< 3 s",
        ok: prepare.medianMs < 3000,
      },
      {
        name: "who is due among 100,000 (3 schedules, Node)",
        value: ms(due.medianMs),
        goal: "< 5 s",
        ok: due.medianMs < 5000,
      },
    ];
  },
};
