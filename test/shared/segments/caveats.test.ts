import { describe, expect, it } from "vitest";
import { CDNOW_EXTRACT_PATH, readCdnow } from "../../../scripts/lib/cdnow";
import { abcXyzTable } from "../../../shared/metrics/abcXyz";
import { MOSTLY_Z, segmentationCaveat } from "../../../shared/segments/caveats";
import { segmentLocally } from "../../../shared/segments/compute";
import { txOf } from "../txHelpers";

const demo = txOf(readCdnow(CDNOW_EXTRACT_PATH).map((r) => [Number(r.customerId), r.date, r.amount] as const));

describe("segmentation caveats", () => {
  it("say XYZ tells little when most clients are Z, with the count worked out from the table", () => {
    const table = abcXyzTable(demo);
    const classed = table.xyz.filter((x) => x !== null);
    const z = classed.filter((x) => x === "Z").length;
    expect(z / classed.length).toBeGreaterThanOrEqual(MOSTLY_Z);
    const caveat = segmentationCaveat(segmentLocally("abcXyz", demo));
    expect(caveat?.en).toMatch(
      new RegExp(`^${z} of ${classed.length} clients \\(${Math.round((100 * z) / classed.length)} %\\) are Z\\.`),
    );
    expect(caveat?.ru).toMatch(new RegExp(`^${z} из ${classed.length} клиентов`));
  });

  it("say nothing when clients buy steadily", () => {
    // Two clients buying every month for a year: both AX (the second crosses the 80 % line), nothing to warn about.
    const rows: [number, string, number][] = [];
    for (let m = 1; m <= 12; m++) {
      const month = String(m).padStart(2, "0");
      rows.push([1, `2024-${month}-05`, 100], [2, `2024-${month}-07`, 40]);
    }
    const seg = segmentLocally("abcXyz", txOf(rows));
    expect(seg.segments.map((s) => s.key)).toEqual(["AX"]);
    expect(segmentationCaveat(seg)).toBeNull();
  });

  it("say when only two behavioural clusters stand apart, and nothing about RFM or CLV", () => {
    // The demo: two clusters win the silhouette (recent vs. long-gone one-time buyers).
    const clusters = segmentLocally("clusters", demo);
    expect(clusters.segments).toHaveLength(2);
    expect(segmentationCaveat(clusters)?.en).toMatch(/^Only 2 groups stand apart in these data/);
    expect(segmentationCaveat(clusters)?.ru).toMatch(/^В этих данных выделяются только 2 группы/);
    expect(segmentationCaveat(segmentLocally("rfm", demo))).toBeNull();
  });
});
