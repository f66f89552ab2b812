import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readCustomerIds } from "../../../shared/cells/columns";
import { mapGrid } from "../../../shared/cells/grid";
import { readCount, readFraction } from "../../../shared/cells/quantities";
import {
  cac,
  churnRate,
  clv,
  purchaseFrequency,
  repeatRate,
  retentionRate,
} from "../../../shared/metrics/customerBase";
import { col, messageOf, thrown } from "../helpers";

describe("rates from counts", () => {
  it("computes churn and retention as defined", () => {
    expect(churnRate(200, 30)).toBe(0.15);
    expect(churnRate(10, 0)).toBe(0);
    expect(churnRate(10, 10)).toBe(1);
    // S = 200, E = 210, N = 40: (210 − 40)/200 = 0.85.
    expect(retentionRate(200, 210, 40)).toBe(0.85);
    expect(retentionRate(5, 0, 0)).toBe(0);
  });

  it("has a message for each impossible combination", () => {
    expect(messageOf(() => churnRate(0, 0))).toBe(
      "customers_at_start is 0: a rate needs at least one customer at the start (zero denominator)",
    );
    expect(messageOf(() => churnRate(10, 11))).toBe("customers_lost (11) is more than customers_at_start (10)");
    expect(messageOf(() => retentionRate(10, 5, 6))).toBe("new_customers (6) is more than customers_at_end (5)");
    expect(messageOf(() => retentionRate(10, 20, 5))).toContain("more customers kept than there were");
    expect(messageOf(() => churnRate(10.5, 1))).toBe("customers_at_start: 10.5 is not a whole number of customers");
    expect(messageOf(() => churnRate(-1, 0))).toContain("is negative");
    expect(messageOf(() => churnRate(0, 0), "ru")).toContain("деление на ноль");
  });

  it("keeps churn + retention = 1 when no new customers arrive (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.nat(10_000), (start, lostRaw) => {
        const lost = lostRaw % (start + 1);
        expect(churnRate(start, lost) + retentionRate(start, start - lost, 0)).toBeCloseTo(1, 12);
      }),
    );
  });
});

describe("CAC and CLV", () => {
  it("computes CAC and refuses zero new customers", () => {
    expect(cac(5000, 40)).toBe(125);
    expect(thrown(() => cac(5000, 0)).key).toBe("cac.noNewCustomers");
    expect(thrown(() => cac(-1, 3)).key).toBe("value.negative");
  });

  it("computes CLV without and with discounting, worked by hand", () => {
    // 45 × 4 × 0.3 = 54 a year for 3 years.
    expect(clv({ avgOrderValue: 45, purchasesPerYear: 4, expectedYears: 3, margin: 0.3 })).toBeCloseTo(162, 10);
    // Discounted at 10% at the end of each year: 54/1.1 + 54/1.1² + 54/1.1³ = 134.2900.
    expect(
      clv({ avgOrderValue: 45, purchasesPerYear: 4, expectedYears: 3, margin: 0.3, annualDiscountRate: 0.1 }),
    ).toBeCloseTo(134.29000751314803, 9);
    // 2.5 years: 54/1.1 + 54/1.1² + 0.5 × 54/1.1³ = 114.0045.
    expect(
      clv({ avgOrderValue: 45, purchasesPerYear: 4, expectedYears: 2.5, margin: 0.3, annualDiscountRate: 0.1 }),
    ).toBeCloseTo(114.0045078888054, 9);
    expect(clv({ avgOrderValue: 100, purchasesPerYear: 2, expectedYears: 0 })).toBe(0);
  });

  it("agrees with a year-by-year loop (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1000, noNaN: true }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 30, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (aov, f, years, margin, rate) => {
          const perYear = aov * f * margin;
          let naive = 0;
          let y = 1;
          for (; y <= Math.floor(years); y++) naive += perYear / (1 + rate) ** y;
          naive += ((years - Math.floor(years)) * perYear) / (1 + rate) ** y;
          const value = clv({
            avgOrderValue: aov,
            purchasesPerYear: f,
            expectedYears: years,
            margin,
            annualDiscountRate: rate,
          });
          expect(value).toBeCloseTo(naive, 6);
          expect(Number.isFinite(value)).toBe(true);
        },
      ),
    );
  });

  it("refuses margins and rates that are not fractions, with a hint", () => {
    expect(messageOf(() => clv({ avgOrderValue: 1, purchasesPerYear: 1, expectedYears: 1, margin: 30 }))).toBe(
      "margin: 30 is not a fraction from 0 to 1; write 0.3 or 30%",
    );
    expect(readFraction("30%", "margin")).toBeCloseTo(0.3, 12);
    expect(readFraction("12,5 %", "margin")).toBeCloseTo(0.125, 12);
  });
});

describe("cell-by-cell ranges (mapGrid)", () => {
  const churn = (a: unknown, b: unknown) =>
    mapGrid(
      [
        { name: "customers_at_start", value: a as never },
        { name: "customers_lost", value: b as never },
      ],
      ([s, l], where) =>
        churnRate(
          readCount(s as never, "customers_at_start", where),
          readCount(l as never, "customers_lost", where),
          where,
        ),
    );

  it("maps ranges row by row, keeps blank rows blank and repeats single values", () => {
    expect(churn(col(100, "", 50), col(10, "", 5))).toEqual([[0.1], [""], [0.1]]);
    expect(churn(col(100, 50), 10)).toEqual([[0.1], [0.2]]);
    expect(churn(100, 10)).toBe(0.1);
    expect(churn([[100]], [[10]])).toBe(0.1);
    expect(churn(col("1 000", "200"), col("100", 20))).toEqual([[0.1], [0.1]]);
  });

  it("names the argument and row of each bad cell", () => {
    expect(messageOf(() => churn(col(100, 0), col(10, 0)))).toBe(
      "customers_at_start, row 2 is 0: a rate needs at least one customer at the start (zero denominator)",
    );
    expect(messageOf(() => churn(col(100, 50), col(10, "five")))).toBe('customers_lost, row 2: "five" is not a number');
    expect(messageOf(() => churn(col(100, 50), col(10, "")))).toBe(
      "customers_lost, row 2 is blank while other columns of that row are filled; fill it or clear the whole row",
    );
    expect(messageOf(() => churn(col(100, 50, 3), col(10, 5)))).toBe(
      "customers_lost is 2×1 but customers_at_start is 3×1: give ranges of the same size, or a single value",
    );
    expect(messageOf(() => churn(col(100, "#N/A"), col(10, 5)))).toContain(
      "customers_at_start, row 2: the cell holds the error #N/A",
    );
    expect(messageOf(() => churn("", 5))).toBe("customers_at_start is empty: select a range with at least one value");
    expect(messageOf(() => churn(col("", ""), col("", "")))).toBe(
      "customers_at_start is empty: select a range with at least one value",
    );
    expect(messageOf(() => churn(col(100, 50), col(10, 5.5)), "ru")).toBe(
      "customers_lost, строка 2: 5.5 — не целое число клиентов",
    );
  });
});

describe("repeat rate and purchase frequency", () => {
  it("counts customers by id, rows as orders, as worked by hand", () => {
    // A: 3 orders, B: 1, 7 (number and text): 2, C: 1 → 2 of 4 repeat; 7 orders / 4 customers.
    const ids = readCustomerIds(col("A", "B", "A", 7, "", "7", "A", "C"));
    expect(ids.customers).toEqual(["A", "B", 7, "C"]);
    expect(repeatRate(ids)).toBe(0.5);
    expect(purchaseFrequency(ids)).toBe(1.75);
  });

  it("refuses empty and multi-column input", () => {
    expect(thrown(() => readCustomerIds(col("", " "))).key).toBe("input.empty");
    expect(thrown(() => readCustomerIds([["A", "B"]] as never)).key).toBe("input.notOneColumn");
    expect(thrown(() => readCustomerIds(col("A", "#REF!"))).key).toBe("input.errorCell");
  });

  it("matches a naive count in any order (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 100 }), (list) => {
        const perCustomer = new Map<number, number>();
        for (const id of list) perCustomer.set(id, (perCustomer.get(id) ?? 0) + 1);
        const repeat = [...perCustomer.values()].filter((n) => n >= 2).length / perCustomer.size;
        const ids = readCustomerIds(list.map((id) => [id]) as never);
        expect(repeatRate(ids)).toBeCloseTo(repeat, 12);
        expect(purchaseFrequency(ids)).toBeCloseTo(list.length / perCustomer.size, 12);
        expect(repeatRate(readCustomerIds([...list].reverse().map((id) => [id]) as never))).toBeCloseTo(repeat, 12);
      }),
    );
  });
});
