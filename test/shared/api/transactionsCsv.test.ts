import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDay, TransactionCsvReader } from "../../../shared/api/transactionsCsv";
import { dayFromYmd } from "../../../shared/cells/dates";
import { RapportError } from "../../../shared/errors";
import { t } from "../../../shared/i18n/translate";

function read(text: string, chunks: number[] = [], maxRows?: number) {
  const reader = new TransactionCsvReader(maxRows);
  let from = 0;
  for (const cut of chunks) {
    reader.push(text.slice(from, cut));
    from = cut;
  }
  reader.push(text.slice(from));
  return reader.finish();
}

function message(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof RapportError) return t("en", error.key, error.params);
    throw error;
  }
  throw new Error("expected an error");
}

describe("TransactionCsvReader", () => {
  it("reads columns by name, quoted fields, CRLF, day numbers, and ids as the sheets do", () => {
    const tx = read(
      'date,amount,note,Customer_ID\r\n2024-01-05,10,x,"A,1"\r\n19723,2.5,,17\r\n2024-01-01,-3,"say ""hi""",17.0\r\n\r\n',
    );
    expect(tx.customers).toEqual(["A,1", 17]);
    expect(Array.from(tx.customer)).toEqual([0, 1, 1]);
    expect(Array.from(tx.day)).toEqual([dayFromYmd(2024, 1, 5), 19723, dayFromYmd(2024, 1, 1)]);
    expect(Array.from(tx.amount ?? [])).toEqual([10, 2.5, -3]);
    expect(tx.firstDay).toBe(19723);
    expect(tx.lastDay).toBe(dayFromYmd(2024, 1, 5));
    expect(read("customer,date\nA,2024-01-01\n").amount).toBeNull();
  });

  it("gives the same result however the body is split, sorted or not (property)", () => {
    const row = fc.tuple(
      fc.integer({ min: 0, max: 30 }),
      fc.integer({ min: 19000, max: 19100 }),
      fc.integer({ min: 0, max: 999 }),
    );
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        (rows, cuts) => {
          const text = `customer,date,amount\n${rows.map(([c, d, a]) => `id${c},${d},${a / 100}`).join("\n")}`;
          const chunks = cuts.map((c) => c % (text.length + 1)).sort((a, b) => a - b);
          const tx = read(text, chunks);
          // Reference: first-appearance numbering with a map.
          const index = new Map<string, number>();
          const expected = rows.map(([c]) => {
            const id = `id${c}`;
            if (!index.has(id)) index.set(id, index.size);
            return index.get(id);
          });
          expect(Array.from(tx.customer)).toEqual(expected);
          expect(tx.customers).toEqual([...index.keys()]);
          expect(Array.from(tx.day)).toEqual(rows.map((r) => r[1]));
          expect(Array.from(tx.amount ?? [])).toEqual(rows.map((r) => r[2] / 100));
        },
      ),
    );
  });

  it("numbers customers sorted by id without a map, and switches to one when order breaks", () => {
    const tx = read("customer,date\n1,10\n1,11\n2,10\n5,12\n2,13\nB,1\nA,2\n");
    expect(tx.customers).toEqual([1, 2, 5, "B", "A"]);
    expect(Array.from(tx.customer)).toEqual([0, 0, 1, 2, 1, 3, 4]);
  });

  it("explains what is wrong, naming the line", () => {
    expect(message(() => read("who,when\nA,2024-01-01\n"))).toBe(
      'the first line must name the columns, e.g. customer,date,amount (found "who,when")',
    );
    expect(message(() => read("customer,date,amount\nA,2024-01-01\n"))).toBe("line 2: expected 3 fields, found 2");
    expect(message(() => read("customer,date\n ,2024-01-01\n"))).toBe("line 2: the customer id is empty");
    expect(message(() => read("customer,date\nA,01.03.2024\n"))).toContain('line 2: "01.03.2024" is not a date');
    expect(message(() => read("customer,date,amount\nA,2024-01-01,1e999\n"))).toContain('"1e999" is not an amount');
    expect(message(() => read("customer,date,amount\nA,2024-01-01,\n"))).toContain('"" is not an amount');
    expect(message(() => read('customer,date\n"A,2024-01-01\n'))).toBe("line 2: a quoted field is not closed");
    expect(message(() => read("customer,date\n"))).toBe("the body has a header but no transactions");
    expect(message(() => read(""))).toContain("the first line must name the columns");
    expect(message(() => read("customer,date\nA,1\nB,2\nC,3\n", [], 2))).toBe(
      "more than 2 transactions in one request; send fewer rows",
    );
    // Customers are capped apart from rows, sorted or not (the id map is what fills memory).
    for (const body of ["customer,date\nA,1\nA,2\nB,3\nC,4\n", "customer,date\nC,1\nA,2\nB,3\nA,4\n"]) {
      const reader = new TransactionCsvReader(10, 2);
      expect(message(() => reader.push(body))).toBe(
        "more than 2 customers in one request, more than the Worker's memory holds; send fewer customers (for example those active in the last years)",
      );
    }
    const two = new TransactionCsvReader(10, 2);
    two.push("customer,date\nB,1\nA,2\nB,3\n");
    expect(two.finish().customers).toEqual(["B", "A"]);
    expect(message(() => read(`customer,date\n${"x".repeat(20_000)}`))).toContain("longer than 10000 characters");
    // A long line that arrives whole inside one chunk, followed by more lines, is refused too.
    const long = `customer,date\n${"x".repeat(10_001)},2024-01-01\nB,2024-01-02\n`;
    expect(message(() => read(long))).toBe(message(() => read(long, [20, 40])));
    expect(message(() => read(long))).toBe("line 2 is longer than 10000 characters; put one transaction per line");
  });

  it("parses days strictly", () => {
    expect(parseDay("2024-02-29")).toBe(dayFromYmd(2024, 2, 29));
    expect(parseDay("2023-02-29")).toBeNull();
    expect(parseDay("-5")).toBe(-5);
    expect(parseDay("20240301")).toBeNull();
    expect(parseDay("2024-1-5")).toBeNull();
  });
});
