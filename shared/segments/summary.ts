import type { Bilingual, CustomerSegmentation } from "./segmentation";

/** One segment of the sidebar's summary. */
export interface SegmentSummary {
  key: string;
  label: Bilingual;
  description: Bilingual | null;
  action: Bilingual;
  /** Customers with purchases in this segment. */
  customers: number;
  /** customers / all customers with purchases, 0…1. */
  share: number;
  revenue: number;
  /** revenue / total revenue, 0…1 (0 when the total is not positive). */
  revenueShare: number;
  /** revenue / customers. */
  averageRevenue: number;
}

/**
 * Count, share of clients, revenue, share of revenue and average revenue of each segment, in the
 * segmentation's display order. Sums use compensated addition so shares add up to 1.
 */
export function summarizeSegments(seg: CustomerSegmentation): SegmentSummary[] {
  const k = seg.segments.length;
  const count = new Float64Array(k);
  const revenue = new Float64Array(k);
  const carry = new Float64Array(k);
  let total = 0;
  let totalCarry = 0;
  const n = seg.ids.length;
  for (let i = 0; i < n; i++) {
    const s = seg.segment[i] as number;
    const value = seg.revenue[i] as number;
    count[s] = (count[s] as number) + 1;
    // Kahan summation per segment and overall.
    const y = value - (carry[s] as number);
    const sum = (revenue[s] as number) + y;
    carry[s] = sum - (revenue[s] as number) - y;
    revenue[s] = sum;
    const yt = value - totalCarry;
    const st = total + yt;
    totalCarry = st - total - yt;
    total = st;
  }
  return seg.segments.map((info, s) => ({
    key: info.key,
    label: info.label,
    description: info.description,
    action: info.action,
    customers: count[s] as number,
    share: n > 0 ? (count[s] as number) / n : 0,
    revenue: revenue[s] as number,
    revenueShare: total > 0 ? (revenue[s] as number) / total : 0,
    averageRevenue: (count[s] as number) > 0 ? (revenue[s] as number) / (count[s] as number) : 0,
  }));
}
