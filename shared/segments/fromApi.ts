import type { ClvResponse, RfmResponse, SegmentsResponse } from "../api/analysisResponses";
import { parseDay } from "../api/transactionsCsv";
import type { Transactions } from "../cells/transactions";
import { RapportError } from "../errors";
import { RFM_SEGMENTS } from "../metrics/rfm";
import { clustersSegmentation } from "./clusters";
import { clvSegmentation } from "./clv";
import { customerRevenue } from "./compute";
import { rfmSegmentation } from "./rfm";
import type { CustomerSegmentation } from "./segmentation";

/**
 * Segmentations from the Worker's analysis responses (docs/api.md). The per-customer arrays must
 * all have one entry per customer: a response that does not is refused rather than misaligned.
 */

function day(iso: string): number {
  const d = parseDay(iso);
  if (d === null) throw new RapportError("worker.badResponse", { url: "" });
  return d;
}

function sameLength(n: number, ...columns: (ArrayLike<unknown> | undefined)[]): void {
  for (const column of columns) {
    if (!column || column.length !== n) throw new RapportError("worker.badResponse", { url: "" });
  }
}

export function rfmFromResponse(response: RfmResponse): CustomerSegmentation {
  const c = response.customers;
  if (!c) throw new RapportError("worker.badResponse", { url: "" });
  sameLength(c.customer.length, c.segment, c.rfm_score, c.monetary);
  return rfmSegmentation({
    asOf: day(response.asOf),
    ids: c.customer,
    segment: c.segment,
    code: c.rfm_score,
    monetary: c.monetary,
  });
}

/** Revenue per customer comes from the transactions the add-on sent (the response has predictions only). */
export function clvFromResponse(response: ClvResponse, tx: Transactions): CustomerSegmentation {
  const c = response.customers;
  if (!c?.clv) throw new RapportError("worker.badResponse", { url: "" });
  sameLength(c.id.length, c.pAlive, c.expectedPurchases, c.clv);
  return clvSegmentation({
    asOf: day(response.summary.calibrationEnd),
    ids: c.id,
    pAlive: c.pAlive,
    expectedPurchases: c.expectedPurchases,
    clv: c.clv,
    revenue: customerRevenue(tx, c.id),
  });
}

export function clustersFromResponse(response: SegmentsResponse, tx: Transactions): CustomerSegmentation {
  const c = response.customers;
  if (!c) throw new RapportError("worker.badResponse", { url: "" });
  sameLength(c.id.length, c.segment);
  return clustersSegmentation({
    asOf: day(response.asOf),
    profiles: response.profiles,
    ids: c.id,
    segment: c.segment,
    revenue: customerRevenue(tx, c.id),
  });
}

/*
 * Light checks of the Worker's answers for the add-on: the fields the segmentations read, with
 * one entry per customer in every column. (The zod schemas in api/analysisResponses.ts say the
 * same in full; their number checks would add about 25 KB to Code.js, which Apps Script loads on
 * every execution.)
 */

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const column = (v: unknown, n: number, ok: (x: unknown) => boolean) =>
  Array.isArray(v) && v.length === n && v.every(ok);
const isNumber = (x: unknown) => typeof x === "number" && Number.isFinite(x);
const isId = (x: unknown) => isNumber(x) || (typeof x === "string" && x !== "");
const isDay = (x: unknown) => typeof x === "string" && parseDay(x) !== null;

export function isRfmAnswer(v: unknown): v is RfmResponse {
  if (!isObject(v) || !isDay(v.asOf) || !isObject(v.customers)) return false;
  const c = v.customers;
  const n = Array.isArray(c.customer) ? c.customer.length : -1;
  return (
    column(c.customer, n, isId) &&
    column(c.segment, n, (x) => (RFM_SEGMENTS as readonly unknown[]).includes(x)) &&
    column(c.rfm_score, n, isNumber) &&
    column(c.monetary, n, isNumber)
  );
}

export function isClvAnswer(v: unknown): v is ClvResponse {
  if (!isObject(v) || !isObject(v.summary) || !isDay(v.summary.calibrationEnd) || !isObject(v.customers)) return false;
  const c = v.customers;
  const n = Array.isArray(c.id) ? c.id.length : -1;
  return (
    column(c.id, n, isId) &&
    column(c.pAlive, n, isNumber) &&
    column(c.expectedPurchases, n, isNumber) &&
    column(c.clv, n, isNumber)
  );
}

const LEVELS = {
  recency: ["recent", "lapsing", "lapsed"],
  frequency: ["frequent", "occasional", "oneTime"],
  spend: ["high", "medium", "low", null],
} as const;

export function isClustersAnswer(v: unknown): v is SegmentsResponse {
  if (!isObject(v) || !isDay(v.asOf) || !Array.isArray(v.profiles) || !isObject(v.customers)) return false;
  const profilesOk = v.profiles.every(
    (p) =>
      isObject(p) &&
      isNumber(p.segment) &&
      isObject(p.levels) &&
      (LEVELS.recency as readonly unknown[]).includes(p.levels.recency) &&
      (LEVELS.frequency as readonly unknown[]).includes(p.levels.frequency) &&
      (LEVELS.spend as readonly unknown[]).includes(p.levels.spend) &&
      isObject(p.label) &&
      typeof p.label.en === "string" &&
      typeof p.label.ru === "string",
  );
  const c = v.customers;
  const n = Array.isArray(c.id) ? c.id.length : -1;
  return profilesOk && column(c.id, n, isId) && column(c.segment, n, isNumber);
}
