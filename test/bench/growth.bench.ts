import { buildAddon } from "../../addon/build/build";
import { createHarness } from "../../addon/harness/index";
import { seededRandom } from "../../shared/random";
import { type Bench, ms, time } from "./lib";

const DAY = 86_400_000;
const STAGES = ["Lead", "First purchase", "Repeat", "Regular"];

/** n rows as Sheets passes them for each formula: stage names, transactions, contracts. */
function inputs(n: number, seed: number) {
  const random = seededRandom(seed);
  const start = Date.UTC(2022, 0, 1);
  const stages = Array.from({ length: n }, () => [
    STAGES[Math.min(3, Math.floor(-Math.log(random()) * 0.8))] as string,
  ]);
  const ids = Array.from({ length: n }, () => [`C${Math.floor(random() * (n / 4))}`]);
  const dates = Array.from({ length: n }, () => [new Date(start + Math.floor(random() * 730) * DAY)]);
  const amounts = Array.from({ length: n }, () => [((random() < 0.06 ? -1 : 1) * Math.round(random() * 20_000)) / 100]);
  const ends = Array.from({ length: n }, () => [new Date(start + Math.floor(random() * 1095) * DAY)]);
  const renewed = ends.map(([end]) => {
    const r = random();
    if (r < 0.5) return [new Date((end as Date).getTime() + Math.floor(random() * 40 - 20) * DAY)];
    return [r < 0.7 ? true : r < 0.85 ? false : ""];
  });
  const categories = Array.from({ length: n }, () => [`Category ${Math.floor(random() * random() * 12)}`]);
  return { stages, ids, dates, amounts, ends, renewed, categories };
}

/**
 * FUNNEL, RETURN_RATE, UPSELL_RATE, CROSS_SELL_RATE and RENEWAL_RATE through the built Code.js in the harness on 100,000 rows
 * (and 200,000, to see how the time grows).
 */
export const growthBench: Bench = {
  title: "Funnel, returns, upsell, cross-sell and renewal formulas (Code.js, harness)",
  async run() {
    await buildAddon();
    const addon = createHarness({ now: () => Date.UTC(2024, 6, 1) });
    const cases: [string, (x: ReturnType<typeof inputs>) => unknown][] = [
      ["FUNNEL, a stage column", (x) => addon.callCustomFunction("FUNNEL", x.stages, STAGES.join(", "))],
      ["RETURN_RATE per month", (x) => addon.callCustomFunction("RETURN_RATE", x.ids, x.dates, x.amounts)],
      ["RETURN_RATE per client", (x) => addon.callCustomFunction("RETURN_RATE", x.ids, x.dates, x.amounts, "client")],
      ["UPSELL_RATE per month", (x) => addon.callCustomFunction("UPSELL_RATE", x.ids, x.dates, x.amounts)],
      ["CROSS_SELL_RATE per month", (x) => addon.callCustomFunction("CROSS_SELL_RATE", x.ids, x.dates, x.categories)],
      ["RENEWAL_RATE per month", (x) => addon.callCustomFunction("RENEWAL_RATE", x.ends, x.renewed, "month", 7)],
    ];
    const rows = [];
    for (const [name, call] of cases) {
      // Inputs made per case, so that the heap holds one case's rows (a larger heap slows GC).
      let input = inputs(100_000, 3);
      const a = time(() => call(input), { warmup: 2, runs: 5 }).medianMs;
      input = inputs(200_000, 4);
      const b = time(() => call(input), { warmup: 2, runs: 5 }).medianMs;
      rows.push(
        { name: `${name}, 100,000 rows`, value: ms(a), goal: "< 1 s", ok: a < 1000 },
        {
          name: "the same, 200,000: growth for twice the rows",
          value: `${(b / a).toFixed(2)}×`,
          goal: "≤ 2.3× (n log n)",
          ok: b / a <= 2.3,
        },
      );
    }
    return rows;
  },
};
