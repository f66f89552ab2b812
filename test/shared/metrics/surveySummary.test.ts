import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CsiFactor } from "../../../shared/api/surveys";
import { SurveySummary } from "../../../shared/api/surveys";
import { countNps } from "../../../shared/metrics/nps";
import { csiOfRatings, meanScore, npsInterval, ratingScale, tallyScoreList } from "../../../shared/metrics/survey";
import {
  type FactorRatingCount,
  meanInterval,
  type ScoreCount,
  type SummaryInput,
  summarizeSurvey,
  tallyHistogram,
} from "../../../shared/metrics/surveySummary";

/** The histogram of a list of scores, as the Worker's GROUP BY returns it. */
function histogram(scores: readonly number[]): ScoreCount[] {
  const counts = new Map<number, number>();
  for (const s of scores) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts].sort((a, b) => a[0] - b[0]).map(([score, count]) => ({ score, count }));
}

const input = (over: Partial<SummaryInput>): SummaryInput => ({
  surveyId: "s1",
  type: "nps",
  scale: { min: 0, max: 10 },
  factors: null,
  scores: [],
  ratings: [],
  respondents: 0,
  flagged: 0,
  includeFlagged: false,
  ...over,
});

describe("survey summary from histograms", () => {
  it("NPS: counts, score and the adjusted-Wald interval worked by hand", () => {
    // 10, 10, 9, 8, 7, 6, 0, 3, 9, 10: 5 promoters, 2 passives, 3 detractors → NPS 20.
    // n′ = 13, p′ = 5.75/13, d′ = 3.75/13, centre 0.153846, margin 1.959964·√((p′+d′−centre²)/13).
    const summary = summarizeSurvey(input({ scores: histogram([10, 10, 9, 8, 7, 6, 0, 3, 9, 10]), flagged: 2 }));
    expect(SurveySummary.parse(summary)).toEqual(summary);
    expect(summary).toMatchObject({ n: 10, flagged: 2, smallSample: true, confidence: 0.95, csat: null, ces: null });
    expect(summary.nps?.score).toBe(20);
    expect(summary.nps).toMatchObject({ promoters: 5, passives: 2, detractors: 3 });
    expect(summary.nps?.lower).toBeCloseTo(-30.32599443550415, 10);
    expect(summary.nps?.upper).toBeCloseTo(61.095225204734916, 10);
    const at90 = summarizeSurvey(input({ scores: histogram([10, 10, 9, 8, 7, 6, 0, 3, 9, 10]), confidence: 0.9 }));
    expect(at90.nps?.lower).toBeCloseTo(-22.97693765710106, 10);
    expect(at90.nps?.upper).toBeCloseTo(53.74616842633183, 10);
  });

  it("CES: the mean with a Student t interval, clipped to the scale (scipy reference)", () => {
    const scale = { min: 1, max: 7 };
    // 1, 2, 2, 3, 7: mean 3, s² = 22/4, t(4) = 2.776445: 3 ± 2.911960 → 0.088 (clipped to 1) … 5.911960.
    const skewed = summarizeSurvey(input({ type: "ces", scale, scores: histogram([1, 2, 2, 3, 7]) }));
    expect(skewed.ces?.mean).toBe(3);
    expect(skewed.ces?.lower).toBe(1);
    expect(skewed.ces?.upper).toBeCloseTo(5.911960192790152, 10);
    const tight = summarizeSurvey(input({ type: "ces", scale, scores: histogram([5, 6, 6, 7, 4, 5, 6, 6]) }));
    expect(tight.ces).toEqual({
      mean: 5.625,
      lower: expect.closeTo(4.859100014386415, 10),
      upper: expect.closeTo(6.390899985613585, 10),
    });
    expect(tight.n).toBe(8);
  });

  it("CSAT: top-2-box share and the mean with its interval", () => {
    const summary = summarizeSurvey(
      input({ type: "csat", scale: { min: 1, max: 5 }, scores: histogram([5, 4, 4, 3, 1, 5]) }),
    );
    expect(summary.csat?.share).toBeCloseTo(4 / 6, 14);
    expect(summary.csat?.threshold).toBe(4);
    expect(summary.csat?.mean).toBeCloseTo(22 / 6, 14);
    expect(summary.csat?.lower).toBeCloseTo(2.086693765682762, 10);
    expect(summary.csat?.upper).toBe(5);
  });

  it("one answer: a mean without an interval; none: no metric", () => {
    const one = summarizeSurvey(input({ type: "ces", scale: { min: 1, max: 7 }, scores: [{ score: 4, count: 1 }] }));
    expect(one.ces).toEqual({ mean: 4, lower: null, upper: null });
    for (const type of ["nps", "csat", "ces", "csi"] as const) {
      const none = summarizeSurvey(input({ type, scale: type === "nps" ? { min: 0, max: 10 } : { min: 1, max: 5 } }));
      expect(none).toMatchObject({ n: 0, smallSample: true, nps: null, csat: null, ces: null, csi: null });
    }
  });

  const factors: CsiFactor[] = [
    { id: "speed", label: { en: "Speed" }, weight: 3 },
    { id: "quality", label: { en: "Quality" }, weight: 5 },
    { id: "support", label: { en: "Support", ru: "Поддержка" }, weight: 2 },
  ];

  it("CSI: factor means, normalised weights and the index worked by hand", () => {
    // {speed 5, quality 4, support 3}, {speed 3, quality 5}, {quality 2, support 5}:
    // means 4, 11/3, 4; CSI = 100·(0.3·3/4 + 0.5·(8/3)/4 + 0.2·3/4) = 70.8333…
    const ratings: FactorRatingCount[] = [
      { factorId: "quality", rating: 2, count: 1 },
      { factorId: "quality", rating: 4, count: 1 },
      { factorId: "quality", rating: 5, count: 1 },
      { factorId: "speed", rating: 3, count: 1 },
      { factorId: "speed", rating: 5, count: 1 },
      { factorId: "support", rating: 3, count: 1 },
      { factorId: "support", rating: 5, count: 1 },
    ];
    const summary = summarizeSurvey(
      input({ type: "csi", scale: { min: 1, max: 5 }, factors, ratings, respondents: 3 }),
    );
    expect(summary.n).toBe(3);
    expect(summary.csi?.index).toBeCloseTo(70.83333333333333, 10);
    expect(summary.csi?.factors).toEqual([
      { id: "speed", label: { en: "Speed" }, weight: 0.3, mean: 4, n: 2 },
      { id: "quality", label: { en: "Quality" }, weight: 0.5, mean: expect.closeTo(11 / 3, 14), n: 3 },
      { id: "support", label: { en: "Support", ru: "Поддержка" }, weight: 0.2, mean: 4, n: 2 },
    ]);
  });

  it("CSI: no index while a factor has no rating yet", () => {
    const summary = summarizeSurvey(
      input({
        type: "csi",
        scale: { min: 1, max: 5 },
        factors,
        ratings: [{ factorId: "speed", rating: 4, count: 2 }],
        respondents: 2,
      }),
    );
    expect(summary.csi?.index).toBeNull();
    expect(summary.csi?.factors.map((f) => [f.id, f.mean, f.n])).toEqual([
      ["speed", 4, 2],
      ["quality", null, 0],
      ["support", null, 0],
    ]);
  });

  it("refuses a histogram bin outside the scale (a bug, not input)", () => {
    expect(() => summarizeSurvey(input({ scores: [{ score: 11, count: 1 }] }))).toThrow(RangeError);
  });

  it("agrees with the list-based metrics of shared/metrics/survey.ts (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 300 }), (scores) => {
        const summary = summarizeSurvey(input({ scores: histogram(scores) }));
        const ci = npsInterval(countNps(scores.map((s) => [s])));
        expect(summary.n).toBe(scores.length);
        expect(summary.smallSample).toBe(scores.length < 100);
        expect(summary.nps?.score).toBeCloseTo(ci.nps, 10);
        expect(summary.nps?.lower).toBeCloseTo(ci.lower, 10);
        expect(summary.nps?.upper).toBeCloseTo(ci.upper, 10);
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 2, maxLength: 300 }), (scores) => {
        const scale = { min: 1, max: 7 };
        const tally = tallyHistogram(histogram(scores), scale, 6);
        const reference = tallyScoreList(scores, ratingScale(7), 6);
        expect(tally.n).toBe(reference.n);
        expect(tally.atLeast).toBe(reference.atLeast);
        const mean = meanScore(reference);
        // Naive two-pass variance over the expanded list.
        const variance = scores.reduce((s, x) => s + (x - mean) ** 2, 0) / (scores.length - 1);
        expect(tally.squaredDeviations / (scores.length - 1)).toBeCloseTo(variance, 9);
        const interval = meanInterval(tally, scale, 0.95);
        expect(interval.mean).toBeCloseTo(mean, 12);
        expect(interval.lower as number).toBeLessThanOrEqual(mean + 1e-12);
        expect(interval.upper as number).toBeGreaterThanOrEqual(mean - 1e-12);
        expect(interval.lower as number).toBeGreaterThanOrEqual(1);
        expect(interval.upper as number).toBeLessThanOrEqual(7);
      }),
    );
  });

  it("CSI from histograms equals CSI of the ratings table (property)", () => {
    const answer = fc.record(
      {
        speed: fc.integer({ min: 1, max: 5 }),
        quality: fc.integer({ min: 1, max: 5 }),
        support: fc.integer({ min: 1, max: 5 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(
        fc.array(answer, { minLength: 1, maxLength: 60 }).filter((rows) => rows.some((r) => Object.keys(r).length > 0)),
        (answers) => {
          const rated = answers.filter((a) => Object.keys(a).length > 0);
          const counts = new Map<string, number>();
          for (const a of rated) {
            for (const [id, r] of Object.entries(a)) counts.set(`${id}|${r}`, (counts.get(`${id}|${r}`) ?? 0) + 1);
          }
          const ratings = [...counts].map(([key, count]) => {
            const [factorId, rating] = key.split("|") as [string, string];
            return { factorId, rating: Number(rating), count };
          });
          const summary = summarizeSurvey(
            input({ type: "csi", scale: { min: 1, max: 5 }, factors, ratings, respondents: rated.length }),
          );
          const allRated = factors.every((f) => rated.some((a) => f.id in a));
          if (!allRated) {
            expect(summary.csi?.index).toBeNull();
            return;
          }
          const table = rated.map((a) => factors.map((f) => (a as Record<string, number>)[f.id] ?? ""));
          const reference = csiOfRatings(table, [[3, 5, 2]], { min: 1, max: 5, integer: true });
          expect(summary.csi?.index).toBeCloseTo(reference.csi, 10);
          expect(summary.n).toBe(reference.respondents);
        },
      ),
    );
  });
});
