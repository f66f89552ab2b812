import { describe, expect, inject, it } from "vitest";
import { assertJsonSafe } from "../../addon/harness/index";
import { allowlistMatches, checkAllowlistPrefix } from "../../addon/harness/urlFetch";
import { errorOf, loadAddon } from "./helpers";

/** Defines a probe function inside the Apps Script context, as if it were part of Code.js. */
function withProbe(source: string) {
  const addon = loadAddon({
    spreadsheet: {
      timeZone: "Europe/Moscow",
      sheets: [
        {
          name: "Data",
          rows: [
            ["a", 1],
            ["b", ""],
          ],
        },
      ],
    },
  });
  addon.realm.run(source, "probe.js");
  return addon;
}

describe("the Apps Script harness behaves like Sheets where it matters", () => {
  it('returns rows of cells with "" for blanks and Dates of the script\'s own realm', () => {
    const addon = withProbe(`
      function WRITE_DATE() { SpreadsheetApp.getActiveSheet().getRange("C1").setValue("2024-03-01"); }
      function PROBE() {
        var values = SpreadsheetApp.getActiveSheet().getRange(1, 1, 3, 3).getValues();
        return [values, values[0][2] instanceof Date, Array.isArray(values)];
      }`);
    addon.run("WRITE_DATE");
    const [values, isDate, isArray] = addon.callCustomFunction("PROBE") as [unknown[][], boolean, boolean];
    expect(isDate).toBe(true);
    expect(isArray).toBe(true);
    expect(values[1]).toEqual(["b", "", ""]);
    expect(values[2]).toEqual(["", "", ""]);
    // Midnight of 1 March 2024 in Moscow (UTC+3), as a Sheets date cell holds it.
    const date = values[0]?.[2] as Date;
    expect(date.toISOString()).toBe("2024-02-29T21:00:00.000Z");
  });

  it("keeps dropdown rules per cell, reads back [values, showDropdown] in the script's realm, moves them with rows", () => {
    const addon = withProbe(`
      function SET_RULE() {
        var rule = SpreadsheetApp.newDataValidation().requireValueInList(["Lead", "Client"], false).build();
        SpreadsheetApp.getActiveSheet().getRange("C2:C3").setDataValidation(rule);
      }
      function DROP_ROW() { SpreadsheetApp.getActiveSheet().deleteRows(1, 1); }
      function PROBE(a1) {
        var rule = SpreadsheetApp.getActiveSheet().getRange(a1).getDataValidation();
        if (!rule) return null;
        var args = rule.getCriteriaValues();
        return [rule.getCriteriaType() === SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST, Array.isArray(args[0]), args[0], args[1]];
      }`);
    addon.run("SET_RULE");
    expect(addon.run("PROBE", "C3")).toEqual([true, true, ["Lead", "Client"], false]);
    // The top-left cell's rule: B2:C3 starts on a cell without one.
    expect(addon.run("PROBE", "B2:C3")).toBeNull();
    expect(addon.run("PROBE", "C1")).toBeNull();
    addon.run("DROP_ROW");
    expect(addon.run("PROBE", "C1")).toEqual([true, true, ["Lead", "Client"], false]);
    expect(addon.run("PROBE", "C3")).toBeNull();
    // Custom functions may not set rules.
    expect(errorOf(() => addon.callCustomFunction("SET_RULE"))).toMatch(/permission|setDataValidation/i);
  });

  it("throws when a write has the wrong shape", () => {
    const addon = withProbe(`
      function WRONG_ROWS() { SpreadsheetApp.getActiveSheet().getRange(1, 1, 2, 1).setValues([[1]]); }
      function WRONG_COLUMNS() { SpreadsheetApp.getActiveSheet().getRange(1, 1, 1, 2).setValues([[1]]); }`);
    expect(errorOf(() => addon.run("WRONG_ROWS"))).toContain("The data has 1 but the range has 2");
    expect(errorOf(() => addon.run("WRONG_COLUMNS"))).toContain("number of columns in the data does not match");
  });

  it("throws for ranges out of the sheet's bounds", () => {
    const addon = withProbe(`function FAR() { SpreadsheetApp.getActiveSheet().getRange(1001, 1).getValue(); }`);
    expect(errorOf(() => addon.run("FAR"))).toBe("Those rows are out of bounds.");
  });

  it("interprets written strings as typed: formulas, numbers, apostrophe text, plain-text cells", () => {
    const addon = withProbe(`
      function WRITE() {
        var sheet = SpreadsheetApp.getActiveSheet();
        sheet.getRange("D1").setNumberFormat("@");
        sheet.getRange(1, 1, 1, 4).setValues([["=1+1", "42", "'=kept", "=also kept"]]);
        return [sheet.getRange(1, 1, 1, 4).getValues()[0], sheet.getRange(1, 1, 1, 4).getFormulas()[0]];
      }`);
    const [values, formulas] = addon.run("WRITE") as [unknown[], string[]];
    expect(values.slice(1)).toEqual([42, "=kept", "=also kept"]);
    expect(formulas).toEqual(["=1+1", "", "", ""]);
  });

  it("refuses NaN, undefined and objects in cells rather than writing garbage", () => {
    const addon = withProbe(`
      function NAN() { SpreadsheetApp.getActiveSheet().getRange("A1").setValue(NaN); }
      function OBJ() { SpreadsheetApp.getActiveSheet().getRange("A1").setValues([[{}]]); }`);
    expect(errorOf(() => addon.run("NAN"))).toContain("NaN");
    expect(errorOf(() => addon.run("OBJ"))).toContain("cannot write object");
  });

  it("forbids writes and UI in custom functions, and properties and network in onOpen", () => {
    const addon = withProbe(`
      function WRITER() { SpreadsheetApp.getActiveSheet().getRange("A1").setValue(1); return 1; }
      function UI() { SpreadsheetApp.getUi(); return 1; }
      function onOpen() { PropertiesService.getDocumentProperties(); }`);
    expect(errorOf(() => addon.callCustomFunction("WRITER"))).toBe(
      "Exception: You do not have permission to call setValues",
    );
    expect(errorOf(() => addon.callCustomFunction("UI"))).toContain("SpreadsheetApp.getUi");
    expect(errorOf(() => addon.trigger("onOpen"))).toContain("PropertiesService.getDocumentProperties");
  });

  it("formats display values by number format, locale and the spreadsheet's time zone", () => {
    const addon = withProbe(`
      function DISPLAY() {
        var sheet = SpreadsheetApp.getActiveSheet();
        sheet.getRange("A3:C3").setValues([[0.256, 1234.5, "2024-03-01"]]);
        sheet.getRange("A3").setNumberFormat("0.0%");
        sheet.getRange("B3").setNumberFormat("#,##0.00");
        return sheet.getRange("A3:C3").getDisplayValues()[0];
      }`);
    expect(addon.run("DISPLAY")).toEqual(["25.6%", "1,234.50", "3/1/2024"]);
  });

  it("does real, synchronous HTTP to the local Worker through UrlFetchApp", () => {
    const url = inject("workerUrl");
    const addon = withProbe(`
      function HEALTH(url) {
        var response = UrlFetchApp.fetch(url + "/api/v1/health");
        return [response.getResponseCode(), JSON.parse(response.getContentText())];
      }
      function UNAUTHORIZED(url, mute) {
        var response = UrlFetchApp.fetch(url + "/api/v1/workspace", { muteHttpExceptions: mute });
        return response.getResponseCode();
      }`);
    expect(addon.run("HEALTH", url)).toEqual([200, { ok: true, version: expect.any(String) }]);
    expect(addon.run("UNAUTHORIZED", url, true)).toBe(401);
    expect(errorOf(() => addon.run("UNAUTHORIZED", url, false))).toContain("returned code 401");
    expect(addon.fetchLog.map((f) => f.status)).toEqual([200, 401, 401]);
  });

  it("refuses URLs outside urlFetchWhitelist", () => {
    const addon = withProbe(`function OUT() { UrlFetchApp.fetch("https://evil.example.com/"); }`);
    expect(errorOf(() => addon.run("OUT"))).toContain("urlFetchWhitelist");
  });

  it("matches the allow-list as Apps Script does: the prefix itself or its children, https prefixes with a path", () => {
    expect(allowlistMatches("https://example.com/foo", "https://example.com/foo")).toBe(true);
    expect(allowlistMatches("https://example.com/foo", "https://example.com/foo/bar")).toBe(true);
    expect(allowlistMatches("https://example.com/foo", "https://example.com/foo?bar")).toBe(true);
    expect(allowlistMatches("https://example.com/foo", "https://example.com/foobar")).toBe(false);
    expect(allowlistMatches("https://example.com/", "https://example.com.evil.com/")).toBe(false);
    expect(allowlistMatches("https://example.com/Foo", "https://example.com/foo")).toBe(false);
    expect(() => checkAllowlistPrefix("http://example.com/")).toThrow("must use https://");
    expect(() => checkAllowlistPrefix("https://example.com")).toThrow("non-empty path");
    expect(() => checkAllowlistPrefix("https://localhost/")).toThrow("full domain");
    expect(() => checkAllowlistPrefix("https://rapport.example.workers.dev/")).not.toThrow();
  });

  it("keeps UrlFetchApp within its limits: 2 KB URLs, 50 MB bodies, 20,000 calls a day", () => {
    const url = inject("workerUrl");
    const addon = loadAddon({ urlFetchCallsPerDay: 3 });
    addon.realm.run(
      `function GET(url) { return UrlFetchApp.fetch(url, { muteHttpExceptions: true }).getResponseCode(); }
       function POST(url, mb) {
         return UrlFetchApp.fetch(url, { method: "post", contentType: "text/plain", muteHttpExceptions: true,
           payload: new Array(mb * 1024 * 1024 + 2).join("x") }).getResponseCode();
       }`,
      "probe.js",
    );
    expect(errorOf(() => addon.run("GET", `${url}/api/v1/health?${"q".repeat(2048)}`))).toContain(
      "Limit Exceeded: URLFetch URL Length",
    );
    expect(errorOf(() => addon.run("POST", `${url}/api/v1/health`, 50))).toContain(
      "Limit Exceeded: URLFetch POST Size",
    );
    expect(addon.fetchLog).toHaveLength(0);
    for (let i = 0; i < 3; i++) expect(addon.run("GET", `${url}/api/v1/health`)).toBe(200);
    expect(errorOf(() => addon.run("GET", `${url}/api/v1/health`))).toContain(
      "Service invoked too many times for one day: urlfetch",
    );
    addon.advanceClock(24 * 3_600_000);
    expect(addon.run("GET", `${url}/api/v1/health`)).toBe(200);
  });

  it("builds, inserts, updates and removes embedded charts", () => {
    const addon = withProbe(`
      function CHART() {
        var sheet = SpreadsheetApp.getActiveSheet();
        var chart = sheet.newChart().setChartType(Charts.ChartType.LINE).addRange(sheet.getRange("A1:B2"))
          .setPosition(1, 4, 0, 0).setOption("title", "Trend").build();
        sheet.insertChart(chart);
        var again = sheet.getCharts()[0].modify().asColumnChart().setOption("title", "Trend 2").build();
        sheet.updateChart(again);
        return [sheet.getCharts().length, sheet.getCharts()[0].getOptions().get("title"), sheet.getCharts()[0].getRanges()[0].getA1Notation()];
      }
      function REMOVE() { var s = SpreadsheetApp.getActiveSheet(); s.removeChart(s.getCharts()[0]); return s.getCharts().length; }
      function EMPTY() { SpreadsheetApp.getActiveSheet().newChart().build(); }`);
    expect(addon.run("CHART")).toEqual([1, "Trend 2", "A1:B2"]);
    expect(addon.spreadsheet.getActiveSheet().getCharts()[0]?.describe()).toMatchObject({
      type: "COLUMN",
      title: "Trend 2",
    });
    expect(addon.run("REMOVE")).toBe(0);
    expect(errorOf(() => addon.run("EMPTY"))).toContain("at least one data range");
  });

  it("keeps Properties within Apps Script's size limits", () => {
    const addon = withProbe(
      `function BIG() { PropertiesService.getDocumentProperties().setProperty("k", new Array(10000).join("x")); }`,
    );
    expect(errorOf(() => addon.run("BIG"))).toContain("Argument too large");
  });

  it("keeps CacheService within its limits: 250-character keys, 100 KB values, 1,000 items, separate caches", () => {
    const addon = withProbe(`
      function LONG_KEY(n) { CacheService.getUserCache().put(new Array(n + 1).join("k"), "v"); return "ok"; }
      function BIG_VALUE() { CacheService.getUserCache().put("k", new Array(102402).join("x")); }
      function FILL(n, ttl) {
        var values = {};
        for (var i = 0; i < n; i++) values["item" + i] = "v";
        CacheService.getUserCache().putAll(values, ttl);
      }
      function ONE(key, ttl) { CacheService.getUserCache().put(key, "v", ttl); }
      function HAS(key) { return CacheService.getUserCache().get(key) !== null; }
      function SEPARATE() {
        CacheService.getDocumentCache().put("shared", "document");
        CacheService.getScriptCache().put("shared", "script");
        return [CacheService.getUserCache().get("shared"), CacheService.getDocumentCache().get("shared"),
          CacheService.getScriptCache().get("shared")];
      }`);
    expect(addon.run("LONG_KEY", 250)).toBe("ok");
    expect(errorOf(() => addon.run("LONG_KEY", 251))).toContain("Argument too large: key");
    expect(errorOf(() => addon.run("BIG_VALUE"))).toContain("Argument too large: value");
    addon.cache.evictAll();
    // Two long-lived items, then 1,000 short-lived ones: past the cap the 900 farthest from
    // expiring stay, so both long-lived items survive and 100 short-lived ones go.
    addon.run("ONE", "keep-a", 21600);
    addon.run("ONE", "keep-b", 21600);
    addon.run("FILL", 1000, 60);
    expect(addon.cache.size).toBe(900);
    expect(addon.run("HAS", "keep-a")).toBe(true);
    expect(addon.run("HAS", "keep-b")).toBe(true);
    expect(addon.run("HAS", "item0")).toBe(false);
    expect(addon.run("HAS", "item999")).toBe(true);
    expect(addon.run("SEPARATE")).toEqual([null, "document", "script"]);
  });
});

describe("google.script.run values", () => {
  it("allow only plain JSON", () => {
    expect(() => assertJsonSafe({ a: [1, "x", null, { b: true }] }, "v")).not.toThrow();
    expect(() => assertJsonSafe({ when: new Date() }, "v")).toThrow(/Date/);
    expect(() => assertJsonSafe([() => 1], "v")).toThrow(/function/);
    expect(() => assertJsonSafe(Number.NaN, "v")).toThrow(/NaN/);
  });

  it("are enforced on server functions' results", () => {
    const addon = withProbe(`function DATED() { return { at: new Date() }; }`);
    expect(errorOf(() => addon.run("DATED"))).toContain("a Date cannot cross google.script.run");
  });
});
