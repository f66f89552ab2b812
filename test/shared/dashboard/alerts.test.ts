import { describe, expect, it } from "vitest";
import { ALERT_P_VALUE, churnAlert, npsAlert, twoProportionTest } from "../../../shared/dashboard/alerts";
import { trendAlerts, trendRows } from "../../../shared/dashboard/figures";
import { alertMessage } from "../../../shared/dashboard/text";
import { dayOf } from "../txHelpers";
import { answer, twoSided } from "./testData";

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
