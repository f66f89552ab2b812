import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { minimize } from "../../../shared/models/optimize";
import { digamma, lnBeta, lnGamma, lnHyp2f1, logAddExp } from "../../../shared/models/special";
import { lnGammaLanczos } from "./lanczos";

describe("special functions", () => {
  it("match known values of ln Γ and ψ", () => {
    expect(lnGamma(1)).toBeCloseTo(0, 14);
    expect(lnGamma(2)).toBeCloseTo(0, 14);
    expect(lnGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    expect(lnGamma(10)).toBeCloseTo(Math.log(362880), 12);
    expect(lnGamma(1e-8)).toBeCloseTo(-Math.log(1e-8) - 0.5772156649015329e-8, 10);
    // Stirling's series with exact factorial: ln 170! from a running sum of logs.
    let ln170 = 0;
    for (let k = 2; k <= 170; k++) ln170 += Math.log(k);
    expect(lnGamma(171) / ln170).toBeCloseTo(1, 14);
    const eulerGamma = 0.5772156649015329;
    expect(digamma(1)).toBeCloseTo(-eulerGamma, 14);
    expect(digamma(0.5)).toBeCloseTo(-eulerGamma - 2 * Math.log(2), 13);
    expect(lnBeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 14);
  });

  it("agree with an independent algorithm (Lanczos) to 1e-13 relative (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e6, noNaN: true }), (x) => {
        const reference = lnGammaLanczos(x);
        expect(Math.abs(lnGamma(x) - reference)).toBeLessThan(1e-13 * Math.max(1, Math.abs(reference)));
      }),
    );
  });

  it("satisfy the recurrences and ψ = (ln Γ)′ (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e4, noNaN: true }), (x) => {
        expect(lnGamma(x + 1) - lnGamma(x)).toBeCloseTo(Math.log(x), 9);
        expect(digamma(x + 1) - digamma(x)).toBeCloseTo(1 / x, 9);
        const h = 1e-5 * Math.max(1, x);
        const numeric = (lnGamma(x + h) - lnGamma(x - Math.min(h, x / 2))) / (h + Math.min(h, x / 2));
        expect(Math.abs(numeric - digamma(x))).toBeLessThan(1e-4 * Math.max(1, Math.abs(digamma(x))));
      }),
    );
  });

  it("computes ₂F₁ in log space against closed forms", () => {
    for (const z of [0, 0.1, 0.5, 0.9, 0.999]) {
      if (z > 0) expect(lnHyp2f1(1, 1, 2, z)).toBeCloseTo(Math.log(-Math.log1p(-z) / z), 10);
      expect(lnHyp2f1(2.5, 3, 3, z)).toBeCloseTo(-2.5 * Math.log1p(-z), 9);
    }
    // A sum far beyond double range stays finite in log space: (1 − z)^−2000 at z = 0.9.
    expect(lnHyp2f1(2000, 7, 7, 0.9)).toBeCloseTo(-2000 * Math.log(0.1), 6);
    expect(logAddExp(1000, 1000)).toBeCloseTo(1000 + Math.log(2), 12);
  });
});

describe("minimize (L-BFGS)", () => {
  it("finds the minimum of the Rosenbrock function", () => {
    const result = minimize(
      (x, g) => {
        const a = x[0] as number;
        const b = x[1] as number;
        g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
        g[1] = 200 * (b - a * a);
        return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
      },
      [-1.2, 1],
      { gradientTolerance: 1e-10 },
    );
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 6);
    expect(result.x[1]).toBeCloseTo(1, 6);
  });

  it("backs away from points where the objective is not finite", () => {
    // ln-barrier: undefined for x ≤ 0; minimum at x = 1.
    const result = minimize(
      (x, g) => {
        const v = x[0] as number;
        g[0] = 1 - 1 / v;
        return v - Math.log(v);
      },
      [5],
    );
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 6);
  });
});
