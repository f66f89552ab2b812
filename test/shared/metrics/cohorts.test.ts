import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cohortCells, cohortRetention } from "../../../shared/metrics/cohorts";
import { messageOf, shuffled } from "../helpers";
import { dayOf, isoOf, txOf } from "../txHelpers";

describe("cohort retention", () => {
  it("builds the triangle worked by hand", () => {
    // A: Jan, Feb, Apr; B: Jan; C: Feb, Mar; D: Feb twice. Data ends in April.
    // Jan cohort (A, B): Feb A → ½, Mar none → 0, Apr A → ½. Feb cohort (C, D): Mar C → ½, Apr 0, then blank.
    const tx = txOf([
      ["A", "2024-01-03"],
      ["B", "2024-01-20"],
      ["A", "2024-02-10"],
      ["C", "2024-02-11"],
      ["D", "2024-02-12"],
      ["D", "2024-02-28"],
      ["C", "2024-03-05"],
      ["A", "2024-04-30"],
    ]);
    expect(cohortCells(cohortRetention(tx))).toEqual([
      ["cohort", "size", 0, 1, 2, 3],
      ["2024-01", 2, 1, 0.5, 0, 0.5],
      ["2024-02", 2, 1, 0.5, 0, ""],
    ]);
    expect(cohortCells(cohortRetention(tx, "quarter"))).toEqual([
      ["cohort", "size", 0, 1],
      ["2024-Q1", 4, 1, 0.25],
    ]);
  });

  it("refuses more periods than a sheet can show", () => {
    const tx = txOf([
      ["A", "1990-01-01"],
      ["A", "2024-01-01"],
    ]);
    expect(messageOf(() => cohortRetention(tx, "week"))).toContain("a cohort table holds at most 1000");
  });

  const rowsArb = fc.array(fc.tuple(fc.integer({ min: 1, max: 25 }), fc.integer({ min: 0, max: 400 })), {
    minLength: 1,
    maxLength: 120,
  });
  const toTx = (rows: [number, number][]) => txOf(rows.map(([id, d]) => [id, isoOf(dayOf("2023-01-01") + d)] as const));

  it("agrees with a naive implementation: sets of customers per month (property)", () => {
    fc.assert(
      fc.property(rowsArb, fc.constantFrom("month", "quarter", "week" as const), (rows, period) => {
        // Naive: label months and quarters from ISO strings, weeks from Monday-based day counts.
        const key = (d: number) => {
          const iso = isoOf(dayOf("2023-01-01") + d);
          const y = Number(iso.slice(0, 4));
          const m = Number(iso.slice(5, 7));
          if (period === "month") return y * 12 + m;
          if (period === "quarter") return y * 4 + Math.ceil(m / 3);
          return Math.floor((dayOf("2023-01-01") + d + 3) / 7);
        };
        const first = new Map<number, number>();
        for (const [id, d] of rows) first.set(id, Math.min(first.get(id) ?? Number.POSITIVE_INFINITY, key(d)));
        const minKey = Math.min(...first.values());
        const maxKey = Math.max(...rows.map(([, d]) => key(d)));
        const table = cohortRetention(toTx(rows), period);
        let customers = 0;
        for (const row of table.rows) {
          customers += row.size;
          expect(row.retention[0]).toBe(1);
          for (const share of row.retention) {
            expect(share).toBeGreaterThanOrEqual(0);
            expect(share).toBeLessThanOrEqual(1);
          }
        }
        expect(customers).toBe(first.size);
        // Each cohort row, checked against sets built from scratch.
        const cohorts = [...new Set(first.values())].sort((a, b) => a - b);
        expect(table.rows).toHaveLength(cohorts.length);
        cohorts.forEach((cohort, i) => {
          const members = [...first.entries()].filter(([, k]) => k === cohort).map(([id]) => id);
          const row = table.rows[i];
          expect(row?.size).toBe(members.length);
          expect(row?.retention).toHaveLength(maxKey - cohort + 1);
          for (let k = 0; k <= maxKey - cohort; k++) {
            const active = members.filter((id) => rows.some(([rid, d]) => rid === id && key(d) === cohort + k));
            expect(row?.retention[k]).toBeCloseTo(active.length / members.length, 12);
          }
        });
        expect(minKey).toBe(cohorts[0]);
      }),
    );
  });

  it("does not depend on row order (property)", () => {
    fc.assert(
      fc.property(rowsArb, fc.array(fc.double({ min: 0, max: 0.999, noNaN: true }), { minLength: 1 }), (rows, rnd) => {
        expect(cohortCells(cohortRetention(toTx(shuffled(rows, rnd))))).toEqual(
          cohortCells(cohortRetention(toTx(rows))),
        );
      }),
    );
  });
});
