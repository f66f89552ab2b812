import { describe, expect, it } from "vitest";
import type { FakeRange } from "../../../addon/harness/spreadsheet";
import { errorOf, loadAddon } from "../helpers";

/**
 * Service formulas through the built Code.js on a Moscow spreadsheet (UTC+3), with date-time
 * cells as Sheets holds them. The arithmetic is checked in test/shared/metrics/service.test.ts.
 */

/** A moment on Moscow's wall clock (UTC+3 all year) as the instant a date-time cell holds. */
const moscow = (day: number, hour: number, minute = 0) => new Date(Date.UTC(2024, 2, day, hour - 3, minute));

// Requests opened and answered in March 2024 (the 1st was a Friday), hand-worked:
//   Fri 1st 17:00 → Mon 4th 10:00: 65 h, in office hours (9–18, Mon–Fri) 2 h
//   Mon 4th 09:00 → 09:30: 0.5 h · Mon 4th 22:30 → Tue 5th 09:15: 10.75 h, in office hours 0.25 h
//   Tue 5th 12:00 → 13:00: 1 h · Wed 6th 10:00: not answered yet
const ROWS = [
  ["Opened", "First response"],
  [moscow(1, 17), moscow(4, 10)],
  [moscow(4, 9), moscow(4, 9, 30)],
  [moscow(4, 22, 30), moscow(5, 9, 15)],
  [moscow(5, 12), moscow(5, 13)],
  [moscow(6, 10), ""],
];

function workbook(dateArguments: "spreadsheetZone" | "scriptZone", locale = "en_US") {
  return loadAddon({
    dateArguments,
    spreadsheet: { locale, timeZone: "Europe/Moscow", sheets: [{ name: "Requests", rows: ROWS as never }] },
  });
}

describe("service formulas", () => {
  const addon = workbook("spreadsheetZone");
  const opened = ROWS.slice(1).map((r) => [r[0]]);
  const answered = ROWS.slice(1).map((r) => [r[1]]);

  it("RESPONSE_TIME: per month and in total, calendar or working hours", () => {
    const calendar = addon.callCustomFunction("RESPONSE_TIME", opened, answered) as unknown[][];
    expect(calendar[0]).toEqual(["period", "requests", "answered", "median_hours", "mean_hours", "p90_hours"]);
    // 0.5, 1, 10.75, 65: median 5.875, mean 19.3125, P90 at h = 2.7: 10.75 + 0.7·54.25 = 48.725.
    expect(calendar[1]).toEqual(["2024-03", 5, 4, 5.875, 19.3125, expect.closeTo(48.725, 10)]);
    expect(calendar[2]?.[0]).toBe("total");
    const office = addon.callCustomFunction("RESPONSE_TIME", opened, answered, "month", "9-18") as unknown[][];
    // 0.25, 0.5, 1, 2: median 0.75, mean 0.9375.
    expect(office[1]?.slice(0, 5)).toEqual(["2024-03", 5, 4, 0.75, 0.9375]);
    // Monday the 4th a day off (a date cell at Moscow midnight): Fri 17:00 → Mon 10:00 is Friday's
    // 1 h; Mon 09:00 → 09:30 and Mon 22:30 → Tue 09:15 count 0 and 0.25 h: 0, 0.25, 1, 1.
    const dayOff = [[moscow(4, 0)]];
    const holiday = addon.callCustomFunction("RESPONSE_TIME", opened, answered, "month", "9-18", "", dayOff);
    expect((holiday as unknown[][])[1]?.slice(0, 5)).toEqual(["2024-03", 5, 4, 0.625, 0.5625]);
    // Days off alone: all day on every other day. Fri 17:00 → Mon 10:00 is 55 h (Fri 7, Sat and
    // Sun 24 each), Mon 22:30 → Tue 09:15 is 9.25 h: 0, 1, 9.25, 55, median 5.125.
    const allDay = addon.callCustomFunction("RESPONSE_TIME", opened, answered, "month", "", "", dayOff) as unknown[][];
    expect(allDay[1]?.slice(0, 4)).toEqual(["2024-03", 5, 4, (1 + 9.25) / 2]);
    expect(errorOf(() => addon.callCustomFunction("RESPONSE_TIME", opened, answered, "", "", "", [["Xmas"]]))).toBe(
      'RESPONSE_TIME: holidays, row 1: "Xmas" is not a date; use a date cell or text such as 2024-03-01 or 01.03.2024',
    );
  });

  it("SERVICE_LEVEL and RESOLUTION_TIME", () => {
    // Within 1 hour in office hours: 0.25, 0.5, 1 yes, 2 no; the open one is pending at the
    // latest time in the data (Wed 10:00) and late by Thursday.
    const level = addon.callCustomFunction("SERVICE_LEVEL", opened, answered, 1, "month", "9-18") as unknown[][];
    expect(level[0]).toEqual(["period", "requests", "within_target", "late", "pending", "service_level"]);
    expect(level[1]).toEqual(["2024-03", 5, 3, 1, 1, 0.75]);
    const later = addon.callCustomFunction("SERVICE_LEVEL", opened, answered, 1, "", "9-18", "", moscow(7, 12));
    expect((later as unknown[][])[1]).toEqual(["2024-03", 5, 3, 2, 0, 0.6]);
    const resolution = addon.callCustomFunction("RESOLUTION_TIME", opened, answered) as unknown[][];
    expect(resolution[0]).toEqual([
      "period",
      "requests",
      "resolved",
      "open",
      "median_hours",
      "median_lower",
      "median_upper",
      "mean_hours_resolved",
    ]);
    // 0.5, 1, 10.75, 65 and one open for 0 h so far (censored at once): KM S = 3/4 after 0.5,
    // 2/4 after 1 → exactly 0.5 until 10.75: the median is (1 + 10.75)/2 = 5.875.
    expect(resolution[1]?.slice(0, 5)).toEqual(["2024-03", 5, 4, 1, 5.875]);
    expect(resolution[1]?.[7]).toBeCloseTo(19.3125, 12);
  });

  it("answers the same whichever zone Sheets passes the date-times in, when they come from a reference", () => {
    const results = (["spreadsheetZone", "scriptZone"] as const).map((mode) => {
      const harness = workbook(mode);
      const cell = harness.spreadsheet.getSheetByName("Requests")?.getRange("D1") as FakeRange;
      cell.setFormula('=RESPONSE_TIME(A2:A6, B2:B6, "month", "9-18")');
      return harness.callCustomFunctionAt(cell as never, "RESPONSE_TIME", opened, answered, "month", "9-18");
    });
    expect((results[0] as unknown[][])[1]?.slice(0, 5)).toEqual(["2024-03", 5, 4, 0.75, 0.9375]);
    expect(results[1]).toEqual(results[0]);
  });

  it("names the cell that is wrong, in the spreadsheet's language", () => {
    const backwards = [[moscow(4, 10)], [moscow(4, 9)]];
    expect(errorOf(() => addon.callCustomFunction("RESPONSE_TIME", backwards.slice(0, 1), backwards.slice(1)))).toBe(
      'RESPONSE_TIME: first_response_at, row 1: "2024-03-04 09:00" is before the request was opened',
    );
    expect(errorOf(() => addon.callCustomFunction("RESPONSE_TIME", opened, answered, "month", "9am-6pm"))).toBe(
      'RESPONSE_TIME: working_hours: "9am-6pm" is not working hours; write them as 9-18 or 09:00-17:30',
    );
    const ru = workbook("spreadsheetZone", "ru_RU");
    expect(errorOf(() => ru.callCustomFunction("RESPONSE_TIME", opened, answered, "month", "9-18", "будни"))).toBe(
      "RESPONSE_TIME: аргумент 5: «будни» — не список дней; пишите Пн-Пт, Пн,Ср,Пт или 1-5 (1 — понедельник)",
    );
    expect(errorOf(() => addon.callCustomFunction("SERVICE_LEVEL", opened, answered, 0))).toBe(
      "SERVICE_LEVEL: target_hours must be greater than 0; got 0",
    );
  });
});

describe("CONTACT_RATE", () => {
  const addon = loadAddon();
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
  // As in test/shared/metrics/contacts.test.ts: A jumps to 5 requests in April.
  const rows: [unknown, unknown][] = [
    ["A", day("2024-01-10")],
    [1001, day("2024-01-11")],
    ["1001", day("2024-01-12")],
    [1001, day("2024-01-13")],
    ["A", day("2024-02-10")],
    ["C", "2024-03-05"],
    ...Array.from({ length: 5 }, (_, i): [unknown, unknown] => ["A", day(`2024-04-0${i + 1}`)]),
  ];
  const ids = rows.map((r) => [r[0]]);
  const dates = rows.map((r) => [r[1]]);
  const clients = [["Client"], ["A"], [1001], ["C"], ["D"], ["E"]].slice(1);

  it("per month with the share of all clients, and the jumps", () => {
    const out = addon.callCustomFunction("CONTACT_RATE", ids, dates, "month", clients) as unknown[][];
    expect(out).toEqual([
      ["period", "requests", "clients", "requests_per_client", "share_of_clients", "jumped"],
      ["2024-01", 4, 2, 2, 0.4, 0],
      ["2024-02", 1, 1, 1, 0.2, 0],
      ["2024-03", 1, 1, 1, 0.2, 0],
      ["2024-04", 5, 1, 5, 0.2, 1],
      ["total", 11, 3, 11 / 3, 0.6, 1],
    ]);
    const jumps = addon.callCustomFunction("CONTACT_RATE", ids, dates, "", "", "jumps") as unknown[][];
    expect(jumps[0]).toEqual(["client", "period", "requests", "baseline_per_period", "p_value"]);
    expect(jumps[1]?.slice(0, 3)).toEqual(["A", "2024-04", 5]);
    expect(jumps[1]?.[4]).toBeCloseTo(0.0016844329, 9);
    expect(errorOf(() => addon.callCustomFunction("CONTACT_RATE", ids, dates, "", "", "who"))).toBe(
      'CONTACT_RATE: show: "who" is not a view; use "periods" or "jumps"',
    );
  });
});
