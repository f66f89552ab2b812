import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CDNOW_EXTRACT_PATH, readCdnow } from "../../../scripts/lib/cdnow";
import { dateReading } from "../../../shared/cells/dates";
import { readTransactions } from "../../../shared/cells/transactions";
import type { Cell } from "../../../shared/cells/values";
import { ALERT_P_VALUE, churnAlert, npsAlert, twoProportionTest } from "../../../shared/dashboard/alerts";
import {
  type Answer,
  answersFromResponses,
  answersFromScoreColumn,
  noAnswers,
  type SurveyAnswers,
} from "../../../shared/dashboard/answers";
import {
  customerFigures,
  latestComments,
  surveyFigures,
  trendAlerts,
  trendRows,
} from "../../../shared/dashboard/figures";
import { fixed, percent, pValue, signed } from "../../../shared/dashboard/format";
import { FORMATS, REPORT_WIDTH, reportLayout } from "../../../shared/dashboard/report";
import { alertMessage } from "../../../shared/dashboard/text";
import { responsesHeader } from "../../../shared/sheets/responses";
import { messageOf } from "../helpers";
import { dayOf, txOf, utc } from "../txHelpers";
import { type RefTx, refCustomerFigures } from "./reference";

/** Φ(x) by Simpson's rule on the normal density: an independent reference for p-values. */
function phi(x: number): number {
  const n = 20_000;
  const a = 0;
  const h = (Math.abs(x) - a) / n;
  const f = (t: number) => Math.exp((-t * t) / 2) / Math.sqrt(2 * Math.PI);
  let sum = f(a) + f(Math.abs(x));
  for (let i = 1; i < n; i++) sum += f(a + i * h) * (i % 2 ? 4 : 2);
  const half = (sum * h) / 3;
  return x >= 0 ? 0.5 + half : 0.5 - half;
}
const twoSided = (z: number) => 2 * (1 - phi(Math.abs(z)));

const answer = (score: number, day: number | null = null, comment = "", flagged = false): Answer => ({
  score,
  day,
  comment,
  flagged,
});

describe("survey answers", () => {
  const header = responsesHeader("en");
  const row = (id: string, type: string, score: Cell, created: Cell = "", flags = "", comment = ""): Cell[] => [
    id,
    "s1",
    "Survey",
    type,
    "17",
    score,
    comment,
    "en",
    true,
    flags,
    created,
    "",
  ];

  it("splits a Responses sheet by survey type, skipping answers without a score and other types", () => {
    const rows = [
      row("r1", "nps", 9, "2024-03-01", "", "great"),
      row("r2", "NPS", 3, "2024-03-02", "too_fast"),
      row("r3", "csat", 4),
      row("r4", "ces", 6.5),
      row("r5", "csi", 80),
      row("r6", "nps", ""),
      row("", "nps", 10),
    ];
    const answers = answersFromResponses("Responses", header, rows, utc);
    expect(answers.nps).toEqual([
      { score: 9, day: dayOf("2024-03-01"), comment: "great", flagged: false },
      { score: 3, day: dayOf("2024-03-02"), comment: "", flagged: true },
    ]);
    expect(answers.csat.map((a) => a.score)).toEqual([4]);
    expect(answers.ces.map((a) => a.score)).toEqual([6.5]);
  });

  it("finds the columns by their Russian headers too", () => {
    const answers = answersFromResponses("Responses", responsesHeader("ru"), [row("r1", "csat", "5")], utc);
    expect(answers.csat).toEqual([{ score: 5, day: null, comment: "", flagged: false }]);
  });

  it("names the sheet, column and cell of a score outside its type's scale", () => {
    const rows = [row("r1", "nps", 9), row("r2", "csat", 7)];
    expect(messageOf(() => answersFromResponses("Responses", header, rows, utc))).toBe(
      "Responses · Score, cell F3: 7 is outside the scale 1 to 5",
    );
    expect(messageOf(() => answersFromResponses("Responses", header, [row("r1", "nps", 8.5)], utc))).toBe(
      "Responses · Score, cell F2: 8.5 is not a whole number; NPS scores are whole numbers from 0 to 10",
    );
    expect(messageOf(() => answersFromResponses("Responses", header, [row("r1", "ces", "n/a")], utc), "ru")).toBe(
      "Responses · Score, ячейка F2: «n/a» не является оценкой от 1 до 7",
    );
  });

  it("reads NPS from a score column of the client list with its dates and comments", () => {
    const col = (...v: Cell[]) => v.map((c) => [c]);
    const answers = answersFromScoreColumn(
      { cells: col(9, "", "6", 10), origin: { row: 2, column: 5 }, name: "Clients · NPS score" },
      { cells: col("2024-01-05", "", "", "05.02.2024"), origin: { row: 2, column: 6 }, name: "Clients · Survey date" },
      { cells: col("ok", "ignored", "", "=1+1"), origin: { row: 2, column: 7 }, name: "Clients · Comment" },
      dateReading("UTC", "ru_RU"),
    );
    expect(answers).toEqual([
      answer(9, dayOf("2024-01-05"), "ok"),
      answer(6, null, ""),
      answer(10, dayOf("2024-02-05"), "=1+1"),
    ]);
  });

  it("names the cell of a bad score or date in the client list", () => {
    const col = (...v: Cell[]) => v.map((c) => [c]);
    const scores = { cells: col(9, 11), origin: { row: 2, column: 5 }, name: "Clients · NPS score" };
    expect(messageOf(() => answersFromScoreColumn(scores, null, null, utc))).toBe(
      "Clients · NPS score, cell E3: 11 is outside the scale 0 to 10",
    );
    const dates = { cells: col("soon", ""), origin: { row: 2, column: 6 }, name: "Clients · Survey date" };
    const ok = { ...scores, cells: col(9, 8) };
    expect(messageOf(() => answersFromScoreColumn(ok, dates, null, utc))).toMatch(
      /^Clients · Survey date, cell F2: "soon" is not a date/,
    );
  });
});

describe("survey figures", () => {
  it("computes NPS, CSAT top-2-box and CES mean by hand, each with its n", () => {
    const answers: SurveyAnswers = {
      // 4 promoters, 2 passives, 4 detractors: NPS 0; one flagged.
      nps: [10, 9, 9, 10, 7, 8, 0, 6, 5, 3].map((s, i) => answer(s, null, "", i === 0)),
      // 3 of 5 at 4 or 5.
      csat: [5, 4, 3, 4, 1].map((s) => answer(s)),
      // mean 4.
      ces: [2, 4, 6].map((s) => answer(s)),
    };
    const f = surveyFigures(answers);
    expect(f.nps).toMatchObject({ value: 0, n: 10, promoters: 4, passives: 2, detractors: 4, flagged: 1 });
    expect(f.nps?.smallSample).toBe(true);
    expect(f.nps?.lower).toBeLessThan(0);
    expect(f.nps?.upper).toBeGreaterThan(0);
    expect(f.csat).toEqual({ value: 0.6, n: 5, smallSample: true, flagged: 0 });
    expect(f.ces).toEqual({ value: 4, n: 3, smallSample: true, flagged: 0 });
  });

  it("has no figure where there are no answers, and no small-sample flag from 100 answers", () => {
    const f = surveyFigures({ ...noAnswers(), nps: Array.from({ length: 100 }, () => answer(9)) });
    expect(f.nps?.value).toBe(100);
    expect(f.nps?.smallSample).toBe(false);
    expect(f.csat).toBeNull();
    expect(f.ces).toBeNull();
  });
});

describe("customer figures", () => {
  const cdnow = readCdnow(CDNOW_EXTRACT_PATH);
  const refTx: RefTx[] = cdnow.map((r) => ({ id: Number(r.customerId), day: dayOf(r.date), amount: r.amount }));
  const tx = readTransactions(
    {
      customerIds: cdnow.map((r) => [Number(r.customerId)]),
      dates: cdnow.map((r) => [r.date]),
      amounts: cdnow.map((r) => [r.amount]),
    },
    utc,
  );

  for (const period of ["month", "quarter"] as const) {
    it(`matches a naive day-by-day implementation on the CDNOW extract, by ${period}`, () => {
      const ref = refCustomerFigures(refTx, period);
      const f = customerFigures(tx, period);
      expect(f.customers).toBe(ref.customers);
      expect(f.repeatRate.value).toBeCloseTo(ref.repeatRate, 12);
      expect(f.aov?.value).toBeCloseTo(ref.aov, 9);
      expect(f.aov?.n).toBe(cdnow.length);
      expect(f.inactiveDays).toBe(ref.inactive);
      expect(f.churn?.period).toBe(ref.churn?.label);
      expect(f.churn?.value).toBeCloseTo(ref.churn?.value as number, 12);
      expect(f.churn?.n).toBe(ref.churn?.n);
      expect(f.retention?.value).toBeCloseTo(ref.retention as number, 12);
      expect(f.clv?.value).toBeCloseTo(ref.clv as number, 6);
      const trend = trendRows(tx, f, [], period);
      expect(trend.map((r) => r.period)).toEqual(ref.rows.map((r) => r.label));
      expect(trend.map((r) => r.orders)).toEqual(ref.rows.map((r) => r.orders));
      trend.forEach((r, i) => {
        const want = ref.rows[i];
        expect(r.revenue).toBeCloseTo(want?.revenue as number, 6);
        expect(r.churnRate).toBe(want?.complete && want.atStart ? want.lost / want.atStart : null);
        expect(r.partial).toBe(!want?.complete);
      });
    });
  }

  it("leaves out a period the data do not reach the end of", () => {
    // The extract ends on 1998-06-29: June (and Q2) are partial, so the headline is May (Q1).
    expect(customerFigures(tx, "month").churn?.period).toBe("1998-05");
    expect(customerFigures(tx, "quarter").churn?.period).toBe("1998-Q1");
    const toEnd = txOf([
      [1, "2024-01-10", 10],
      [1, "2024-02-10", 10],
      [2, "2024-01-20", 5],
      [2, "2024-03-31", 5],
    ]);
    expect(customerFigures(toEnd, "month").churn?.period).toBe("2024-03");
  });

  it("works out a small case by hand", () => {
    // Gaps 31, 30 and 30 days: the 90th percentile (nearest rank) is 31, so a purchase keeps a
    // client active through 30 more days. Active at the end of Jan 31: 1, 2; Feb 29: 1, 2, 3;
    // Mar 31: 3 (1 lapsed on Mar 12, 2 on Mar 21); Apr 30: 4 (3 lapsed on Apr 2).
    const small = txOf([
      [1, "2024-01-10", 10],
      [1, "2024-02-10", 20],
      [2, "2024-01-20", 30],
      [2, "2024-02-19", 40],
      [3, "2024-02-01", 50],
      [3, "2024-03-02", 60],
      [4, "2024-04-30", 70],
    ]);
    const f = customerFigures(small, "month");
    expect(f.inactiveDays).toBe(31);
    expect(f.repeatRate.value).toBe(3 / 4);
    expect(f.aov?.value).toBe(40);
    expect(f.revenue).toBe(280);
    // April: 1 active at the start (3), lost; the new client 4 is not kept from the start.
    expect(f.churn).toEqual({ value: 1, n: 1, smallSample: true, period: "2024-04" });
    expect(f.retention).toEqual({ value: 0, n: 1, smallSample: true, period: "2024-04" });
    const trend = trendRows(small, f, [], "month");
    expect(trend.map((r) => [r.period, r.atStart, r.lost, r.churnRate, r.orders, r.revenue])).toEqual([
      ["2024-01", 0, 0, null, 2, 40],
      ["2024-02", 2, 0, 0, 3, 110],
      ["2024-03", 3, 2, 2 / 3, 1, 60],
      ["2024-04", 1, 1, 1, 1, 70],
    ]);
    // Active per month (start + end)/2: 1, 2.5, 2, 1 = 6.5; churn pooled 3/6 per month;
    // CLV = 40 × (7/6.5 × 12 per year) × 1/(0.5 × 12) years = 280/3.25.
    expect(f.clv?.purchasesPerYear).toBeCloseTo((7 / 6.5) * 12, 12);
    expect(f.clv?.expectedYears).toBeCloseTo(1 / 6, 12);
    expect(f.clv?.value).toBeCloseTo(280 / 3.25, 10);
    expect(f.clv?.n).toBe(4);
  });

  it("says why churn and CLV are missing", () => {
    const once = txOf([
      [1, "2024-01-10", 10],
      [2, "2024-02-10", 30],
    ]);
    const f = customerFigures(once, "month");
    expect(f.churn).toBeNull();
    expect(f.churnGap).toBe("noRepeatPurchases");
    expect(f.clvGap).toBe("noRepeatPurchases");
    expect(f.repeatRate.value).toBe(0);
    // One month of data: nobody was active at the start of a complete period.
    const oneMonth = txOf([
      [1, "2024-01-10", 10],
      [1, "2024-01-20", 10],
      [1, "2024-01-31", 10],
    ]);
    expect(customerFigures(oneMonth, "month")).toMatchObject({ churn: null, churnGap: "noCompletePeriod" });
    // Nobody lapsed: churn is 0 and the expected lifetime unknown.
    const loyal = txOf([
      [1, "2024-01-05", 10],
      [1, "2024-01-25", 10],
      [1, "2024-02-14", 10],
      [2, "2024-02-29", 10],
    ]);
    const g = customerFigures(loyal, "month");
    expect(g.churn).toEqual({ value: 0, n: 1, smallSample: true, period: "2024-02" });
    expect(g).toMatchObject({ clv: null, churnGap: null, clvGap: "noChurn" });
  });

  it("keeps churn + retention = 1 and rates within 0…1, and the trend adds up, on random lists", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            id: fc.integer({ min: 1, max: 12 }),
            day: fc.integer({ min: 0, max: 500 }),
            amount: fc.integer({ min: 1, max: 500 }),
          }),
          { minLength: 1, maxLength: 80 },
        ),
        fc.constantFrom("month" as const, "quarter" as const),
        (rows, period) => {
          const base = dayOf("2023-01-01");
          const list = readTransactions(
            {
              customerIds: rows.map((r) => [r.id]),
              dates: rows.map((r) => [new Date((base + r.day) * 86_400_000).toISOString().slice(0, 10)]),
              amounts: rows.map((r) => [r.amount]),
            },
            utc,
          );
          const f = customerFigures(list, period);
          const total = rows.reduce((s, r) => s + r.amount, 0);
          expect(f.revenue).toBe(total);
          expect(f.repeatRate.value).toBeGreaterThanOrEqual(0);
          expect(f.repeatRate.value).toBeLessThanOrEqual(1);
          if (f.churn && f.retention) {
            expect(f.churn.value + f.retention.value).toBeCloseTo(1, 12);
            expect(f.churn.value).toBeGreaterThanOrEqual(0);
            expect(f.churn.value).toBeLessThanOrEqual(1);
          }
          if (f.clv) expect(Number.isFinite(f.clv.value) && f.clv.value > 0).toBe(true);
          const trend = trendRows(list, f, [], period);
          expect(trend.reduce((s, r) => s + (r.orders ?? 0), 0)).toBe(rows.length);
          expect(trend.reduce((s, r) => s + (r.revenue ?? 0), 0)).toBeCloseTo(total, 6);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("trend", () => {
  it("counts NPS per period from dated answers, with orders blank outside the transactions", () => {
    const tx = txOf([
      [1, "2024-01-05", 10],
      [2, "2024-01-25", 20],
    ]);
    const nps = [
      answer(10, dayOf("2024-01-09")),
      answer(3, dayOf("2024-01-30")),
      answer(9, dayOf("2024-03-02")),
      answer(7, null),
    ];
    const rows = trendRows(tx, null, nps, "month");
    expect(rows.map((r) => [r.period, r.nps, r.npsN, r.orders, r.revenue])).toEqual([
      ["2024-01", 0, 2, 2, 30],
      ["2024-02", null, 0, null, null],
      ["2024-03", 100, 1, null, null],
    ]);
    expect(rows[0]?.partial).toBe(true);
    expect(trendRows(null, null, [answer(5, null)], "month")).toEqual([]);
  });
});

describe("alerts", () => {
  it("tests two proportions with the pooled standard error", () => {
    // 10/100 → 25/100: pooled 0.175, SE = √(0.175·0.825·0.02) = 0.0537355, z = 2.79145.
    const test = twoProportionTest(10, 100, 25, 100);
    expect(test.change).toBeCloseTo(0.15, 12);
    expect(test.z).toBeCloseTo(0.15 / Math.sqrt(0.175 * 0.825 * 0.02), 10);
    expect(test.pValue).toBeCloseTo(twoSided(test.z), 6);
    expect(twoProportionTest(0, 50, 0, 60)).toEqual({ change: 0, z: 0, pValue: 1 });
  });

  it("raises a churn alert only for a significant rise of 5 points or more", () => {
    const alert = churnAlert({ period: "Q1", atStart: 100, lost: 10 }, { period: "Q2", atStart: 100, lost: 25 });
    expect(alert).toMatchObject({ kind: "churn", from: "Q1", to: "Q2", before: 0.1, after: 0.25, nBefore: 100 });
    expect(alert?.pValue).toBeCloseTo(twoSided(2.791452), 5);
    // Significant (z = 2.75) but only 4 points: not a jump.
    expect(churnAlert({ period: "a", atStart: 1000, lost: 100 }, { period: "b", atStart: 1000, lost: 140 })).toBeNull();
    // 15 points on 20 customers: p = 0.31, may be chance.
    expect(churnAlert({ period: "a", atStart: 20, lost: 5 }, { period: "b", atStart: 20, lost: 8 })).toBeNull();
    // Exactly 5 points on a large base.
    expect(
      churnAlert({ period: "a", atStart: 10_000, lost: 1000 }, { period: "b", atStart: 10_000, lost: 1500 }),
    ).not.toBeNull();
    // A fall is not an alert.
    expect(churnAlert({ period: "a", atStart: 100, lost: 25 }, { period: "b", atStart: 100, lost: 10 })).toBeNull();
  });

  it("raises an NPS alert for a significant change either way", () => {
    // NPS 30 (50/30/20) → −10 (30/30/40), n = 100 each: SE = √(61 + 69) = 11.4018, z = −3.50823.
    const before = { period: "2024-01", counts: { promoters: 50, passives: 30, detractors: 20, n: 100 } };
    const after = { period: "2024-02", counts: { promoters: 30, passives: 30, detractors: 40, n: 100 } };
    const alert = npsAlert(before, after);
    expect(alert).toMatchObject({ kind: "nps", before: 30, after: -10, change: -40, smallSample: false });
    expect(alert?.pValue).toBeCloseTo(twoSided(-40 / Math.sqrt(130)), 6);
    expect(alert?.pValue).toBeLessThan(ALERT_P_VALUE);
    expect(npsAlert(after, before)?.change).toBe(40);
    // 30 → 25 on 100 answers: p ≈ 0.67.
    const small = { period: "b", counts: { promoters: 45, passives: 35, detractors: 20, n: 100 } };
    expect(npsAlert(before, small)).toBeNull();
    // All promoters twice: no spread, no claim.
    const all = { period: "x", counts: { promoters: 5, passives: 0, detractors: 0, n: 5 } };
    expect(npsAlert(all, all)).toBeNull();
  });

  it("compares the last two periods that have answers, and the last two complete churn periods", () => {
    const nps = [
      ...Array.from({ length: 60 }, (_, i) => answer(i < 40 ? 10 : 0, dayOf("2024-01-15"))),
      ...Array.from({ length: 60 }, (_, i) => answer(i < 15 ? 10 : 0, dayOf("2024-03-15"))),
    ];
    const alerts = trendAlerts(trendRows(null, null, nps, "month"));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ kind: "nps", from: "2024-01", to: "2024-03", smallSample: true });
    expect(alertMessage(alerts[0] as never, "en")).toMatch(
      /^NPS fell from \+33\.3 in 2024-01 to −50\.0 in 2024-03 \(−83\.3 points, p < 0\.001\): read the detractors' comments/,
    );
  });
});

describe("latest comments", () => {
  it("lists the newest first, undated last, later rows first on ties", () => {
    const answers: SurveyAnswers = {
      nps: [answer(9, 10, "a"), answer(3, null, "undated"), answer(8, 12, "b"), answer(7, 12, "")],
      csat: [answer(5, 12, "c")],
      ces: [answer(2, 11, "d")],
    };
    expect(latestComments(answers, 4).map((c) => c.comment)).toEqual(["c", "b", "d", "a"]);
    expect(latestComments(answers).map((c) => c.comment)).toEqual(["c", "b", "d", "a", "undated"]);
  });
});

describe("number text", () => {
  it("formats in each language's convention", () => {
    expect(fixed(12.345, 1, "en")).toBe("12.3");
    expect(fixed(12.345, 1, "ru")).toBe("12,3");
    expect(fixed(-0.04, 1, "en")).toBe("0.0");
    expect(signed(18.49, 1, "en")).toBe("+18.5");
    expect(signed(-3, 1, "ru")).toBe("−3,0");
    expect(signed(0.01, 1, "en")).toBe("0.0");
    expect(percent(0.125, 1, "en")).toBe("12.5%");
    expect(percent(0.125, 1, "ru")).toBe("12,5\u00a0%");
    expect(pValue(0.0004, "en")).toBe("p < 0.001");
    expect(pValue(0.0312, "ru")).toBe("p = 0,031");
  });
});

describe("report layout", () => {
  const tx = txOf([
    [1, "2024-01-05", 10],
    [1, "2024-02-05", 20],
    [2, "2024-01-25", 30],
    [2, "2024-03-01", 40],
    [3, "2024-03-31", 50],
  ]);
  const nps = [answer(10, dayOf("2024-01-09"), "+fast"), answer(3, dayOf("2024-03-30"), "=SUM(A1)"), answer(8, null)];
  const customers = customerFigures(tx, "month");
  const trend = trendRows(tx, customers, nps, "month");
  const answers = { ...noAnswers(), nps };
  const input = (locale: "en" | "ru") => ({
    locale,
    period: "month" as const,
    generatedAt: new Date(Date.UTC(2024, 3, 1)),
    sources: ["transactions: Sales (ID, Date, Sum)"],
    survey: surveyFigures(answers),
    customers,
    trend,
    alerts: [],
    comments: latestComments(answers),
    notes: ["A note."],
  });

  it("is one rectangular block of values and formats, with no NaN, Infinity or undefined", () => {
    const layout = reportLayout(input("en"));
    expect(layout.values.length).toBe(layout.formats.length);
    for (const [r, row] of layout.values.entries()) {
      expect(row).toHaveLength(REPORT_WIDTH);
      expect(layout.formats[r]).toHaveLength(REPORT_WIDTH);
      for (const cell of row) {
        expect(cell).not.toBeUndefined();
        if (typeof cell === "number") expect(Number.isFinite(cell)).toBe(true);
      }
    }
    for (const format of layout.formats.flat()) expect(Object.values(FORMATS)).toContain(format);
  });

  it("puts each figure beside its label, and points the charts at the trend table", () => {
    const layout = reportLayout(input("en"));
    const find = (label: string) => layout.values.find((row) => row[0] === label);
    expect(find("NPS (points)")?.slice(1, 6)).toEqual([
      (100 * (1 - 1)) / 3,
      expect.any(Number),
      expect.any(Number),
      3,
      "answers",
    ]);
    expect(find("Repeat rate")?.[1]).toBeCloseTo(2 / 3, 12);
    expect(find("Average order value")?.[1]).toBe(30);
    const headerRow = layout.values.findIndex((row) => row[0] === "Period") + 1;
    expect(layout.boldRows).toContain(headerRow);
    const keys = layout.charts.map((c) => c.key);
    expect(keys).toEqual(["nps", "churn", "revenue", "breakdown"]);
    for (const chart of layout.charts.filter((c) => c.type !== "PIE")) {
      expect(chart.ranges[0]).toEqual({ row: headerRow, column: 1, numRows: trend.length + 1, numColumns: 1 });
    }
    const nps = layout.charts.find((c) => c.key === "nps");
    const column = nps?.ranges[1]?.column as number;
    const series = layout.values.slice(headerRow, headerRow + trend.length).map((row) => row[column - 1]);
    expect(series).toEqual(trend.map((r) => r.nps ?? ""));
    expect(new Set(layout.charts.map((c) => c.anchorRow)).size).toBe(4);
    const pie = layout.charts.find((c) => c.key === "breakdown");
    const pieRows = layout.values.slice((pie?.ranges[0]?.row as number) - 1, (pie?.ranges[0]?.row as number) + 3);
    expect(pieRows.map((r) => r.slice(0, 2))).toEqual([
      ["Group", "Answers"],
      ["Promoters (9–10)", 1],
      ["Passives (7–8)", 1],
      ["Detractors (0–6)", 1],
    ]);
  });

  it("writes period labels and respondents' text so that Sheets keeps them as text", () => {
    const layout = reportLayout(input("en"));
    const cells = layout.values.flat().filter((c): c is string => typeof c === "string");
    expect(cells).toContain("'2024-01");
    expect(cells).toContain("'=SUM(A1)");
    expect(cells).toContain("'+fast");
    expect(cells.filter((c) => /^[=+\-@]/.test(c))).toEqual([]);
  });

  it("is in Russian for a Russian reader", () => {
    const layout = reportLayout(input("ru"));
    expect(layout.values[0]?.[0]).toBe("Отчёт Rapport");
    expect(layout.values.some((row) => row[0] === "Повторные покупки")).toBe(true);
    expect(layout.charts.map((c) => c.title)).toEqual([
      "NPS по месяцам",
      "Отток по месяцам",
      "Выручка по месяцам",
      "Структура NPS",
    ]);
  });

  it("explains missing figures in place", () => {
    const layout = reportLayout({
      ...input("en"),
      survey: surveyFigures(noAnswers()),
      trend: trendRows(tx, customers, [], "month"),
      comments: [],
    });
    expect(layout.values.find((row) => row[0] === "NPS (points)")?.[6]).toMatch(/^No NPS answers yet/);
    expect(layout.charts.map((c) => c.key)).toEqual(["churn", "revenue"]);
  });
});
