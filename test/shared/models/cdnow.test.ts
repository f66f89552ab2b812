import { describe, expect, it } from "vitest";
import { CDNOW_FULL_PATH, hasFullCdnow, readCdnow } from "../../../scripts/lib/cdnow";
import { cdnowSampleFromMaster, readCdnowSample } from "../../../scripts/lib/cdnowSample";
import { bgnbd } from "../../../shared/models/bgFamily";
import { predictPurchases } from "../../../shared/models/clv";
import { fitGammaGamma, spendRows } from "../../../shared/models/gammaGamma";
import { paretoNbd } from "../../../shared/models/paretoNbd";
import { fitPurchaseModel } from "../../../shared/models/purchaseModel";
import { lnHyp2f1 } from "../../../shared/models/special";
import { collapseHistories } from "../../../shared/models/summary";
import { validateHoldout } from "../../../shared/models/validation";

/**
 * The published analyses of the standard CDNOW sample (2,357 customers, weeks, calibration to
 * 1997-09-30): Fader, Hardie & Lee (2005) "Counting your customers the easy way" for BG/NBD,
 * Fader & Hardie's Pareto/NBD note (also lifetimes' and BTYD's documented fits), and Fader,
 * Hardie & Lee (2005) "RFM and CLV" for Gamma-Gamma on the 946 repeat buyers.
 */
const sample = readCdnowSample();
const h = {
  x: Float64Array.from(sample, (c) => c.x),
  tx: Float64Array.from(sample, (c) => c.recencyDays / 7),
  T: Float64Array.from(sample, (c) => c.ageDays / 7),
  length: sample.length,
};
const collapsed = collapseHistories(h);

describe("the CDNOW sample", () => {
  it("has the sample's size: 2,357 customers, 946 of them repeat buyers", () => {
    expect(sample.length).toBe(2357);
    expect(sample.filter((c) => c.x > 0).length).toBe(946);
  });

  it.runIf(hasFullCdnow())("fixture equals the summary computed from CDNOW_master.txt", () => {
    const fromMaster = cdnowSampleFromMaster(
      readCdnow(CDNOW_FULL_PATH),
      sample.map((c) => c.id),
    );
    expect(fromMaster).toEqual(sample);
  });

  it("BG/NBD: r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.4", () => {
    const fit = fitPurchaseModel(bgnbd, collapsed.rows);
    expect(fit.converged).toBe(true);
    const [r, alpha, a, b] = fit.values as [number, number, number, number];
    expect(r).toBeCloseTo(0.243, 3);
    expect(alpha).toBeCloseTo(4.414, 3);
    expect(a).toBeCloseTo(0.793, 3);
    expect(b).toBeCloseTo(2.426, 3);
    expect(fit.logLikelihood).toBeCloseTo(-9582.4, 1);
  });

  it("a horizon of 39 weeks as a part-month horizon: the published E[Y(39) | x = 2, tₓ = 30.43, T = 38.86] = 1.226", () => {
    // FHL 2005, "Counting your customers the easy way", section 5, with the fitted parameters.
    const fit = fitPurchaseModel(bgnbd, collapsed.rows);
    const horizonMonths = (39 * 7 * 12) / 365; // 8.975… months of 365/12 days: exactly 39 weeks
    const p = predictPurchases(bgnbd, fit.values, 2, 30.43, 38.86, {
      horizonMonths,
      monthlyDiscount: 0,
      periodDays: 7,
    });
    expect(p.expectedPurchases).toBeCloseTo(1.226, 3);
    // The part month: the same as month by month up to 8, then the rest up to 39 weeks.
    const f = 365 / 12 / 7;
    const ifAlive = (t: number) => bgnbd.expectedIfAlive(fit.values, t, 2, 30.43, 38.86);
    const d = 0.01;
    let naive = 0;
    for (let i = 1; i <= 8; i++) naive += (ifAlive(i * f) - ifAlive((i - 1) * f)) / (1 + d) ** i;
    naive += (ifAlive(39) - ifAlive(8 * f)) / (1 + d) ** 9;
    const discounted = predictPurchases(bgnbd, fit.values, 2, 30.43, 38.86, {
      horizonMonths,
      monthlyDiscount: d,
      periodDays: 7,
    });
    expect(discounted.discountedPurchases).toBeCloseTo(bgnbd.pAlive(fit.values, 2, 30.43, 38.86) * naive, 12);
  });

  it("Pareto/NBD: r = 0.55, α = 10.58, s = 0.61, β = 11.67, LL = −9595.0", () => {
    const fit = fitPurchaseModel(paretoNbd, collapsed.rows);
    expect(fit.converged).toBe(true);
    const [r, alpha, s, beta] = fit.values as [number, number, number, number];
    expect(r).toBeCloseTo(0.55, 2);
    expect(alpha).toBeCloseTo(10.58, 2);
    expect(s).toBeCloseTo(0.61, 2);
    expect(beta).toBeCloseTo(11.67, 2);
    expect(fit.logLikelihood).toBeCloseTo(-9595.0, 1);
  });

  it("Gamma-Gamma on the repeat buyers: p = 6.25, q = 3.74, γ = 15.44", () => {
    const monetary = sample.map((c) => (c.x > 0 ? c.repeatCents / 100 / c.x : 0));
    const fit = fitGammaGamma(spendRows(h.x, monetary));
    expect(fit.customers).toBe(946);
    expect(fit.p).toBeCloseTo(6.25, 2);
    expect(fit.q).toBeCloseTo(3.74, 2);
    expect(fit.gamma).toBeCloseTo(15.44, 1);
    expect(fit.converged).toBe(true);
  });

  it("validation table: actual holdout purchases by calibration frequency, predicted by the closed form", () => {
    const fit = fitPurchaseModel(bgnbd, collapsed.rows);
    const [r, alpha, a, b] = fit.values as [number, number, number, number];
    const summary = {
      x: Int32Array.from(sample, (c) => c.x),
      holdout: Int32Array.from(sample, (c) => c.holdout),
      calibrationEnd: 0,
      holdoutEnd: 273,
      periodDays: 7,
      length: sample.length,
    };
    const table = validateHoldout(bgnbd, fit.values, summary as never, collapsed);
    expect(table.holdoutPeriods).toBe(39);
    // Closed form (valid here: c = a + b + x − 1 > 0), customer by customer.
    const closed = (x: number, tx: number, T: number) => {
      const t = 39;
      const z = t / (alpha + T + t);
      const bracket =
        1 - Math.exp((r + x) * Math.log((alpha + T) / (alpha + T + t)) + lnHyp2f1(r + x, b + x, a + b + x - 1, z));
      const odds = x > 0 ? (a / (b + x - 1)) * ((alpha + T) / (alpha + tx)) ** (r + x) : 0;
      return (((a + b + x - 1) / (a - 1)) * bracket) / (1 + odds);
    };
    for (const row of table.rows) {
      const group = sample.filter((c) => (row.orMore ? c.x >= row.frequency : c.x === row.frequency));
      expect(row.customers).toBe(group.length);
      expect(row.actual).toBe(group.reduce((t, c) => t + c.holdout, 0));
      const predicted = group.reduce((t, c) => t + closed(c.x, c.recencyDays / 7, c.ageDays / 7), 0);
      expect(row.predicted).toBeCloseTo(predicted, 6);
    }
    expect(table.total.customers).toBe(2357);
    expect(table.total.actual).toBe(sample.reduce((t, c) => t + c.holdout, 0));
    // In total: 1,882 actual against about 1,650 expected; the BG/NBD under-forecasts this
    // holdout by about 12 % (FHL 2005 show the same gap in their tracking plot), and the sum of
    // conditional expectations agrees with the cohort-level E[X(T+t)] − E[X(T)].
    expect(table.total.actual).toBe(1882);
    expect(table.total.predicted / table.total.actual).toBeGreaterThan(0.85);
    expect(table.total.predicted / table.total.actual).toBeLessThan(0.9);
    let cohort = 0;
    for (const c of sample) {
      const T = c.ageDays / 7;
      cohort += bgnbd.expectedPurchasesNew(fit.values, T + 39) - bgnbd.expectedPurchasesNew(fit.values, T);
    }
    expect(Math.abs(table.total.predicted / cohort - 1)).toBeLessThan(0.02);
  });
});
