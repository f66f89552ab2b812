import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clvTiers, HIGH_SHARE, LOST_P_ALIVE } from "../../../shared/segments/clv";

describe("CLV tiers", () => {
  it("marks clients below the P(alive) line lost and ranks the others by CLV, ties by id", () => {
    const ids = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    const pAlive = [0.9, 0.9, 0.1, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.24, 0.9, 0.9];
    const clv = [50, 90, 500, 10, 90, 5, 30, 20, 70, 1000, 60, 40];
    // Ten alive clients by CLV: 2 (90), 5 (90, larger id), 9 (70), 11 (60), 1 (50), 12 (40), 7, 8, 4, 6.
    // Top 20 % = 2 high, next 30 % = 3 medium, rest low.
    expect(clvTiers(ids, pAlive, clv)).toEqual([
      "medium",
      "high",
      "lost",
      "low",
      "high",
      "low",
      "low",
      "low",
      "medium",
      "lost",
      "medium",
      "low",
    ]);
  });

  it("keeps the shares for any input (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1e4, noNaN: true })), {
          minLength: 1,
          maxLength: 200,
        }),
        (pairs) => {
          const ids = pairs.map((_, i) => i);
          const tiers = clvTiers(
            ids,
            pairs.map((p) => p[0]),
            pairs.map((p) => p[1]),
          );
          const alive = pairs.filter((p) => p[0] >= LOST_P_ALIVE).length;
          expect(tiers.filter((t) => t === "lost").length).toBe(pairs.length - alive);
          expect(tiers.filter((t) => t === "high").length).toBe(Math.max(0, Math.ceil(HIGH_SHARE * alive - 1e-9)));
          // A high client never has a lower CLV than a medium one, nor a medium than a low one.
          const minOf = (tier: string) => Math.min(...pairs.filter((_, i) => tiers[i] === tier).map((p) => p[1]));
          const maxOf = (tier: string) => Math.max(...pairs.filter((_, i) => tiers[i] === tier).map((p) => p[1]));
          if (tiers.includes("high") && tiers.includes("medium"))
            expect(minOf("high")).toBeGreaterThanOrEqual(maxOf("medium"));
          if (tiers.includes("medium") && tiers.includes("low"))
            expect(minOf("medium")).toBeGreaterThanOrEqual(maxOf("low"));
        },
      ),
    );
  });
});
