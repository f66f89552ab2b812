import { describe, expect, it } from "vitest";
import { segmentLocally } from "../../../shared/segments/compute";
import { summarizeSegments } from "../../../shared/segments/summary";
import { txOf } from "../txHelpers";

describe("summarizeSegments", () => {
  it("counts clients and revenue per segment, worked out by hand", () => {
    const seg = segmentLocally(
      "rfm",
      txOf([
        [1, "2024-01-01", 10],
        [1, "2024-03-01", 30],
        [2, "2024-02-01", 60],
        [3, "2024-03-01", 0.1],
        [3, "2024-03-01", 0.2],
        [4, "2023-06-01", 99.7],
        [5, "2024-02-15", 100],
      ]),
    );
    const summary = summarizeSegments(seg);
    expect(summary.reduce((n, s) => n + s.customers, 0)).toBe(5);
    const total = 10 + 30 + 60 + 0.1 + 0.2 + 99.7 + 100;
    for (const s of summary) {
      const members = seg.ids.filter((_, i) => seg.segments[seg.segment[i] as number]?.key === s.key);
      expect(s.customers).toBe(members.length);
      expect(s.share).toBeCloseTo(members.length / 5, 12);
      expect(s.revenueShare).toBeCloseTo(s.revenue / total, 12);
      expect(s.averageRevenue).toBeCloseTo(s.revenue / s.customers, 12);
    }
  });

  it("shares add up to 1 and no revenue share is NaN when the total is 0", () => {
    const seg = segmentLocally(
      "rfm",
      txOf([
        [1, "2024-01-01", 0],
        [2, "2024-01-02", 0],
      ]),
    );
    const summary = summarizeSegments(seg);
    expect(summary.reduce((n, s) => n + s.share, 0)).toBeCloseTo(1, 12);
    for (const s of summary) expect(s.revenueShare).toBe(0);
  });
});
