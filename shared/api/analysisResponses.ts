import * as z from "zod";
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
    customers: z.number().int(),
    transactions: z.number().int(),
    calibrationEnd: z.string(),
    holdoutEnd: z.string().nullable(),
    periodDays: z.number(),
  }),
  model: z.object({
    name: z.enum(["bgnbd", "mbgnbd", "pareto"]),
    params: Params,
    logLikelihood: z.number(),
    converged: z.boolean(),
    iterations: z.number().int(),
    customers: z.number(),
    penalizer: z.number(),
  }),
  spend: z
    .object({
      params: Params,
      logLikelihood: z.number(),
      converged: z.boolean(),
      iterations: z.number().int(),
      customers: z.number(),
      excluded: z.number().int(),
      frequencySpendCorrelation: z.number(),
    })
    .nullable(),
  horizonMonths: z.number().int(),
  monthlyDiscount: z.number(),
  validation: z
    .object({
      holdoutPeriods: z.number(),
      rows: z.array(
        z.object({
          frequency: z.number().int(),
          orMore: z.boolean(),
          customers: z.number(),
          actual: z.number(),
          predicted: z.number(),
        }),
      ),
      total: z.object({ customers: z.number(), actual: z.number(), predicted: z.number() }),
    })
    .nullable(),
  customers: z
    .object({
      id: z.array(z.union([z.string(), z.number()])),
      frequency: z.array(z.number()),
      recency: z.array(z.number()),
      T: z.array(z.number()),
      pAlive: z.array(z.number()),
      expectedPurchases: z.array(z.number()),
      expectedSpend: z.array(z.number()).optional(),
      clv: z.array(z.number()).optional(),
    })
    .nullable(),
});
export type ClvResponse = z.infer<typeof ClvResponse>;

/** `POST /api/v1/analyze/segments` response. */
export const SegmentsResponse = z.object({
  k: z.number().int(),
  chosenBy: z.enum(["silhouette", "given"]),
  silhouette: z.number(),
  scores: z.array(z.object({ k: z.number().int(), silhouette: z.number() })),
  asOf: z.string(),
  profiles: z.array(
    z.object({
      segment: z.number().int(),
      size: z.number().int(),
      share: z.number(),
      revenue: z.number(),
      revenueShare: z.number(),
      recencyDays: z.number(),
      frequency: z.number(),
      monetary: z.number().nullable(),
      levels: z.object({
        recency: z.enum(["recent", "lapsing", "lapsed"]),
        frequency: z.enum(["frequent", "occasional", "oneTime"]),
        spend: z.enum(["high", "medium", "low"]).nullable(),
      }),
      label: z.object({ en: z.string(), ru: z.string() }),
    }),
  ),
  customers: z
    .object({
      id: z.array(z.union([z.string(), z.number()])),
      segment: z.array(z.number().int()),
      recencyDays: z.array(z.number().int()),
      frequency: z.array(z.number().int()),
      monetary: z.array(z.number()).optional(),
    })
    .nullable(),
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
  transactions: z.number().int(),
  customerCount: z.number().int(),
  /** The RFM() header: the names of the arrays in `customers`, in the formula's column order. */
  header: z.array(z.string()),
  segments: z.array(
    z.object({
      segment: z.enum(RFM_SEGMENTS as [RfmSegment, ...RfmSegment[]]),
      customers: z.number().int(),
      revenue: z.number(),
    }),
  ),
  customers: z
    .object({
      customer: z.array(z.union([z.string(), z.number()])),
      recency_days: z.array(z.number().int()),
      frequency: z.array(z.number().int()),
      monetary: z.array(z.number()),
      r_score: z.array(z.number().int()),
      f_score: z.array(z.number().int()),
      m_score: z.array(z.number().int()),
      rfm_score: z.array(z.number().int()),
      segment: z.array(z.enum(RFM_SEGMENTS as [RfmSegment, ...RfmSegment[]])),
    })
    .nullable(),
});
export type RfmResponse = z.infer<typeof RfmResponse>;
