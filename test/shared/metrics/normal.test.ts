import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalCdf, normalQuantile, twoSidedP, zForConfidence } from "../../../shared/metrics/normal";

// Reference values from published tables (Abramowitz & Stegun 26.2; R's pnorm/qnorm to 16 digits).
describe("normal distribution", () => {
  it("matches tabulated CDF values, including far tails", () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 14);
    expect(normalCdf(-1)).toBeCloseTo(0.15865525393145707, 14);
    expect(normalCdf(-5) / 2.866515718791939e-7).toBeCloseTo(1, 8);
    expect(normalCdf(-10) / 7.61985302416047e-24).toBeCloseTo(1, 7);
    expect(normalCdf(40)).toBe(1);
  });

  it("matches tabulated quantiles", () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(normalQuantile(0.995)).toBeCloseTo(2.5758293035489004, 12);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 14);
    expect(normalQuantile(0.05)).toBeCloseTo(-1.6448536269514722, 12);
    expect(zForConfidence(0.9)).toBeCloseTo(1.6448536269514722, 12);
    expect(() => normalQuantile(1)).toThrow(RangeError);
  });

  it("gives two-sided p-values", () => {
    expect(twoSidedP(1.959963984540054)).toBeCloseTo(0.05, 12);
    expect(twoSidedP(-1.959963984540054)).toBeCloseTo(0.05, 12);
    expect(twoSidedP(0)).toBe(1);
  });

  it("inverts: Φ(Φ⁻¹(p)) = p", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), (p) => {
        expect(Math.abs(normalCdf(normalQuantile(p)) - p)).toBeLessThan(1e-13 + 1e-9 * p);
      }),
    );
  });
});
