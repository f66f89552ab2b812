import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayFromYmd } from "../../../shared/cells/dates";
import type { Transactions } from "../../../shared/cells/transactions";
import { RapportError } from "../../../shared/errors";
import { collapseHistories, collapseSummary, histories, summarize } from "../../../shared/models/summary";

function transactions(rows: [string | number, number, number][], withAmounts = true): Transactions {
  const customers: (string | number)[] = [];
  const index = new Map<string | number, number>();
  const customer = new Int32Array(rows.length);
  const day = new Int32Array(rows.length);
  const amount = new Float64Array(rows.length);
  rows.forEach(([id, d, a], i) => {
    let c = index.get(id);
    if (c === undefined) {
      c = customers.length;
      index.set(id, c);
      customers.push(id);
    }
    customer[i] = c;
    day[i] = d;
    amount[i] = a;
  });
  return {
    customers,
    customer,
    day,
    amount: withAmounts ? amount : null,
    length: rows.length,
    firstDay: Math.min(...day),
    lastDay: Math.max(...day),
  };
}

const jan = (d: number) => dayFromYmd(2024, 1, d);

describe("summarize", () => {
  it("computes x, tₓ, T, m̄ and the holdout as docs/models.md defines them (worked by hand)", () => {
    const tx = transactions([
      ["A", jan(15), 30],
      ["B", dayFromYmd(2024, 2, 10), 99],
      ["A", jan(1), 10],
      ["C", jan(20), 3],
      ["A", jan(8), 20],
      ["A", jan(1), 5],
      ["A", dayFromYmd(2024, 2, 1), 7],
      ["A", jan(15), -6],
    ]);
    const s = summarize(tx, { calibrationEnd: jan(28), periodDays: 7 });
    // B first bought after the calibration end: not in the calibration sample.
    expect(s.ids).toEqual(["A", "C"]);
    // A: purchase days Jan 1, 8, 15 → x = 2, tₓ = 14 days, T = 27 days; m̄ over the repeat days
    // only: (20 + (30 − 6)) / 2 = 22; revenue includes the first day: 15 + 20 + 24 = 59.
    expect([...s.x]).toEqual([2, 0]);
    expect([...s.recencyDays]).toEqual([14, 0]);
    expect([...s.ageDays]).toEqual([27, 8]);
    expect([...(s.monetary ?? [])]).toEqual([22, 0]);
    expect([...(s.revenue ?? [])]).toEqual([59, 3]);
    // Holdout: up to the last day of the data (Feb 10): A bought once more.
    expect(s.holdoutEnd).toBe(dayFromYmd(2024, 2, 10));
    expect([...(s.holdout ?? [])]).toEqual([1, 0]);
    const h = histories(s);
    expect(h.tx[0]).toBe(2);
    expect(h.T[0]).toBeCloseTo(27 / 7, 14);
  });

  it("defaults the calibration end to the last day, with no holdout, and works without amounts", () => {
    const s = summarize(
      transactions(
        [
          [1, 10, 0],
          [1, 12, 0],
          [2, 11, 0],
        ],
        false,
      ),
    );
    expect(s.calibrationEnd).toBe(12);
    expect(s.holdout).toBeNull();
    expect(s.monetary).toBeNull();
    expect([...s.x]).toEqual([1, 0]);
    expect([...s.ageDays]).toEqual([2, 1]);
  });

  it("gives the same summary for rows grouped by customer, and never reorders the caller's rows", () => {
    const rows: [string, number, number][] = [
      ["A", 30, 1],
      ["A", 10, 2],
      ["A", 20, 4],
      ["B", 5, 8],
      ["B", 5, 16],
      ["C", 40, 32],
    ];
    const grouped = transactions(rows);
    const days = Array.from(grouped.day);
    const shuffled = transactions([rows[3], rows[0], rows[5], rows[1], rows[4], rows[2]] as [string, number, number][]);
    const a = summarize(grouped, { periodDays: 1 });
    const b = summarize(shuffled, { periodDays: 1 });
    expect(Array.from(grouped.day)).toEqual(days);
    for (const k of ["x", "recencyDays", "ageDays", "monetary", "revenue"] as const) {
      const byId = (s: typeof a) => Object.fromEntries(s.ids.map((id, i) => [id, (s[k] as ArrayLike<number>)[i]]));
      expect(byId(b)).toEqual(byId(a));
    }
    // A: days 10, 20, 30 → x = 2, tₓ = 20, T = 40 − 10; m̄ = (4 + 1)/2.
    expect(a.x[0]).toBe(2);
    expect(a.recencyDays[0]).toBe(20);
    expect(a.ageDays[0]).toBe(30);
    expect(a.monetary?.[0]).toBe(2.5);
  });

  it("refuses a calibration end before every first purchase", () => {
    expect(() => summarize(transactions([[1, 10, 1]]), { calibrationEnd: 5 })).toThrow(RapportError);
  });

  it("agrees with a naive implementation on random data (property)", () => {
    const row = fc.tuple(
      fc.integer({ min: 0, max: 6 }),
      fc.integer({ min: 0, max: 60 }),
      fc.integer({ min: -5, max: 50 }),
    );
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 60 }), fc.integer({ min: 0, max: 70 }), (rows, cut) => {
        const tx = transactions(rows.map(([c, d, a]) => [c, d, a]));
        const calibrationEnd = Math.max(cut, Math.min(...rows.map((r) => r[1])));
        const s = summarize(tx, { calibrationEnd, periodDays: 7 });
        const lastDay = Math.max(...rows.map((r) => r[1]));
        for (let i = 0; i < s.length; i++) {
          const id = s.ids[i];
          const mine = rows.filter((r) => r[0] === id);
          const inCal = mine.filter((r) => r[1] <= calibrationEnd);
          const days = [...new Set(inCal.map((r) => r[1]))].sort((a, b) => a - b);
          const first = days[0] as number;
          const repeatSpend = inCal.filter((r) => r[1] !== first).reduce((t, r) => t + r[2], 0);
          expect(s.x[i]).toBe(days.length - 1);
          expect(s.recencyDays[i]).toBe((days.at(-1) as number) - first);
          expect(s.ageDays[i]).toBe(calibrationEnd - first);
          expect(s.monetary?.[i]).toBeCloseTo(days.length > 1 ? repeatSpend / (days.length - 1) : 0, 9);
          const later = new Set(mine.filter((r) => r[1] > calibrationEnd).map((r) => r[1])).size;
          expect(s.holdout ? s.holdout[i] : 0).toBe(lastDay > calibrationEnd ? later : 0);
        }
        const expected = new Set(rows.filter((r) => r[1] <= calibrationEnd).map((r) => r[0]));
        expect(s.length).toBe(expected.size);
      }),
    );
  });
});

describe("collapsing", () => {
  it("keeps every customer's history and counts each once (property)", () => {
    const row = fc.tuple(
      fc.integer({ min: 0, max: 40 }),
      fc.integer({ min: 0, max: 30 }),
      fc.integer({ min: 0, max: 3 }),
    );
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 80 }), (rows) => {
        const tx = transactions(rows.map(([c, d]) => [c, d, 1]));
        const s = summarize(tx, { periodDays: 7 });
        const { rows: collapsed, rowOf } = collapseSummary(s);
        const h = histories(s);
        let total = 0;
        for (let r = 0; r < collapsed.length; r++) total += collapsed.weight[r] as number;
        expect(total).toBe(s.length);
        for (let i = 0; i < s.length; i++) {
          const r = rowOf[i] as number;
          expect(collapsed.x[r]).toBe(h.x[i]);
          expect(collapsed.tx[r]).toBe(h.tx[i]);
          expect(collapsed.T[r]).toBe(h.T[i]);
        }
        const generic = collapseHistories(h);
        expect(generic.rows.length).toBe(collapsed.length);
      }),
    );
  });
});
