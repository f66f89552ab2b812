import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readLabels } from "../../../shared/cells/columns";
import { dateReading } from "../../../shared/cells/dates";
import { readTransactions } from "../../../shared/cells/transactions";
import { crossSellByCohort, crossSellTargets, upsellByCohort } from "../../../shared/metrics/expansion";
import { dayOfCivil } from "../../../shared/metrics/periods";

const utc = dateReading("Etc/UTC", "en_US");
const column = (values: unknown[]) => values.map((v) => [v]) as never;
const summary = (rows: { label: string; clients: number; returned: number; expanded: number }[]) =>
  rows.map((r) => [r.label, r.clients, r.returned, r.expanded]);

describe("upsell", () => {
  // Worked by hand. January cohort: a (100, then 120 in March: +20 %), b (100 + 50 = 150 in
  // January, 160 in February: +6.7 %), c (only January). February cohort: d (80, then 90 in
  // April: +12.5 %), e (a refund larger than the order: −10 in February, left out).
  const tx = readTransactions(
    {
      customerIds: column(["a", "b", "b", "c", "b", "d", "e", "e", "a", "d"]),
      dates: column([
        "2024-01-05",
        "2024-01-10",
        "2024-01-20",
        "2024-01-31",
        "2024-02-02",
        "2024-02-03",
        "2024-02-05",
        "2024-02-06",
        "2024-03-15",
        "2024-04-01",
      ]),
      amounts: column([100, 100, 50, 70, 160, 80, 40, -50, 120, 90]),
    },
    utc,
  );

  it("compares each later period's spend with the first period's", () => {
    const table = upsellByCohort(tx, { period: "month", window: null, minIncrease: 0.1 });
    expect(summary(table.rows)).toEqual([
      ["2024-01", 3, 2, 1],
      ["2024-02", 1, 1, 1],
      ["total", 4, 3, 2],
    ]);
    expect(table.rows[0]).toMatchObject({ rate: 1 / 3, rateReturning: 0.5, periodsSeen: 3 });
    expect(table.rows[2]).toMatchObject({ rate: 0.5, rateReturning: 2 / 3, periodsSeen: null });
    expect(table.leftOut).toBe(1);
  });

  it("takes the threshold as given, exactly at the boundary too", () => {
    // +20 % reaches exactly 20 % (100 × 1.2 is 120.00000000000001 in floating point).
    const at20 = upsellByCohort(tx, { period: "month", window: null, minIncrease: 0.2 });
    expect(summary(at20.rows)[2]).toEqual(["total", 4, 3, 1]);
    const at5 = upsellByCohort(tx, { period: "month", window: null, minIncrease: 0.05 });
    expect(summary(at5.rows)[2]).toEqual(["total", 4, 3, 3]);
  });

  it("looks only window periods ahead, and by quarter", () => {
    // a's upsell is two months after January: outside a window of 1.
    const near = upsellByCohort(tx, { period: "month", window: 1, minIncrease: 0.1 });
    expect(summary(near.rows)).toEqual([
      ["2024-01", 3, 1, 0],
      ["2024-02", 1, 0, 0],
      ["total", 4, 1, 0],
    ]);
    expect(near.rows.map((r) => r.periodsSeen)).toEqual([1, 1, null]);
    // By quarter all but d's April purchase is in Q1: d (80 → 90, +12.5 %) is the only one upsold.
    const quarter = upsellByCohort(tx, { period: "quarter", window: null, minIncrease: 0.1 });
    expect(summary(quarter.rows)).toEqual([
      ["2024-Q1", 4, 1, 1],
      ["total", 4, 1, 1],
    ]);
  });
});

describe("cross-sell", () => {
  // Worked by hand. a: shoes in January, then shoes and Bags (new) in February. b: shoes and bags
  // in January, bags in March (nothing new). c: only January. d (February cohort): socks, then
  // SHOES in April (new to d, written in capitals).
  const ids = ["a", "a", "a", "b", "b", "b", "c", "d", "d"];
  const dates = [
    "2024-01-02",
    "2024-02-03",
    "2024-02-04",
    "2024-01-05",
    "2024-01-06",
    "2024-03-01",
    "2024-01-09",
    "2024-02-10",
    "2024-04-11",
  ];
  const cats = ["shoes", "shoes", "Bags", "shoes", "bags", "bags", "socks", "socks", "SHOES "];
  const tx = readTransactions({ customerIds: column(ids), dates: column(dates), keepRows: true }, utc);
  const labels = readLabels(column(cats), tx.row as Int32Array, ids.length, "categories", "customer_ids");

  it("reads categories whatever their case and spaces", () => {
    expect(labels.names).toEqual(["shoes", "Bags", "socks"]);
  });

  it("counts clients who bought a category new after their first period", () => {
    const table = crossSellByCohort(tx, labels.label, labels.names.length, { period: "month", window: null });
    expect(summary(table.rows)).toEqual([
      ["2024-01", 3, 2, 1],
      ["2024-02", 1, 1, 1],
      ["total", 4, 3, 2],
    ]);
    const { targets } = crossSellTargets(tx, labels.label, labels.names, { period: "month", window: null });
    expect(targets).toEqual([
      { category: "shoes", clients: 1, share: 0.5 },
      { category: "Bags", clients: 1, share: 0.5 },
    ]);
  });

  it("lines up categories with rows readTransactions kept, and names a blank category", () => {
    const gappy = readTransactions(
      { customerIds: column(["a", "", "a"]), dates: column(["2024-01-01", "", "2024-02-01"]), keepRows: true },
      utc,
    );
    expect(Array.from(gappy.row as Int32Array)).toEqual([0, 2]);
    const read = readLabels(column(["x", "", "y"]), gappy.row as Int32Array, 3, "categories", "customer_ids");
    expect(Array.from(read.label)).toEqual([0, 1]);
    expect(() => readLabels(column(["x", "z", ""]), gappy.row as Int32Array, 3, "categories", "customer_ids")).toThrow(
      expect.objectContaining({ key: "input.blankInRow" }),
    );
  });
});

/** Naive reference: per client, the first month's spend and categories against each later month's. */
function naive(rows: [number, number, number, number][], minIncrease: number, window: number | null) {
  const byClient = new Map<number, [number, number, number, number][]>();
  for (const row of rows) byClient.set(row[0], [...(byClient.get(row[0]) ?? []), row]);
  let clients = 0;
  let leftOut = 0;
  let upsold = 0;
  let crossSold = 0;
  let returned = 0;
  let crossClients = 0;
  const month = (day: number) => {
    const d = new Date(day * 86400000);
    return d.getUTCFullYear() * 12 + d.getUTCMonth();
  };
  for (const list of byClient.values()) {
    const first = Math.min(...list.map((r) => month(r[1])));
    const inWindow = (r: [number, number, number, number]) =>
      month(r[1]) > first && (window === null || month(r[1]) - first <= window);
    const base = list.filter((r) => month(r[1]) === first);
    const later = list.filter(inWindow);
    const spend = base.reduce((s, r) => s + r[2], 0);
    const spendBy = new Map<number, number>();
    for (const r of later) spendBy.set(month(r[1]), (spendBy.get(month(r[1])) ?? 0) + r[2]);
    crossClients++;
    if (later.some((r) => !base.some((b) => b[3] === r[3]))) crossSold++;
    if (!(spend > 0)) {
      leftOut++;
      continue;
    }
    clients++;
    if (later.length > 0) returned++;
    if ([...spendBy.values()].some((s) => s >= spend * (1 + minIncrease) - 1e-9)) upsold++;
  }
  return { clients, leftOut, upsold, returned, crossSold, crossClients };
}

describe("upsell and cross-sell against a naive count", () => {
  it("agree on any list", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 5 }),
            fc.integer({ min: dayOfCivil(2024, 1, 1), max: dayOfCivil(2024, 12, 31) }),
            fc.integer({ min: -20, max: 100 }),
            fc.integer({ min: 0, max: 3 }),
          ),
          { minLength: 1, maxLength: 40 },
        ),
        fc.constantFrom(0.1, 0.5, 1),
        fc.constantFrom(null, 1, 3),
        (rows, minIncrease, window) => {
          const iso = (day: number) => new Date(day * 86400000).toISOString().slice(0, 10);
          const tx = readTransactions(
            {
              customerIds: column(rows.map((r) => `c${r[0]}`)),
              dates: column(rows.map((r) => iso(r[1]))),
              amounts: column(rows.map((r) => r[2])),
              keepRows: true,
            },
            utc,
          );
          const labels = readLabels(
            column(rows.map((r) => `k${r[3]}`)),
            tx.row as Int32Array,
            rows.length,
            "categories",
            "customer_ids",
          );
          const want = naive(rows, minIncrease, window);
          const up = upsellByCohort(tx, { period: "month", window, minIncrease });
          const total = up.rows[up.rows.length - 1];
          expect([total?.clients, total?.returned, total?.expanded, up.leftOut]).toEqual([
            want.clients,
            want.returned,
            want.upsold,
            want.leftOut,
          ]);
          const cross = crossSellByCohort(tx, labels.label, labels.names.length, { period: "month", window });
          const crossTotal = cross.rows[cross.rows.length - 1];
          expect([crossTotal?.clients, crossTotal?.expanded]).toEqual([want.crossClients, want.crossSold]);
          // Cohort rows add up to the total.
          expect(up.rows.slice(0, -1).reduce((s, r) => s + r.clients, 0)).toBe(total?.clients);
        },
      ),
      { numRuns: 300 },
    );
  });
});
