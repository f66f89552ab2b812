import { describe, expect, it } from "vitest";
import { demoWorkbook, readDemoClients } from "../../../addon/preview/demoWorkbook";
import { column, errorOf, loadAddon } from "../helpers";

describe("NPS custom function", () => {
  const addon = loadAddon();

  it("computes NPS over a range as Sheets passes it, skipping blanks", () => {
    expect(addon.callCustomFunction("NPS", column(9, 10, 3, ""))).toBeCloseTo(100 / 3, 10);
  });

  it("accepts a single cell", () => {
    expect(addon.callCustomFunction("NPS", 10)).toBe(100);
    expect(addon.callCustomFunction("NPS", 4)).toBe(-100);
  });

  it("reads numeric text as Sheets may pass it", () => {
    expect(addon.callCustomFunction("NPS", column("10", "9", "", "0"))).toBeCloseTo(100 / 3, 10);
  });

  it("throws an actionable English error naming the argument, row and value", () => {
    expect(errorOf(() => addon.callCustomFunction("NPS", column(9, 9, "n/a")))).toBe(
      'NPS: scores, row 3: "n/a" is not a score from 0 to 10',
    );
    expect(errorOf(() => addon.callCustomFunction("NPS", column(12)))).toBe(
      "NPS: scores, row 1: 12 is outside the scale 0 to 10",
    );
    expect(errorOf(() => addon.callCustomFunction("NPS", column(8.5)))).toContain("not a whole number");
    expect(errorOf(() => addon.callCustomFunction("NPS", column("", "")))).toBe(
      "NPS: scores is empty: select a range with at least one value",
    );
    expect(errorOf(() => addon.callCustomFunction("NPS", column("#N/A")))).toContain("#N/A");
  });

  it("names the sheet cell to fix when the formula is in a cell, read from the formula itself", () => {
    const sheet = (locale: string) =>
      loadAddon({
        spreadsheet: {
          locale,
          sheets: [{ name: "Clients", rows: [["Score"], [9], [10], ["n/a"], [7]] }],
        },
      });
    const en = sheet("en_US");
    const cell = en.spreadsheet.getSheetByName("Clients")?.getRange("C1");
    cell?.setFormula("=NPS(Clients!A2:A5)");
    const values = [[9], [10], ["n/a"], [7]];
    // Sheets passes the values; the active range of a custom function is the formula's own cell.
    expect(errorOf(() => en.callCustomFunctionAt(cell as never, "NPS", values))).toBe(
      'NPS: Clients!A2:A5, cell A4: "n/a" is not a score from 0 to 10',
    );
    const ru = sheet("ru_RU");
    const ruCell = ru.spreadsheet.getSheetByName("Clients")?.getRange("C1");
    ruCell?.setFormula("=NPS(A2:A5)");
    expect(errorOf(() => ru.callCustomFunctionAt(ruCell as never, "NPS", values))).toBe(
      "NPS: A2:A5, ячейка A4: «n/a» не является оценкой от 0 до 10",
    );
    // Two calls in one formula: which one failed is unknowable, so the argument is named instead.
    ruCell?.setFormula("=NPS(A2:A5)-NPS(A2:A3)");
    expect(errorOf(() => ru.callCustomFunctionAt(ruCell as never, "NPS", values))).toBe(
      "NPS: аргумент 1, строка 3: «n/a» не является оценкой от 0 до 10",
    );
  });

  it("throws in Russian when the spreadsheet's locale is Russian", () => {
    const ru = loadAddon({ spreadsheet: { locale: "ru_RU" } });
    expect(errorOf(() => ru.callCustomFunction("NPS", column(9, "нет")))).toBe(
      "NPS: аргумент 1, строка 2: «нет» не является оценкой от 0 до 10",
    );
  });
});

describe("menu", () => {
  it("onOpen builds the Rapport menu in AuthMode.NONE without touching properties or the network", () => {
    const addon = loadAddon();
    addon.trigger("onOpen");
    expect(addon.ui.menus).toHaveLength(1);
    expect(addon.ui.menus[0]?.items.map((i) => i.functionName)).toEqual(
      expect.arrayContaining(["showNpsSidebar", "showSettings", "showHelp"]),
    );
    expect(addon.fetchLog).toHaveLength(0);
  });

  it("points every item at a top-level function of Code.js, each opening its sidebar", () => {
    const addon = loadAddon();
    addon.trigger("onOpen");
    const items = addon.ui.menus[0]?.items.filter((i) => i.functionName !== null) ?? [];
    expect(items.map((i) => i.functionName)).toEqual([
      "showDashboard",
      "showSurveys",
      "showSend",
      "showSegments",
      "showClientCard",
      "showNpsSidebar",
      "showSettings",
      "showHelp",
    ]);
    for (const item of items) {
      expect(addon.globalFunctions(), item.caption).toContain(item.functionName);
      const before = addon.ui.sidebars.length;
      addon.clickMenu(item.caption);
      expect(addon.ui.sidebars.length, item.caption).toBe(before + 1);
    }
  });

  it("labels the menu in the user's language", () => {
    const addon = loadAddon({ userLocale: "ru" });
    addon.trigger("onInstall");
    expect(addon.ui.menus[0]?.items.find((i) => i.functionName === "showNpsSidebar")?.caption).toBe(
      "NPS выделенного диапазона",
    );
  });
});

describe("NPS sidebar", () => {
  const clients = readDemoClients();
  const answered = clients.filter((c) => c.score !== null).map((c) => c.score as number);
  // Independent count straight from the committed demo data.
  const expected =
    (100 * (answered.filter((s) => s >= 9).length - answered.filter((s) => s <= 6).length)) / answered.length;

  function demo(userLocale = "en") {
    const addon = loadAddon({ spreadsheet: demoWorkbook(), userLocale });
    addon.trigger("onOpen");
    return addon;
  }

  it("opens from the menu in the user's language", () => {
    const addon = demo("ru");
    addon.clickMenu("NPS выделенного диапазона");
    const sidebar = addon.ui.sidebars.at(-1);
    expect(sidebar?.getContent()).toContain('data-rapport-locale="ru"');
    expect(sidebar?.getTitle()).toBe("Индекс потребительской лояльности (NPS)");
  });

  it("offers the sheet's columns and preselects the score column", () => {
    const state = demo().run("npsSidebarState") as { columns: { header: string }[]; suggestedColumn: number };
    expect(state.columns.map((c) => c.header)).toEqual([
      "Client ID",
      "Name",
      "Email",
      "First purchase",
      "NPS score",
      "Survey date",
      "Comment",
      "Stage",
    ]);
    expect(state.suggestedColumn).toBe(5);
  });

  it("computes the NPS of the selected range with its answer count", () => {
    const addon = demo();
    addon.spreadsheet.getActiveSheet().setActiveSelection(`E2:E${clients.length + 1}`);
    const result = addon.run("npsOfSelection") as { nps: number; n: number; range: string; smallSample: boolean };
    expect(result.n).toBe(answered.length);
    expect(result.nps).toBeCloseTo(expected, 10);
    expect(result.range).toBe(`Clients!E2:E${clients.length + 1}`);
  });

  it("leaves out the title of a whole column selected by its letter, and says so", () => {
    const addon = demo();
    addon.spreadsheet.getActiveSheet().setActiveSelection("E:E");
    const result = addon.run("npsOfSelection") as { nps: number; n: number; range: string; headerSkipped: string };
    expect(result.n).toBe(answered.length);
    expect(result.nps).toBeCloseTo(expected, 10);
    expect(result.headerSkipped).toBe("E1");
    // Read only as far as the sheet has rows with something in them.
    expect(result.range).toBe(`Clients!E2:E${clients.length + 1}`);
    // A selection below the title has nothing to leave out.
    addon.spreadsheet.getActiveSheet().setActiveSelection("E2:E4");
    expect((addon.run("npsOfSelection") as { headerSkipped: string | null }).headerSkipped).toBeNull();
  });

  it("computes the NPS of a chosen column below its header", () => {
    const result = demo().run("npsOfColumn", 5) as { nps: number; n: number; smallSample: boolean };
    expect(result.n).toBe(answered.length);
    expect(result.nps).toBeCloseTo(expected, 10);
    expect(result.smallSample).toBe(answered.length < 100);
  });

  it("names the sheet cell when the selection holds something that is not a score", () => {
    const addon = demo();
    addon.spreadsheet.getActiveSheet().setActiveSelection("D2:E3");
    expect(errorOf(() => addon.run("npsOfSelection"))).toMatch(/^Clients, cell D2: "1997-01-01" is not a score/);
  });

  it("uses the active cell when nothing else is selected, as Sheets always has one", () => {
    expect(errorOf(() => demo().run("npsOfSelection"))).toBe(
      'Clients, cell A1: "Client ID" is not a score from 0 to 10',
    );
  });

  it("refuses a column outside the sheet", () => {
    expect(errorOf(() => demo().run("npsOfColumn", 42))).toBe("Select a range of scores in the sheet first.");
  });
});
