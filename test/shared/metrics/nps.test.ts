import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { t } from "../../../shared/i18n/translate";
import {
  countNps,
  emptyNpsBins,
  npsCategory,
  npsCountsFromBins,
  npsCountsOfScores,
  npsFromCounts,
} from "../../../shared/metrics/nps";
import { thrown } from "../helpers";

/** A second, naive implementation straight from the definition, to check the fast one against. */
function naiveNps(scores: number[]): number {
  const p = scores.filter((s) => s >= 9).length;
  const d = scores.filter((s) => s <= 6).length;
  return (100 * (p - d)) / scores.length;
}

const column = (values: unknown[]) => values.map((v) => [v]) as never;

describe("NPS", () => {
  it("matches hand-worked values", () => {
    // 9, 10 promoters; 3 detractor; blank skipped: (2 − 1)/3 = 33.33…
    expect(npsFromCounts(countNps(column([9, 10, 3, ""])))).toBeCloseTo(100 / 3, 12);
    // 5 promoters, 3 passives, 2 detractors: (5 − 2)/10 = 30
    expect(npsFromCounts(countNps(column([10, 9, 9, 10, 9, 7, 8, 7, 0, 6])))).toBe(30);
    expect(npsFromCounts(countNps(column([10, 10])))).toBe(100);
    expect(npsFromCounts(countNps(column([0, 6, 5])))).toBe(-100);
    expect(npsFromCounts(countNps(column([7, 8])))).toBe(0);
  });

  it("counts each group and excludes blanks from n", () => {
    expect(countNps(column([9, 7, 6, "", null, "  "]))).toEqual({ promoters: 1, passives: 1, detractors: 1, n: 3 });
  });

  it("accepts a single value and multi-column ranges", () => {
    expect(countNps(9 as never)).toEqual({ promoters: 1, passives: 0, detractors: 0, n: 1 });
    expect(
      countNps([
        [9, 1],
        [7, ""],
      ] as never),
    ).toEqual({ promoters: 1, passives: 1, detractors: 1, n: 3 });
  });

  it("accepts numeric text", () => {
    expect(countNps(column(["9", " 10 ", "3"]))).toEqual({ promoters: 2, passives: 0, detractors: 1, n: 3 });
  });

  it("rejects text that is not a score, naming the argument and row", () => {
    const error = thrown(() => countNps(column([9, 9, "n/a"])));
    expect(error.key).toBe("input.notScore");
    expect(t("en", error.key, error.params)).toBe('scores, row 3: "n/a" is not a score from 0 to 10');
    expect(t("ru", error.key, error.params)).toBe("scores, строка 3: «n/a» не является оценкой от 0 до 10");
  });

  it("names row and column in a multi-column range, and the sheet cell when the origin is known", () => {
    const error = thrown(() =>
      countNps([
        [9, 9],
        [9, "x"],
      ] as never),
    );
    expect(t("en", error.key, error.params)).toContain("row 2, column 2");
    const located = thrown(() => countNps(column([9, "x"]), "Clients", { row: 2, column: 5 }));
    expect(t("en", located.key, located.params)).toBe('Clients, cell E3: "x" is not a score from 0 to 10');
  });

  it("has distinct errors for out-of-scale, non-integer, error cells and empty input", () => {
    expect(thrown(() => countNps(column([11]))).key).toBe("input.scoreOutOfScale");
    expect(thrown(() => countNps(column([-1]))).key).toBe("input.scoreOutOfScale");
    expect(thrown(() => countNps(column([7.5]))).key).toBe("input.scoreNotInteger");
    expect(thrown(() => countNps(column(["#N/A"]))).key).toBe("input.errorCell");
    expect(thrown(() => countNps(column(["", ""]))).key).toBe("input.empty");
    expect(thrown(() => countNps(column([true]))).key).toBe("input.notScore");
    expect(thrown(() => countNps(column([Number.NaN]))).key).toBe("input.notScore");
    expect(thrown(() => countNps(column([new Date(0)]))).key).toBe("input.notScore");
  });

  const scores = fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 300 });

  it("property: agrees with the naive definition and stays within ±100", () => {
    fc.assert(
      fc.property(scores, (s) => {
        const value = npsFromCounts(countNps(column(s)));
        expect(value).toBeCloseTo(naiveNps(s), 9);
        expect(value).toBeGreaterThanOrEqual(-100);
        expect(value).toBeLessThanOrEqual(100);
      }),
    );
  });

  it("property: row order and blank rows do not matter", () => {
    fc.assert(
      fc.property(scores, fc.integer({ min: 0, max: 20 }), (s, blanks) => {
        const shuffled = [...s].reverse();
        const withBlanks = [...s, ...Array.from({ length: blanks }, () => "")];
        const base = npsFromCounts(countNps(column(s)));
        expect(npsFromCounts(countNps(column(shuffled)))).toBeCloseTo(base, 12);
        expect(npsFromCounts(countNps(column(withBlanks)))).toBeCloseTo(base, 12);
      }),
    );
  });
});

describe("the NPS classifier", () => {
  it("puts 9–10 in promoters, 7–8 in passives and 0–6 in detractors", () => {
    const expected = ["d", "d", "d", "d", "d", "d", "d", "p", "p", "P", "P"];
    const names = { d: "detractor", p: "passive", P: "promoter" } as const;
    for (let s = 0; s <= 10; s++) expect(npsCategory(s)).toBe(names[expected[s] as keyof typeof names]);
  });

  it("counts bins, lists and cells alike", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 200 }), (scores) => {
        const bins = emptyNpsBins();
        for (const s of scores) (bins[s] as number)++;
        const naive = {
          promoters: scores.filter((s) => s >= 9).length,
          passives: scores.filter((s) => s === 7 || s === 8).length,
          detractors: scores.filter((s) => s <= 6).length,
          n: scores.length,
        };
        expect(npsCountsFromBins(bins)).toEqual(naive);
        expect(npsCountsOfScores(scores)).toEqual(naive);
        expect(countNps(scores.map((s) => [s]))).toEqual(naive);
      }),
    );
  });
});
