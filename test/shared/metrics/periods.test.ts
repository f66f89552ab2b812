import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { civilOfDay, dayOfCivil, periodIndex, periodLabel, periodStart } from "../../../shared/metrics/periods";
import { dayOf } from "../txHelpers";

const dayArb = fc.integer({ min: dayOf("1900-01-01"), max: dayOf("2200-12-31") });

describe("calendar arithmetic", () => {
  it("agrees with Date on year, month and day (property)", () => {
    fc.assert(
      fc.property(dayArb, (day) => {
        const d = new Date(day * 86_400_000);
        expect(civilOfDay(day)).toEqual({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
        expect(dayOfCivil(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())).toBe(day);
      }),
    );
  });

  it("puts every day inside its period, and periods back to back (property)", () => {
    fc.assert(
      fc.property(dayArb, fc.constantFrom("week", "month", "quarter", "year" as const), (day, period) => {
        const index = periodIndex(day, period);
        expect(periodStart(index, period)).toBeLessThanOrEqual(day);
        expect(periodStart(index + 1, period)).toBeGreaterThan(day);
        expect(periodIndex(periodStart(index + 1, period), period)).toBe(index + 1);
      }),
    );
  });

  it("starts weeks on Monday", () => {
    // 2024-03-04 was a Monday, 2024-03-10 a Sunday.
    expect(periodStart(periodIndex(dayOf("2024-03-10"), "week"), "week")).toBe(dayOf("2024-03-04"));
    expect(periodStart(periodIndex(dayOf("2024-03-04"), "week"), "week")).toBe(dayOf("2024-03-04"));
  });

  it("labels periods in ISO 8601, including ISO week years", () => {
    expect(periodLabel(periodIndex(dayOf("2024-03-15"), "month"), "month")).toBe("2024-03");
    expect(periodLabel(periodIndex(dayOf("2024-11-15"), "quarter"), "quarter")).toBe("2024-Q4");
    expect(periodLabel(periodIndex(dayOf("1997-06-30"), "year"), "year")).toBe("1997");
    // ISO weeks (from published calendars): 2021-01-03 is in 2020-W53, 2024-12-30 in 2025-W01,
    // 2024-03-04 in 2024-W10.
    expect(periodLabel(periodIndex(dayOf("2021-01-03"), "week"), "week")).toBe("2020-W53");
    expect(periodLabel(periodIndex(dayOf("2024-12-30"), "week"), "week")).toBe("2025-W01");
    expect(periodLabel(periodIndex(dayOf("2024-03-04"), "week"), "week")).toBe("2024-W10");
  });
});
