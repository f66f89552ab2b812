import { describe, expect, it } from "vitest";
import { columnLetter, columnNumber } from "../../../shared/cells/a1";
import { asRows, cellNumber, displayValue, isBlank, isErrorCell, isHeaderRow } from "../../../shared/cells/values";

describe("cells", () => {
  it("treats empty strings, whitespace, null and undefined as blank", () => {
    expect([" ", "", null, undefined].every(isBlank)).toBe(true);
    expect(isBlank(0)).toBe(false);
    expect(isBlank(false)).toBe(false);
  });

  it("recognises Sheets error cells", () => {
    expect(isErrorCell("#N/A")).toBe(true);
    expect(isErrorCell("#DIV/0!")).toBe(true);
    expect(isErrorCell("#hashtag")).toBe(false);
  });

  it("reads numbers and numeric text, rejects the rest", () => {
    expect(cellNumber(5)).toBe(5);
    expect(cellNumber("5")).toBe(5);
    expect(cellNumber(Number.POSITIVE_INFINITY)).toBeNull();
    expect(cellNumber(true)).toBeNull();
    expect(cellNumber(new Date())).toBeNull();
  });

  it("wraps a single value as a 1×1 range", () => {
    expect(asRows(7)).toEqual([[7]]);
    const range = [[1], [2]];
    expect(asRows(range)).toBe(range);
  });

  it("quotes values briefly on one line", () => {
    expect(displayValue("a\nb")).toBe("a b");
    expect(displayValue("x".repeat(100))).toHaveLength(38);
    expect(displayValue(new Date(Date.UTC(2024, 2, 1)))).toBe("2024-03-01");
  });

  it("converts column letters both ways", () => {
    for (const [n, s] of [
      [1, "A"],
      [26, "Z"],
      [27, "AA"],
      [52, "AZ"],
      [703, "AAA"],
    ] as const) {
      expect(columnLetter(n)).toBe(s);
      expect(columnNumber(s)).toBe(n);
    }
  });
});

describe("isHeaderRow", () => {
  it("reads a row of titles as a header, and a row with a number, a date or an error as data", () => {
    expect(isHeaderRow(["NPS score"])).toBe(true);
    expect(isHeaderRow(["Client ID", "", "Оценка"])).toBe(true);
    expect(isHeaderRow(["n/a"])).toBe(true);
    expect(isHeaderRow(["Score", 9])).toBe(false);
    expect(isHeaderRow(["10"])).toBe(false);
    expect(isHeaderRow([new Date(0)])).toBe(false);
    expect(isHeaderRow([true])).toBe(false);
    expect(isHeaderRow(["#N/A"])).toBe(false);
    expect(isHeaderRow(["", null])).toBe(false);
    expect(isHeaderRow([])).toBe(false);
  });
});
