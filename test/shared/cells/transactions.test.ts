import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dateReading, dayFromYmd } from "../../../shared/cells/dates";
import { RowSkips, SKIPPED_EXAMPLES } from "../../../shared/cells/skippedRows";
import { readTransactions } from "../../../shared/cells/transactions";
import { RapportError } from "../../../shared/errors";
import { t } from "../../../shared/i18n/translate";

const reading = dateReading("UTC", "en_US");
const col = (...values: unknown[]) => values.map((v) => [v]) as never;

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof RapportError) return t("en", error.key, error.params);
    throw error;
  }
  throw new Error("expected an error");
}

describe("readTransactions", () => {
  it("reads ids, dates and amounts into columns, numbering customers by first appearance", () => {
    const tx = readTransactions(
      {
        customerIds: col("A", 7, "A", "7", "B"),
        dates: col("2024-01-05", new Date("2024-01-01T00:00:00Z"), "02.01.2024", 20240110, "2024-01-03"),
        amounts: col(10, "2,50", 3, "1 000", -4),
      },
      reading,
    );
    expect(tx.customers).toEqual(["A", 7, "B"]);
    expect([...tx.customer]).toEqual([0, 1, 0, 1, 2]);
    expect([...tx.day]).toEqual([4, 0, 1, 9, 2].map((d) => dayFromYmd(2024, 1, 1) + d));
    expect([...(tx.amount ?? [])]).toEqual([10, 2.5, 3, 1000, -4]);
    expect(tx.length).toBe(5);
    expect(tx.firstDay).toBe(dayFromYmd(2024, 1, 1));
    expect(tx.lastDay).toBe(dayFromYmd(2024, 1, 10));
  });

  it("hands a sidebar's reader each row it cannot read and leaves it out; a formula's fails", () => {
    const input = {
      customerIds: col("A", "B", "C", "#N/A", "A", "D"),
      dates: col("2024-01-05", "soon", "2024-01-06", "2024-01-07", "", "2024-01-08"),
      amounts: col(10, 20, "n/a", 40, 50, 60),
    };
    const skips = new RowSkips();
    const tx = readTransactions({ ...input, skip: skips.skip }, reading);
    // Rows 1 and 6 are read; "B" and "C", whose rows are left out, are not counted as customers.
    expect(tx.customers).toEqual(["A", "D"]);
    expect([...(tx.amount ?? [])]).toEqual([10, 60]);
    const skipped = skips.result();
    expect(skipped?.count).toBe(4);
    expect(skipped?.examples.map((e) => t("en", e.key, e.params))).toEqual([
      'dates, row 2: "soon" is not a date; use a date cell or text such as 2024-03-01 or 01.03.2024',
      'amounts, row 3: "n/a" is not a number',
      "customer_ids, row 4: the cell holds the error #N/A; fix or clear that cell",
      "dates, row 5 is blank while other columns of that row are filled; fill it or clear the whole row",
    ]);
    expect(messageOf(() => readTransactions(input, reading))).toMatch(/^dates, row 2: "soon" is not a date/);
    // Nothing readable at all: the first row's problem, even for a sidebar.
    expect(
      messageOf(() =>
        readTransactions({ customerIds: col("A", "B"), dates: col("x", "y"), skip: new RowSkips().skip }, reading),
      ),
    ).toMatch(/^dates, row 1: "x" is not a date/);
  });

  it("keeps the first five left-out rows to show and counts the rest", () => {
    const skips = new RowSkips();
    readTransactions(
      {
        customerIds: col(...Array.from({ length: 9 }, (_, i) => `c${i}`)),
        dates: col("2024-01-01", ...Array.from({ length: 8 }, () => "bad")),
        skip: skips.skip,
      },
      reading,
    );
    expect(skips.result()?.count).toBe(8);
    expect(skips.result()?.examples).toHaveLength(SKIPPED_EXAMPLES);
  });

  it("skips rows blank in every range and works without amounts", () => {
    const tx = readTransactions(
      { customerIds: col("A", "", "B", ""), dates: col("2024-01-01", "", "2024-01-02", " ") },
      reading,
    );
    expect(tx.length).toBe(2);
    expect(tx.amount).toBeNull();
  });

  it("explains each kind of bad input", () => {
    expect(messageOf(() => readTransactions({ customerIds: col("A", "B"), dates: col("2024-01-01") }, reading))).toBe(
      "dates has 1 rows but customer_ids has 2: select ranges of the same height, one transaction per row",
    );
    expect(
      messageOf(() => readTransactions({ customerIds: col("A", "B"), dates: col("2024-01-01", "") }, reading)),
    ).toBe("dates, row 2 is blank while other columns of that row are filled; fill it or clear the whole row");
    expect(
      messageOf(() =>
        readTransactions({ customerIds: col("A"), dates: col("2024-01-01"), amounts: col("ten") }, reading),
      ),
    ).toBe('amounts, row 1: "ten" is not a number');
    expect(
      messageOf(() => readTransactions({ customerIds: col("#REF!"), dates: col("2024-01-01") }, reading)),
    ).toContain("customer_ids, row 1: the cell holds the error #REF!");
    expect(
      messageOf(() => readTransactions({ customerIds: [["A", "x"]] as never, dates: col("2024-01-01") }, reading)),
    ).toBe("customer_ids must be a single column, but the range has 2 columns");
    expect(messageOf(() => readTransactions({ customerIds: col(""), dates: col("") }, reading))).toContain("is empty");
    expect(
      messageOf(() =>
        readTransactions(
          {
            customerIds: col("A"),
            dates: col("later"),
            names: { dates: "Transactions" },
            origins: { dates: { row: 2, column: 2 } },
          },
          reading,
        ),
      ),
    ).toMatch(/^Transactions, cell B2: "later" is not a date/);
  });

  it("property: every kept row maps to its customer and day", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom("a", "b", "c", 1, 2),
            fc.integer({ min: 0, max: 3000 }),
            fc.double({ min: -100, max: 1e6, noNaN: true }),
          ),
          {
            minLength: 1,
            maxLength: 200,
          },
        ),
        (rows) => {
          const base = dayFromYmd(2020, 1, 1);
          const tx = readTransactions(
            {
              customerIds: rows.map((r) => [r[0]]) as never,
              dates: rows.map((r) => [new Date((base + r[1]) * 86_400_000)]) as never,
              amounts: rows.map((r) => [r[2]]) as never,
            },
            reading,
          );
          expect(tx.customers.length).toBe(new Set(rows.map((r) => r[0])).size);
          rows.forEach((r, i) => {
            expect(tx.customers[tx.customer[i] as number]).toBe(r[0]);
            expect(tx.day[i]).toBe(base + r[1]);
            expect(tx.amount?.[i]).toBe(r[2]);
          });
        },
      ),
    );
  });
});
