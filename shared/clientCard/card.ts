import type { DayNumber } from "../cells/dates";
import type { Transactions } from "../cells/transactions";
import type { Cell } from "../cells/values";
import { RapportError } from "../errors";
import { customerHistories, typicalGapDays } from "../metrics/histories";
import { type RfmSegment, rfmSegment, rfmTable } from "../metrics/rfm";
import { STAGE_DEFAULTS, type Stage, stageOf } from "../metrics/stages";
import { compensatedSum } from "../metrics/sums";
import { customerLifetimeValue, predictPurchases } from "../models/clv";
import { PURCHASE_MODELS } from "../models/models";
import type { PurchaseModelName } from "../models/purchaseModel";
import type { CustomerSummary } from "../models/summary";
import { matchKey } from "../segments/align";
import type { ResponseRecord } from "../sheets/responses";
import type { AnswerFacts } from "./nextStep";

/**
 * What the client card knows about one client, computed from the whole transaction list (RFM
 * quintiles and the stage thresholds depend on every client) as of its last date.
 */

export interface PurchaseFacts {
  /** Orders are transaction rows, as RFM's frequency. */
  readonly orders: number;
  readonly firstDay: DayNumber;
  readonly lastDay: DayNumber;
  readonly daysSinceLast: number;
  readonly total: number;
  readonly average: number;
}

export interface RfmFacts {
  readonly segment: RfmSegment;
  readonly r: number;
  readonly f: number;
  readonly m: number;
  readonly code: number;
}

export interface ClientFacts {
  readonly asOf: DayNumber;
  /** Null when the client has no purchase. */
  readonly purchases: PurchaseFacts | null;
  readonly rfm: RfmFacts | null;
  /** Null when it cannot be derived (nobody bought twice): see stageError. */
  readonly stage: Stage | null;
  readonly stageError: RapportError | null;
}

/** Index of a client in the transactions by id (matchKey), or -1. */
export function customerIndexOf(tx: Transactions, id: Cell): number {
  const key = matchKey(id);
  if (key === null) return -1;
  for (let c = 0; c < tx.customers.length; c++) if (String(tx.customers[c]) === key) return c;
  return -1;
}

export function clientFacts(tx: Transactions, id: Cell): ClientFacts {
  const asOf = tx.lastDay;
  const c = customerIndexOf(tx, id);
  const h = customerHistories(tx, asOf);
  let stage: Stage | null = null;
  let stageError: RapportError | null = null;
  const lapsedDays = typicalGapDays(h);
  if (lapsedDays === null) stageError = new RapportError("stage.noRepeatPurchases", {});
  else if (c < 0) stage = "awareness";
  else stage = stageOf(h, c, asOf, { lapsedDays, ...STAGE_DEFAULTS });
  if (c < 0) return { asOf, purchases: null, rfm: null, stage, stageError };

  const from = h.start[c] as number;
  const to = h.start[c + 1] as number;
  const total = h.amount ? compensatedSum(h.amount, from, to) : 0;
  const purchases: PurchaseFacts = {
    orders: to - from,
    firstDay: h.day[from] as number,
    lastDay: h.day[to - 1] as number,
    daysSinceLast: asOf - (h.day[to - 1] as number),
    total,
    average: total / (to - from),
  };
  let rfm: RfmFacts | null = null;
  if (tx.amount) {
    const table = rfmTable(tx, asOf);
    const key = String(tx.customers[c]);
    const at = table.customers.findIndex((other) => String(other) === key);
    if (at >= 0) {
      const r = table.r[at] as number;
      const f = table.f[at] as number;
      rfm = { segment: rfmSegment(r, f), r, f, m: table.m[at] as number, code: table.score[at] as number };
    }
  }
  return { asOf, purchases, rfm, stage, stageError };
}

/** Fitted model parameters, small enough to cache between card refreshes. */
export interface FittedModels {
  readonly model: PurchaseModelName;
  /** Purchase-model parameters in the model's order. */
  readonly values: readonly number[];
  readonly spend: { p: number; q: number; gamma: number } | null;
  readonly periodDays: number;
}

export interface CustomerPrediction {
  readonly pAlive: number;
  readonly expectedPurchases: number;
  /** Null without a spend model. */
  readonly clv: number | null;
}

/** P(alive), expected purchases and CLV of summary customer `i` over the horizon. */
export function predictCustomer(
  models: FittedModels,
  summary: CustomerSummary,
  i: number,
  options: { horizonMonths: number; monthlyDiscount: number },
): CustomerPrediction {
  const model = PURCHASE_MODELS[models.model];
  const p = summary.periodDays;
  const x = summary.x[i] as number;
  const prediction = predictPurchases(
    model,
    models.values,
    x,
    (summary.recencyDays[i] as number) / p,
    (summary.ageDays[i] as number) / p,
    { ...options, periodDays: p },
  );
  const clv =
    models.spend && summary.monetary
      ? customerLifetimeValue(prediction, models.spend, x, summary.monetary[i] as number).clv
      : null;
  if (!Number.isFinite(prediction.pAlive + prediction.expectedPurchases + (clv ?? 0))) {
    throw new RapportError("models.noFit", {});
  }
  return { pAlive: prediction.pAlive, expectedPurchases: prediction.expectedPurchases, clv };
}

/** A client's answers, latest first (undated answers after dated ones). */
export function clientAnswers(records: readonly ResponseRecord[], id: Cell): ResponseRecord[] {
  const key = matchKey(id);
  if (key === null) return [];
  return records
    .filter((r) => r.clientId !== null && String(r.clientId) === key)
    .sort((a, b) => (b.answeredDay ?? Number.NEGATIVE_INFINITY) - (a.answeredDay ?? Number.NEGATIVE_INFINITY));
}

/** The answer the next-step rules judge: the latest one with a score, its age in days from `asOf`. */
export function latestAnswerFacts(
  answers: readonly { type: string; score: number | null; survey: string; day: DayNumber | null }[],
  asOf: DayNumber,
): AnswerFacts | null {
  const scored = answers.filter((a) => a.score !== null);
  if (scored.length === 0) return null;
  const latest = scored.reduce((best, a) =>
    (a.day ?? Number.NEGATIVE_INFINITY) > (best.day ?? Number.NEGATIVE_INFINITY) ? a : best,
  );
  return {
    type: latest.type,
    score: latest.score,
    survey: latest.survey,
    daysAgo: latest.day === null ? null : Math.max(0, asOf - latest.day),
  };
}
