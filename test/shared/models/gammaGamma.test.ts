import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  expectedSpend,
  fitGammaGamma,
  gammaGammaLogLikelihood,
  populationMeanSpend,
  spendRows,
} from "../../../shared/models/gammaGamma";
import { lnGamma } from "../../../shared/models/special";
import { thrown } from "../helpers";
import { Random, simulateSpend } from "./simulate";

const key = (fn: () => unknown): string => thrown(fn).key;

/** The per-customer log-likelihood of Fader, Hardie & Lee (2005), term by term. */
function naive(p: number, q: number, g: number, x: number, m: number): number {
  return (
    lnGamma(p * x + q) -
    lnGamma(p * x) -
    lnGamma(q) +
    q * Math.log(g) +
    (p * x - 1) * Math.log(m) +
    p * x * Math.log(x) -
    (p * x + q) * Math.log(x * m + g)
  );
}

function simulated(n: number, seed: number, [p, q, g]: [number, number, number]) {
  const random = new Random(seed);
  const x = Float64Array.from({ length: n }, () => 1 + Math.floor(random.next() * 8));
  return spendRows(x, simulateSpend(x, p, q, g, seed + 1));
}

describe("Gamma-Gamma", () => {
  const data = simulated(400, 3, [6, 4, 15]);

  it("has the published log-likelihood and matching analytic gradients", () => {
    for (const point of [
      [6, 4, 15],
      [2, 7, 40],
    ] as const) {
      let sum = 0;
      for (let i = 0; i < data.length; i++)
        sum += naive(point[0], point[1], point[2], data.x[i] as number, data.monetary[i] as number);
      const gradient = new Float64Array(3);
      expect(gammaGammaLogLikelihood(point, data, gradient)).toBeCloseTo(sum, 8);
      for (let k = 0; k < 3; k++) {
        const h = 1e-6;
        const up = point.map((v, i) => (i === k ? v * Math.exp(h) : v));
        const down = point.map((v, i) => (i === k ? v * Math.exp(-h) : v));
        const numeric = (gammaGammaLogLikelihood(up, data) - gammaGammaLogLikelihood(down, data)) / (2 * h);
        expect(Math.abs((gradient[k] as number) - numeric)).toBeLessThan(1e-4 * Math.max(1, Math.abs(numeric)));
      }
    }
  });

  it("recovers simulated parameters, more closely with more customers", () => {
    // c/√n with c from the spread over seeds: p and γ trade off against each other (the mean
    // spend pγ/(q−1) is pinned down much better than either).
    const truth = [6, 4, 15];
    const c = [40, 20, 40];
    for (const n of [20000, 320000]) {
      const fit = fitGammaGamma(simulated(n, n, truth as [number, number, number]));
      expect(fit.converged).toBe(true);
      const values = [fit.p, fit.q, fit.gamma];
      for (let i = 0; i < 3; i++) {
        const relative = Math.abs((values[i] as number) / (truth[i] as number) - 1);
        expect(relative, `n = ${n}`).toBeLessThan((c[i] as number) / Math.sqrt(n));
      }
      const mean = (fit.p * fit.gamma) / (fit.q - 1);
      expect(Math.abs(mean / 30 - 1)).toBeLessThan(3 / Math.sqrt(n));
      // Spend is simulated independently of frequency.
      expect(Math.abs(fit.frequencySpendCorrelation)).toBeLessThan(5 / Math.sqrt(n));
    }
  });

  it("shrinks a customer's mean towards the population mean, more for fewer purchases", () => {
    const fit = { p: 6, q: 4, gamma: 15 };
    const population = (6 * 15) / 3;
    expect(populationMeanSpend(fit)).toBe(population);
    // w = px/(px + q − 1): x = 1 → 6/9.
    expect(expectedSpend(fit, 1, 50)).toBeCloseTo((1 - 6 / 9) * population + (6 / 9) * 50, 12);
    expect(expectedSpend(fit, 0, 0)).toBe(population);
    // A repeat buyer whose repeat purchases were free or refunded follows the same formula (x = 3:
    // w = 18/21), floored at 0: never the population mean, which would be more than a payer gets.
    expect(expectedSpend(fit, 1, 0)).toBeCloseTo((3 / 9) * population, 12);
    expect(expectedSpend(fit, 3, -1)).toBeCloseTo((3 / 21) * population - 18 / 21, 12);
    expect(expectedSpend(fit, 3, -6)).toBe(0);
  });

  it("never gives more spend for less spent, nor less than 0 (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 20, noNaN: true }),
        fc.double({ min: 1.05, max: 20, noNaN: true }),
        fc.double({ min: 0.1, max: 100, noNaN: true }),
        fc.integer({ min: 1, max: 50 }),
        fc.double({ min: -100, max: 500, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (p, q, gamma, x, low, more) => {
          const fit = { p, q, gamma };
          const a = expectedSpend(fit, x, low);
          const b = expectedSpend(fit, x, low + more);
          return a >= 0 && b >= a - 1e-9 * Math.max(1, Math.abs(a));
        },
      ),
    );
    expect(key(() => populationMeanSpend({ p: 1, q: 0.9, gamma: 1 }))).toBe("models.spendUndefined");
  });

  it("leaves out customers without repeat purchases or with a mean spend of 0 or less", () => {
    const rows = spendRows([0, 2, 3, 1, 4], [0, 10, -2, 0, 7]);
    expect(Array.from(rows.x)).toEqual([2, 4]);
    expect(Array.from(rows.monetary)).toEqual([10, 7]);
  });

  it("explains data it cannot fit", () => {
    expect(key(() => fitGammaGamma(spendRows([1], [5])))).toBe("models.tooFewSpenders");
    expect(key(() => fitGammaGamma(spendRows([1, 2, 3], [5, 5, 5])))).toBe("models.identicalSpend");
    expect(key(() => fitGammaGamma({ x: Float64Array.of(1, 2), monetary: Float64Array.of(5, 0), length: 2 }))).toBe(
      "models.badSpendRow",
    );
  });
});
