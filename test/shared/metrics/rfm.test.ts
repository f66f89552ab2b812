import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { abcXyzTable } from "../../../shared/metrics/abcXyz";
import { customersById } from "../../../shared/metrics/customerOrder";
import { quintileScores, RFM_SEGMENTS, rfm, rfmCells, rfmSegment, rfmTable } from "../../../shared/metrics/rfm";
import { messageOf, shuffled } from "../helpers";
import { dayOf, isoOf, txOf } from "../txHelpers";

describe("RFM", () => {
  // Five customers as of 2024-01-31, worked by hand (see the comments for each score).
  const tx = txOf([
    ["A", "2024-01-30", 10],
    ["A", "2024-01-20", 20],
    ["A", "2024-01-10", 30],
    ["B", "2024-01-31", 5],
    ["C", "2024-01-01", 100],
    ["C", "2024-01-15", 100],
    ["D", "2023-12-01", 1],
    ["E", "2024-01-25", 50],
    ["E", "2024-01-26", 50],
    ["E", "2024-01-27", 50],
    ["E", "2024-01-28", 50],
  ]);

  it("scores and segments customers as worked by hand", () => {
    // Recency (days): A 1, B 0, C 16, D 61, E 3 → R: B 5, A 4, E 3, C 2, D 1.
    // Frequency: A 3, B 1, C 2, D 1, E 4 → B and D tie at 1, the smaller id B scores lower: B 1, D 2, C 3, A 4, E 5.
    // Monetary: A 60, B 5, C 200, D 1, E 200 → C and E tie: D 1, B 2, A 3, C 4, E 5.
    // Segments (R, F): A (4,4) Loyal, B (5,1) New, C (2,3) At Risk, D (1,2) Hibernating, E (3,5) Loyal.
    const result = rfm(tx);
    expect(result.asOfDay).toBe(dayOf("2024-01-31"));
    expect(rfmCells(rfmTable(tx))).toEqual([
      ["customer", "recency_days", "frequency", "monetary", "r_score", "f_score", "m_score", "rfm_score", "segment"],
      ["B", 0, 1, 5, 5, 1, 2, 512, "New"],
      ["A", 1, 3, 60, 4, 4, 3, 443, "Loyal"],
      ["E", 3, 4, 200, 3, 5, 5, 355, "Loyal"],
      ["C", 16, 2, 200, 2, 3, 4, 234, "At Risk"],
      ["D", 61, 1, 1, 1, 2, 1, 121, "Hibernating"],
    ]);
  });

  it("leaves out rows after the as-of date and measures recency from it", () => {
    const result = rfm(tx, dayOf("2024-01-20"));
    const byId = new Map(result.rows.map((r) => [r.customer, r]));
    expect([...byId.keys()].sort()).toEqual(["A", "C", "D"]);
    expect(byId.get("A")).toMatchObject({ recencyDays: 0, frequency: 2, monetary: 50 });
    expect(byId.get("C")).toMatchObject({ recencyDays: 5, frequency: 2, monetary: 200 });
    expect(messageOf(() => rfm(tx, dayOf("2020-01-01")))).toBe(
      "there are no transactions on or before as_of_date: choose a later date",
    );
  });

  it("scores quintiles with balanced groups, ties by id", () => {
    // Ten customers, values 1, 1, 1, 1, 2, 2, 3, 4, 5, 6: ranks 0–9 give scores ⌊5i/10⌋ + 1.
    const ids = ["j", "i", "h", "g", "f", "e", "d", "c", "b", "a"];
    const values = [6, 5, 4, 3, 2, 2, 1, 1, 1, 1];
    // Ascending with ties by id: a, b, c, d (1), e, f (2), g, h, i, j.
    expect([...quintileScores(values, customersById(ids))]).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });

  it("partitions all 25 (R, F) cells as the table in docs/segments.md does", () => {
    // The table, transcribed as ranges: [segment, R from, R to, F from, F to].
    const table: [string, number, number, number, number][] = [
      ["Champions", 5, 5, 4, 5],
      ["Loyal", 3, 4, 4, 5],
      ["Potential Loyalists", 4, 5, 2, 3],
      ["New", 5, 5, 1, 1],
      ["Promising", 4, 4, 1, 1],
      ["Need Attention", 3, 3, 3, 3],
      ["About to Sleep", 3, 3, 1, 2],
      ["At Risk", 1, 2, 3, 4],
      ["Can't Lose", 1, 2, 5, 5],
      ["Hibernating", 1, 2, 1, 2],
    ];
    for (let r = 1; r <= 5; r++) {
      for (let f = 1; f <= 5; f++) {
        const matches = table.filter(([, r0, r1, f0, f1]) => r >= r0 && r <= r1 && f >= f0 && f <= f1);
        expect(matches, `R${r} F${f}`).toHaveLength(1);
        expect(rfmSegment(r, f)).toBe(matches[0]?.[0]);
      }
    }
    expect(new Set(table.map((t) => t[0]))).toEqual(new Set(RFM_SEGMENTS));
  });

  // Random transaction lists: integer ids, days within a year, whole-cent amounts.
  const rowsArb = fc.array(
    fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 365 }), fc.integer({ min: 1, max: 50_000 })),
    { minLength: 1, maxLength: 150 },
  );
  const toTx = (rows: [number, number, number][]) =>
    txOf(rows.map(([id, d, cents]) => [id, isoOf(dayOf("2023-01-01") + d), cents / 100] as const));

  /** Independent implementation: plain maps, sort by (value, id), score ⌊5·rank/n⌋ + 1. */
  function naive(rows: [number, number, number][]) {
    const last = Math.max(...rows.map((r) => r[1]));
    const per = new Map<number, { recency: number; frequency: number; cents: number }>();
    for (const [id, d, cents] of rows) {
      const c = per.get(id) ?? { recency: Number.POSITIVE_INFINITY, frequency: 0, cents: 0 };
      c.recency = Math.min(c.recency, last - d);
      c.frequency++;
      c.cents += cents;
      per.set(id, c);
    }
    const ids = [...per.keys()];
    const score = (value: (id: number) => number) => {
      const sorted = [...ids].sort((a, b) => value(a) - value(b) || a - b);
      return new Map(sorted.map((id, i) => [id, Math.floor((5 * i) / ids.length) + 1]));
    };
    const get = (id: number) => per.get(id) as { recency: number; frequency: number; cents: number };
    return {
      per,
      r: score((id) => -get(id).recency),
      f: score((id) => get(id).frequency),
      m: score((id) => get(id).cents),
    };
  }

  it("ties totals equal to the cent, whatever the floating-point sum of their parts", () => {
    // 0.07 + 0.04 is 0.11000000000000001 in binary floating point: it must tie with 0.11, and the
    // tie goes by id (found by the property below with seed -906635657).
    const result = rfm(
      txOf([
        [1, "2023-01-01", 0.07],
        [2, "2023-01-01", 0.11],
        [1, "2023-01-01", 0.04],
      ]),
    );
    const m = new Map(result.rows.map((row) => [row.customer, row.m]));
    expect([m.get(1), m.get(2)]).toEqual([1, 3]);
  });

  it("agrees with a naive implementation (property)", () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const expected = naive(rows);
        const result = rfm(toTx(rows));
        expect(result.rows).toHaveLength(expected.per.size);
        for (const row of result.rows) {
          const id = row.customer as number;
          const c = expected.per.get(id);
          expect(row.recencyDays).toBe(c?.recency);
          expect(row.frequency).toBe(c?.frequency);
          expect(row.monetary).toBeCloseTo((c?.cents ?? 0) / 100, 9);
          expect([row.r, row.f, row.m]).toEqual([expected.r.get(id), expected.f.get(id), expected.m.get(id)]);
          expect(row.segment).toBe(rfmSegment(row.r, row.f));
        }
      }),
    );
  });

  it("does not depend on row order (property)", () => {
    fc.assert(
      fc.property(rowsArb, fc.array(fc.double({ min: 0, max: 0.999, noNaN: true }), { minLength: 1 }), (rows, rnd) => {
        expect(rfmCells(rfmTable(toTx(shuffled(rows, rnd))))).toEqual(rfmCells(rfmTable(toTx(rows))));
      }),
    );
  });

  it("keeps quintiles balanced and segments a partition of the customers (property)", () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const result = rfm(toTx(rows));
        const n = result.rows.length;
        for (const key of ["r", "f", "m"] as const) {
          const sizes = [1, 2, 3, 4, 5].map((s) => result.rows.filter((row) => row[key] === s).length);
          for (const size of sizes) {
            expect(size).toBeGreaterThanOrEqual(Math.floor(n / 5));
            expect(size).toBeLessThanOrEqual(Math.ceil(n / 5));
          }
        }
        const bySegment = RFM_SEGMENTS.map((s) => result.rows.filter((row) => row.segment === s).length);
        expect(bySegment.reduce((a, b) => a + b, 0)).toBe(n);
        expect(new Set(result.rows.map((row) => row.customer)).size).toBe(n);
        // More recent never scores lower on R.
        for (const a of result.rows) {
          for (const b of result.rows) if (a.recencyDays < b.recencyDays) expect(a.r).toBeGreaterThanOrEqual(b.r);
        }
      }),
    );
  });
});

describe("RFM and ABC/XYZ on absurd amounts", () => {
  it("refuse totals too large for a number instead of returning Infinity", () => {
    const huge = txOf([
      ["A", "2024-01-01", 1e308],
      ["A", "2024-01-02", 1e308],
    ]);
    expect(messageOf(() => rfmTable(huge))).toBe("the result is too large to compute; check the inputs");
    expect(messageOf(() => abcXyzTable(huge))).toBe("the result is too large to compute; check the inputs");
  });
});
