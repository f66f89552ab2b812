import { describe, expect, it } from "vitest";
import { column, errorOf, loadAddon } from "../helpers";

/** Customer-base formulas from counts, on single cells and cell by cell over ranges. */
describe("customer-base formulas", () => {
  const addon = loadAddon();
  const ru = loadAddon({ spreadsheet: { locale: "ru_RU" } });
  const call = (name: string, ...args: unknown[]) => addon.callCustomFunction(name, ...args);

  it("CHURN_RATE works on single cells and on columns, keeping blank rows blank", () => {
    expect(call("CHURN_RATE", 200, 30)).toBe(0.15);
    expect(call("CHURN_RATE", column(100, "", 50), column(10, "", "5"))).toEqual([[0.1], [""], [0.1]]);
    expect(call("CHURN_RATE", [[100, 200]], [[10, 20]])).toEqual([[0.1, 0.1]]);
  });

  it("RETENTION_RATE, CAC and CLV compute their definitions", () => {
    expect(call("RETENTION_RATE", 200, 210, 40)).toBe(0.85);
    expect(call("RETENTION_RATE", column(10, 20), column(9, 20), 0)).toEqual([[0.9], [1]]);
    expect(call("CAC", 5000, 40)).toBe(125);
    expect(call("CAC", "5 000", column(40, 50))).toEqual([[125], [100]]);
    expect(call("CLV", 45, 4, 3)).toBe(540);
    expect(call("CLV", 45, 4, 3, "30%", 0.1)).toBeCloseTo(134.29000751314803, 9);
    expect(call("CLV", 45, 4, 3, "", "")).toBe(540);
  });

  it("has a message for each zero denominator and impossible count", () => {
    expect(errorOf(() => call("CHURN_RATE", 0, 0))).toBe(
      "CHURN_RATE: customers_at_start is 0: a rate needs at least one customer at the start (zero denominator)",
    );
    expect(errorOf(() => call("CHURN_RATE", column(10, 10), column(1, 11)))).toBe(
      "CHURN_RATE: customers_lost, row 2 (11) is more than customers_at_start (10)",
    );
    expect(errorOf(() => call("RETENTION_RATE", 10, 5, 6))).toBe(
      "RETENTION_RATE: new_customers (6) is more than customers_at_end (5)",
    );
    expect(errorOf(() => call("CAC", 100, 0))).toBe(
      "CAC: new_customers is 0: CAC is undefined without new customers (zero denominator)",
    );
    expect(errorOf(() => call("CLV", 45, 4, 3, 30))).toBe(
      "CLV: margin: 30 is not a fraction from 0 to 1; write 0.3 or 30%",
    );
    expect(errorOf(() => call("CLV", -45, 4, 3))).toBe("CLV: avg_order_value: -45 is negative; expected 0 or more");
  });

  it("names the row of text, blanks and error cells, and refuses ranges of different sizes", () => {
    expect(errorOf(() => call("CHURN_RATE", column(100, "many"), column(1, 2)))).toBe(
      'CHURN_RATE: customers_at_start, row 2: "many" is not a number',
    );
    expect(errorOf(() => call("CHURN_RATE", column(100, 50), column(1, "")))).toBe(
      "CHURN_RATE: customers_lost, row 2 is blank while other columns of that row are filled; fill it or clear the whole row",
    );
    expect(errorOf(() => call("CHURN_RATE", column(100, "#DIV/0!"), column(1, 2)))).toBe(
      "CHURN_RATE: customers_at_start, row 2: the cell holds the error #DIV/0!; fix or clear that cell",
    );
    expect(errorOf(() => call("RETENTION_RATE", column(1, 2, 3), column(1, 2), 0))).toBe(
      "RETENTION_RATE: customers_at_end is 2×1 but customers_at_start is 3×1: give ranges of the same size, or a single value",
    );
    expect(errorOf(() => call("CHURN_RATE", 10.5, 1))).toBe(
      "CHURN_RATE: customers_at_start: 10.5 is not a whole number of customers",
    );
    expect(errorOf(() => call("CAC", "", 3))).toBe(
      "CAC: acquisition_spend is empty: select a range with at least one value",
    );
  });

  it("speaks Russian when the spreadsheet's locale is Russian", () => {
    expect(errorOf(() => ru.callCustomFunction("CHURN_RATE", column(10, 0), column(1, 0)))).toBe(
      "CHURN_RATE: число клиентов на начало периода, строка 2 равно 0: для доли нужен хотя бы один клиент на начало периода (деление на ноль)",
    );
    expect(errorOf(() => ru.callCustomFunction("CAC", 100, -1))).toBe(
      "CAC: аргумент 2: -1 — отрицательное число; число клиентов не может быть меньше 0",
    );
  });
});
