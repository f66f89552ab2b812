import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { abcXyz, abcXyzCells, abcXyzTable } from "../../../shared/metrics/abcXyz";
import { messageOf, shuffled } from "../helpers";
import { dayOf, isoOf, txOf } from "../txHelpers";

describe("ABC/XYZ", () => {
  // Data from January to April 2024. Revenue: A 50, B 30, C 10, D 5, E 5 (total 100).
  const tx = txOf([
    ["A", "2024-01-05", 10],
    ["A", "2024-02-05", 10],
    ["A", "2024-03-05", 15],
    ["A", "2024-04-05", 15],
    ["B", "2024-01-10", 30],
    ["C", "2024-04-10", 10],
    ["D", "2024-03-01", 2.5],
    ["D", "2024-04-01", 2.5],
    ["E", "2024-01-02", 1.25],
    ["E", "2024-02-02", 1.25],
    ["E", "2024-03-02", 1.25],
    ["E", "2024-04-02", 1],
    ["E", "2024-04-03", 0.25],
  ]);

  it("classifies clients as worked by hand", () => {
    // Cumulative share before each client: A 0, B 0.5 → A; C 0.8, D 0.9 → B; E 0.95 → C
    // (D and E tie at 5: the smaller id comes first).
    // Monthly revenue over Jan–Apr: A [10, 10, 15, 15] mean 12.5, sd 2.5 → CV 0.2 (Y);
    // B [30, 0, 0, 0] mean 7.5, sd √168.75 → CV √3 (Z); C first bought in April: one month, no CV;
    // D [2.5, 2.5] over Mar–Apr → CV 0 (X); E [1.25 × 4] → CV 0 (X).
    const result = abcXyz(tx);
    expect(result.totalRevenue).toBe(100);
    const cells = abcXyzCells(abcXyzTable(tx));
    expect(cells[0]).toEqual(["customer", "revenue", "share", "cumulative_share", "abc", "cv", "xyz", "class"]);
    expect(cells.slice(1).map((r) => [r[0], r[1], r[4], r[6], r[7]])).toEqual([
      ["A", 50, "A", "Y", "AY"],
      ["B", 30, "A", "Z", "AZ"],
      ["C", 10, "B", "", "B"],
      ["D", 5, "B", "X", "BX"],
      ["E", 5, "C", "X", "CX"],
    ]);
    const byId = new Map(result.rows.map((r) => [r.customer, r]));
    expect(byId.get("A")?.cv).toBeCloseTo(0.2, 12);
    expect(byId.get("B")?.cv).toBeCloseTo(Math.sqrt(3), 12);
    expect(byId.get("C")?.cv).toBeNull();
    expect(byId.get("C")?.months).toBe(1);
    expect(byId.get("B")?.months).toBe(4);
    expect(result.rows.map((r) => r.cumulativeShare)).toEqual([0.5, 0.8, 0.9, 0.95, 1]);
    expect(result.rows.map((r) => r.share)).toEqual([0.5, 0.3, 0.1, 0.05, 0.05]);
  });

  it("takes the thresholds as arguments", () => {
    const result = abcXyz(tx, { aShare: 0.5, bShare: 0.9, xCv: 0.25, yCv: 2 });
    expect(result.rows.map((r) => r.class)).toEqual(["AX", "BY", "B", "CX", "CX"]);
  });

  it("explains thresholds out of order and a total that is not positive", () => {
    expect(messageOf(() => abcXyz(tx, { aShare: 0.9, bShare: 0.8 }))).toBe(
      "a_share (0.9) must be less than b_share (0.8)",
    );
    expect(messageOf(() => abcXyz(tx, { xCv: 0.3, yCv: 0.2 }))).toBe("x_cv (0.3) must be less than y_cv (0.2)");
    expect(messageOf(() => abcXyz(txOf([["A", "2024-01-01", 0]])))).toContain("total revenue is 0");
  });

  const rowsArb = fc.array(
    fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 100_000 })),
    { minLength: 1, maxLength: 150 },
  );
  const toTx = (rows: [number, number, number][]) =>
    txOf(rows.map(([id, d, cents]) => [id, isoOf(dayOf("2023-01-01") + d), cents / 100] as const));

  it("agrees with a naive implementation (property)", () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        // Naive: revenue per id, months as "YYYY-MM" strings via Date, CV over every month from
        // the client's first to the data's last.
        const month = (d: number) => isoOf(dayOf("2023-01-01") + d).slice(0, 7);
        const monthNumber = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7));
        const lastMonth = monthNumber(month(Math.max(...rows.map((r) => r[1]))));
        const perMonth = new Map<number, Map<number, number>>();
        for (const [id, d, cents] of rows) {
          const m = monthNumber(month(d));
          const months = perMonth.get(id) ?? new Map<number, number>();
          months.set(m, (months.get(m) ?? 0) + cents / 100);
          perMonth.set(id, months);
        }
        const result = abcXyz(toTx(rows));
        const total = rows.reduce((s, r) => s + r[2], 0) / 100;
        expect(result.totalRevenue).toBeCloseTo(total, 6);
        let before = 0;
        for (const row of result.rows) {
          const months = perMonth.get(row.customer as number) as Map<number, number>;
          const revenue = [...months.values()].reduce((a, b) => a + b, 0);
          expect(row.revenue).toBeCloseTo(revenue, 6);
          const expectedAbc = before < 0.8 * total - 1e-9 ? "A" : before < 0.95 * total - 1e-9 ? "B" : "C";
          expect(row.abc).toBe(expectedAbc);
          before += revenue;
          const first = Math.min(...months.keys());
          const series: number[] = [];
          for (let m = first; m <= lastMonth; m++) series.push(months.get(m) ?? 0);
          if (series.length < 2) {
            expect(row.cv).toBeNull();
          } else {
            const mean = series.reduce((a, b) => a + b, 0) / series.length;
            const sd = Math.sqrt(series.reduce((a, b) => a + (b - mean) ** 2, 0) / series.length);
            expect(row.cv).toBeCloseTo(sd / mean, 9);
          }
        }
        // Shares add up to 1, cumulative shares never fall, classes come in A, B, C order.
        expect(result.rows.reduce((s, r) => s + r.share, 0)).toBeCloseTo(1, 9);
        const abc = result.rows.map((r) => r.abc).join("");
        expect(abc).toMatch(/^A+B*C*$/);
      }),
    );
  });

  it("does not depend on row order (property)", () => {
    fc.assert(
      fc.property(rowsArb, fc.array(fc.double({ min: 0, max: 0.999, noNaN: true }), { minLength: 1 }), (rows, rnd) => {
        const a = abcXyzCells(abcXyzTable(toTx(rows)));
        const b = abcXyzCells(abcXyzTable(toTx(shuffled(rows, rnd))));
        expect(b.map((r) => [r[0], r[4], r[6], r[7]])).toEqual(a.map((r) => [r[0], r[4], r[6], r[7]]));
      }),
    );
  });
});
