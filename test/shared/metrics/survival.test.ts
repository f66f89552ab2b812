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
    // SE(Ŝ) = Ŝ·√Σ: at t = 4, 2/3·√(1/30 + 1/20).
    expect(curve.rows[2]?.stdErr).toBeCloseTo((2 / 3) * Math.sqrt(1 / 30 + 1 / 20), 12);
    const cells = survivalCells(curve, "not reached");
    expect(cells[0]).toEqual([
      "time",
      "at_risk",
      "events",
      "survival",
      "lower",
      "upper",
      "std_err",
      "median",
      "median_lower",
      "median_upper",
    ]);
    // The median's limits: the lower band is 0.273 already at t = 2, the upper never reaches 0.5.
    expect(cells[1]?.slice(7)).toEqual([5, 2, "not reached"]);
    expect(cells[2]?.slice(7)).toEqual(["", "", ""]);
  });

  // R, survival package: the aml data's maintained group (Miller 1981), times in weeks, "+"
  // censored: 9, 13, 13+, 18, 23, 28+, 31, 34, 45+, 48, 161+. summary(survfit(Surv(time, status)
  // ~ 1, data = aml, subset = x == "Maintained")) prints, with R's default conf.type = "log":
  const AML = { time: [9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161], churned: [1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0] };
  const R_LOG = [
    // time, n.risk, n.event, survival, std.err, lower 95% CI, upper 95% CI
    [9, 11, 1, 0.909, 0.0867, 0.7541, 1.0],
    [13, 10, 1, 0.818, 0.1163, 0.6192, 1.0],
    [18, 8, 1, 0.716, 0.1397, 0.4884, 1.0],
    [23, 7, 1, 0.614, 0.1526, 0.3769, 0.999],
    [31, 5, 1, 0.491, 0.1642, 0.2549, 0.946],
    [34, 4, 1, 0.368, 0.1627, 0.1549, 0.875],
    [48, 2, 1, 0.184, 0.1535, 0.0359, 0.944],
  ];

  it("matches R's survfit on the aml data: std.err, the log band, and the median 31 with 0.95 limits 18 … NA", () => {
    const curve = kaplanMeier(readLifetimes(col(...AML.time), col(...AML.churned)), 0.95, "log");
    const events = curve.rows.filter((r) => r.events > 0);
    expect(events).toHaveLength(R_LOG.length);
    events.forEach((row, k) => {
      const [time, atRisk, n, survival, stdErr, lower, upper] = R_LOG[k] as number[];
      expect([row.time, row.atRisk, row.events]).toEqual([time, atRisk, n]);
      expect(row.survival).toBeCloseTo(survival as number, 3);
      expect(row.stdErr).toBeCloseTo(stdErr as number, 4);
      expect(row.lower).toBeCloseTo(lower as number, 4);
      expect(row.upper).toBeCloseTo(upper as number, 3);
    });
    expect([curve.median, curve.medianLower, curve.medianUpper]).toEqual([31, 18, null]);
  });

  it("computes the plain and log-log bands from the same Greenwood variance", () => {
    const lifetimes = readLifetimes(col(...AML.time), col(...AML.churned));
    const plain = kaplanMeier(lifetimes, 0.95, "plain");
    const logLog = kaplanMeier(lifetimes, 0.95, "log-log");
    const z = 1.959963984540054;
    for (const [k, row] of plain.rows.entries()) {
      const s = row.survival;
      const sigma = s > 0 ? row.stdErr / s : 0;
      expect(row.lower).toBeCloseTo(Math.max(0, s - z * row.stdErr), 12);
      expect(row.upper).toBeCloseTo(Math.min(1, s + z * row.stdErr), 12);
      const ll = logLog.rows[k] as (typeof logLog.rows)[number];
      if (s > 0 && s < 1) {
        expect(ll.lower).toBeCloseTo(s ** Math.exp((z * sigma) / Math.abs(Math.log(s))), 12);
        expect(ll.upper).toBeCloseTo(s ** Math.exp((-z * sigma) / Math.abs(Math.log(s))), 12);
      }
    }
    // The lower limits first reach 0.5 at 18 (plain: 0.716 − 1.96·0.1397 = 0.442) and at 13
    // (log-log: 0.818^exp(1.96·0.1421/0.2007) = 0.447).
    expect(plain.medianLower).toBe(18);
    expect(logLog.medianLower).toBe(13);
  });

  it("takes the middle of a flat stretch at exactly 0.5 as the median, as R does", () => {
    // Four clients churning at 1, 2, 3, 4: Ŝ = 0.5 from t = 2 until t = 3, so the median is 2.5.
    const curve = kaplanMeier(readLifetimes(col(1, 2, 3, 4), col(1, 1, 1, 1)));
    expect(curve.median).toBe(2.5);
    // Nobody churned: no median.
    expect(kaplanMeier(readLifetimes(col(1, 2), col(0, 0))).median).toBeNull();
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
