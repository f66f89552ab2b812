import * as z from "zod/mini";
import { RFM_HEADER, RFM_SEGMENTS, type RfmSegment } from "../metrics/rfm";

/**
 * Response schemas of the analysis API (`POST /api/v1/analyze/<analysis>`), in their own module so
 * that the add-on, which checks the Worker's answers, bundles them without the query schemas
 * (coercions, defaults, refinements) only the Worker needs. analysis.ts re-exports them.
 */

const Params = z.record(z.string(), z.number());

/** `POST /api/v1/analyze/clv` response. Per-customer arrays are columnar: entry i of each is customer i. */
export const ClvResponse = z.object({
  summary: z.object({
    customers: z.int(),
    transactions: z.int(),
    calibrationEnd: z.string(),
    holdoutEnd: z.nullable(z.string()),
    periodDays: z.number(),
  }),
  model: z.object({
    name: z.enum(["bgnbd", "mbgnbd", "pareto"]),
    params: Params,
    logLikelihood: z.number(),
    converged: z.boolean(),
    iterations: z.int(),
    customers: z.number(),
    penalizer: z.number(),
  }),
  spend: z.nullable(
    z.object({
      params: Params,
      logLikelihood: z.number(),
      converged: z.boolean(),
      iterations: z.int(),
      customers: z.number(),
      excluded: z.int(),
      frequencySpendCorrelation: z.number(),
    }),
  ),
  horizonMonths: z.int(),
  monthlyDiscount: z.number(),
  validation: z.nullable(
    z.object({
      holdoutPeriods: z.number(),
      rows: z.array(
        z.object({
          frequency: z.int(),
          orMore: z.boolean(),
          customers: z.number(),
          actual: z.number(),
          predicted: z.number(),
        }),
      ),
      total: z.object({ customers: z.number(), actual: z.number(), predicted: z.number() }),
    }),
  ),
  customers: z.nullable(
    z.object({
      id: z.array(z.union([z.string(), z.number()])),
      frequency: z.array(z.number()),
      recency: z.array(z.number()),
      T: z.array(z.number()),
      pAlive: z.array(z.number()),
      expectedPurchases: z.array(z.number()),
      expectedSpend: z.optional(z.array(z.number())),
      clv: z.optional(z.array(z.number())),
    }),
  ),
});
export type ClvResponse = z.infer<typeof ClvResponse>;

/** `POST /api/v1/analyze/segments` response. */
export const SegmentsResponse = z.object({
  k: z.int(),
  chosenBy: z.enum(["silhouette", "given"]),
  silhouette: z.number(),
  scores: z.array(z.object({ k: z.int(), silhouette: z.number() })),
  asOf: z.string(),
  profiles: z.array(
    z.object({
      segment: z.int(),
      size: z.int(),
      share: z.number(),
      revenue: z.number(),
      revenueShare: z.number(),
      recencyDays: z.number(),
      frequency: z.number(),
      monetary: z.nullable(z.number()),
      levels: z.object({
        recency: z.enum(["recent", "lapsing", "lapsed"]),
        frequency: z.enum(["frequent", "occasional", "oneTime"]),
        spend: z.nullable(z.enum(["high", "medium", "low"])),
      }),
      label: z.object({ en: z.string(), ru: z.string() }),
    }),
  ),
  customers: z.nullable(
    z.object({
      id: z.array(z.union([z.string(), z.number()])),
      segment: z.array(z.int()),
      recencyDays: z.array(z.int()),
      frequency: z.array(z.int()),
      monetary: z.optional(z.array(z.number())),
    }),
  ),
});
export type SegmentsResponse = z.infer<typeof SegmentsResponse>;

/** The RFM() formula's columns, in its order: the per-customer arrays of the /rfm response carry these names. */
export const RFM_COLUMNS = RFM_HEADER;

/**
 * `POST /api/v1/analyze/rfm` response: the same table as `RFM()` (same columns, same values, same
 * row order: best first), columnar, plus a count and the revenue of each segment.
 */
export const RfmResponse = z.object({
  asOf: z.string(),
  transactions: z.int(),
  customerCount: z.int(),
  /** The RFM() header: the names of the arrays in `customers`, in the formula's column order. */
  header: z.array(z.string()),
  segments: z.array(
    z.object({
      segment: z.enum(RFM_SEGMENTS as [RfmSegment, ...RfmSegment[]]),
      customers: z.int(),
      revenue: z.number(),
    }),
  ),
  customers: z.nullable(
    z.object({
      customer: z.array(z.union([z.string(), z.number()])),
      recency_days: z.array(z.int()),
      frequency: z.array(z.int()),
      monetary: z.array(z.number()),
      r_score: z.array(z.int()),
      f_score: z.array(z.int()),
      m_score: z.array(z.int()),
      rfm_score: z.array(z.int()),
      segment: z.array(z.enum(RFM_SEGMENTS as [RfmSegment, ...RfmSegment[]])),
    }),
  ),
});
export type RfmResponse = z.infer<typeof RfmResponse>;
