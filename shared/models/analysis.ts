import { type DayNumber, isoDay } from "../cells/dates";
import type { Transactions } from "../cells/transactions";
import { RapportError } from "../errors";
import { customerLifetimeValue, DAYS_PER_MONTH, predictPurchases } from "./clv";
import { fitGammaGammaWork, type SpendFit, spendRows } from "./gammaGamma";
import { PURCHASE_MODELS } from "./models";
import {
  fitProblem,
  fitPurchaseModelWork,
  type PurchaseFit,
  type PurchaseModel,
  type PurchaseModelName,
  purchaseCountProbability,
} from "./purchaseModel";
import { type Collapsed, type CustomerSummary, collapseSummary, summarize } from "./summary";
import { type ValidationTable, validateHoldout } from "./validation";
import { finish, type Work } from "./work";

/** What a CLV analysis computes; defaults in brackets. */
export interface ClvAnalysisOptions {
  /** Purchase model [bgnbd]. */
  model?: PurchaseModelName;
  /** Period length in days [7]. */
  periodDays?: number;
  /** Last day of the calibration period [the last day of the data]. */
  calibrationEnd?: DayNumber;
  /** L2 penalty on the parameters of both models [0]. */
  penalizer?: number;
  /** Months of the CLV horizon [12]. */
  horizonMonths?: number;
  /** Monthly discount rate [0.01]. */
  monthlyDiscount?: number;
  /** Per-customer predictions (needs amounts) [false]. */
  predictions?: boolean;
  /** With predictions: also P(exactly this many purchases over the horizon) per customer [none]. */
  purchaseCount?: number | null;
  /** Holdout validation (needs data after the calibration end) [false]. */
  validation?: boolean;
}

/** Per-customer results, in the summary's customer order. */
export interface ClvPredictions {
  readonly pAlive: Float64Array;
  /** Expected repeat purchases over the horizon. */
  readonly expectedPurchases: Float64Array;
  /** E[M | x, m̄]. */
  readonly expectedSpend: Float64Array;
  readonly clv: Float64Array;
  /** P(X = purchaseCount) over the horizon, when asked for. */
  readonly purchaseCountProbability: Float64Array | null;
}

/** The fitted models of a transaction list (the expensive part of an analysis). */
export interface ClvFits {
  readonly model: PurchaseModel;
  readonly summary: CustomerSummary;
  readonly collapsed: Collapsed;
  readonly fit: PurchaseFit;
  /** The Gamma-Gamma fit when amounts were given, else null. */
  readonly spend: SpendFit | null;
  /** Repeat buyers left out of the spend fit because their mean repeat spend was 0 or less. */
  readonly spendExcluded: number;
}

export interface ClvAnalysis extends ClvFits {
  readonly predictions: ClvPredictions | null;
  readonly validation: ValidationTable | null;
  readonly horizonMonths: number;
  readonly monthlyDiscount: number;
}

/**
 * The customer summary for a CLV analysis, after checking the options against the data (the
 * calibration end inside the data; a holdout when validation is asked for; amounts when
 * predictions are). Callers that hold large inputs drop the transactions after this.
 */
export function summarizeForClv(tx: Transactions, options: ClvAnalysisOptions = {}): CustomerSummary {
  const calibrationEnd = options.calibrationEnd ?? tx.lastDay;
  if (calibrationEnd < tx.firstDay) {
    throw new RapportError("models.calibrationBeforeData", {
      date: isoDay(calibrationEnd),
      first: isoDay(tx.firstDay),
    });
  }
  if (options.validation && calibrationEnd >= tx.lastDay) {
    throw new RapportError("models.noHoldout", { date: isoDay(calibrationEnd), last: isoDay(tx.lastDay) });
  }
  if (options.predictions && !tx.amount) throw new RapportError("input.empty", { arg: "amounts" });
  return summarize(tx, { calibrationEnd, periodDays: options.periodDays ?? 7 });
}

/**
 * Fits of a summary: the purchase model on collapsed rows and, with amounts, Gamma-Gamma.
 * Predictions and validation refuse a fit that did not converge: a clear error instead of
 * numbers that mean nothing.
 */
export function fitSummary(summary: CustomerSummary, options: ClvAnalysisOptions = {}): ClvFits {
  return finish(fitSummaryWork(summary, options));
}

/** The same fits, pausing after each evaluation of a likelihood (see `Work`). */
export function* fitSummaryWork(summary: CustomerSummary, options: ClvAnalysisOptions = {}): Work<ClvFits> {
  const model = PURCHASE_MODELS[options.model ?? "bgnbd"];
  const collapsed = collapseSummary(summary);
  const fit = yield* fitPurchaseModelWork(model, collapsed.rows, { penalizer: options.penalizer ?? 0 });
  let spend: SpendFit | null = null;
  let spendExcluded = 0;
  if (summary.monetary) {
    const rows = spendRows(summary.x, summary.monetary);
    for (let i = 0; i < summary.length; i++) if ((summary.x[i] as number) > 0) spendExcluded++;
    spendExcluded -= rows.length;
    spend = yield* fitGammaGammaWork(rows, { penalizer: options.penalizer ?? 0 });
  }
  const problem = options.predictions || options.validation ? fitProblem(fit) : null;
  if (problem) throw problem;
  if (options.predictions && spend && !spend.converged) {
    throw new RapportError("models.notConverged", { model: "gamma-gamma" });
  }
  return { model, summary, collapsed, fit, spend, spendExcluded };
}

/** Summary and fits of a transaction list. */
export function fitClv(tx: Transactions, options: ClvAnalysisOptions = {}): ClvFits {
  return fitSummary(summarizeForClv(tx, options), options);
}

/** Predictions per collapsed row (customers with the same history share them). */
export interface RowPredictions {
  readonly pAlive: Float64Array;
  /** Expected repeat purchases over the horizon. */
  readonly expectedPurchases: Float64Array;
  /** Discounted expected purchases (CLV = E[M] × this). */
  readonly discountedPurchases: Float64Array;
  /** P(X = n) over the horizon, when a count n was asked for. */
  readonly purchaseCountProbability: Float64Array | null;
}

/** What a prediction covers: the horizon, its discount and (optionally) a purchase count n for P(X = n). */
export interface PredictionOptions {
  horizonMonths: number;
  monthlyDiscount: number;
  purchaseCount?: number | null;
}

/** One prediction (P(alive), expected purchases, their discounted sum) weighs about this many likelihood row evaluations. */
const PREDICTION_WORK = 50;
/** Rows predicted between two pauses of `predictRowsWork`. */
const PREDICTION_PIECE = 64;

/** Per-distinct-row predictions, pausing every 64 rows (see `Work`). */
export function* predictRowsWork(fits: ClvFits, options: PredictionOptions): Work<RowPredictions> {
  const rows = fits.collapsed.rows;
  const pAlive = new Float64Array(rows.length);
  const expectedPurchases = new Float64Array(rows.length);
  const discountedPurchases = new Float64Array(rows.length);
  const n = options.purchaseCount ?? null;
  const countProbability = n === null ? null : new Float64Array(rows.length);
  const periodDays = fits.summary.periodDays;
  const settings = { horizonMonths: options.horizonMonths, monthlyDiscount: options.monthlyDiscount, periodDays };
  const horizonPeriods = (options.horizonMonths * DAYS_PER_MONTH) / periodDays;
  const params = fits.fit.values;
  for (let r = 0; r < rows.length; r++) {
    const x = rows.x[r] as number;
    const tx = rows.tx[r] as number;
    const T = rows.T[r] as number;
    const p = predictPurchases(fits.model, params, x, tx, T, settings);
    const count =
      countProbability && n !== null
        ? purchaseCountProbability(fits.model, params, n, horizonPeriods, x, tx, T, p.pAlive)
        : 0;
    // Guard: a number that is not finite would be a silent wrong answer in a cell or a response.
    if (!Number.isFinite(p.pAlive + p.expectedPurchases + p.discountedPurchases + count)) {
      throw new RapportError("models.noFit", {});
    }
    pAlive[r] = p.pAlive;
    expectedPurchases[r] = p.expectedPurchases;
    discountedPurchases[r] = p.discountedPurchases;
    if (countProbability) countProbability[r] = count;
    if ((r + 1) % PREDICTION_PIECE === 0) yield PREDICTION_PIECE * PREDICTION_WORK;
  }
  return { pAlive, expectedPurchases, discountedPurchases, purchaseCountProbability: countProbability };
}

export function predictRows(fits: ClvFits, options: PredictionOptions): RowPredictions {
  return finish(predictRowsWork(fits, options));
}

/**
 * Summary, fits and (on request) predictions and validation for a transaction list: the one
 * pipeline behind CLV_FIT, CLV_PREDICT, CLV_VALIDATE and POST /api/v1/analyze/clv.
 */
export function analyzeClv(tx: Transactions, options: ClvAnalysisOptions = {}): ClvAnalysis {
  const horizonMonths = options.horizonMonths ?? 12;
  const monthlyDiscount = options.monthlyDiscount ?? 0.01;
  const fits = fitClv(tx, options);
  let predictions: ClvPredictions | null = null;
  if (options.predictions) {
    const rows = predictRows(fits, { horizonMonths, monthlyDiscount, purchaseCount: options.purchaseCount });
    const { summary, collapsed } = fits;
    const spend = fits.spend as SpendFit;
    const n = summary.length;
    const pAlive = new Float64Array(n);
    const expectedPurchases = new Float64Array(n);
    const expectedSpend = new Float64Array(n);
    const clv = new Float64Array(n);
    const countProbability = rows.purchaseCountProbability ? new Float64Array(n) : null;
    const monetary = summary.monetary as Float64Array;
    for (let i = 0; i < n; i++) {
      const r = collapsed.rowOf[i] as number;
      pAlive[i] = rows.pAlive[r] as number;
      expectedPurchases[i] = rows.expectedPurchases[r] as number;
      if (countProbability) countProbability[i] = rows.purchaseCountProbability?.[r] as number;
      const value = customerLifetimeValue(
        {
          pAlive: pAlive[i] as number,
          expectedPurchases: 0,
          discountedPurchases: rows.discountedPurchases[r] as number,
        },
        spend,
        summary.x[i] as number,
        monetary[i] as number,
      );
      expectedSpend[i] = value.expectedSpend;
      clv[i] = value.clv;
    }
    predictions = { pAlive, expectedPurchases, expectedSpend, clv, purchaseCountProbability: countProbability };
  }
  const validation = options.validation
    ? validateHoldout(fits.model, fits.fit.values, fits.summary, fits.collapsed)
    : null;
  return { ...fits, predictions, validation, horizonMonths, monthlyDiscount };
}
