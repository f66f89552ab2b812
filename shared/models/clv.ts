import { expectedSpend, type SpendFit } from "./gammaGamma";
import type { PurchaseModel } from "./purchaseModel";

/** Days in an average month (365.25 / 12 would differ from DESIGN's 4.345 weeks by 0.1 %). */
export const DAYS_PER_MONTH = 365 / 12;

export interface ClvOptions {
  /** Months to predict (H), not necessarily whole: 39 weeks are 39·7·12/365 = 8.975 months. */
  horizonMonths: number;
  /** Discount rate per month (d), e.g. 0.01. */
  monthlyDiscount: number;
  /** Length of the model's period in days (f = 30.42 / periodDays periods per month). */
  periodDays: number;
}

export interface CustomerPrediction {
  pAlive: number;
  /** Expected repeat purchases over the whole horizon (undiscounted). */
  expectedPurchases: number;
  /**
   * Discounted expected purchases: Σᵢ (E[Y(i·f)] − E[Y((i−1)·f)])/(1+d)ⁱ over whole months i ≤ H,
   * and a last part month from ⌊H⌋·f to H·f discounted as month ⌊H⌋ + 1.
   */
  discountedPurchases: number;
}

/**
 * Purchases over the horizon month by month, for one history (docs/models.md, "CLV"):
 * CLV = E[M] · discountedPurchases. P(alive) is computed once per history.
 */
export function predictPurchases(
  model: PurchaseModel,
  params: ArrayLike<number>,
  x: number,
  tx: number,
  T: number,
  options: ClvOptions,
): CustomerPrediction {
  const f = DAYS_PER_MONTH / options.periodDays;
  const pAlive = model.pAlive(params, x, tx, T);
  let previous = 0;
  let discounted = 0;
  let factor = 1;
  const months = Math.ceil(options.horizonMonths);
  for (let i = 1; i <= months; i++) {
    const cumulative = model.expectedIfAlive(params, Math.min(i, options.horizonMonths) * f, x, tx, T);
    factor /= 1 + options.monthlyDiscount;
    discounted += (cumulative - previous) * factor;
    previous = cumulative;
  }
  return { pAlive, expectedPurchases: pAlive * previous, discountedPurchases: pAlive * discounted };
}

/** Predicted CLV of one customer: E[M | x, m̄] times the discounted expected purchases. */
export function customerLifetimeValue(
  prediction: CustomerPrediction,
  spend: Pick<SpendFit, "p" | "q" | "gamma">,
  x: number,
  monetary: number,
): { expectedSpend: number; clv: number } {
  const m = expectedSpend(spend, x, monetary);
  return { expectedSpend: m, clv: m * prediction.discountedPurchases };
}
