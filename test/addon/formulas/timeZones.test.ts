import { describe, expect, it } from "vitest";
import { DEMO_SHEET_NAMES, demoWorkbook } from "../../../addon/preview/demoWorkbook";
import { loadAddon } from "../helpers";

/**
 * Date cells reach a custom function as the instant of their midnight in the spreadsheet's zone,
 * or, when the script's zone (the manifest's Etc/UTC) differs, as that wall clock in the script's
 * zone; Google's guide to custom functions warns that such dates may need compensating. Every
 * formula that takes dates must answer the same either way, west of UTC (the English demo, New
 * York) and east of it (the Russian demo, Moscow).
 */
describe.each(["en", "ru"] as const)("date arguments in the %s demo's zone", (locale) => {
  const init = () => demoWorkbook({ locale });
  const bySpreadsheet = loadAddon({ spreadsheet: init() });
  const byScript = loadAddon({ spreadsheet: init(), dateArguments: "scriptZone" });
  const sheet = bySpreadsheet.spreadsheet.getSheetByName(DEMO_SHEET_NAMES[locale].transactions);
  const clients = bySpreadsheet.spreadsheet.getSheetByName(DEMO_SHEET_NAMES[locale].clients);
  if (!sheet || !clients) throw new Error("demo sheets missing");
  const height = sheet.getLastRow() - 1;
  const ids = sheet.getRange(2, 1, height, 1).getValues();
  const dates = sheet.getRange(2, 2, height, 1).getValues();
  const amounts = sheet.getRange(2, 4, height, 1).getValues();
  const clientIds = clients.getRange(2, 1, clients.getLastRow() - 1, 1).getValues();
  // A date cell from the sheet itself, as an argument such as as_of_date or calibration_end: the
  // date four fifths of the way through the purchases.
  const sorted = dates.map((row) => row[0] as Date).sort((a, b) => a.getTime() - b.getTime());
  const midYear = sorted[Math.floor(height * 0.8)] as Date;

  it.each([
    ["RFM", [ids, dates, amounts, midYear]],
    ["ABC_XYZ", [ids, dates, amounts]],
    ["CHURN_TABLE", [ids, dates, "month"]],
    ["COHORT_RETENTION", [ids, dates, "month"]],
    ["CLIENT_STAGE", [clientIds, ids, dates, midYear]],
    ["CLV_FIT", [ids, dates, amounts, midYear]],
    ["CLV_PREDICT", [ids, dates, amounts, 6, 0.01, midYear]],
    ["CLV_VALIDATE", [ids, dates, midYear]],
  ] as [string, unknown[]][])("%s answers the same", (name, args) => {
    const expected = bySpreadsheet.callCustomFunction(name, ...args);
    expect(Array.isArray(expected) && expected.length > 1).toBe(true);
    expect(byScript.callCustomFunction(name, ...args)).toEqual(expected);
  });

  it("sees every date on the day the sheet shows", () => {
    // The first purchase's day, as the sheet shows it, typed as RFM's as_of_date: recency 0 when
    // the date cell is read on that same day.
    const shown = sheet.getRange(2, 2).getDisplayValue();
    for (const harness of [bySpreadsheet, byScript]) {
      const table = harness.callCustomFunction("RFM", ids.slice(0, 1), dates.slice(0, 1), amounts.slice(0, 1), shown);
      expect((table as unknown[][])[1]?.[1], shown).toBe(0);
    }
  });
});
