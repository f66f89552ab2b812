import { describe, expect, it } from "vitest";
import { column, errorOf, loadAddon } from "../helpers";

/** Survey formulas through the built Code.js, with arguments shaped as Sheets passes them. */
describe("survey formulas", () => {
  const addon = loadAddon();
  const ru = loadAddon({ spreadsheet: { locale: "ru_RU" } });
  const call = (name: string, ...args: unknown[]) => addon.callCustomFunction(name, ...args);

  // 50 promoters, 30 passives, 20 detractors in a 100×1 range.
  const hundred = column(...Array(50).fill(10), ...Array(30).fill(7), ...Array(20).fill("3"));

  describe("NPS_CI", () => {
    it("returns NPS, lower, upper and n in one row, without a warning from 100 answers", () => {
      const [row] = call("NPS_CI", hundred) as number[][];
      expect(row).toHaveLength(4);
      expect(row?.[0]).toBeCloseTo(30, 10);
      // Adjusted Wald by hand: n′ = 103, p′ = 50.75/103, d′ = 20.75/103.
      const p = 50.75 / 103;
      const d = 20.75 / 103;
      const margin = 1.959963984540054 * Math.sqrt((p + d - (p - d) ** 2) / 103);
      expect(row?.[1]).toBeCloseTo(100 * (p - d - margin), 9);
      expect(row?.[2]).toBeCloseTo(100 * (p - d + margin), 9);
      expect(row?.[3]).toBe(100);
    });

    it("adds a warning cell below 100 answers, in the spreadsheet's language, and takes a confidence level", () => {
      const [row] = call("NPS_CI", column(9, 10, 3, "", 7), 0.9) as unknown[][];
      expect(row).toHaveLength(5);
      expect(row?.[3]).toBe(4);
      expect(row?.[4]).toBe("n = 4 is below 100: the score can move a lot by chance");
      const [ruRow] = ru.callCustomFunction("NPS_CI", column(9, 10, 3), "90%") as unknown[][];
      expect(ruRow?.[4]).toBe("n = 3 меньше 100: оценка может сильно меняться случайно");
      expect(call("NPS_CI", 10)).toEqual([[100, expect.any(Number), 100, 1, expect.any(String)]]);
    });

    it("explains bad scores and a bad confidence level", () => {
      expect(errorOf(() => call("NPS_CI", column(9, "n/a")))).toBe(
        'NPS_CI: scores, row 2: "n/a" is not a score from 0 to 10',
      );
      expect(errorOf(() => call("NPS_CI", column(9), 95))).toBe(
        "NPS_CI: confidence must be a fraction from 0.5 to 0.999, such as 0.95 or 95%; got 95",
      );
      expect(errorOf(() => call("NPS_CI", column(9), column(0.9, 0.8)))).toBe(
        "NPS_CI: confidence must be a single value, not a range",
      );
      expect(errorOf(() => ru.callCustomFunction("NPS_CI", column(""), 0.95))).toBe(
        "NPS_CI: аргумент 1: диапазон пуст; выберите диапазон, где есть хотя бы одно значение",
      );
    });
  });

  describe("NPS_DIFF", () => {
    it("returns change, z and p for two ranges of any heights", () => {
      // Before 50/30/20 → 30; after 60/20/20 → 40: z = 10/√125, p = 0.371093.
      const after = column(...Array(60).fill(9), ...Array(20).fill(8), ...Array(20).fill(0));
      const [row] = call("NPS_DIFF", hundred, after) as number[][];
      expect(row).toHaveLength(3);
      expect(row?.[0]).toBeCloseTo(10, 10);
      expect(row?.[1]).toBeCloseTo(0.8944271909999159, 9);
      expect(row?.[2]).toBeCloseTo(0.37109336952269767, 9);
    });

    it("warns below 100 answers and explains an untestable change", () => {
      const [row] = call("NPS_DIFF", column(9, 10, 3), column(1, 2, 3, 9)) as unknown[][];
      expect(row?.[3]).toBe("fewer than 100 answers (n = 3 before, 4 after): the change can be chance");
      expect(errorOf(() => call("NPS_DIFF", column(10, 10), column(0)))).toBe(
        "NPS_DIFF: the change cannot be tested: each range holds answers of one group only, so the standard error is 0",
      );
      expect(errorOf(() => call("NPS_DIFF", column(10), column(11)))).toBe(
        "NPS_DIFF: scores_after, row 1: 11 is outside the scale 0 to 10",
      );
      expect(errorOf(() => ru.callCustomFunction("NPS_DIFF", column(7.5), column(1)))).toBe(
        "NPS_DIFF: аргумент 1, строка 1: 7.5 не целое число; оценки NPS — целые числа от 0 до 10",
      );
    });
  });

  describe("NPS_BREAKDOWN", () => {
    it("spills a table with a header row, and a note row below 100 answers", () => {
      expect(call("NPS_BREAKDOWN", hundred)).toEqual([
        ["group", "count", "share"],
        ["promoters", 50, 0.5],
        ["passives", 30, 0.3],
        ["detractors", 20, 0.2],
        ["total", 100, 1],
      ]);
      const small = ru.callCustomFunction("NPS_BREAKDOWN", [
        [9, 7],
        ["", 0],
      ]) as unknown[][];
      expect(small).toHaveLength(6);
      expect(small[4]).toEqual(["total", 3, 1]);
      expect(small[5]).toEqual(["n = 3 меньше 100: оценка может сильно меняться случайно", "", ""]);
    });

    it("explains a non-integer score", () => {
      expect(errorOf(() => call("NPS_BREAKDOWN", column(8.5)))).toBe(
        "NPS_BREAKDOWN: scores, row 1: 8.5 is not a whole number; NPS scores are whole numbers from 0 to 10",
      );
    });
  });

  describe("CSAT and CES", () => {
    it("computes top-2-box CSAT and mean CES, skipping blanks and reading numeric text", () => {
      expect(call("CSAT", column(5, 4, 3, "2", "", 1))).toBe(0.4);
      expect(call("CSAT", 5)).toBe(1);
      // On a 1–7 scale the default threshold is 6; an explicit one overrides it.
      expect(call("CSAT", column(7, 6, 5, 4), 7)).toBe(0.5);
      expect(call("CSAT", column(7, 6, 5, 4), 7, 5)).toBe(0.75);
      expect(call("CSAT", column(5, 4, 3, 2), "", "")).toBe(0.5);
      expect(call("CES", column(7, 6, 2, "5"))).toBe(5);
      expect(call("CES", column(5, 1), 5)).toBe(3);
    });

    it("explains out-of-scale scores, text and bad scale arguments", () => {
      expect(errorOf(() => call("CSAT", column(5, 6)))).toBe("CSAT: scores, row 2: 6 is outside the scale 1 to 5");
      expect(errorOf(() => call("CSAT", column(5, "good")))).toBe(
        'CSAT: scores, row 2: "good" is not a score from 1 to 5',
      );
      expect(errorOf(() => call("CSAT", column(5), 5, 6))).toBe("CSAT: threshold must be at most 5; got 6");
      expect(errorOf(() => call("CSAT", column(5), 4.5))).toBe("CSAT: scale_max must be a whole number; got 4.5");
      expect(errorOf(() => call("CES", column(8)))).toBe("CES: scores, row 1: 8 is outside the scale 1 to 7");
      expect(errorOf(() => call("CES", column("", "")))).toBe(
        "CES: scores is empty: select a range with at least one value",
      );
      expect(errorOf(() => ru.callCustomFunction("CSAT", column(0)))).toBe(
        "CSAT: аргумент 1, строка 1: 0 вне шкалы от 1 до 5",
      );
    });
  });

  describe("CSI", () => {
    it("weights factor means by importance (0…100)", () => {
      expect(
        call(
          "CSI",
          [
            [5, 4],
            [3, ""],
          ],
          [[2, 1]],
        ),
      ).toBeCloseTo(75, 10);
      expect(call("CSI", [[1, 10]], column(1, 1), 1, 10)).toBeCloseTo(50, 10);
      expect(call("CSI", 5, 1)).toBe(100);
    });

    it("explains each bad input, in English and Russian", () => {
      expect(errorOf(() => call("CSI", [[5, 4]], [[1, 2, 3]]))).toBe(
        "CSI: importance has 3 weights but ratings has 2 factor columns: give one weight per column",
      );
      expect(errorOf(() => call("CSI", [[5, 4]], [[0, 0]]))).toBe(
        "CSI: importance: the weights add up to 0; give at least one factor a positive weight (zero denominator)",
      );
      expect(errorOf(() => call("CSI", [[5, 6]], [[1, 1]]))).toBe(
        "CSI: ratings, row 1, column 2: 6 is outside the scale 1 to 5",
      );
      expect(errorOf(() => call("CSI", [[5, 4]], [[1, 1]], 5, 1))).toBe(
        "CSI: scale_min (5) must be less than scale_max (1)",
      );
      expect(errorOf(() => ru.callCustomFunction("CSI", [[5, 4]], [[1, -2]]))).toBe(
        "CSI: аргумент 2, строка 1, столбец 2: -2 — отрицательное число; веса должны быть не меньше 0",
      );
    });
  });
});
