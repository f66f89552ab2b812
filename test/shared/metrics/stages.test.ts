import { describe, expect, it } from "vitest";
import { clientStages } from "../../../shared/metrics/stages";
import { col, messageOf } from "../helpers";
import { dayOf, txOf } from "../txHelpers";

describe("client stages", () => {
  const tx = txOf([
    ["ex", "2024-12-01"],
    ["ep", "2024-11-01"],
    ["ep", "2024-12-15"],
    ["co", "2023-06-01"],
    ["co", "2023-12-01"],
    ["co", "2024-04-01"],
    ["co", "2024-09-01"],
    ["co", "2024-12-20"],
    ["young", "2024-06-01"],
    ["young", "2024-07-01"],
    ["young", "2024-08-01"],
    ["young", "2024-09-01"],
    ["young", "2024-12-01"],
    ["di", "2023-01-01"],
    ["di", "2024-09-01"],
    ["late", "2025-01-05"],
  ]);
  const clients = col("aw", "ex", "ep", "", "co", "young", "di", "late");
  const options = { asOfDay: dayOf("2024-12-31"), lapsedDays: 90, commitmentOrders: 4, commitmentDays: 365 };

  it("applies the documented rules, first match wins", () => {
    // aw: no purchase; ex: one order; ep: two; co: 5 orders over 579 days; young: 5 orders but only
    // 213 days; di: last purchase 121 days before the as-of date (> 90); late: only after it.
    expect(clientStages(clients, tx, options).stages).toEqual([
      "awareness",
      "exploration",
      "expansion",
      null,
      "commitment",
      "expansion",
      "dissolution",
      "awareness",
    ]);
  });

  it("moves clients with the thresholds", () => {
    expect(clientStages(clients, tx, { ...options, lapsedDays: 200, commitmentDays: 200 }).stages).toEqual([
      "awareness",
      "exploration",
      "expansion",
      null,
      "commitment",
      "commitment",
      "expansion",
      "awareness",
    ]);
  });

  it("defaults to the last date in the data and the typical purchase gap", () => {
    const result = clientStages(clients, tx);
    expect(result.asOfDay).toBe(dayOf("2025-01-05"));
    expect(result.derivedLapsedDays).toBe(true);
    expect(result.thresholds.commitmentOrders).toBe(4);
    expect(result.thresholds.commitmentDays).toBe(365);
    // Gaps between purchase days: ep 44; co 183, 122, 153, 110; young 30, 31, 31, 91; di 609.
    // Sorted, the ⌈0.9·10⌉ = 9th is 183.
    expect(result.thresholds.lapsedDays).toBe(183);
    // As of 2025-01-05: di's last purchase is 126 days back (< 183), late bought that day.
    expect(result.stages).toEqual([
      "awareness",
      "exploration",
      "expansion",
      null,
      "commitment",
      "expansion",
      "expansion",
      "exploration",
    ]);
  });

  it("matches ids across numbers and numeric text, and refuses an empty client list", () => {
    const numeric = txOf([[17, "2024-01-01"]]);
    expect(clientStages(col("17", 18), numeric, { lapsedDays: 30 }).stages).toEqual(["exploration", "awareness"]);
    expect(messageOf(() => clientStages(col("", ""), numeric, { lapsedDays: 30 }))).toBe(
      "client_ids is empty: select a range with at least one value",
    );
  });
});
