import { buildAddon } from "../../addon/build/build";
import { createHarness } from "../../addon/harness/index";
import { seededRandom } from "../../shared/random";
import { type Bench, ms, time } from "./lib";

const HOUR = 3_600_000;

/**
 * A year of requests as Sheets passes two date-time columns: openings spread over 2024, first
 * answers 0–72 hours later, one in twenty still waiting (blank).
 */
function requestColumns(n: number, seed: number): { opened: unknown[][]; answered: unknown[][] } {
  const random = seededRandom(seed);
  const start = Date.UTC(2024, 0, 1);
  const opened: unknown[][] = [];
  const answered: unknown[][] = [];
  for (let i = 0; i < n; i++) {
    const at = start + Math.floor(random() * 366 * 24) * HOUR + Math.floor(random() * 60) * 60_000;
    opened.push([new Date(at)]);
    answered.push([random() < 0.05 ? "" : new Date(at + Math.floor(random() * 72 * 60) * 60_000)]);
  }
  return { opened, answered };
}

/**
 * The service formulas through the built Code.js in the harness on 100,000 requests (and
 * 200,000, to see how the time grows), in office hours: the costliest path, since each elapsed
 * time walks the days between its ends.
 */
export const serviceBench: Bench = {
  title: "Service formulas (Code.js, harness)",
  async run() {
    await buildAddon();
    const addon = createHarness({ spreadsheet: { timeZone: "Europe/Moscow" } });
    const timing = (name: string, n: number, ...extra: unknown[]) => {
      const { opened, answered } = requestColumns(n, 7);
      return time(() => addon.callCustomFunction(name, opened, answered, ...extra), { warmup: 1, runs: 3 }).medianMs;
    };
    const rows = [];
    for (const [name, extra] of [
      ["RESPONSE_TIME", ["month", "9-18"]],
      ["SERVICE_LEVEL", [1, "month", "9-18"]],
      ["RESOLUTION_TIME", ["month", "9-18"]],
    ] as const) {
      const small = timing(name, 100_000, ...extra);
      const large = timing(name, 200_000, ...extra);
      const growth = large / small;
      rows.push(
        { name: `${name}, 100,000 requests, office hours`, value: ms(small), goal: "< 1 s", ok: small < 1000 },
        {
          name: "the same, 200,000: growth for twice the rows",
          value: `${growth.toFixed(2)}×`,
          goal: "≤ 2.3× (n log n)",
          ok: growth <= 2.3,
        },
      );
    }
    // CONTACT_RATE: the client and date of each request, 20,000 clients over 2 years.
    const contacts = (n: number) => {
      const random = seededRandom(9);
      const ids = Array.from({ length: n }, () => [`C${Math.floor(random() * 20_000)}`]);
      const dates = Array.from({ length: n }, () => [
        new Date(Date.UTC(2023, 0, 1) + Math.floor(random() * 730) * 24 * HOUR),
      ]);
      return { ids, dates };
    };
    let input = contacts(100_000);
    const small = time(() => addon.callCustomFunction("CONTACT_RATE", input.ids, input.dates), {
      warmup: 2,
      runs: 5,
    }).medianMs;
    input = contacts(200_000);
    const large = time(() => addon.callCustomFunction("CONTACT_RATE", input.ids, input.dates), {
      warmup: 2,
      runs: 5,
    }).medianMs;
    rows.push(
      { name: "CONTACT_RATE, 100,000 requests", value: ms(small), goal: "< 1 s", ok: small < 1000 },
      {
        name: "the same, 200,000: growth for twice the rows",
        value: `${(large / small).toFixed(2)}×`,
        goal: "≤ 2.3× (n log n)",
        ok: large / small <= 2.3,
      },
    );
    return rows;
  },
};
