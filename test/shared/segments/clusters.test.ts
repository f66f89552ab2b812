import { describe, expect, it } from "vitest";
import { clusterAction } from "../../../shared/segments/clusters";

describe("cluster actions", () => {
  it.each([
    ["recent", "frequent", "low", "champions"],
    ["recent", "occasional", "high", "growing"],
    ["recent", "oneTime", null, "newcomers"],
    ["lapsing", "frequent", "medium", "atRisk"],
    ["lapsing", "oneTime", "high", "cooling"],
    ["lapsed", "frequent", "low", "winBack"],
    ["lapsed", "occasional", "high", "winBack"],
    ["lapsed", "occasional", "medium", "lost"],
    ["lapsed", "oneTime", null, "lost"],
  ] as const)("%s, %s, %s spend → %s", (recency, frequency, spend, action) => {
    expect(clusterAction({ recency, frequency, spend })).toBe(action);
  });
});
