import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CDNOW_EXTRACT_PATH, readCdnow } from "../../../scripts/lib/cdnow";
import { readTransactions } from "../../../shared/cells/transactions";
import { noAnswers, type SurveyAnswers } from "../../../shared/dashboard/answers";
import { customerFigures, latestComments, surveyFigures, trendRows } from "../../../shared/dashboard/figures";
import { dayOf, txOf, utc } from "../txHelpers";
import { type RefTx, refCustomerFigures } from "./reference";
import { answer } from "./testData";

describe("survey figures", () => {
  it("computes NPS, CSAT top-2-box and CES mean by hand, each with its n, flagged answers left out", () => {
    const answers: SurveyAnswers = {
      // 4 promoters, 2 passives, 4 detractors: NPS 0; and a flagged 10, left out.
      nps: [10, 10, 9, 9, 10, 7, 8, 0, 6, 5, 3].map((s, i) => answer(s, null, "", i === 0)),
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

describe("upsell and returns on the Dashboard", () => {
  it("gives UPSELL_RATE's total share and RETURN_RATE's order share (worked by hand)", () => {
    // Client 1: 100 in January, 120 in March (+20 %): upsold. Client 2: 200 in January, 205 in
    // February (+2.5 %) and a return of −50 in February: returning, not upsold. Client 3: January only.
    const tx = txOf([
      [1, "2024-01-05", 100],
      [1, "2024-03-05", 120],
      [2, "2024-01-10", 200],
      [2, "2024-02-10", 255],
      [2, "2024-02-12", -50],
      [3, "2024-01-20", 30],
    ]);
    const figures = customerFigures(tx, "month");
    expect(figures.upsell).toMatchObject({ value: 1 / 3, n: 3, returning: { value: 0.5, n: 2 } });
    // 1 return of 5 orders; 50 returned of 705 sold.
    expect(figures.returns).toMatchObject({ value: 0.2, n: 5, returns: 1 });
    expect(figures.returns?.revenueRate).toBeCloseTo(50 / 705, 12);
    expect(customerFigures(txOf([[1, "2024-01-05", 10]]), "month").returns).toBeNull();
  });
});
