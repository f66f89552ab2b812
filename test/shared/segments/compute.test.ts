import { describe, expect, it } from "vitest";
import { CDNOW_EXTRACT_PATH, readCdnow } from "../../../scripts/lib/cdnow";
import { abcXyzTable } from "../../../shared/metrics/abcXyz";
import { rfmCells, rfmTable } from "../../../shared/metrics/rfm";
import { analyzeClv } from "../../../shared/models/analysis";
import { segmentCustomers } from "../../../shared/models/clustering";
import { clvTiers } from "../../../shared/segments/clv";
import { customerRevenue, SIDEBAR_PURCHASE_MODEL, segmentLocally } from "../../../shared/segments/compute";
import { summarizeSegments } from "../../../shared/segments/summary";
import { demo } from "./demo";

describe("segmentLocally on the demo transactions", () => {
  it("RFM: the same segments and codes as the RFM() formula", () => {
    const seg = segmentLocally("rfm", demo);
    const byId = new Map(
      rfmCells(rfmTable(demo))
        .slice(1)
        .map((row) => [row[0], row]),
    );
    seg.ids.forEach((id, i) => {
      const row = byId.get(id) as unknown[];
      expect(seg.segments[seg.segment[i] as number]?.key).toBe(row[8]);
      expect(seg.details[0]?.values[i]).toBe(row[7]);
      expect(seg.revenue[i]).toBe(row[3]);
    });
    expect(seg.ids.length).toBe(byId.size);
  });

  it("ABC/XYZ: the class of ABC_XYZ()", () => {
    const seg = segmentLocally("abcXyz", demo);
    const table = abcXyzTable(demo);
    seg.ids.forEach((id, i) => {
      const c = table.customers.indexOf(id);
      expect(seg.segments[seg.segment[i] as number]?.key).toBe((table.abc[c] as string) + (table.xyz[c] ?? ""));
    });
    expect(summarizeSegments(seg).reduce((n, s) => n + s.revenueShare, 0)).toBeCloseTo(1, 12);
  });

  it("CLV: CLV_PREDICT's figures (MBG/NBD) and tiers by the documented rule", () => {
    const seg = segmentLocally("clv", demo);
    expect(SIDEBAR_PURCHASE_MODEL).toBe("mbgnbd");
    const ref = analyzeClv(demo, { model: "mbgnbd", predictions: true, horizonMonths: 12, monthlyDiscount: 0.01 });
    expect(seg.ids).toEqual(ref.summary.ids);
    expect(Array.from(seg.details[2]?.values ?? [])).toEqual(Array.from(ref.predictions?.clv ?? []));
    const tiers = clvTiers(seg.ids, ref.predictions?.pAlive ?? [], ref.predictions?.clv ?? []);
    seg.ids.forEach((_, i) => {
      expect(seg.segments[seg.segment[i] as number]?.key).toBe(tiers[i]);
    });
  });

  it("CLV: a client who bought once has a P(alive) below 100 %, lower the longer ago that was", () => {
    const seg = segmentLocally("clv", demo);
    const ref = analyzeClv(demo, { model: "mbgnbd", predictions: true });
    const { x, ageDays } = ref.summary;
    const pAlive = seg.details[0]?.values as ArrayLike<number>;
    const once = Array.from({ length: seg.ids.length }, (_, i) => i).filter((i) => x[i] === 0);
    expect(once.length).toBeGreaterThan(50);
    for (const i of once) expect(pAlive[i]).toBeLessThan(1);
    // Among one-time buyers, the one whose purchase is oldest is the least likely to be active.
    const byAge = [...once].sort((a, b) => (ageDays[a] as number) - (ageDays[b] as number));
    expect(pAlive[byAge.at(-1) as number]).toBeLessThan(pAlive[byAge[0] as number] as number);
    // BG/NBD, by construction, says 100 % for every one of them: why the sidebars do not use it.
    const bg = analyzeClv(demo, { model: "bgnbd", predictions: true });
    for (const i of once) expect(bg.predictions?.pAlive[i]).toBe(1);
  });

  it("clusters: segmentCustomers' assignment, with an action per profile", () => {
    const seg = segmentLocally("clusters", demo);
    const ref = segmentCustomers(demo);
    expect(seg.segments.map((s) => s.label.en)).toEqual(ref.profiles.map((p) => p.label.en));
    seg.ids.forEach((_, i) => {
      expect(seg.segment[i]).toBe(ref.segment[i]);
    });
    for (const s of seg.segments) expect(s.action.en.length).toBeGreaterThan(10);
  });

  it("revenue per client equals the sum of its amounts (naive reference)", () => {
    const sums = new Map<number, number>();
    for (const r of readCdnow(CDNOW_EXTRACT_PATH)) {
      const id = Number(r.customerId);
      sums.set(id, (sums.get(id) ?? 0) + r.amount);
    }
    const ids = [...sums.keys(), 123456789];
    const revenue = customerRevenue(demo, ids);
    ids.forEach((id, i) => {
      expect(revenue[i]).toBeCloseTo(sums.get(id) ?? 0, 9);
    });
  });
});
