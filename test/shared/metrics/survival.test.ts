import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kaplanMeier, readLifetimes, survivalCells } from "../../../shared/metrics/survival";
import { col, messageOf } from "../helpers";

describe("Kaplan–Meier", () => {
  it("computes the table worked by hand", () => {
    // Durations 5, 6, 6, 2, 4, 4 with churn 1, 0, 1, 1, 1, 0.
    // t = 2: 6 at risk, 1 event → 5/6. t = 4: 5 at risk, 1 event (one censored) → 5/6·4/5 = 2/3.
    // t = 5: 3 at risk → 2/3·2/3 = 4/9. t = 6: 2 at risk, 1 event (one censored) → 2/9.
    const curve = kaplanMeier(readLifetimes(col(5, 6, 6, 2, 4, 4), col(1, 0, 1, 1, 1, 0)));
    expect(curve.rows.map((r) => [r.time, r.atRisk, r.events])).toEqual([
      [0, 6, 0],
      [2, 6, 1],
      [4, 5, 1],
      [5, 3, 1],
      [6, 2, 1],
    ]);
    const s = curve.rows.map((r) => r.survival);
    for (const [i, v] of [1, 5 / 6, 2 / 3, 4 / 9, 2 / 9].entries()) expect(s[i]).toBeCloseTo(v, 12);
    // Greenwood: Σ = 1/(6·5) at t = 2, + 1/(5·4) at t = 4; band S^exp(±1.96·√Σ/|ln S|).
    expect(curve.rows[1]?.lower).toBeCloseTo(0.27312284992835584, 10);
    expect(curve.rows[1]?.upper).toBeCloseTo(0.9747124266908935, 10);
    expect(curve.rows[2]?.lower).toBeCloseTo(0.19461663680623478, 10);
    expect(curve.rows[2]?.upper).toBeCloseTo(0.9044341643225163, 10);
    expect(curve.median).toBe(5);
    expect(curve.events).toBe(4);
    expect(survivalCells(curve)[0]).toEqual(["time", "at_risk", "events", "survival", "lower", "upper"]);
  });

  it("reads flags as people type them and skips blank rows", () => {
    const lifetimes = readLifetimes(col(3, "", "4,5", 7, 2), col(true, "", "да", "no", "FALSE"));
    expect([...lifetimes.time]).toEqual([3, 4.5, 7, 2]);
    expect([...lifetimes.churned]).toEqual([1, 1, 0, 0]);
  });

  it("explains each bad input", () => {
    expect(messageOf(() => readLifetimes(col(3, 4), col(1)))).toBe(
      "churned has 1 rows but durations has 2: select ranges of the same height, one customer per row",
    );
    expect(messageOf(() => readLifetimes(col(3, -1), col(1, 1)))).toBe(
      "durations, row 2: -1 is negative; durations are 0 or more",
    );
    expect(messageOf(() => readLifetimes(col(3, "long"), col(1, 1)))).toBe('durations, row 2: "long" is not a number');
    expect(messageOf(() => readLifetimes(col(3), col("maybe")))).toBe(
      'churned, row 1: "maybe" is not yes or no; use TRUE/FALSE, 1/0 or yes/no',
    );
    expect(messageOf(() => readLifetimes(col(3, 4), col(1, "")))).toContain("churned, row 2 is blank");
    expect(messageOf(() => readLifetimes(col(""), col("")))).toContain("durations is empty");
    expect(messageOf(() => readLifetimes(col(3), col("#N/A")))).toContain("the cell holds the error #N/A");
  });

  const lifetimesArb = fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.boolean()), {
    minLength: 1,
    maxLength: 80,
  });

  it("without censoring equals the share surviving past t (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 80 }), (times) => {
        const curve = kaplanMeier(readLifetimes(col(...times), col(...times.map(() => 1))));
        for (const row of curve.rows) {
          expect(row.survival).toBeCloseTo(times.filter((t) => t > row.time).length / times.length, 12);
        }
      }),
    );
  });

  it("never increases and keeps the band around the estimate within 0…1 (property)", () => {
    fc.assert(
      fc.property(lifetimesArb, fc.double({ min: 0.5, max: 0.999, noNaN: true }), (pairs, confidence) => {
        const curve = kaplanMeier(
          readLifetimes(col(...pairs.map((p) => p[0])), col(...pairs.map((p) => p[1]))),
          confidence,
        );
        let previous = 1;
        let previousTime = -1;
        for (const row of curve.rows) {
          expect(row.survival).toBeLessThanOrEqual(previous + 1e-12);
          expect(row.time).toBeGreaterThan(previousTime);
          expect(row.lower).toBeGreaterThanOrEqual(0);
          expect(row.upper).toBeLessThanOrEqual(1);
          expect(row.lower).toBeLessThanOrEqual(row.survival + 1e-12);
          expect(row.upper).toBeGreaterThanOrEqual(row.survival - 1e-12);
          expect(Number.isFinite(row.lower) && Number.isFinite(row.upper)).toBe(true);
          previous = row.survival;
          previousTime = row.time;
        }
      }),
    );
  });
});
