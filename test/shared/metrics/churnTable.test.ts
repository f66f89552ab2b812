import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { churnTable, churnTableCells } from "../../../shared/metrics/churnTable";
import { customerHistories, typicalGapDays } from "../../../shared/metrics/histories";
import { messageOf, shuffled } from "../helpers";
import { dayOf, isoOf, txOf } from "../txHelpers";

describe("churn table", () => {
  // inactive_days = 30. A: Jan 1, Jan 20, Mar 15 (lost Feb 19, back Mar 15); B: Jan 10 (lost
  // Feb 9); C: Feb 5, Feb 25, Mar 20, Apr 10 (gaps under 30: never lost). Data ends Apr 10.
  const tx = txOf([
    ["A", "2024-01-01"],
    ["A", "2024-01-20"],
    ["B", "2024-01-10"],
    ["C", "2024-02-05"],
    ["C", "2024-02-25"],
    ["A", "2024-03-15"],
    ["C", "2024-03-20"],
    ["C", "2024-04-10"],
  ]);

  it("counts customers per month as worked by hand", () => {
    // Active at: Dec 31 none; Jan 31 A, B; Feb 29 C; Mar 31 A, C; Apr 10 (end of data) A, C.
    expect(churnTableCells(churnTable(tx, { period: "month", inactiveDays: 30 }))).toEqual([
      ["period", "customers_at_start", "new", "lost", "customers_at_end", "churn_rate", "retention_rate"],
      ["2024-01", 0, 2, 0, 2, "", ""],
      ["2024-02", 2, 1, 2, 1, 1, 0],
      ["2024-03", 1, 1, 0, 2, 0, 1],
      ["2024-04", 2, 0, 0, 2, 0, 1],
    ]);
  });

  it("derives inactive_days from the 90th percentile of purchase gaps", () => {
    // Gaps: A 19, 55; C 20, 24, 21 → sorted 19, 20, 21, 24, 55; nearest rank ⌈0.9·5⌉ = 5th → 55.
    expect(typicalGapDays(customerHistories(tx))).toBe(55);
    const table = churnTable(tx, { period: "quarter" });
    expect(table.derived).toBe(true);
    expect(table.inactiveDays).toBe(55);
    expect(messageOf(() => churnTable(txOf([["A", "2024-01-01"]])))).toBe(
      "no customer bought on two different days, so the typical gap between purchases is unknown: give inactive_days",
    );
  });

  const rowsArb = fc.array(fc.tuple(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 500 })), {
    minLength: 1,
    maxLength: 100,
  });
  const base = dayOf("2023-01-01");
  const toTx = (rows: [number, number][]) => txOf(rows.map(([id, d]) => [id, isoOf(base + d)] as const));

  /**
   * Brute force from the definition: a customer is active at the end of day t when some purchase
   * p ≤ t has t − p < L. Checkpoints: the day before each month starts, then the last day.
   */
  function naive(rows: [number, number][], inactive: number) {
    const days = rows.map(([, d]) => base + d);
    const last = Math.max(...days);
    const first = Math.min(...days);
    const monthStart = (day: number) => {
      const d = new Date(day * 86_400_000);
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / 86_400_000;
    };
    const checkpoints: number[] = [];
    for (let start = monthStart(first); start <= last; ) {
      checkpoints.push(start - 1);
      const d = new Date(start * 86_400_000);
      start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / 86_400_000;
    }
    checkpoints.push(last);
    const ids = [...new Set(rows.map(([id]) => id))];
    const active = (id: number, t: number) =>
      rows.some(([rid, d]) => rid === id && base + d <= t && t - (base + d) < inactive);
    const out: number[][] = [];
    for (let k = 0; k + 1 < checkpoints.length; k++) {
      const s = ids.filter((id) => active(id, checkpoints[k] as number));
      const e = ids.filter((id) => active(id, checkpoints[k + 1] as number));
      out.push([
        s.length,
        e.filter((id) => !s.includes(id)).length,
        s.filter((id) => !e.includes(id)).length,
        e.length,
      ]);
    }
    return out;
  }

  it("agrees with a brute-force implementation of the definition (property)", () => {
    fc.assert(
      fc.property(rowsArb, fc.integer({ min: 1, max: 120 }), (rows, inactive) => {
        const table = churnTable(toTx(rows), { period: "month", inactiveDays: inactive });
        expect(table.rows.map((r) => [r.atStart, r.newCustomers, r.lost, r.atEnd])).toEqual(naive(rows, inactive));
      }),
    );
  });

  it("keeps E = S + new − lost, chains periods and keeps rates in 0…1 (property)", () => {
    fc.assert(
      fc.property(
        rowsArb,
        fc.integer({ min: 1, max: 200 }),
        fc.constantFrom("week", "month", "quarter", "year" as const),
        (rows, inactive, period) => {
          const table = churnTable(toTx(rows), { period, inactiveDays: inactive });
          table.rows.forEach((r, k) => {
            expect(r.atEnd).toBe(r.atStart + r.newCustomers - r.lost);
            if (k > 0) expect(r.atStart).toBe(table.rows[k - 1]?.atEnd);
            if (r.atStart === 0) {
              expect(r.churnRate).toBeNull();
              expect(r.retentionRate).toBeNull();
            } else {
              expect(r.churnRate).toBeGreaterThanOrEqual(0);
              expect(r.churnRate).toBeLessThanOrEqual(1);
              expect((r.churnRate as number) + (r.retentionRate as number)).toBeCloseTo(1, 12);
            }
          });
          expect(table.rows[0]?.atStart).toBe(0);
        },
      ),
    );
  });

  it("does not depend on row order (property)", () => {
    fc.assert(
      fc.property(rowsArb, fc.array(fc.double({ min: 0, max: 0.999, noNaN: true }), { minLength: 1 }), (rows, rnd) => {
        const options = { period: "month", inactiveDays: 45 } as const;
        expect(churnTableCells(churnTable(toTx(shuffled(rows, rnd)), options))).toEqual(
          churnTableCells(churnTable(toTx(rows), options)),
        );
      }),
    );
  });
});
