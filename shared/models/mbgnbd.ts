import {
  betaGeometricExpectation,
  dataScale,
  type FitOptions,
  fitPurchaseModel,
  type PreparedHistories,
  type PurchaseFit,
  type PurchaseModel,
} from "./purchaseModel";
import { digamma, lnGamma, logAddExp, logisticOfMinus } from "./special";
import type { WeightedPurchaseSummaries } from "./summary";

/**
 * MBG/NBD (Batislam, Denizel & Filiztekin 2007): as BG/NBD, but a customer may also drop out
 * right after the first purchase, so customers without repeat purchases are not assumed alive.
 * Parameters [r, alpha, a, b].
 */
export const mbgnbd: PurchaseModel = {
  name: "mbgnbd",
  parameterNames: ["r", "alpha", "a", "b"],

  logLikelihood(params, data: PreparedHistories, gradient?: Float64Array): number {
    const [r, alpha, a, b] = params as unknown as [number, number, number, number];
    const groups = data.xValues.length;
    const base = new Float64Array(groups);
    const dR = new Float64Array(groups);
    const dA = new Float64Array(groups);
    const dB = new Float64Array(groups);
    const lnRatio = new Float64Array(groups); // ln a − ln(b + x)
    const lnA = Math.log(a);
    const common = lnGamma(a + b) - lnGamma(b) - lnGamma(r);
    const psiR = digamma(r);
    const psiAB = digamma(a + b);
    const psiB = digamma(b);
    for (let g = 0; g < groups; g++) {
      const x = data.xValues[g] as number;
      base[g] = common + lnGamma(r + x) + lnGamma(b + x + 1) - lnGamma(a + b + x + 1);
      if (gradient) {
        const psiABx = digamma(a + b + x + 1);
        dR[g] = digamma(r + x) - psiR;
        dA[g] = psiAB - psiABx;
        dB[g] = digamma(b + x + 1) - psiABx - psiB + psiAB;
      }
      lnRatio[g] = lnA - Math.log(b + x);
    }
    const lnAlpha = Math.log(alpha);
    let ll = r * lnAlpha * data.totalWeight;
    for (let g = 0; g < groups; g++) ll += (base[g] as number) * (data.groupWeight[g] as number);
    let gr = 0;
    let galpha = 0;
    let ga = 0;
    let gb = 0;
    for (let i = 0; i < data.length; i++) {
      const w = data.weight[i] as number;
      if (w === 0) continue;
      const g = data.xGroup[i] as number;
      const x = data.xValues[g] as number;
      const rx = r + x;
      const T = data.T[i] as number;
      const tx = data.tx[i] as number;
      const lnT = Math.log(alpha + T);
      const lnTx = Math.log(alpha + tx);
      const l1 = -rx * lnT;
      const l2 = (lnRatio[g] as number) - rx * lnTx;
      const total = logAddExp(l1, l2);
      ll += w * total;
      if (gradient) {
        const w2 = Math.exp(l2 - total);
        const w1 = 1 - w2;
        gr -= w * (w1 * lnT + w2 * lnTx);
        galpha -= w * rx * (w1 / (alpha + T) + w2 / (alpha + tx));
        ga += (w * w2) / a;
        gb -= (w * w2) / (b + x);
      }
    }
    if (gradient) {
      for (let g = 0; g < groups; g++) {
        const gw = data.groupWeight[g] as number;
        gr += gw * (dR[g] as number);
        ga += gw * (dA[g] as number);
        gb += gw * (dB[g] as number);
      }
      gr += lnAlpha * data.totalWeight;
      galpha += (r / alpha) * data.totalWeight;
      gradient[0] = gr * r;
      gradient[1] = galpha * alpha;
      gradient[2] = ga * a;
      gradient[3] = gb * b;
    }
    return ll;
  },

  starts(data) {
    const { meanX, meanT } = dataScale(data);
    const alpha = Math.max(1e-3, meanT / Math.max(meanX, 0.05));
    return [
      [0, Math.log(alpha), 0, 0],
      [Math.log(0.5), Math.log(alpha / 2), Math.log(0.5), Math.log(2)],
    ];
  },

  pAlive(params, x, tx, T) {
    const [r, alpha, a, b] = params as unknown as [number, number, number, number];
    const t = Math.log(a) - Math.log(b + x) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
    return logisticOfMinus(t);
  },

  expectedIfAlive(params, t, x, _tx, T) {
    const [r, alpha, a, b] = params as unknown as [number, number, number, number];
    return betaGeometricExpectation(r + x, alpha + T, t, a, b + x + 1);
  },

  expectedPurchasesNew(params, t) {
    const [r, alpha, a, b] = params as unknown as [number, number, number, number];
    // Alive after the first purchase with probability b/(a+b); then p ~ Beta(a, b+1).
    return (b / (a + b)) * betaGeometricExpectation(r, alpha, t, a, b + 1);
  },
};

export function fitMbgNbd(data: WeightedPurchaseSummaries, options?: FitOptions): PurchaseFit {
  return fitPurchaseModel(mbgnbd, data, options);
}
