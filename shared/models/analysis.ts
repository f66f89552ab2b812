import { type DayNumber, isoDay } from "../cells/dates";
import type { Transactions } from "../cells/transactions";
import { RapportError } from "../errors";
import { customerLifetimeValue, predictPurchases } from "./clv";
import { fitGammaGamma, type SpendFit, spendRows } from "./gammaGamma";
import { PURCHASE_MODELS } from "./models";
import { fitPurchaseModel, type PurchaseFit, type PurchaseModel, type PurchaseModelName } from "./purchaseModel";
import { type Collapsed, type CustomerSummary, collapseSummary, summarize } from "./summary";
import { type ValidationTable, validateHoldout } from "./validation";

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
}

export interface ClvAnalysis {
  readonly model: PurchaseModel;
  readonly summary: CustomerSummary;
  readonly collapsed: Collapsed;
  readonly fit: PurchaseFit;
  /** The Gamma-Gamma fit when amounts were given, else null. */
  readonly spend: SpendFit | null;
  /** Repeat buyers left out of the spend fit because their mean repeat spend was 0 or less. */
  readonly spendExcluded: number;
  readonly predictions: ClvPredictions | null;
  readonly validation: ValidationTable | null;
  readonly horizonMonths: number;
  readonly monthlyDiscount: number;
}

/**
 * Summary, fits and (on request) predictions and validation for a transaction list: the one
 * pipeline behind CLV_FIT, CLV_PREDICT, CLV_VALIDATE and POST /api/v1/analyze/clv. Predictions
 * and validation refuse a fit that did not converge (a clear error instead of numbers that mean
 * nothing).
 */
export function analyzeClv(tx: Transactions, options: ClvAnalysisOptions = {}): ClvAnalysis {
  const model = PURCHASE_MODELS[options.model ?? "bgnbd"];
  const periodDays = options.periodDays ?? 7;
  const horizonMonths = options.horizonMonths ?? 12;
  const monthlyDiscount = options.monthlyDiscount ?? 0.01;
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
  const summary = summarize(tx, { calibrationEnd, periodDays });
  const collapsed = collapseSummary(summary);
  const fit = fitPurchaseModel(model, collapsed.rows, { penalizer: options.penalizer ?? 0 });

  let spend: SpendFit | null = null;
  let spendExcluded = 0;
  if (summary.monetary) {
    const rows = spendRows(summary.x, summary.monetary);
    for (let i = 0; i < summary.length; i++) if ((summary.x[i] as number) > 0) spendExcluded++;
    spendExcluded -= rows.length;
    spend = fitGammaGamma(rows, { penalizer: options.penalizer ?? 0 });
  }

  const needsConvergence = options.predictions || options.validation;
  if (needsConvergence && !fit.converged) throw new RapportError("models.notConverged", { model: model.name });

  let predictions: ClvPredictions | null = null;
  if (options.predictions) {
    if (!spend) throw new RapportError("input.empty", { arg: "amounts" });
    if (!spend.converged) throw new RapportError("models.notConverged", { model: "gamma-gamma" });
    predictions = predict(model, fit, spend, summary, collapsed, { horizonMonths, monthlyDiscount, periodDays });
  }
  const validation = options.validation ? validateHoldout(model, fit.values, summary, collapsed) : null;
  return {
    model,
    summary,
    collapsed,
    fit,
    spend,
    spendExcluded,
    predictions,
    validation,
    horizonMonths,
    monthlyDiscount,
  };
}

function predict(
  model: PurchaseModel,
  fit: PurchaseFit,
  spend: SpendFit,
  summary: CustomerSummary,
  collapsed: Collapsed,
  options: { horizonMonths: number; monthlyDiscount: number; periodDays: number },
): ClvPredictions {
  const rows = collapsed.rows;
  const rowAlive = new Float64Array(rows.length);
  const rowPurchases = new Float64Array(rows.length);
  const rowDiscounted = new Float64Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const p = predictPurchases(
      model,
      fit.values,
      rows.x[r] as number,
      rows.tx[r] as number,
      rows.T[r] as number,
      options,
    );
    rowAlive[r] = p.pAlive;
    rowPurchases[r] = p.expectedPurchases;
    rowDiscounted[r] = p.discountedPurchases;
  }
  const n = summary.length;
  const pAlive = new Float64Array(n);
  const expectedPurchases = new Float64Array(n);
  const expectedSpend = new Float64Array(n);
  const clv = new Float64Array(n);
  const monetary = summary.monetary as Float64Array;
  for (let i = 0; i < n; i++) {
    const r = collapsed.rowOf[i] as number;
    pAlive[i] = rowAlive[r] as number;
    expectedPurchases[i] = rowPurchases[r] as number;
    const value = customerLifetimeValue(
      { pAlive: rowAlive[r] as number, expectedPurchases: 0, discountedPurchases: rowDiscounted[r] as number },
      spend,
      summary.x[i] as number,
      monetary[i] as number,
    );
    expectedSpend[i] = value.expectedSpend;
    clv[i] = value.clv;
  }
  for (let i = 0; i < n; i++) {
    // Guard: a number that is not finite would be a silent wrong answer in a cell or a response.
    if (!Number.isFinite((clv[i] as number) + (pAlive[i] as number) + (expectedPurchases[i] as number))) {
      throw new RapportError("models.noFit", {});
    }
  }
  return { pAlive, expectedPurchases, expectedSpend, clv };
}
