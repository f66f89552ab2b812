import { describe, expect, it } from "vitest";
import { createHarness, type FakeSheet, type Harness } from "../../../addon/harness/index";
import { typedInput } from "../../../addon/preview/cellInput";
import { demoWorkbook, readDemoClients } from "../../../addon/preview/demoWorkbook";
import { formulaInParserSyntax, SheetCalculator } from "../../../addon/preview/sheetCalculator";

// Reference: the demo's NPS worked out here from the committed client list.
const scores = readDemoClients()
  .map((c) => c.score)
  .filter((s): s is number => s !== null);
const expectedNps = (100 * (scores.filter((s) => s >= 9).length - scores.filter((s) => s <= 6).length)) / scores.length;
const lastRow = readDemoClients().length + 1;

function workbook(locale: "en" | "ru" = "en"): { harness: Harness; calc: SheetCalculator; clients: FakeSheet } {
  const harness = createHarness({ spreadsheet: demoWorkbook({ locale }), userLocale: locale });
  const calc = new SheetCalculator(harness);
  const clients = harness.spreadsheet.getSheets()[0] as FakeSheet;
  return { harness, calc, clients };
}

/** Types `input` into `a1` of `sheet` as a person would, then lets the sheet recalculate. */
function type(calc: SheetCalculator, sheet: FakeSheet, a1: string, input: string, locale = "en"): void {
  sheet.getRange(a1).setValue(typedInput(input, locale));
  calc.recalculate();
}

const value = (sheet: FakeSheet, a1: string) => sheet.getRange(a1).getValue();

describe("the preview's formula cells", () => {
  it("computes a Rapport custom function on a range of another sheet, as a formula cell calls it", () => {
    const { calc, clients } = workbook();
    type(calc, clients, "J2", `=NPS(Clients!E2:E${lastRow})`);
    expect(value(clients, "J2") as number).toBeCloseTo(expectedNps, 9);
    expect(clients.getRange("J2").getFormula()).toBe(`=NPS(Clients!E2:E${lastRow})`);
    // Names are matched case-insensitively, as Sheets does; built-ins work beside them.
    type(calc, clients, "J3", "=nps(E2:E4)+SUM(1,2)");
    const first3 = readDemoClients()
      .slice(0, 3)
      .flatMap((c) => (c.score === null ? [] : [c.score]));
    const nps3 = (100 * (first3.filter((s) => s >= 9).length - first3.filter((s) => s <= 6).length)) / first3.length;
    expect(value(clients, "J3")).toBeCloseTo(nps3 + 3, 9);
  });

  it("computes again when an input changes", () => {
    const { calc, clients } = workbook();
    type(calc, clients, "E2", "10");
    type(calc, clients, "E3", "10");
    type(calc, clients, "E4", "0");
    type(calc, clients, "J2", "=NPS(E2:E4)");
    expect(value(clients, "J2")).toBeCloseTo(100 / 3, 9);
    type(calc, clients, "E4", "9");
    expect(value(clients, "J2")).toBe(100);
    // A formula reading another formula's cell follows it.
    type(calc, clients, "J3", "=J2/2");
    type(calc, clients, "E4", "0");
    expect(value(clients, "J3")).toBeCloseTo(100 / 6, 9);
  });

  it("spills a table down and right, and shows #REF! when a cell is in the way", () => {
    const { calc, clients } = workbook();
    type(calc, clients, "J2", `=NPS_BREAKDOWN(E2:E${lastRow})`);
    const table = clients.getRange("J2:L5").getValues();
    // Header, then promoters, passives, detractors with their counts (worked out from the data).
    expect(table.map((r) => r[1])).toEqual([
      expect.any(String),
      scores.filter((s) => s >= 9).length,
      scores.filter((s) => s === 7 || s === 8).length,
      scores.filter((s) => s <= 6).length,
    ]);
    // The spilled cells are values, not formulas, as getFormulas() shows in Sheets.
    expect(clients.getRange("K3").getFormula()).toBe("");
    type(calc, clients, "L4", "in the way");
    expect(value(clients, "J2")).toBe("#REF!");
    expect(calc.errorAt("Clients", 1, 9)?.message).toBe(
      "Array result was not expanded because it would overwrite data in L4.",
    );
    expect(value(clients, "K3")).toBe("");
    type(calc, clients, "L4", "");
    expect(value(clients, "K3")).toBe(scores.filter((s) => s >= 9).length);
    expect(calc.errorAt("Clients", 1, 9)).toBeUndefined();
  });

  it("shows a custom function's error as #ERROR! with its message, naming the cell", () => {
    const { calc, clients } = workbook();
    type(calc, clients, "J2", "=NPS(B2:B4)");
    expect(value(clients, "J2")).toBe("#ERROR!");
    // The message names the sheet cell, read from the formula's own cell.
    expect(calc.errorAt("Clients", 1, 9)?.message).toBe(
      'NPS: B2:B4, cell B2: "Umar Smith" is not a score from 0 to 10',
    );
    // A custom function runs with a formula's rights: no UI, no writes.
    type(calc, clients, "J3", "=onOpen()");
    expect(value(clients, "J3")).toBe("#ERROR!");
    expect(calc.errorAt("Clients", 2, 9)?.message).toMatch(/permission/i);
  });

  it("names unknown functions and formulas it cannot read", () => {
    const { calc, clients } = workbook();
    type(calc, clients, "J2", "=NOPE(1)");
    expect(value(clients, "J2")).toBe("#NAME?");
    expect(calc.errorAt("Clients", 1, 9)?.message).toBe("Unknown function: 'NOPE'.");
    type(calc, clients, "J3", "=SUM(1");
    expect(value(clients, "J3")).toBe("#ERROR!");
    expect(calc.errorAt("Clients", 2, 9)?.message).toBe("Formula parse error.");
    type(calc, clients, "J4", "=1/0");
    expect(value(clients, "J4")).toBe("#DIV/0!");
  });

  it("reads formulas and numbers as a Russian spreadsheet writes them", () => {
    expect(formulaInParserSyntax("=ROUND(1,5; 0)", "ru_RU")).toBe("ROUND(1.5, 0)");
    expect(formulaInParserSyntax("=IF(A1;\"1,5; 2\";'Лист;1'!B2)", "ru_RU")).toBe("IF(A1,\"1,5; 2\",'Лист;1'!B2)");
    expect(formulaInParserSyntax("=ROUND(1.5, 0)", "en_US")).toBe("ROUND(1.5, 0)");
    const { calc, clients } = workbook("ru");
    type(calc, clients, "J2", "11,5", "ru_RU");
    expect(value(clients, "J2")).toBe(11.5);
    type(calc, clients, "J4", "=ROUND(J2;0)", "ru_RU");
    expect(value(clients, "J4")).toBe(12);
    type(calc, clients, "J5", `=NPS(Клиенты!E2:E${lastRow})`, "ru_RU");
    expect(value(clients, "J5") as number).toBeCloseTo(expectedNps, 9);
  });

  it("reads typed dates, numbers and booleans in the spreadsheet's locale", () => {
    expect(typedInput("05.01.1997", "ru_RU")).toBe("1997-01-05");
    expect(typedInput("1/5/1997", "en_US")).toBe("1997-01-05");
    expect(typedInput("1 234,5", "ru_RU")).toBe(1234.5);
    expect(typedInput("TRUE", "en_US")).toBe(true);
    expect(typedInput("ложь", "ru_RU")).toBe(false);
    expect(typedInput("=A1", "ru_RU")).toBe("=A1");
    expect(typedInput("n/a", "en_US")).toBe("n/a");
  });
});
