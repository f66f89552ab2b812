import { describe, expect, it } from "vitest";
import { dateReading } from "../../../shared/cells/dates";
import { readTransactions } from "../../../shared/cells/transactions";
import { contactRates, poissonUpperTail } from "../../../shared/metrics/contacts";
import { seededRandom } from "../../../shared/random";

const utc = dateReading("Etc/UTC", "en_US");
const column = (values: unknown[]) => values.map((v) => [v]) as never;
const requestsOf = (rows: [string, string][]) =>
  readTransactions({ customerIds: column(rows.map((r) => r[0])), dates: column(rows.map((r) => r[1])) }, utc);

/** A Poisson count by Knuth's method (small rates). */
function poisson(random: () => number, lambda: number): number {
  const limit = Math.exp(-lambda);
  let k = 0;
  let product = random();
  while (product > limit) {
    k++;
    product *= random();
  }
  return k;
}

describe("contact rate", () => {
  it("has the Poisson tail worked by hand", () => {
    // 1 − e^−0.5·(1 + 0.5 + 0.125)
    expect(poissonUpperTail(3, 0.5)).toBeCloseTo(0.014387678, 9);
    expect(poissonUpperTail(0, 2)).toBe(1);
  });

  it("counts requests and clients per month and finds a jump, worked by hand", () => {
    // A: one request in January and February, none in March, five in April.
    // B: three in January (new: cannot jump). C: one in March.
    const rows: [string, string][] = [
      ["A", "2024-01-10"],
      ["B", "2024-01-11"],
      ["B", "2024-01-12"],
      ["B", "2024-01-13"],
      ["A", "2024-02-10"],
      ["C", "2024-03-05"],
      ...Array.from({ length: 5 }, (_, i): [string, string] => ["A", `2024-04-0${i + 1}`]),
    ];
    const summary = contactRates(requestsOf(rows), "month", 5);
    expect(summary.periods.map((r) => [r.label, r.requests, r.clients, r.perClient, r.share, r.jumped])).toEqual([
      ["2024-01", 4, 2, 2, 0.4, 0],
      ["2024-02", 1, 1, 1, 0.2, 0],
      ["2024-03", 1, 1, 1, 0.2, 0],
      ["2024-04", 5, 1, 5, 0.2, 1],
    ]);
    expect(summary.total).toMatchObject({ requests: 11, clients: 3, jumped: 1, share: 0.6 });
    // April: 2 requests over 3 months before; rate (2 + ½)/3; P(X ≥ 5) = 0.0016844.
    expect(summary.jumps).toHaveLength(1);
    expect(summary.jumps[0]).toMatchObject({ client: "A", label: "2024-04", requests: 5 });
    expect(summary.jumps[0]?.baseline).toBeCloseTo(2 / 3, 12);
    expect(summary.jumps[0]?.p).toBeCloseTo(0.0016844329, 9);
  });

  it("rarely calls a steady client's month a jump, and finds a real one (simulated)", () => {
    const random = seededRandom(11);
    const rows: [string, string][] = [];
    const month = (m: number) => `${2022 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}-15`;
    // 2,000 steady clients at 1 request a month for 24 months; 50 more go from 0.5 to 6 a month in month 18.
    for (let c = 0; c < 2050; c++) {
      for (let m = 0; m < 24; m++) {
        const rate = c < 2000 ? 1 : m >= 18 ? 6 : 0.5;
        for (let k = poisson(random, rate); k > 0; k--) rows.push([`c${c}`, month(m)]);
      }
    }
    const summary = contactRates(requestsOf(rows), "month", null);
    const steady = summary.jumps.filter((j) => Number(String(j.client).slice(1)) < 2000).length;
    const surged = new Set(summary.jumps.filter((j) => Number(String(j.client).slice(1)) >= 2000).map((j) => j.client));
    // About 2,000 × 22 judged months: the 1 % level (and the ½ added to the count) keep false jumps well under 1 %.
    expect(steady / (2000 * 22)).toBeLessThan(0.01);
    expect(surged.size).toBeGreaterThanOrEqual(48);
  });
});
