/**
 * P(X(T, T+t) = n | history): the probability of exactly n purchases in a coming period, checked
 * against the models' stories simulated (new customers, and simulated histories with a holdout,
 * where the predicted number of customers with n purchases must match the simulated count), and
 * against the properties every distribution has (it sums to 1, its mean is the expected purchases).
 */
import { describe, expect, it } from "vitest";
import { bgnbd, mbgnbd } from "../../../shared/models/bgFamily";
import { paretoNbd } from "../../../shared/models/paretoNbd";
import { type PurchaseModel, purchaseCountProbability } from "../../../shared/models/purchaseModel";
import { integrate } from "../../../shared/models/quadrature";
import { type ModelStory, Random, simulateCustomer, simulateHistories } from "./simulate";

const CASES: [ModelStory, PurchaseModel, number[]][] = [
  ["bgnbd", bgnbd, [0.243, 4.414, 0.793, 2.426]], // CDNOW's published BG/NBD fit
  ["mbgnbd", mbgnbd, [0.525, 6.183, 0.891, 1.614]],
  ["pareto", paretoNbd, [0.553, 10.58, 0.606, 11.67]], // CDNOW's published Pareto/NBD fit
];

describe("integrate (adaptive Simpson)", () => {
  it("matches closed forms", () => {
    expect(integrate(Math.sin, 0, Math.PI)).toBeCloseTo(2, 10);
    expect(integrate((x) => Math.exp(-x) * x ** 3, 0, 20)).toBeCloseTo(6 * (1 - 0.00000322159), 6);
    expect(integrate((x) => 1 / (1 + x * x), 0, 1)).toBeCloseTo(Math.PI / 4, 11);
  });
});

describe.each(CASES)("P(X = n) under %s", (story, model, params) => {
  const histories: [number, number, number][] = [
    [0, 0, 0],
    [0, 0, 30],
    [2, 30.43, 38.86],
    [7, 35, 39],
    [1, 2, 70],
  ];

  it.each(histories)("sums to 1 and has the expected purchases as its mean (x=%d, tx=%d, T=%d)", (x, tx, T) => {
    for (const t of [1, 13, 52, 200]) {
      let total = 0;
      let mean = 0;
      for (let n = 0; n < 4000; n++) {
        const p = purchaseCountProbability(model, params, n, t, x, tx, T);
        expect(p).toBeGreaterThanOrEqual(0);
        total += p;
        mean += n * p;
        if (n > 20 && p < 1e-17) break;
      }
      const expected = model.pAlive(params, x, tx, T) * model.expectedIfAlive(params, t, x, tx, T);
      expect(total).toBeCloseTo(1, 8);
      expect(mean).toBeCloseTo(expected, 6);
    }
  });

  it("gives a new customer's purchase counts as the simulated story does", () => {
    const random = new Random(11);
    const t = 39;
    const runs = 200_000;
    const counts = new Float64Array(6);
    for (let i = 0; i < runs; i++) {
      const k = simulateCustomer(story, params, t, random).length;
      counts[Math.min(k, 5)] = (counts[Math.min(k, 5)] as number) + 1;
    }
    for (let n = 0; n < 5; n++) {
      const p = purchaseCountProbability(model, params, n, t, 0, 0, 0);
      const se = Math.sqrt((p * (1 - p)) / runs);
      expect(Math.abs((counts[n] as number) / runs - p)).toBeLessThan(4 * se + 1e-9);
    }
  });

  it("predicts how many of 20,000 simulated clients make n purchases in a 52-week holdout", () => {
    const h = simulateHistories(story, params, 20_000, 5, { minT: 20, maxT: 60, holdout: 52 });
    for (let n = 0; n <= 4; n++) {
      let predicted = 0;
      let variance = 0;
      let actual = 0;
      for (let i = 0; i < h.length; i++) {
        const p = purchaseCountProbability(model, params, n, 52, h.x[i] as number, h.tx[i] as number, h.T[i] as number);
        predicted += p;
        variance += p * (1 - p);
        if (h.future[i] === n) actual++;
      }
      expect(Math.abs(actual - predicted)).toBeLessThan(4 * Math.sqrt(variance));
    }
    // 100,000 probabilities; the Pareto/NBD's each integrate (about 2 s here, more on a busy machine).
  }, 30_000);
});

describe("P(X = n) edge cases", () => {
  it("no time ahead: no purchases for sure", () => {
    for (const [, model, params] of CASES) {
      expect(purchaseCountProbability(model, params, 0, 0, 3, 10, 20)).toBe(1);
      expect(purchaseCountProbability(model, params, 2, 0, 3, 10, 20)).toBe(0);
    }
  });

  it("BG/NBD, a new customer, matches Fader, Hardie & Lee (2005) eq. 8 worked by hand for n = 1", () => {
    // P(X(t) = 1) = B(a, b+1)/B(a, b)·NB(1) + B(a+1, b)/B(a, b)·(1 − NB(0)), NB the gamma-Poisson
    // counts: with r = 1, α = 1, a = 1, b = 1, t = 1: NB(0) = 1/2, NB(1) = 1/4;
    // B(1, 2)/B(1, 1) = 1/2, B(2, 1)/B(1, 1) = 1/2: P = 1/8 + 1/4 = 3/8.
    expect(purchaseCountProbability(bgnbd, [1, 1, 1, 1], 1, 1, 0, 0, 0)).toBeCloseTo(0.375, 14);
    // P(X(t) = 0) = B(1, 1)/B(1, 1)·NB(0) = 1/2.
    expect(purchaseCountProbability(bgnbd, [1, 1, 1, 1], 0, 1, 0, 0, 0)).toBeCloseTo(0.5, 14);
  });
});
