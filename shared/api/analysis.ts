import * as z from "zod";
import { URL_FETCH_MAX_BYTES } from "./common";
import { parseDay } from "./transactionsCsv";

/**
 * The analysis API (`POST /api/v1/analyze/<analysis>`). Every analysis takes the same body, a
 * transaction list as CSV (`Content-Type: text/csv`, see transactionsCsv.ts), and its options
 * in the query string, validated by the schemas below. A new analysis (for example rfm) adds a
 * query schema built on `AnalysisQueryBase` and reuses the body reader and the error handling.
 */

/**
 * What one analysis request may hold, set by what provably fits a Worker's 128 MB (checked by
 * `npm run bench` at these caps, with ids in no order so the reader keeps its id map: about 93 MB
 * live at 700,000 customers and about 1.45 million rows; a 2.9-million-row request used to peak at 161
 * MB). The body limit is what one Apps Script request can send, well under Cloudflare's 100 MB.
 */
export const ANALYSIS_BODY_LIMIT = URL_FETCH_MAX_BYTES;
/** Most transaction rows in one request. */
export const ANALYSIS_MAX_ROWS = 1_500_000;
/** Most distinct customers in one request. */
export const ANALYSIS_MAX_CUSTOMERS = 700_000;

/** A day as yyyy-mm-dd in the query string, validated as a real calendar day. */
export const IsoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as yyyy-mm-dd")
  .refine((s) => parseDay(s) !== null, "not a calendar date");

/** Query flags: true/false, 1/0, yes/no. */
const Flag = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

/** Options every analysis shares. */
export const AnalysisQueryBase = z.object({
  /** Also return one entry per customer (columnar arrays) [true]. */
  customers: Flag.default(true),
});

export const ClvQuery = AnalysisQueryBase.extend({
  model: z.enum(["bgnbd", "mbgnbd", "pareto"]).default("bgnbd"),
  period_days: z.coerce.number().min(1).max(366).default(7),
  calibration_end: IsoDay.optional(),
  horizon_months: z.coerce.number().min(0.01).max(1200).default(12),
  monthly_discount: z.coerce.number().min(0).max(1).default(0.01),
  penalizer: z.coerce.number().min(0).max(100).default(0),
});
export type ClvQuery = z.infer<typeof ClvQuery>;

export const SegmentsQuery = AnalysisQueryBase.extend({
  as_of: IsoDay.optional(),
  k: z.coerce.number().int().min(2).max(8).optional(),
  seed: z.coerce.number().int().min(0).max(2_147_483_647).default(1),
});
export type SegmentsQuery = z.infer<typeof SegmentsQuery>;

export const RfmQuery = AnalysisQueryBase.extend({
  as_of: IsoDay.optional(),
});
export type RfmQuery = z.infer<typeof RfmQuery>;

export {
  ClvResponse,
  RFM_COLUMNS,
  RfmResponse,
  SegmentsResponse,
} from "./analysisResponses";
