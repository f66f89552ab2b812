import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cellDay,
  dateReading,
  dayFromYmd,
  isoDay,
  parseDateText,
  readDay,
  ymdOfDay,
  ZoneClock,
} from "../../../shared/cells/dates";
import { RapportError } from "../../../shared/errors";
import { t } from "../../../shared/i18n/translate";

const us = dateReading("America/New_York", "en_US");
const ru = dateReading("Europe/Moscow", "ru_RU");

describe("day numbers", () => {
  it("count days from 1970-01-01", () => {
    expect(dayFromYmd(1970, 1, 1)).toBe(0);
    expect(dayFromYmd(1970, 1, 2)).toBe(1);
    expect(dayFromYmd(1969, 12, 31)).toBe(-1);
    expect(dayFromYmd(2024, 3, 1)).toBe(19783);
    expect(isoDay(19783)).toBe("2024-03-01");
    expect(ymdOfDay(19783)).toEqual({ year: 2024, month: 3, day: 1 });
  });

  it("property: ymd → day → ymd round-trips", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1900-01-01"), max: new Date("2200-12-31"), noInvalidDate: true }), (d) => {
        const day = dayFromYmd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
        expect(isoDay(day)).toBe(d.toISOString().slice(0, 10));
      }),
    );
  });
});

describe("text dates", () => {
  it.each([
    ["2024-03-01", 19783],
    ["2024-3-1", 19783],
    ["2024-03-01 14:30", 19783],
    ["2024-03-01T14:30:00", 19783],
    ["01.03.2024", 19783],
    ["1.3.2024", 19783],
    ["20240301", 19783],
    ["Mar 1, 2024", 19783],
    ["March 1 2024", 19783],
    ["Mar. 1, 2024 14:30", 19783],
    ["1 Mar 2024", 19783],
    ["1 March 2024", 19783],
    ["1 марта 2024", 19783],
    ["1 марта 2024 г.", 19783],
    ["1 мар. 2024 г.", 19783],
    ["1 Март 2024", 19783],
  ])("%j → 1 March 2024", (text, day) => {
    expect(parseDateText(text, ru)).toBe(day);
    expect(parseDateText(text, us)).toBe(day);
  });

  it("reads month names in English and Russian, May apart from March", () => {
    expect(parseDateText("5 мая 1997", ru)).toBe(dayFromYmd(1997, 5, 5));
    expect(parseDateText("5 май 1997", ru)).toBe(dayFromYmd(1997, 5, 5));
    expect(parseDateText("Sept 30, 1997", us)).toBe(dayFromYmd(1997, 9, 30));
    expect(parseDateText("5 сент. 1997 г.", ru)).toBe(dayFromYmd(1997, 9, 5));
    expect(parseDateText("31 ноября 1997", ru)).toBeNull();
  });

  it("reads slash dates by the spreadsheet's locale", () => {
    expect(parseDateText("03/01/2024", us)).toBe(dayFromYmd(2024, 3, 1));
    expect(parseDateText("03/01/2024", ru)).toBe(dayFromYmd(2024, 1, 3));
  });

  it("converts ISO times with an offset to the spreadsheet's calendar", () => {
    // 23:30 UTC on 29 Feb is already 1 March in Moscow, still 29 Feb in New York.
    expect(parseDateText("2024-02-29T23:30:00Z", ru)).toBe(dayFromYmd(2024, 3, 1));
    expect(parseDateText("2024-02-29T23:30:00Z", us)).toBe(dayFromYmd(2024, 2, 29));
  });

  it.each([
    "2024-02-30",
    "31.04.2024",
    "2024-13-01",
    "yesterday",
    "1/2",
    "2024",
    "0000-01-01",
    "",
    "Ma 5, 2024",
    "5 Smarch 2024",
  ])("%j is not a date", (text) => {
    expect(parseDateText(text, us)).toBeNull();
  });
});

describe("date cells", () => {
  it("take the calendar day of a Date in the spreadsheet's time zone", () => {
    // Midnight of 1 March 2024 in Moscow is 21:00 UTC on 29 February.
    expect(cellDay(new Date("2024-02-29T21:00:00Z"), ru)).toBe(dayFromYmd(2024, 3, 1));
    // Midnight in New York, on both sides of the DST change (10 March 2024).
    expect(cellDay(new Date("2024-03-09T05:00:00Z"), us)).toBe(dayFromYmd(2024, 3, 9));
    expect(cellDay(new Date("2024-03-11T04:00:00Z"), us)).toBe(dayFromYmd(2024, 3, 11));
    // Late evening keeps its own day.
    expect(cellDay(new Date("2024-03-11T03:59:00Z"), us)).toBe(dayFromYmd(2024, 3, 10));
  });

  it("reads Sheets serial numbers and yyyymmdd numbers, but not arbitrary numbers", () => {
    expect(cellDay(45352, us)).toBe(dayFromYmd(2024, 3, 1));
    expect(cellDay(19970101, us)).toBe(dayFromYmd(1997, 1, 1));
    expect(cellDay(12.5, us)).toBeNull();
    expect(cellDay(1234, us)).toBeNull();
    expect(cellDay(19971301, us)).toBeNull();
    expect(cellDay(true, us)).toBeNull();
    expect(cellDay(new Date(Number.NaN), us)).toBeNull();
  });

  it("falls back to rounding for an unknown time zone (right for date-only cells)", () => {
    const clock = new ZoneClock("Not/AZone");
    expect(clock.dayOf(new Date("2024-02-29T21:00:00Z"))).toBe(dayFromYmd(2024, 3, 1));
  });

  it("names the argument and cell when a cell is not a date", () => {
    try {
      readDay("soon", us, "dates", 4, 0, 1);
      throw new Error("no error");
    } catch (error) {
      expect(error).toBeInstanceOf(RapportError);
      const e = error as RapportError;
      expect(t("en", e.key, e.params)).toBe(
        'dates, row 5: "soon" is not a date; use a date cell or text such as 2024-03-01 or 01.03.2024',
      );
    }
  });

  it("property: the day of local midnight in any zone is that calendar day", () => {
    const zones = [
      "Europe/Moscow",
      "America/New_York",
      "Asia/Kolkata",
      "Pacific/Auckland",
      "America/Los_Angeles",
      "UTC",
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: dayFromYmd(1990, 1, 1), max: dayFromYmd(2040, 1, 1) }),
        fc.constantFrom(...zones),
        (day, zone) => {
          const clock = new ZoneClock(zone);
          // Local midnight; a second pass settles days whose offset changes later that day (DST starts).
          const utcMidnight = day * 86_400_000;
          const guess = utcMidnight - clock.offsetMinutes(utcMidnight) * 60_000;
          const midnight = utcMidnight - clock.offsetMinutes(guess) * 60_000;
          expect(clock.dayOf(new Date(midnight))).toBe(day);
        },
      ),
      // A US daylight-saving start day, where the offset at noon differs from the one at midnight.
      { examples: [[25273, "America/Los_Angeles"]] },
    );
  });
});
