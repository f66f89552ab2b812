import { describe, expect, it } from "vitest";
import { dateReading, dayOfIso } from "../../../shared/cells/dates";
import { RapportError } from "../../../shared/errors";
import { readContracts, renewalsByPeriod } from "../../../shared/metrics/renewals";

const utc = dateReading("Etc/UTC", "en_US");
const column = (values: unknown[]) => values.map((v) => [v]) as never;
const names = { ends: "contract_ends", renewed: "renewed" };

describe("renewals", () => {
  // Worked by hand, as of 2024-03-20 with 10 grace days:
  //   due Jan 31: renewed Jan 25 (on time) · renewed Feb 8 (within grace: on time) ·
  //               renewed Feb 20 (late) · FALSE (lapsed) · blank (past Feb 10: lapsed)
  //   due Mar 15: TRUE (on time) · blank (grace until Mar 25: open)
  //   due Apr 30: blank (open)
  const ends = [
    "2024-01-31",
    "2024-01-31",
    "2024-01-31",
    "2024-01-31",
    "2024-01-31",
    "2024-03-15",
    "2024-03-15",
    "2024-04-30",
  ];
  const renewed = ["2024-01-25", "2024-02-08", "2024-02-20", false, "", true, "", ""];
  const contracts = readContracts(column(ends), column(renewed), utc, dayOfIso("2024-03-20"), 10, names);

  it("splits contracts due per month into renewed, on time, lapsed and open", () => {
    const rows = renewalsByPeriod(contracts, "month");
    expect(
      rows.map((r) => [r.label, r.due, r.renewed, r.onTime, r.lapsed, r.open, r.renewalRate, r.onTimeRate]),
    ).toEqual([
      ["2024-01", 5, 3, 2, 2, 0, 0.6, 0.4],
      ["2024-02", 0, 0, 0, 0, 0, null, null],
      ["2024-03", 2, 1, 1, 0, 1, 1, 1],
      ["2024-04", 1, 0, 0, 0, 1, null, null],
      ["total", 8, 4, 3, 2, 2, 4 / 6, 3 / 6],
    ]);
  });

  it("counts every contract once whatever the period", () => {
    for (const period of ["week", "month", "quarter", "year"] as const) {
      const rows = renewalsByPeriod(contracts, period);
      const body = rows.slice(0, -1);
      expect(body.reduce((s, r) => s + r.due, 0)).toBe(8);
      expect(body.reduce((s, r) => s + r.renewed + r.lapsed + r.open, 0)).toBe(8);
    }
  });

  it("names a cell that is neither a date nor yes/no, and refuses an empty list", () => {
    try {
      readContracts(column(["2024-01-31"]), column(["maybe"]), utc, 0, 0, names);
      expect.unreachable();
    } catch (error) {
      expect((error as RapportError).key).toBe("renewal.notOutcome");
    }
    expect(() => readContracts(column([""]), column([""]), utc, 0, 0, names)).toThrow(RapportError);
  });
});
