import * as z from "zod/mini";
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
export const IsoDay = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as yyyy-mm-dd"),
  z.refine((s) => parseDay(s) !== null, "not a calendar date"),
);

/** Query flags: true/false, 1/0, yes/no. */
const Flag = z.pipe(
  z.enum(["true", "false", "1", "0", "yes", "no"]),
  z.transform((v) => v === "true" || v === "1" || v === "yes"),
);

/** Options every analysis shares. */
export const AnalysisQueryBase = z.object({
  /** Also return one entry per customer (columnar arrays) [true]. */
  customers: z._default(Flag, true),
});

/** A number in the query string between min and max, or the default when absent. */
const queryNumber = (min: number, max: number, fallback: number) =>
  z._default(z.coerce.number().check(z.gte(min), z.lte(max)), fallback);
const queryInt = (min: number, max: number) => z.coerce.number().check(z.int(), z.gte(min), z.lte(max));

export const ClvQuery = z.extend(AnalysisQueryBase, {
  model: z._default(z.enum(["bgnbd", "mbgnbd", "pareto"]), "bgnbd"),
  period_days: queryNumber(1, 366, 7),
  calibration_end: z.optional(IsoDay),
  horizon_months: queryNumber(0.01, 1200, 12),
  monthly_discount: queryNumber(0, 1, 0.01),
  penalizer: queryNumber(0, 100, 0),
});
export type ClvQuery = z.infer<typeof ClvQuery>;

export const SegmentsQuery = z.extend(AnalysisQueryBase, {
  as_of: z.optional(IsoDay),
  k: z.optional(queryInt(2, 8)),
  seed: z._default(queryInt(0, 2_147_483_647), 1),
});
export type SegmentsQuery = z.infer<typeof SegmentsQuery>;

export const RfmQuery = z.extend(AnalysisQueryBase, {
  as_of: z.optional(IsoDay),
});
export type RfmQuery = z.infer<typeof RfmQuery>;

export {
  ClvResponse,
  RFM_COLUMNS,
  RfmResponse,
  SegmentsResponse,
} from "./analysisResponses";
