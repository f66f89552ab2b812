import { type Bilingual, bilingual, type CustomerSegmentation } from "./segmentation";

/**
 * When a segmentation says little about the data it was given, the sidebar says so instead of
 * letting a person read meaning into it (docs/segments.md, "When the data cannot support a method").
 *
 * - XYZ measures how evenly a client buys month to month; it was made for steady demand (stock
 *   items, subscriptions). Clients who buy a few times a year are all Z, so when most are, Z means
 *   "occasional", not "a problem", and the ABC letter carries the information.
 * - The behavioural clusters are the number of groups that stand apart best (silhouette); on data
 *   dominated by one-time buyers only two do (recent vs. long gone), and RFM's fixed grid separates more.
 */

/** At least this share of clients with an XYZ letter in Z makes XYZ uninformative. */
export const MOSTLY_Z = 0.8;

export function segmentationCaveat(seg: CustomerSegmentation): Bilingual | null {
  const n = seg.segment.length;
  if (n === 0) return null;
  if (seg.method === "abcXyz") {
    let classed = 0;
    let z = 0;
    for (let i = 0; i < n; i++) {
      const key = seg.segments[seg.segment[i] as number]?.key ?? "";
      if (key.length < 2) continue;
      classed++;
      if (key.endsWith("Z")) z++;
    }
    if (classed > 0 && z / classed >= MOSTLY_Z) {
      return bilingual("segments.caveat.mostlyZ", { z, n: classed, percent: Math.round((100 * z) / classed) });
    }
  }
  if (seg.method === "clusters" && seg.segments.length <= 2) {
    return bilingual("segments.caveat.fewClusters", { k: seg.segments.length });
  }
  return null;
}
