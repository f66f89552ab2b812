import { describe, expect, it } from "vitest";
import type { ClvResponse, RfmResponse, SegmentsResponse } from "../../../shared/api/analysisResponses";
import { isoDay } from "../../../shared/cells/dates";
import { type RFM_SEGMENTS, rfmCells, rfmTable } from "../../../shared/metrics/rfm";
import { customerRevenue, segmentLocally } from "../../../shared/segments/compute";
import {
  clustersFromResponse,
  clvFromResponse,
  isClustersAnswer,
  isClvAnswer,
  isRfmAnswer,
  rfmFromResponse,
} from "../../../shared/segments/fromApi";
import { summarizeSegments } from "../../../shared/segments/summary";
import { thrown } from "../helpers";
import { demo } from "./demo";

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
