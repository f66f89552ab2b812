import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CDNOW_EXTRACT_PATH, readCdnow } from "../../../scripts/lib/cdnow";
import type { ClvResponse, RfmResponse, SegmentsResponse } from "../../../shared/api/analysisResponses";
import { isoDay } from "../../../shared/cells/dates";
import { abcXyzTable } from "../../../shared/metrics/abcXyz";
import { RFM_SEGMENTS, rfmCells, rfmTable } from "../../../shared/metrics/rfm";
import { analyzeClv } from "../../../shared/models/analysis";
import { segmentCustomers } from "../../../shared/models/clustering";
import { ABC_XYZ_CLASSES, abcXyzSegmentInfo } from "../../../shared/segments/abcXyz";
import { clusterAction } from "../../../shared/segments/clusters";
import { CLV_TIERS, clvTierInfo, clvTiers, HIGH_SHARE, LOST_P_ALIVE } from "../../../shared/segments/clv";
import { customerRevenue, segmentLocally } from "../../../shared/segments/compute";
import {
  clustersFromResponse,
  clvFromResponse,
  isClustersAnswer,
  isClvAnswer,
  isRfmAnswer,
  rfmFromResponse,
} from "../../../shared/segments/fromApi";
import { rfmSegmentInfo } from "../../../shared/segments/rfm";
import { NO_PURCHASES, type SegmentInfo } from "../../../shared/segments/segmentation";
import { summarizeSegments } from "../../../shared/segments/summary";
import { thrown } from "../helpers";
import { txOf } from "../txHelpers";

const demo = txOf(readCdnow(CDNOW_EXTRACT_PATH).map((r) => [Number(r.customerId), r.date, r.amount] as const));

describe("segment names and actions", () => {
  it("exist in English and Russian for every RFM segment, ABC/XYZ class and CLV tier", () => {
    const infos: SegmentInfo[] = [
      ...RFM_SEGMENTS.map(rfmSegmentInfo),
      ...ABC_XYZ_CLASSES.map(abcXyzSegmentInfo),
      ...CLV_TIERS.map(clvTierInfo),
      NO_PURCHASES,
    ];
    for (const info of infos) {
      for (const text of [info.label, info.action, ...(info.description ? [info.description] : [])]) {
        expect(text.en.length, info.key).toBeGreaterThan(0);
        expect(text.ru.length, info.key).toBeGreaterThan(0);
        expect(text.en, info.key).not.toMatch(/^seg\./);
        expect(text.ru, info.key).toMatch(/[а-яё]|^[A-Z]{1,2}$/i);
      }
    }
    expect(rfmSegmentInfo("At Risk").action.en).toBe(
      "Personal call and a survey: find out what changed, then a personal offer.",
    );
    expect(rfmSegmentInfo("Champions").action.en).toMatch(/^Referral programme/);
    expect(rfmSegmentInfo("Hibernating").action.en).toMatch(/^Win-back offer/);
  });
});

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

  it("CLV: CLV_PREDICT's figures and tiers by the documented rule", () => {
    const seg = segmentLocally("clv", demo);
    const ref = analyzeClv(demo, { predictions: true, horizonMonths: 12, monthlyDiscount: 0.01 });
    expect(seg.ids).toEqual(ref.summary.ids);
    expect(Array.from(seg.details[2]?.values ?? [])).toEqual(Array.from(ref.predictions?.clv ?? []));
    const tiers = clvTiers(seg.ids, ref.predictions?.pAlive ?? [], ref.predictions?.clv ?? []);
    seg.ids.forEach((_, i) => {
      expect(seg.segments[seg.segment[i] as number]?.key).toBe(tiers[i]);
    });
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

describe("segmentations from the Worker's responses", () => {
  it("RFM: the response's columns give the same segmentation as computing here", () => {
    const table = rfmTable(demo);
    const cells = rfmCells(table).slice(1);
    const response: RfmResponse = {
      asOf: isoDay(table.asOfDay),
      transactions: demo.length,
      customerCount: cells.length,
      header: ["customer"],
      segments: [],
      customers: {
        customer: cells.map((r) => r[0] as number),
        recency_days: cells.map((r) => r[1] as number),
        frequency: cells.map((r) => r[2] as number),
        monetary: cells.map((r) => r[3] as number),
        r_score: cells.map((r) => r[4] as number),
        f_score: cells.map((r) => r[5] as number),
        m_score: cells.map((r) => r[6] as number),
        rfm_score: cells.map((r) => r[7] as number),
        segment: cells.map((r) => r[8] as (typeof RFM_SEGMENTS)[number]),
      },
    };
    const remote = summarizeSegments(rfmFromResponse(response));
    const local = summarizeSegments(segmentLocally("rfm", demo));
    expect(remote.map((s) => [s.key, s.customers])).toEqual(local.map((s) => [s.key, s.customers]));
    remote.forEach((s, i) => {
      expect(s.revenue).toBeCloseTo(local[i]?.revenue as number, 8);
    });
    expect(rfmFromResponse(response).asOf).toBe(table.asOfDay);
  });

  it("CLV and clusters take revenue from the transactions sent", () => {
    const clv: ClvResponse = {
      summary: { customers: 2, transactions: 2, calibrationEnd: "1998-06-30", holdoutEnd: null, periodDays: 7 },
      model: {
        name: "bgnbd",
        params: {},
        logLikelihood: 0,
        converged: true,
        iterations: 1,
        customers: 2,
        penalizer: 0,
      },
      spend: null,
      horizonMonths: 12,
      monthlyDiscount: 0.01,
      validation: null,
      customers: {
        id: [demo.customers[0] as number, "not-a-client"],
        frequency: [1, 0],
        recency: [1, 0],
        T: [2, 1],
        pAlive: [0.9, 0.1],
        expectedPurchases: [1.5, 0.1],
        expectedSpend: [20, 10],
        clv: [30, 1],
      },
    };
    const seg = clvFromResponse(clv, demo);
    expect(seg.revenue[0]).toBeCloseTo(customerRevenue(demo, [demo.customers[0] as number])[0] as number, 9);
    expect(seg.revenue[1]).toBe(0);
    expect(seg.segments.map((s) => s.key)).toEqual(["high", "lost"]);

    const clusters: SegmentsResponse = {
      k: 2,
      chosenBy: "given",
      silhouette: 0.5,
      scores: [],
      asOf: "1998-06-30",
      profiles: [0, 1].map((segment) => ({
        segment,
        size: 1,
        share: 0.5,
        revenue: 0,
        revenueShare: 0.5,
        recencyDays: 1,
        frequency: 1,
        monetary: null,
        levels: { recency: segment ? "lapsed" : "recent", frequency: "frequent", spend: null },
        label: { en: `E${segment}`, ru: `R${segment}` },
      })),
      customers: { id: [1, 2], segment: [1, 0], recencyDays: [1, 2], frequency: [1, 1] },
    };
    const c = clustersFromResponse(clusters, demo);
    expect(Array.from(c.segment)).toEqual([1, 0]);
    expect(c.segments[1]?.action.en).toBe("Win back: a personal call and a strong offer.");
  });

  it("checks the Worker's answers before reading them", () => {
    const table = rfmTable(demo);
    const cells = rfmCells(table).slice(1);
    const rfm = {
      asOf: isoDay(table.asOfDay),
      customers: {
        customer: cells.map((r) => r[0]),
        segment: cells.map((r) => r[8]),
        rfm_score: cells.map((r) => r[7]),
        monetary: cells.map((r) => r[3]),
      },
    };
    expect(isRfmAnswer(rfm)).toBe(true);
    expect(isRfmAnswer({ ...rfm, asOf: "1998-02-30" })).toBe(false);
    expect(
      isRfmAnswer({ ...rfm, customers: { ...rfm.customers, segment: ["Heroes", ...cells.slice(1).map((r) => r[8])] } }),
    ).toBe(false);
    expect(isRfmAnswer({ ...rfm, customers: { ...rfm.customers, monetary: [...cells.map((r) => r[3]), 1] } })).toBe(
      false,
    );
    expect(isRfmAnswer({ ...rfm, customers: { ...rfm.customers, rfm_score: cells.map(() => "545") } })).toBe(false);
    expect(isRfmAnswer({ ...rfm, customers: null })).toBe(false);
    const clv = {
      summary: { calibrationEnd: "1998-06-30" },
      customers: { id: [1, "A"], pAlive: [0.5, 1], expectedPurchases: [1, 2], clv: [3, 4] },
    };
    expect(isClvAnswer(clv)).toBe(true);
    expect(isClvAnswer({ ...clv, customers: { ...clv.customers, clv: undefined } })).toBe(false);
    expect(isClvAnswer({ ...clv, customers: { ...clv.customers, id: [1, ""] } })).toBe(false);
    const clusters = {
      asOf: "1998-06-30",
      profiles: [
        { segment: 0, levels: { recency: "recent", frequency: "frequent", spend: null }, label: { en: "A", ru: "Б" } },
      ],
      customers: { id: [1, 2], segment: [0, 0] },
    };
    expect(isClustersAnswer(clusters)).toBe(true);
    expect(
      isClustersAnswer({
        ...clusters,
        profiles: [{ ...clusters.profiles[0], levels: { recency: "soon", frequency: "frequent", spend: null } }],
      }),
    ).toBe(false);
    expect(isClustersAnswer({ ...clusters, customers: { id: [1, 2], segment: [0] } })).toBe(false);
  });

  it("refuses a response whose columns do not line up", () => {
    const bad = {
      asOf: "1998-06-30",
      transactions: 1,
      customerCount: 2,
      header: [],
      segments: [],
      customers: {
        customer: [1, 2],
        recency_days: [0],
        frequency: [1],
        monetary: [1],
        r_score: [1],
        f_score: [1],
        m_score: [1],
        rfm_score: [111],
        segment: ["Hibernating"],
      },
    } as RfmResponse;
    expect(thrown(() => rfmFromResponse(bad)).key).toBe("worker.badResponse");
    expect(thrown(() => rfmFromResponse({ ...bad, customers: null })).key).toBe("worker.badResponse");
  });
});
