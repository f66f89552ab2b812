import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compareMeans,
  compareProportions,
  describeSample,
  sampleSizePerGroup,
} from "../../../shared/metrics/experiments";
import { tCentralProbability, tForConfidence, tTwoSidedP } from "../../../shared/metrics/studentT";
import { regularizedBeta } from "../../../shared/models/special";
import { Random } from "../models/simulate";

describe("regularised incomplete beta", () => {
  it("matches its closed forms", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        fc.double({ min: 0.05, max: 200, noNaN: true }),
        (x, b) => {
          // I_x(1, b) = 1 − (1 − x)^b and I_x(b, 1) = x^b; I_½(b, b) = ½ by symmetry.
          expect(regularizedBeta(x, 1, b)).toBeCloseTo(1 - (1 - x) ** b, 12);
          expect(regularizedBeta(x, b, 1)).toBeCloseTo(x ** b, 12);
          expect(regularizedBeta(0.5, b, b)).toBeCloseTo(0.5, 12);
        },
      ),
    );
    expect(regularizedBeta(0, 2, 3)).toBe(0);
    expect(regularizedBeta(1, 2, 3)).toBe(1);
  });

  it("gives Student's t two-sided p the exact series gives for whole degrees of freedom", () => {
    for (const df of [1, 2, 3, 4, 7, 10, 30, 120]) {
      for (const t of [0.1, 0.7, 1.5, 2.2, 4, 11]) {
        const exact = 1 - tCentralProbability(Math.atan(t / Math.sqrt(df)), df);
        expect(tTwoSidedP(t, df)).toBeCloseTo(exact, 13);
        expect(tTwoSidedP(-t, df)).toBeCloseTo(exact, 13);
      }
    }
  });

  it("finds fractional-df critical values between the whole-df ones, inverting the p-value", () => {
    for (const df of [1.5, 4.2, 17.776, 250.5]) {
      const t = tForConfidence(0.95, df);
      expect(tTwoSidedP(t, df)).toBeCloseTo(0.05, 12);
      expect(t).toBeLessThan(tForConfidence(0.95, Math.floor(df)));
      expect(t).toBeGreaterThan(tForConfidence(0.95, Math.ceil(df)));
    }
  });
});

describe("two groups' conversion", () => {
  it("reproduces Newcombe's (1998) interval for the difference of two proportions, method 10", () => {
    // Newcombe, Statistics in Medicine 17:873–890, Table II: 56/70 − 48/80 → 0.0524 to 0.3339;
    // 9/10 − 3/10 → 0.1705 to 0.8090.
    const first = compareProportions({ successes: 48, trials: 80 }, { successes: 56, trials: 70 });
    expect(first.difference).toBeCloseTo(0.2, 12);
    expect(first.lower).toBeCloseTo(0.0524, 4);
    expect(first.upper).toBeCloseTo(0.3339, 4);
    const second = compareProportions({ successes: 3, trials: 10 }, { successes: 9, trials: 10 });
    expect(second.lower).toBeCloseTo(0.1705, 4);
    expect(second.upper).toBeCloseTo(0.809, 4);
    expect(second.smallSample).toBe(true);
  });

  it("computes the pooled z test as worked by hand", () => {
    // A 100/1000, B 130/1000: p̄ = 0.115, SE = √(0.115·0.885·(2/1000)) = 0.0142671,
    // z = 0.03/0.0142671 = 2.10274, p = 2·(1 − Φ(2.10274)) = 0.035488.
    const test = compareProportions({ successes: 100, trials: 1000 }, { successes: 130, trials: 1000 });
    expect(test.z).toBeCloseTo(2.10274, 5);
    expect(test.pValue).toBeCloseTo(0.035488, 6);
    expect(test.verdict).toBe("bBetter");
    expect(test.smallSample).toBe(false);
    // The same at 99 %: not significant; and swapped, A is the better one.
    expect(compareProportions({ successes: 100, trials: 1000 }, { successes: 130, trials: 1000 }, 0.99).verdict).toBe(
      "noDifference",
    );
    const swapped = compareProportions({ successes: 130, trials: 1000 }, { successes: 100, trials: 1000 });
    expect(swapped).toMatchObject({ verdict: "aBetter" });
    expect(swapped.z).toBeCloseTo(-2.10274, 5);
  });

  it("handles groups where nobody or everybody converted", () => {
    const none = compareProportions({ successes: 0, trials: 40 }, { successes: 0, trials: 50 });
    expect(none).toMatchObject({ difference: 0, z: 0, pValue: 1, verdict: "noDifference", smallSample: true });
    expect(none.lower).toBeLessThan(0);
    expect(none.upper).toBeGreaterThan(0);
    const all = compareProportions({ successes: 1, trials: 1 }, { successes: 0, trials: 1 });
    expect(all.lower).toBeGreaterThanOrEqual(-1);
    expect(all.upper).toBeLessThanOrEqual(1);
  });

  it("refuses impossible counts", () => {
    expect(() => compareProportions({ successes: 5, trials: 4 }, { successes: 1, trials: 4 })).toThrow(
      expect.objectContaining({ key: "abTest.moreSuccessesThanTrials" }),
    );
    expect(() => compareProportions({ successes: 0, trials: 0 }, { successes: 1, trials: 4 })).toThrow(
      expect.objectContaining({ key: "abTest.noTrials" }),
    );
  });

  it("keeps its interval's promised coverage in simulated tests (2,000 pairs of 60 and 45 clients)", () => {
    const random = new Random(3);
    const [pa, pb, na, nb] = [0.15, 0.3, 60, 45];
    let covered = 0;
    const runs = 2000;
    for (let i = 0; i < runs; i++) {
      let sa = 0;
      let sb = 0;
      for (let k = 0; k < na; k++) if (random.next() < pa) sa++;
      for (let k = 0; k < nb; k++) if (random.next() < pb) sb++;
      const test = compareProportions({ successes: sa, trials: na }, { successes: sb, trials: nb });
      if (test.lower <= pb - pa && pb - pa <= test.upper) covered++;
    }
    // 95 % nominal; Newcombe reports 0.93–0.97 for such groups. 4 SE of 2,000 runs ≈ 0.02.
    expect(covered / runs).toBeGreaterThan(0.93);
    expect(covered / runs).toBeLessThan(0.98);
  });
});

describe("two groups' means (Welch)", () => {
  it("reproduces R's t.test on the sleep data", () => {
    // R: t.test(extra ~ group, data = sleep) → t = −1.8608, df = 17.776, p = 0.07939,
    // 95 % CI −3.3654832 to 0.2054832 for group 1 − group 2; here B − A, so the signs turn.
    const group1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
    const group2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];
    const test = compareMeans(describeSample(group1), describeSample(group2));
    expect(test.difference).toBeCloseTo(1.58, 12);
    expect(test.t).toBeCloseTo(1.8608, 4);
    expect(test.df).toBeCloseTo(17.776, 3);
    expect(test.pValue).toBeCloseTo(0.07939, 5);
    expect(test.lower).toBeCloseTo(-0.2054832, 6);
    expect(test.upper).toBeCloseTo(3.3654832, 6);
    expect(test.verdict).toBe("noDifference");
    expect(compareMeans(describeSample(group1), describeSample(group2), 0.9).verdict).toBe("bBetter");
  });

  it("describes a sample as the two-pass textbook formulas do, even around a large offset", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1000, max: 1000, noNaN: true }), { minLength: 2, maxLength: 50 }),
        (values) => {
          const shifted = values.map((v) => v + 1e6);
          const mean = values.reduce((s, v) => s + v, 0) / values.length;
          const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1);
          const sample = describeSample(shifted);
          expect(sample.mean - 1e6).toBeCloseTo(mean, 6);
          expect(sample.variance).toBeCloseTo(variance, Math.max(0, 6 - Math.ceil(Math.log10(variance + 1))));
        },
      ),
    );
  });

  it("refuses groups it cannot compare", () => {
    expect(() => compareMeans(describeSample([1]), describeSample([1, 2]))).toThrow(
      expect.objectContaining({ key: "abTest.tooFewValues" }),
    );
    expect(() => compareMeans(describeSample([3, 3]), describeSample([3, 3, 3]))).toThrow(
      expect.objectContaining({ key: "abTest.noVariation" }),
    );
  });
});

describe("sample size per group", () => {
  it("matches Fleiss's formula worked by hand: 10 % → 15 % needs 686 per group", () => {
    // z = 1.959964, z_β = 0.841621, p̄ = 0.125: (1.959964·√0.21875 + 0.841621·√0.2175)² / 0.05²
    // = 1.309197² / 0.0025 = 685.6 → 686 (the figure of G*Power and Fleiss's tables).
    expect(sampleSizePerGroup(0.1, 0.5)).toBe(686);
    expect(sampleSizePerGroup(0.1, 0.5, 0.9)).toBeGreaterThan(686);
    expect(sampleSizePerGroup(0.1, -1 / 3)).toBe(sampleSizePerGroup(0.1 * (2 / 3), 0.5));
  });

  it("gives the power it promises: simulated tests of that size detect the lift about 80 % of the time", () => {
    const n = sampleSizePerGroup(0.2, 0.25); // 20 % → 25 %
    const random = new Random(8);
    const runs = 1000;
    let detected = 0;
    for (let i = 0; i < runs; i++) {
      let sa = 0;
      let sb = 0;
      for (let k = 0; k < n; k++) {
        if (random.next() < 0.2) sa++;
        if (random.next() < 0.25) sb++;
      }
      if (compareProportions({ successes: sa, trials: n }, { successes: sb, trials: n }).verdict === "bBetter")
        detected++;
    }
    // 0.8 ± 4·√(0.8·0.2/1000) = 0.8 ± 0.05.
    expect(Math.abs(detected / runs - 0.8)).toBeLessThan(0.05);
  });

  it("refuses a lift that goes nowhere or beyond 100 %", () => {
    expect(() => sampleSizePerGroup(0.1, 0)).toThrow(expect.objectContaining({ key: "abTest.zeroLift" }));
    expect(() => sampleSizePerGroup(0.6, 1)).toThrow(expect.objectContaining({ key: "abTest.liftOutOfRange" }));
  });
});
