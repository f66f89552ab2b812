import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TransactionCsvReader } from "../../../shared/api/transactionsCsv";
import { transactionsCsv } from "../../../shared/api/transactionsCsvWriter";
import { clientKey } from "../../../shared/cells/clientId";
import type { Transactions } from "../../../shared/cells/transactions";
import { isErrorCell } from "../../../shared/cells/values";
import { txOf } from "../txHelpers";

function read(text: string): Transactions {
  const reader = new TransactionCsvReader();
  reader.push(text);
  return reader.finish();
}

/** Rows as (id, day, amount) triples (−0 written as "0" reads back as 0: the same amount). */
const rowsOf = (tx: Transactions) =>
  Array.from({ length: tx.length }, (_, i) => [
    tx.customers[tx.customer[i] as number],
    tx.day[i],
    tx.amount ? (tx.amount[i] as number) + 0 : null,
  ]);

describe("transactionsCsv", () => {
  it("writes the analysis API's body: day numbers, quoted text ids", () => {
    const tx = txOf([
      [17, "2024-03-01", 12.5],
      ['Acme, "Ltd"', "2024-03-02", -3],
      ["0042", "1970-01-02", 1e21],
    ]);
    expect(transactionsCsv(tx)).toBe('customer,date,amount\n17,19783,12.5\n"Acme, ""Ltd""",19784,-3\n0042,1,1e+21\n');
  });

  it("reads back as the same transactions through the Worker's reader (property)", () => {
    const id = fc.oneof(
      fc.integer({ min: 0, max: 4_000_000 }),
      fc
        .string({ minLength: 1, maxLength: 12 })
        .filter((s) => clientKey(s) !== null && !isErrorCell(s) && !/[\r\n]/.test(s)),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(id, fc.integer({ min: 0, max: 60_000 }), fc.double({ min: -1e9, max: 1e9, noNaN: true })), {
          minLength: 1,
          maxLength: 60,
        }),
        (rows) => {
          const tx = txOf(
            rows.map(([c, day, amount]) => [c, new Date(day * 86_400_000).toISOString().slice(0, 10), amount] as const),
          );
          const back = read(transactionsCsv(tx));
          expect(rowsOf(back)).toEqual(rowsOf(tx));
          expect([back.firstDay, back.lastDay]).toEqual([tx.firstDay, tx.lastDay]);
        },
      ),
    );
  });
});
