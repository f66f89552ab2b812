import { describe, expect, it } from "vitest";
import { column, errorOf, loadAddon } from "../helpers";

/**
 * A/B-test formulas through the built Code.js. The statistics are checked against published
 * values in test/shared/metrics/experiments.test.ts; here, the cells a person sees.
 */
describe("A/B-test formulas", () => {
  const addon = loadAddon();
  const ru = loadAddon({ spreadsheet: { locale: "ru_RU" } });
  const call = (name: string, ...args: unknown[]) => addon.callCustomFunction(name, ...args);

  it("AB_TEST: a header row over difference, interval, z, p and a verdict in words", () => {
    const out = call("AB_TEST", 100, 1000, "130", 1000) as unknown[][];
    expect(out[0]).toEqual(["difference", "lower", "upper", "z", "p_value", "verdict"]);
    // Worked by hand: p̄ = 0.115, SE = 0.0142671, z = 2.10274, p = 0.035488.
    expect(out[1]?.[0]).toBeCloseTo(0.03, 12);
    expect(out[1]?.[3]).toBeCloseTo(2.10274, 5);
    expect(out[1]?.[4]).toBeCloseTo(0.035488, 6);
    expect(out[1]?.[5]).toBe("B does better than A (95% confidence, p = 0.035)");
    expect((call("AB_TEST", 100, 1000, 130, 1000, "99%") as unknown[][])[1]?.[5]).toBe(
      "no significant difference at 99% confidence (p = 0.035): the change may do nothing, or the groups are too small to tell",
    );
    const rough = "fewer than 5 successes or failures in a group: the p-value is rough";
    expect((call("AB_TEST", 9, 10, 3, 10, 0.99) as unknown[][])[1]?.[5]).toBe(
      `A does better than B (99% confidence, p = 0.006); ${rough}`,
    );
    expect((call("AB_TEST", 9, 10, 3, 10, 0.999) as unknown[][])[1]?.[5]).toBe(
      `no significant difference at 99.9% confidence (p = 0.006): the change may do nothing, or the groups are too small to tell; ${rough}`,
    );
  });

  it("AB_TEST speaks the spreadsheet's language and names what is wrong", () => {
    expect((ru.callCustomFunction("AB_TEST", 100, 1000, 130, 1000) as unknown[][])[1]?.[5]).toBe(
      "B лучше, чем A (уровень доверия 95\u00a0%, p = 0,035)",
    );
    expect(errorOf(() => call("AB_TEST", 12, 10, 3, 10))).toBe(
      "AB_TEST: successes_a: 12 successes out of 10 trials; successes cannot exceed trials",
    );
    expect(errorOf(() => call("AB_TEST", 0, 0, 3, 10))).toBe(
      "AB_TEST: trials_a must be at least 1: a group without trials cannot be compared",
    );
    expect(errorOf(() => call("AB_TEST", 1.5, 10, 3, 10))).toBe("AB_TEST: successes_a must be a whole number; got 1.5");
    expect(errorOf(() => call("AB_TEST", "", 10, 3, 10))).toBe(
      "AB_TEST: successes_a is empty: select a range with at least one value",
    );
    expect(errorOf(() => ru.callCustomFunction("AB_TEST", 5, 4, 3, 10))).toBe(
      // Russian readers get an argument by its place rather than its English name.
      "AB_TEST: аргумент 1: 5 успехов из 4 попыток; успехов не может быть больше, чем попыток",
    );
  });

  it("AB_TEST_MEANS: Welch's test of two columns, R's sleep example", () => {
    const a = column(0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0, 2);
    const b = column(1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, "3.4", "");
    const out = call("AB_TEST_MEANS", a, b) as unknown[][];
    expect(out[0]).toEqual(["difference", "lower", "upper", "t", "df", "p_value", "verdict"]);
    expect(out[1]?.[0]).toBeCloseTo(1.58, 12);
    expect(out[1]?.[1]).toBeCloseTo(-0.2054832, 6);
    expect(out[1]?.[2]).toBeCloseTo(3.3654832, 6);
    expect(out[1]?.[4]).toBeCloseTo(17.776, 3);
    expect(out[1]?.[5]).toBeCloseTo(0.07939, 5);
    // Numeric text in a Russian spreadsheet is read the Russian way.
    const ruOut = ru.callCustomFunction("AB_TEST_MEANS", column("1,5", "2,5", "3"), column(4, 5, 6.5)) as unknown[][];
    expect(ruOut[1]?.[0]).toBeCloseTo(5.1666667 - 2.3333333, 6);
    expect(errorOf(() => call("AB_TEST_MEANS", a, column(1, "n/a")))).toBe(
      'AB_TEST_MEANS: values_b, row 2: "n/a" is not a number',
    );
    expect(errorOf(() => call("AB_TEST_MEANS", column(5), b))).toBe(
      "AB_TEST_MEANS: values_a has 1 value: comparing means needs at least 2 in each group",
    );
  });

  it("AB_SAMPLE_SIZE: clients per group for a relative lift", () => {
    // 10 % → 15 % (a lift of 50 %), 80 % power, 95 %: 686 per group (Fleiss, worked by hand).
    expect(call("AB_SAMPLE_SIZE", 0.1, "50%")).toBe(686);
    expect(call("AB_SAMPLE_SIZE", "10%", 0.5, 0.8, 0.95)).toBe(686);
    expect(call("AB_SAMPLE_SIZE", 0.05, 0.2)).toBe(8158);
    expect(errorOf(() => call("AB_SAMPLE_SIZE", 0.6, 1))).toBe(
      "AB_SAMPLE_SIZE: the lift takes the rate to 1.2, outside 0 to 1: give a smaller lift",
    );
    expect(errorOf(() => call("AB_SAMPLE_SIZE", 0.1, 0))).toMatch(/^AB_SAMPLE_SIZE: min_detectable_lift must not be 0/);
    expect(errorOf(() => call("AB_SAMPLE_SIZE", 0, 0.1))).toMatch(/^AB_SAMPLE_SIZE: baseline_rate must be/);
  });
});
