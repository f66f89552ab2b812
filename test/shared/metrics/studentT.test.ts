import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { zForConfidence } from "../../../shared/metrics/normal";
import { tCentralProbability, tForConfidence } from "../../../shared/metrics/studentT";

// Reference quantiles from scipy.stats.t.ppf(1 − (1 − confidence)/2, df) (an independent implementation).
const TABLE: [number, number, number][] = [
  [0.95, 1, 12.706204736174694],
  [0.95, 2, 4.302652729749462],
  [0.95, 3, 3.1824463052837078],
  [0.95, 4, 2.7764451051977934],
  [0.95, 5, 2.5705818356363146],
  [0.95, 10, 2.228138851986274],
  [0.95, 30, 2.0422724563012378],
  [0.95, 100, 1.9839715185235518],
  [0.95, 999, 1.9623414611334493],
  [0.95, 1000, 1.9623390808264083],
  [0.95, 1001, 1.9623367052808798],
  [0.95, 5000, 1.9604385517065073],
  [0.99, 1, 63.656741162871526],
  [0.99, 10, 3.16927267261695],
  [0.9, 5, 2.0150483733330233],
  [0.5, 7, 0.7111417780817866],
  [0.999, 2, 31.599054576445365],
  [0.999, 1000, 3.300282648423944],
  [0.999, 1001, 3.3002728760660403],
];

describe("Student t critical values", () => {
  it.each(TABLE)("confidence %s, %s degrees of freedom", (confidence, df, expected) => {
    expect(tForConfidence(confidence, df)).toBeCloseTo(expected, 9);
  });

  it("matches the closed forms for 1 and 2 degrees of freedom", () => {
    // ν = 1 (Cauchy): t = tan(π·c/2). ν = 2: t = √2·c/√(1 − c²).
    for (const c of [0.5, 0.8, 0.95, 0.99]) {
      expect(tForConfidence(c, 1)).toBeCloseTo(Math.tan((Math.PI * c) / 2), 8);
      expect(tForConfidence(c, 2)).toBeCloseTo((Math.SQRT2 * c) / Math.sqrt(1 - c * c), 10);
    }
  });

  it("the series is a distribution: 0 at θ = 0, 1 at θ = π/2, increasing", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.double({ min: 0, max: Math.PI / 2, noNaN: true }), (df, a) => {
        expect(tCentralProbability(0, df)).toBeCloseTo(0, 14);
        expect(tCentralProbability(Math.PI / 2, df)).toBeCloseTo(1, 12);
        const b = Math.min(Math.PI / 2, a + 0.01);
        expect(tCentralProbability(b, df)).toBeGreaterThanOrEqual(tCentralProbability(a, df) - 1e-15);
      }),
    );
  });

  it("shrinks towards the normal quantile as the degrees of freedom grow, always above it", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 0.999, noNaN: true }), fc.integer({ min: 1, max: 3000 }), (c, df) => {
        const t = tForConfidence(c, df);
        expect(t).toBeGreaterThan(zForConfidence(c));
        expect(tForConfidence(c, df + 1)).toBeLessThan(t);
      }),
    );
  });

  it("refuses a confidence outside (0, 1) and fewer than 1 degree of freedom", () => {
    expect(() => tForConfidence(1, 5)).toThrow();
    expect(() => tForConfidence(0.95, 0)).toThrow();
    expect(() => tForConfidence(0.95, 0.5)).toThrow();
  });
});
