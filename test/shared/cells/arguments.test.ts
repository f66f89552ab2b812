import { describe, expect, it } from "vitest";
import {
  numberArg,
  numberOrPercent,
  optionalDayArg,
  optionalNumberArg,
  periodArg,
  scalarCell,
} from "../../../shared/cells/arguments";
import { dateReading } from "../../../shared/cells/dates";
import { messageOf } from "../helpers";
import { dayOf } from "../txHelpers";

const reading = dateReading("UTC", "ru_RU");

describe("scalar arguments", () => {
  it("treats omitted and blank arguments as not given, and a 1×1 range as its cell", () => {
    expect(scalarCell(undefined, "x")).toBeUndefined();
    expect(scalarCell("", "x")).toBeUndefined();
    expect(scalarCell([[""]] as never, "x")).toBeUndefined();
    expect(scalarCell([[3]] as never, "x")).toBe(3);
    expect(messageOf(() => scalarCell([[1], [2]] as never, "confidence"))).toBe(
      "confidence must be a single value, not a range",
    );
    expect(messageOf(() => scalarCell("#N/A", "confidence"))).toBe(
      "confidence: the cell holds the error #N/A; fix or clear that cell",
    );
  });

  it("reads numbers, numeric text and percentages, with a message per broken rule", () => {
    expect(numberArg(undefined, "confidence", 0.95, { fraction: true })).toBe(0.95);
    expect(numberArg("90%", "confidence", 0.95, { fraction: true, min: 0.5, max: 0.999 })).toBeCloseTo(0.9, 12);
    expect(numberArg("0,9", "confidence", 0.95, { fraction: true })).toBeCloseTo(0.9, 12);
    expect(numberOrPercent("12,5 %")).toBeCloseTo(0.125, 12);
    expect(messageOf(() => numberArg(95, "confidence", 0.95, { fraction: true, min: 0.5, max: 0.999 }))).toBe(
      "confidence must be a fraction from 0.5 to 0.999, such as 0.95 or 95%; got 95",
    );
    expect(messageOf(() => numberArg("high", "confidence", 0.95, { fraction: true }))).toBe(
      'confidence: "high" is not a number',
    );
    expect(messageOf(() => numberArg(1, "scale_max", 5, { min: 2, integer: true }))).toBe(
      "scale_max must be at least 2; got 1",
    );
    expect(messageOf(() => numberArg(7.5, "scale_max", 5, { min: 2, integer: true }))).toBe(
      "scale_max must be a whole number; got 7.5",
    );
    expect(messageOf(() => numberArg(6, "threshold", 4, { max: 5 }))).toBe("threshold must be at most 5; got 6");
    expect(messageOf(() => numberArg(1, "a_share", 0.8, { fraction: true, below: 1 }))).toBe(
      "a_share must be less than 1; got 1",
    );
    expect(optionalNumberArg("", "inactive_days")).toBeUndefined();
    expect(numberArg("10%", "x_cv", 0.1, { percent: true, min: 0 })).toBeCloseTo(0.1, 12);
    expect(numberArg(1.5, "y_cv", 0.25, { percent: true, min: 0 })).toBe(1.5);
  });

  it("reads dates from date cells and text, in Russian messages too", () => {
    expect(optionalDayArg(new Date("2024-03-01T00:00:00Z"), "as_of_date", reading)).toBe(dayOf("2024-03-01"));
    expect(optionalDayArg("01.03.2024", "as_of_date", reading)).toBe(dayOf("2024-03-01"));
    expect(optionalDayArg(undefined, "as_of_date", reading)).toBeUndefined();
    expect(messageOf(() => optionalDayArg("soon", "as_of_date", reading), "ru")).toBe(
      "as_of_date: «soon» не является датой; используйте ячейку с датой, СЕГОДНЯ() или текст вида 2024-03-01 или 01.03.2024",
    );
  });

  it("reads periods in English and Russian", () => {
    expect(periodArg(undefined, "period", "quarter")).toBe("quarter");
    expect(periodArg(" Month ", "period", "quarter")).toBe("month");
    expect(periodArg("неделя", "period", "quarter")).toBe("week");
    expect(periodArg("Год", "period", "quarter")).toBe("year");
    expect(messageOf(() => periodArg("fortnight", "period", "quarter"))).toBe(
      'period: "fortnight" is not a period; use "week", "month", "quarter" or "year"',
    );
    expect(messageOf(() => periodArg(3, "period", "quarter"))).toContain('"3" is not a period');
  });
});
