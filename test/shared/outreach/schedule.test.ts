import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayFromYmd } from "../../../shared/cells/dates";
import { CATCH_UP_DAYS, dueOccurrence, dueToday, type Schedule } from "../../../shared/outreach/schedule";

const day = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return dayFromYmd(y, m, d);
};
const client = (contactId: string, date: string | null, lastSent: string | null = null) => ({
  contactId,
  day: date === null ? null : day(date),
  lastSentDay: lastSent === null ? null : day(lastSent),
});

describe("who is due today", () => {
  it("asks again every N days after the last send", () => {
    const every: Schedule = { kind: "recurring", everyDays: 90 };
    expect(dueOccurrence(every, client("1", null, "2026-09-04"), day("2026-12-02"))).toBeNull(); // 89 days
    expect(dueOccurrence(every, client("1", null, "2026-09-04"), day("2026-12-03"))).toBe("every:2026-12-03"); // 90
  });

  it("spreads the first round evenly: each client gets one day in the first cycle", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.array(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 40 }),
        (n, ids) => {
          const start = day("2026-12-03");
          for (const id of ids) {
            const days = Array.from({ length: n }, (_, k) => start + k).filter(
              (d) => dueOccurrence({ kind: "recurring", everyDays: n }, client(id, null), d) !== null,
            );
            expect(days).toHaveLength(1);
          }
        },
      ),
    );
  });

  it("sends N days after a purchase, up to a few days late, once per purchase date", () => {
    const after: Schedule = { kind: "afterDate", days: 7 };
    const bought = client("1", "2026-11-26");
    expect(dueOccurrence(after, bought, day("2026-12-02"))).toBeNull();
    expect(dueOccurrence(after, bought, day("2026-12-03"))).toBe("afterDate:2026-11-26");
    expect(dueOccurrence(after, bought, day("2026-12-03") + CATCH_UP_DAYS)).toBe("afterDate:2026-11-26");
    expect(dueOccurrence(after, bought, day("2026-12-03") + CATCH_UP_DAYS + 1)).toBeNull();
    expect(dueOccurrence(after, client("2", null), day("2026-12-03"))).toBeNull();
  });

  it("asks two months before a contract ends, never after it ended", () => {
    const before: Schedule = { kind: "beforeDate", days: 60 };
    expect(dueOccurrence(before, client("1", "2027-02-01"), day("2026-12-03"))).toBe("beforeDate:2027-02-01");
    expect(dueOccurrence(before, client("1", "2027-02-01"), day("2026-12-02"))).toBeNull();
    // A contract ending in 2 days, scheduled 1 day before: the catch-up stops at the end date.
    expect(dueOccurrence({ kind: "beforeDate", days: 1 }, client("2", "2026-12-03"), day("2026-12-04"))).toBeNull();
  });

  it("greets on the date every year, 29 February on the 28th in other years, not on the date itself", () => {
    const yearly: Schedule = { kind: "yearly" };
    expect(dueOccurrence(yearly, client("1", "1990-12-03"), day("2026-12-03"))).toBe("yearly:2026");
    expect(dueOccurrence(yearly, client("1", "1990-12-03"), day("2026-12-02"))).toBeNull();
    expect(dueOccurrence(yearly, client("2", "1996-02-29"), day("2027-02-28"))).toBe("yearly:2027");
    expect(dueOccurrence(yearly, client("2", "1996-02-29"), day("2028-02-29"))).toBe("yearly:2028");
    expect(dueOccurrence(yearly, client("3", "2026-12-03"), day("2026-12-03"))).toBeNull();
  });

  it("takes at most the quota, the longest waiting first, and counts who waits for tomorrow", () => {
    const every: Schedule = { kind: "recurring", everyDays: 30 };
    const today = day("2026-12-03");
    const clients = [
      client("a", null, "2026-10-01"),
      client("b", null, "2026-08-01"),
      client("c", null, "2026-11-20"), // not due
      client("d", null, "2026-09-01"),
    ];
    expect(dueToday(every, clients, today, 2)).toEqual({
      due: [
        { index: 1, occurrence: "every:2026-12-03" },
        { index: 3, occurrence: "every:2026-12-03" },
      ],
      waiting: 1,
    });
    expect(dueToday(every, clients, today, 0).waiting).toBe(3);
  });
});
