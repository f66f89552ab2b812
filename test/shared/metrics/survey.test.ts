import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countNps, type NpsCounts, npsCountsOfScores, npsFromCounts } from "../../../shared/metrics/nps";
import {
  csatShare,
  csiFromMeans,
  csiOfRatings,
  meanScore,
  npsBreakdown,
  npsDifference,
  npsInterval,
  npsStandardError,
  ratingScale,
  tallyScoreList,
  tallyScores,
} from "../../../shared/metrics/survey";
import { seededRandom } from "../../../shared/random";
import { col, messageOf, thrown } from "../helpers";

const counts = (promoters: number, passives: number, detractors: number): NpsCounts => ({
  promoters,
  passives,
  detractors,
  n: promoters + passives + detractors,
});

const countsArb = fc
  .tuple(fc.nat(300), fc.nat(300), fc.nat(300))
  .filter(([p, a, d]) => p + a + d > 0)
  .map(([p, a, d]) => counts(p, a, d));

describe("NPS standard error and interval", () => {
  it("reproduces the worked example of docs/formulas.md: p = 0.50, d = 0.20, n = 200 gives 30 ± 10.8", () => {
    const c = counts(100, 60, 40);
    expect(npsFromCounts(c)).toBe(30);
    // 100·√((0.5 + 0.2 − 0.3²)/200) = 5.5227; × 1.96 = 10.82
    expect(npsStandardError(c)).toBeCloseTo(5.522680508593631, 12);
    expect(1.96 * npsStandardError(c)).toBeCloseTo(10.8, 1);
  });

  it("computes the adjusted-Wald bounds worked by hand", () => {
    // n′ = 203, p′ = 100.75/203, d′ = 40.75/203: centre 29.557, margin 10.741.
    const ci = npsInterval(counts(100, 60, 40));
    expect(ci.nps).toBe(30);
    expect(ci.lower).toBeCloseTo(18.815451611355993, 10);
    expect(ci.upper).toBeCloseTo(40.297848881254836, 10);
    expect(ci.n).toBe(200);
    expect(ci.smallSample).toBe(false);
    // 3 promoters, 1 passive, 1 detractor: n′ = 8, p′ = 3.75/8, d′ = 1.75/8.
    const small = npsInterval(counts(3, 1, 1));
    expect(small.lower).toBeCloseTo(-29.782658786036354, 10);
    expect(small.upper).toBeCloseTo(79.78265878603635, 10);
    expect(small.smallSample).toBe(true);
  });

  it("does not collapse at ±100, and clips to the scale", () => {
    // All 5 promoters: the plain interval would be 100 ± 0; adjusted gives 17.49 … 107.5 → 100.
    const ci = npsInterval(counts(5, 0, 0));
    expect(ci.nps).toBe(100);
    expect(ci.lower).toBeCloseTo(17.49145303416897, 10);
    expect(ci.upper).toBe(100);
  });

  it("moves a bound to the observed score when the pseudo-counts pull past it (n = 1)", () => {
    const ci = npsInterval(counts(0, 0, 1));
    expect(ci.nps).toBe(-100);
    expect(ci.lower).toBe(-100);
    expect(ci.upper).toBeGreaterThan(-100);
  });

  it("always contains the estimate and stays within −100…100 (property)", () => {
    fc.assert(
      fc.property(countsArb, fc.double({ min: 0.5, max: 0.999, noNaN: true }), (c, confidence) => {
        const ci = npsInterval(c, confidence);
        expect(ci.lower).toBeLessThanOrEqual(ci.nps);
        expect(ci.upper).toBeGreaterThanOrEqual(ci.nps);
        expect(ci.lower).toBeGreaterThanOrEqual(-100);
        expect(ci.upper).toBeLessThanOrEqual(100);
        expect(ci.nps).toBeGreaterThanOrEqual(-100);
        expect(ci.nps).toBeLessThanOrEqual(100);
      }),
    );
  });

  it("widens with the confidence level (property)", () => {
    fc.assert(
      fc.property(countsArb, (c) => {
        const narrow = npsInterval(c, 0.8);
        const wide = npsInterval(c, 0.99);
        expect(wide.lower).toBeLessThanOrEqual(narrow.lower + 1e-9);
        expect(wide.upper).toBeGreaterThanOrEqual(narrow.upper - 1e-9);
      }),
    );
  });

  it("covers the true NPS about 95% of the time in simulation", () => {
    // Simulate samples from a known population (p = 0.5, d = 0.2: true NPS 30) and count how
    // often the interval contains 30. Binomial noise over 2,000 runs is ±1 point.
    const random = seededRandom(42);
    for (const n of [30, 200]) {
      let covered = 0;
      const runs = 2000;
      for (let run = 0; run < runs; run++) {
        let p = 0;
        let d = 0;
        for (let i = 0; i < n; i++) {
          const u = random();
          if (u < 0.5) p++;
          else if (u < 0.7) d++;
        }
        const ci = npsInterval(counts(p, n - p - d, d));
        if (ci.lower <= 30 && 30 <= ci.upper) covered++;
      }
      expect(covered / runs).toBeGreaterThan(0.93);
      expect(covered / runs).toBeLessThan(0.975);
    }
  });

  it("refuses a confidence level outside 0…1", () => {
    expect(thrown(() => npsInterval(counts(1, 1, 1), 1)).key).toBe("arg.fraction");
  });
});

describe("NPS difference", () => {
  it("computes change, z and p as worked by hand", () => {
    // Before 50/30/20 of 100 (NPS 30, SE 7.8102), after 60/20/20 (NPS 40, SE 8):
    // SE_diff = √(61 + 64) = 11.1803, z = 0.894427, p = erfc(z/√2) = 0.371093.
    const diff = npsDifference(counts(50, 30, 20), counts(60, 20, 20));
    expect(diff.change).toBeCloseTo(10, 12);
    expect(diff.standardError).toBeCloseTo(11.180339887498949, 10);
    expect(diff.z).toBeCloseTo(0.8944271909999159, 10);
    expect(diff.pValue).toBeCloseTo(0.37109336952269767, 10);
    expect(diff.smallSample).toBe(false);
  });

  it("is antisymmetric: swapping the samples flips the change and z, not p (property)", () => {
    fc.assert(
      fc.property(countsArb, countsArb, (a, b) => {
        fc.pre(npsStandardError(a) + npsStandardError(b) > 0);
        const ab = npsDifference(a, b);
        const ba = npsDifference(b, a);
        expect(ab.change).toBeCloseTo(-ba.change, 9);
        expect(ab.z).toBeCloseTo(-ba.z, 9);
        expect(ab.pValue).toBeCloseTo(ba.pValue, 12);
        expect(ab.pValue).toBeGreaterThanOrEqual(0);
        expect(ab.pValue).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("has its own error when neither sample has any spread", () => {
    expect(thrown(() => npsDifference(counts(5, 0, 0), counts(0, 0, 3))).key).toBe("nps.diffNoSpread");
  });
});

describe("NPS breakdown and plain lists", () => {
  it("gives counts and shares that add up", () => {
    expect(npsBreakdown(counts(5, 3, 2))).toEqual([
      { group: "promoters", count: 5, share: 0.5 },
      { group: "passives", count: 3, share: 0.3 },
      { group: "detractors", count: 2, share: 0.2 },
      { group: "total", count: 10, share: 1 },
    ]);
  });

  it("tallies a plain list of stored answers like the same answers in cells", () => {
    expect(npsCountsOfScores([10, 9, 8, 0, 6])).toEqual(counts(2, 1, 2));
    expect(npsCountsOfScores([])).toEqual(counts(0, 0, 0));
    expect(countNps([[10], [9], [8], [0], [6]])).toEqual(npsCountsOfScores([10, 9, 8, 0, 6]));
  });
});

describe("CSAT and CES", () => {
  it("counts the share at or above the threshold and the mean, skipping blanks", () => {
    const tally = tallyScores(col(5, 4, 3, "2", "", 1), ratingScale(5), 4);
    expect(tally).toEqual({ n: 5, sum: 15, atLeast: 2, threshold: 4 });
    expect(csatShare(tally)).toBe(0.4);
    expect(meanScore(tally)).toBe(3);
    // 1–7 effort scale, mean of 7, 6, 2, 5 = 5.
    expect(meanScore(tallyScores(col(7, 6, 2, 5), ratingScale(7), 7))).toBe(5);
  });

  it("accepts numeric text and averaged (fractional) answers", () => {
    expect(tallyScores(col("4,5", "3.5"), ratingScale(5), 4).atLeast).toBe(1);
  });

  it("names the row for text and out-of-scale scores", () => {
    expect(messageOf(() => tallyScores(col(5, "good"), ratingScale(5), 4))).toBe(
      'scores, row 2: "good" is not a score from 1 to 5',
    );
    expect(messageOf(() => tallyScores(col(5, 0), ratingScale(5), 4))).toBe(
      "scores, row 2: 0 is outside the scale 1 to 5",
    );
    expect(messageOf(() => tallyScores(col(6), ratingScale(5), 4), "ru")).toBe(
      "scores, строка 1: 6 вне шкалы от 1 до 5",
    );
    expect(thrown(() => tallyScores(col("", ""), ratingScale(5), 4)).key).toBe("input.empty");
    expect(thrown(() => tallyScoreList([], ratingScale(5), 4)).key).toBe("input.empty");
  });

  it("agrees with a naive count, whatever the order (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 200 }), (scores) => {
        const tally = tallyScores(
          scores.map((s) => [s]),
          ratingScale(5),
          4,
        );
        expect(csatShare(tally)).toBeCloseTo(scores.filter((s) => s >= 4).length / scores.length, 12);
        const reversed = tallyScoreList([...scores].reverse(), ratingScale(5), 4);
        expect(reversed).toEqual(tally);
      }),
    );
  });
});

describe("CSI", () => {
  it("weights factor means by importance, worked by hand", () => {
    // Factor means: (5 + 3)/2 = 4 and 4 (blank skipped); weights 2/3 and 1/3 on a 1–5 scale:
    // 100·(⅔·(4 − 1)/4 + ⅓·(4 − 1)/4) = 75.
    const result = csiOfRatings(
      [
        [5, 4],
        [3, ""],
      ] as never,
      [[2, 1]] as never,
      ratingScale(5),
    );
    expect(result.csi).toBeCloseTo(75, 12);
    expect(result.factorMeans).toEqual([4, 4]);
    expect(result.respondents).toBe(2);
    // Means 2 and 5 with weights 1 and 3: 100·(¼·¼ + ¾·1) = 81.25.
    expect(csiFromMeans([2, 5], [1, 3], ratingScale(5))).toBeCloseTo(81.25, 12);
    // Weights as a column work the same.
    expect(csiOfRatings([[1, 5]] as never, col(1, 1), ratingScale(5)).csi).toBeCloseTo(50, 12);
  });

  it("stays within 0…100 (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 7 })), { minLength: 1 }),
        fc.tuple(fc.nat(10), fc.nat(10)).filter(([a, b]) => a + b > 0),
        (rows, [w1, w2]) => {
          const csi = csiOfRatings(rows as never, [[w1, w2]] as never, ratingScale(7)).csi;
          expect(csi).toBeGreaterThanOrEqual(0);
          expect(csi).toBeLessThanOrEqual(100 + 1e-9);
        },
      ),
    );
  });

  it("explains each bad input", () => {
    const ratings = [
      [5, 4],
      [3, ""],
    ] as never;
    expect(messageOf(() => csiOfRatings(ratings, [[1, 2, 3]] as never, ratingScale(5)))).toBe(
      "importance has 3 weights but ratings has 2 factor columns: give one weight per column",
    );
    expect(messageOf(() => csiOfRatings(ratings, [[0, 0]] as never, ratingScale(5)))).toContain("add up to 0");
    expect(messageOf(() => csiOfRatings(ratings, [[1, -1]] as never, ratingScale(5)))).toBe(
      "importance, row 1, column 2: -1 is negative; weights are 0 or more",
    );
    expect(messageOf(() => csiOfRatings(ratings, [[1, ""]] as never, ratingScale(5)))).toContain("is blank");
    expect(messageOf(() => csiOfRatings(ratings, [[1, "high"]] as never, ratingScale(5)))).toContain(
      '"high" is not a number',
    );
    expect(
      messageOf(() =>
        csiOfRatings(
          [
            [5, ""],
            [3, ""],
          ] as never,
          [[1, 1]] as never,
          ratingScale(5),
        ),
      ),
    ).toBe("ratings, column 2 has no ratings, but the factor has a weight");
    expect(messageOf(() => csiOfRatings([[5, 9]] as never, [[1, 1]] as never, ratingScale(5)))).toBe(
      "ratings, row 1, column 2: 9 is outside the scale 1 to 5",
    );
    expect(thrown(() => csiOfRatings(ratings, [[1, 1]] as never, ratingScale(1, 1))).key).toBe("arg.scaleOrder");
    expect(thrown(() => csiOfRatings([["", ""]] as never, [[1, 1]] as never, ratingScale(5))).key).toBe("input.empty");
  });
});
