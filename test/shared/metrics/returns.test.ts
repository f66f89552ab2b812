import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dateReading } from "../../../shared/cells/dates";
import { readTransactions } from "../../../shared/cells/transactions";
import { returnRows, returnsByClient, returnsByPeriod } from "../../../shared/metrics/returns";

const utc = dateReading("Etc/UTC", "en_US");
const column = (values: unknown[]) => values.map((v) => [v]) as never;

describe("returns", () => {
  // Worked by hand: January: orders 100 (a), 50 (b), 30 (a), return −30 (a);
  // February: order 200 (b), return −50 (b); March: nothing; April: order 10 (c).
  const tx = readTransactions(
    {
      customerIds: column(["a", "b", "a", "a", "b", "b", "c"]),
      dates: column(["2024-01-03", "2024-01-05", "2024-01-09", "2024-01-20", "2024-02-02", "2024-02-10", "2024-04-01"]),
      amounts: column([100, 50, 30, -30, 200, -50, 10]),
    },
    utc,
  );

  it("counts negative amounts as returns, per month and in total", () => {
    const rows = returnsByPeriod(tx, returnRows(tx, null), "month");
    expect(rows.map((r) => [r.label, r.orders, r.returns, r.sales, r.returned, r.orderRate, r.revenueRate])).toEqual([
      ["2024-01", 3, 1, 180, 30, 1 / 3, 30 / 180],
      ["2024-02", 1, 1, 200, 50, 1, 0.25],
      ["2024-03", 0, 0, 0, 0, null, null],
      ["2024-04", 1, 0, 10, 0, 0, 0],
      ["total", 5, 2, 390, 80, 0.4, 80 / 390],
    ]);
  });

  it("per client, most returned first, and with a returns column instead of signs", () => {
    const byClient = returnsByClient(tx, returnRows(tx, null));
    expect(byClient.map((r) => [r.label, r.returned, r.orders])).toEqual([
      ["b", 50, 2],
      ["a", 30, 2],
      ["c", 0, 1],
      ["total", 80, 5],
    ]);
    // Flag the 200 order as a return (a refund written as a positive amount).
    const flags = [false, false, false, false, true, false, false];
    const flagged = returnsByPeriod(tx, returnRows(tx, flags), "year");
    expect(flagged[0]).toMatchObject({ orders: 6, returns: 1, returned: 200, sales: 100 + 50 + 30 - 30 - 50 + 10 });
  });

  it("adds up to the totals of a naive count over any list", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 4 }),
            fc.integer({ min: 0, max: 400 }),
            fc.integer({ min: -50, max: 100 }),
          ),
          {
            minLength: 1,
            maxLength: 40,
          },
        ),
        (rows) => {
          const list = readTransactions(
            {
              customerIds: column(rows.map((r) => `c${r[0]}`)),
              dates: column(rows.map((r) => new Date(Date.UTC(2024, 0, 1 + r[1])))),
              amounts: column(rows.map((r) => r[2])),
            },
            utc,
          );
          const marks = returnRows(list, null);
          const periods = returnsByPeriod(list, marks, "quarter");
          const total = periods[periods.length - 1];
          const returned = rows.filter((r) => r[2] < 0);
          expect(total?.returns).toBe(returned.length);
          expect(total?.returned).toBe(returned.reduce((s, r) => s - r[2], 0));
          expect(total?.orders).toBe(rows.length - returned.length);
          const summed = periods.slice(0, -1).reduce((s, p) => s + p.sales, 0);
          expect(summed).toBe(total?.sales);
          const clients = returnsByClient(list, marks);
          expect(clients.slice(0, -1).reduce((s, c) => s + c.returns, 0)).toBe(returned.length);
        },
      ),
    );
  });
});
