import { describe, expect, it } from "vitest";
import type { CellValue } from "../../../addon/harness/index";
import {
  demoRequests,
  demoShiftDays,
  demoWorkbook,
  lastDemoDate,
  readDemoClients,
  shiftIsoDate,
} from "../../../addon/preview/demoWorkbook";

const DAY = 86_400_000;
const dates = (rows: CellValue[][], column: number) => rows.slice(1).map((row) => (row[column] as Date).getTime());

describe("the demo workbook", () => {
  it("keeps CDNOW's own dates unless asked to end recently", () => {
    const [, transactions] = demoWorkbook().sheets ?? [];
    // Whole weeks: every date keeps its weekday.
    expect(10_381 % 7).toBe(0);
    const last = Math.max(...dates(transactions?.rows ?? [], 1));
    // 29 June 1998, midnight in New York (UTC−4 in summer).
    expect(new Date(last).toISOString()).toBe("1998-06-29T04:00:00.000Z");
    expect(lastDemoDate()).toBe("1998-06-29");
  });

  it("moves every date by whole weeks so that the data end in the week before the given day", () => {
    // 3 December 2026: 10,384 days after 29 June 1998; the last multiple of 7 below that is 10,381.
    const today = Date.UTC(2026, 11, 3, 15, 0);
    expect(demoShiftDays(today)).toBe(10_381);
    expect(shiftIsoDate("1998-06-29", 10_381)).toBe("2026-11-30");
    // On the last day itself, or before it, nothing moves.
    expect(demoShiftDays(Date.UTC(1998, 5, 29, 12))).toBe(0);
    expect(demoShiftDays(Date.UTC(1990, 0, 1))).toBe(0);
    // Seven days after it, the data move one week and end the day before.
    expect(demoShiftDays(Date.UTC(1998, 6, 6))).toBe(0);
    expect(demoShiftDays(Date.UTC(1998, 6, 7))).toBe(7);
    expect(shiftIsoDate("1998-02-28", 1)).toBe("1998-03-01");
    expect(shiftIsoDate("2024-02-28", 1)).toBe("2024-02-29");
  });

  it("keeps the data's shape when shifted: the same gaps between dates and the same weekdays", () => {
    const original = demoWorkbook({ locale: "ru" });
    const shifted = demoWorkbook({ locale: "ru", endingBefore: Date.UTC(2026, 11, 3, 15) });
    for (const [sheet, column] of [
      [1, 1],
      [0, 3],
      [0, 5],
    ] as const) {
      const before = original.sheets?.[sheet]?.rows ?? [];
      const after = shifted.sheets?.[sheet]?.rows ?? [];
      expect(after.length).toBe(before.length);
      for (let r = 1; r < before.length; r++) {
        const a = before[r]?.[column];
        const b = after[r]?.[column];
        if (a === "") {
          expect(b).toBe("");
          continue;
        }
        // Whole days apart (Moscow has no daylight saving since 2014; 1998 had it: ±1 h).
        const days = ((b as Date).getTime() - (a as Date).getTime()) / DAY;
        expect(Math.abs(days - 10_381)).toBeLessThanOrEqual(1 / 24);
      }
    }
    // Whole weeks: every date keeps its weekday.
    expect(10_381 % 7).toBe(0);
    const last = Math.max(...dates(shifted.sheets?.[1]?.rows ?? [], 1));
    expect(Date.UTC(2026, 11, 3, 15) - last).toBeLessThan(7 * DAY);
    expect(Date.UTC(2026, 11, 3, 15) - last).toBeGreaterThan(0);
  });

  it("writes its sheets and headers in the preview's language", () => {
    const ru = demoWorkbook({ locale: "ru" });
    expect(ru.sheets?.map((s) => s.name)).toEqual(["Клиенты", "Покупки", "Обращения", "Договоры"]);
    expect(ru.sheets?.[0]?.rows?.[0]?.[4]).toBe("Оценка NPS");
    expect(ru.sheets?.[2]?.rows?.[0]).toEqual([
      "Обращение",
      "ID клиента",
      "Открыто",
      "Первый ответ",
      "Решено",
      "Канал",
    ]);
    expect(demoWorkbook({ locale: "en" }).sheets?.map((s) => s.name)).toEqual([
      "Clients",
      "Transactions",
      "Requests",
      "Contracts",
    ]);
  });

  it("makes the same requests on every run: office hours, answers after opening, the newest still open", () => {
    const ids = readDemoClients().map((c) => c.id);
    const requests = demoRequests("1998-06-30", ids);
    expect(demoRequests("1998-06-30", ids)).toEqual(requests);
    expect(requests).toHaveLength(12 * 45);
    expect(requests[0]?.openedDay.slice(0, 7)).toBe("1997-07");
    for (const r of requests) {
      expect(r.openedHour).toBeGreaterThanOrEqual(9);
      expect(r.openedHour).toBeLessThan(18);
      expect(r.responseHours ?? 0).toBeGreaterThanOrEqual(0);
      if (r.resolutionHours !== null) expect(r.resolutionHours).toBeGreaterThanOrEqual(r.responseHours ?? 0);
    }
    expect(requests.some((r) => r.resolutionHours === null)).toBe(true);
  });
});
