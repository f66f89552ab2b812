import { buildAddon } from "../../addon/build/build";
import { createHarness } from "../../addon/harness/index";
import { seededRandom } from "../../shared/random";
import { type Bench, ms, time } from "./lib";

/** Revenue-like values (log-normal-ish) as Sheets passes a column. */
function revenueColumn(n: number, seed: number, scale: number): number[][] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => [Math.round(scale * Math.exp(random() * 2) * 100) / 100]);
}

/**
 * The A/B-test formulas through the built Code.js in the harness: AB_TEST_MEANS reads two columns
 * of 100,000 values (and 200,000, to see how the time grows); AB_TEST and AB_SAMPLE_SIZE take
 * single values, so their cost is the formula call itself.
 */
export const experimentsBench: Bench = {
  title: "A/B-test formulas (Code.js, harness)",
  async run() {
    await buildAddon();
    const addon = createHarness({});
    const timing = (n: number) => {
      const a = revenueColumn(n, 1, 40);
      const b = revenueColumn(n, 2, 41);
      return time(() => addon.callCustomFunction("AB_TEST_MEANS", a, b), { warmup: 1, runs: 5 }).medianMs;
    };
    const small = timing(100_000);
    const large = timing(200_000);
    const growth = large / small;
    const single = time(() => addon.callCustomFunction("AB_TEST", 100, 1000, 130, 1000), { runs: 20 }).medianMs;
    const size = time(() => addon.callCustomFunction("AB_SAMPLE_SIZE", 0.05, 0.2), { runs: 20 }).medianMs;
    return [
      { name: "AB_TEST_MEANS, 100,000 values per group", value: ms(small), goal: "< 1 s", ok: small < 1000 },
      {
        name: "the same, 200,000 per group: growth for twice the rows",
        value: `${growth.toFixed(2)}×`,
        goal: "≤ 2.3× (n log n)",
        ok: growth <= 2.3,
      },
      { name: "AB_TEST (single values)", value: ms(single), goal: "< 1 s", ok: single < 1000 },
      { name: "AB_SAMPLE_SIZE (single values)", value: ms(size), goal: "< 1 s", ok: size < 1000 },
    ];
  },
};
