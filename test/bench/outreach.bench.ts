import { dayFromYmd } from "../../shared/cells/dates";
import type { Cell } from "../../shared/cells/values";
import { selectAudience } from "../../shared/outreach/audience";
import { type ClientSchedule, dueToday } from "../../shared/outreach/schedule";
import { checkTemplate, renderMessage } from "../../shared/outreach/template";
import { seededRandom } from "../../shared/random";
import { type Bench, ms, time } from "./lib";

/**
 * Outreach's pure work at the sizes the goals name: preparing a send to 10,000 clients (choosing
 * the audience, checking the template, rendering every email) and deciding who is due among
 * 100,000 clients. Measured in Node on shared/ directly: the send through Code.js in the harness
 * needs the Send step's batches against the Worker, and is measured when the Send sidebar lands.
 */
export const outreachBench: Bench = {
  title: "Outreach: preparing a send, who is due",
  run() {
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
      {
        name: "prepare a send to 10,000 clients (Node)",
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
