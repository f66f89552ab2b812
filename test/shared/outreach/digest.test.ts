import { describe, expect, it } from "vitest";
import { dayFromYmd } from "../../../shared/cells/dates";
import type { TrendRow } from "../../../shared/dashboard/figures";
import { digestEmail, digestLines, digestOccurrence } from "../../../shared/outreach/digest";
import type { ResponseRecord } from "../../../shared/sheets/responses";
import { responseRecord } from "../../fixtures/responseRecord";

describe("digestOccurrence", () => {
  it("keys ISO 8601 weeks, checked against the calendar by hand", () => {
    expect(digestOccurrence(dayFromYmd(2026, 12, 3))).toBe("week:2026-W49"); // a Thursday
    expect(digestOccurrence(dayFromYmd(2026, 11, 30))).toBe("week:2026-W49"); // its Monday
    expect(digestOccurrence(dayFromYmd(2026, 12, 6))).toBe("week:2026-W49"); // its Sunday
    expect(digestOccurrence(dayFromYmd(2027, 1, 1))).toBe("week:2026-W53"); // 2026 began on a Thursday
    expect(digestOccurrence(dayFromYmd(2024, 12, 30))).toBe("week:2025-W01");
    expect(digestOccurrence(dayFromYmd(2021, 1, 3))).toBe("week:2020-W53");
  });
});

const month = (period: string, promoters: number, passives: number, detractors: number): TrendRow => ({
  period,
  index: 0,
  startDay: 0,
  partial: false,
  nps: null,
  npsN: promoters + passives + detractors,
  promoters,
  passives,
  detractors,
  churnRate: null,
  atStart: null,
  lost: null,
  revenue: null,
  orders: null,
});

describe("digestLines", () => {
  const today = dayFromYmd(2026, 12, 3);
  const base = {
    spreadsheet: "Clients",
    today,
    nps: {
      value: 20,
      n: 200,
      smallSample: false,
      lower: 9.5,
      upper: 30.1,
      promoters: 90,
      passives: 60,
      detractors: 50,
      flagged: 0,
    },
    // 50/30/20 of 100 (NPS +30) then 40/30/30 (NPS +10): SE 7.81 and 8.31 points, SE_diff 11.40,
    // z = −1.754, p = 0.079 (worked by hand): not significant.
    trend: [month("2026-10", 50, 30, 20), month("2026-11", 40, 30, 30)],
    churn: { value: 0.123, n: 300, smallSample: false, period: "2026-10" },
    retention: { value: 0.877, n: 300, smallSample: false, period: "2026-10" },
    alerts: [],
    npsAnswers: [
      { score: 3, day: today - 1, comment: "Slow <delivery>", flagged: false, surveyId: "s1", surveyTitle: "Pulse" },
      { score: 9, day: today - 2, comment: "", flagged: false, surveyId: "s1", surveyTitle: "Pulse" },
      { score: 2, day: today - 9, comment: "Old news", flagged: false, surveyId: "s1", surveyTitle: "Pulse" },
    ],
    notFollowedUp: [] as ResponseRecord[],
    rowLink: (r: ResponseRecord) => `https://docs.example/d#gid=1&range=A${r.row + 2}`,
  };
  const detractor = (row: number, over: Partial<ResponseRecord>) =>
    responseRecord(row, { score: 2, answeredDay: today - 10, ...over });

  it("says NPS with its interval, the change and whether it is significant, churn, and the week", () => {
    const lines = digestLines(base, "en");
    expect(lines[0]).toBe("NPS +20.0 (95 % interval +9.5 to +30.1), n = 200.");
    expect(lines[1]).toMatch(
      /^NPS 2026-10 → 2026-11: \+30\.0 → \+10\.0 \(.20\.0\), not a significant change \(p = 0\.0[78]\d*\)\.$/,
    );
    expect(lines[2]).toBe("Churn in 2026-10: 12.3%, retention 87.7% (n = 300 customers at its start).");
    expect(lines[3]).toBe("Last 7 days: 2 NPS answers, 1 detractors.");
    expect(lines[4]).toBe("Every detractor since the alerts began has been followed up.");
  });

  it("lists the detractors nobody has followed up, the longest waiting first, with their rows", () => {
    const open = [
      detractor(4, { comment: "Never <again>", clientId: "C-9", answeredDay: dayFromYmd(2026, 11, 20) }),
      detractor(7, { score: 5 }),
    ];
    const email = digestEmail({ ...base, notFollowedUp: open }, "en");
    expect(email.textBody).toContain("Detractors not yet followed up: 2.");
    expect(email.htmlBody).toContain("Pulse · client C-9 · score 2 · 2026-11-20");
    expect(email.htmlBody).toContain("“Never &lt;again&gt;”");
    expect(email.htmlBody).toContain('href="https://docs.example/d#gid=1&amp;range=A6"');
    expect(email.textBody.indexOf("client C-9")).toBeLessThan(email.textBody.indexOf("client 7"));
    expect(digestLines({ ...base, notFollowedUp: open }, "ru")[4]).toBe("Критики, с которыми ещё не связались: 2.");
  });

  it("adds a churn spike, and quotes the week's detractors escaped", () => {
    const spike = {
      kind: "churn" as const,
      from: "2026-09",
      to: "2026-10",
      before: 0.05,
      after: 0.123,
      change: 0.073,
      pValue: 0.001,
      nBefore: 280,
      nAfter: 300,
      smallSample: false,
    };
    const email = digestEmail({ ...base, alerts: [spike] }, "ru");
    expect(email.subject).toBe("Еженедельная сводка Rapport: Clients");
    expect(email.textBody).toContain("Всплеск оттока: 2026-09");
    expect(email.htmlBody).toContain("3 · “Slow &lt;delivery&gt;”");
    expect(email.htmlBody).not.toContain("Old news");
  });
});
