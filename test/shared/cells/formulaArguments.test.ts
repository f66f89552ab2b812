import { describe, expect, it } from "vitest";
import { argumentReference, callArguments, placeError } from "../../../shared/cells/formulaArguments";
import { whereCell } from "../../../shared/cells/grid";
import { cellPosition } from "../../../shared/cells/values";
import { RapportError } from "../../../shared/errors";
import { errorMessage } from "../../../shared/i18n/translate";

describe("callArguments", () => {
  it("splits one call's arguments as written, with commas or (Russian) semicolons", () => {
    expect(callArguments("=NPS(Clients!E2:E304)", "NPS")).toEqual(["Clients!E2:E304"]);
    expect(callArguments("= nps ( E2:E9 , 0.9 )", "NPS")).toEqual(["E2:E9", "0.9"]);
    expect(callArguments("=NPS_CI(E2:E9; 0,9)", "NPS_CI")).toEqual(["E2:E9", "0,9"]);
    expect(callArguments("=RFM(A:A, B:B, C:C, DATE(2024,1,31))", "RFM")).toEqual([
      "A:A",
      "B:B",
      "C:C",
      "DATE(2024,1,31)",
    ]);
    expect(callArguments(`=CSI(B2:D9, {1,2,3}, "a,b", 'x,y'!A1)`, "CSI")).toEqual([
      "B2:D9",
      "{1,2,3}",
      '"a,b"',
      "'x,y'!A1",
    ]);
    expect(callArguments("=NPS()", "NPS")).toEqual([]);
  });

  it("gives up when the formula is not exactly one call of the function", () => {
    expect(callArguments("=NPS(A:A)-NPS(B:B)", "NPS")).toBeNull();
    expect(callArguments("=ROUND(NPS(A:A), 1)", "NPS")).toBeNull();
    expect(callArguments("=NPS_CI(A:A)", "NPS")).toBeNull();
    expect(callArguments("=NPS(A:A", "NPS")).toBeNull();
    expect(callArguments("", "NPS")).toBeNull();
  });
});

describe("argumentReference", () => {
  it("reads plain references and where they start", () => {
    expect(argumentReference("E5")).toEqual({ text: "E5", row: 5, column: 5 });
    expect(argumentReference("E2:E304")).toEqual({ text: "E2:E304", row: 2, column: 5 });
    expect(argumentReference("Clients!E:E")).toEqual({ text: "Clients!E:E", row: 1, column: 5 });
    expect(argumentReference("Клиенты!E2:E")).toEqual({ text: "Клиенты!E2:E", row: 2, column: 5 });
    expect(argumentReference("'My sheet'!$B$2:$C$9")).toEqual({ text: "'My sheet'!$B$2:$C$9", row: 2, column: 2 });
    expect(argumentReference("AA10")).toEqual({ text: "AA10", row: 10, column: 27 });
    expect(argumentReference("3:5")).toEqual({ text: "3:5", row: 3, column: 1 });
  });

  it("refuses literals and expressions", () => {
    for (const text of ["0.9", "0,9", '"E5"', "TRUE", "SUM(A1:A3)", "{1,2}", "E", "5", "A1+1", ""]) {
      expect(argumentReference(text)).toBeNull();
    }
  });
});

describe("placeError", () => {
  const scores = (row: number) =>
    new RapportError("input.notScore", {
      arg: "scores",
      cell: cellPosition(row, 0, 1),
      value: "n/a",
      min: 0,
      max: 10,
    });

  it("names the sheet cell inside a referenced range, in both languages", () => {
    // Row 4 of E2:E304 is E5.
    const placed = placeError(scores(3), ["scores"], ["Clients!E2:E304"], "en");
    expect(errorMessage(placed, "en")).toBe('Clients!E2:E304, cell E5: "n/a" is not a score from 0 to 10');
    const ru = placeError(scores(3), ["scores"], ["Клиенты!E2:E304"], "ru");
    expect(errorMessage(ru, "ru")).toBe("Клиенты!E2:E304, ячейка E5: «n/a» не является оценкой от 0 до 10");
  });

  it("counts columns too, and reaches positions nested in other texts", () => {
    const weight = new RapportError("csi.weightNegative", {
      arg: "importance",
      cell: cellPosition(0, 1, 3),
      value: -2,
    });
    expect(errorMessage(placeError(weight, ["ratings", "importance"], ["B2:D9", "F2:H2"], "en"), "en")).toMatch(
      /^F2:H2, cell G2: -2/,
    );
    const count = new RapportError("value.notWholeCount", {
      arg: "customers_lost",
      where: whereCell(1, 0, 1),
      value: 5.5,
    });
    expect(
      errorMessage(placeError(count, ["customers_at_start", "customers_lost"], ["B2:B13", "C2:C13"], "en"), "en"),
    ).toBe("C2:C13, cell C3: 5.5 is not a whole number of customers");
  });

  it("names the argument when it was not a reference: by name in English, by position in Russian", () => {
    expect(errorMessage(placeError(scores(2), ["scores"], ['{9,9,"n/a"}'], "en"), "en")).toBe(
      'scores, row 3: "n/a" is not a score from 0 to 10',
    );
    expect(errorMessage(placeError(scores(2), ["scores"], null, "ru"), "ru")).toBe(
      "аргумент 1, строка 3: «n/a» не является оценкой от 0 до 10",
    );
    const heights = new RapportError("input.heightsDiffer", {
      arg: "dates",
      rows: 3,
      other: "customer_ids",
      otherRows: 4,
    });
    expect(errorMessage(placeError(heights, ["customer_ids", "dates"], ["A2:A5", "B2:B4"], "ru"), "ru")).toBe(
      "в B2:B4 3 строк, а в A2:A5 — 4: выберите диапазоны одинаковой высоты, по одному клиенту в строке",
    );
  });

  it("leaves errors about no argument alone", () => {
    const error = new RapportError("models.tooFewCustomers", { customers: 1 });
    expect(placeError(error, ["customer_ids"], ["A:A"], "en").params).toEqual({ customers: 1 });
  });
});
