import {
  betaGeometricExpectation,
  dataScale,
  type FitOptions,
  fitPurchaseModel,
  lnGammaPoissonCount,
  type PreparedHistories,
  type PurchaseFit,
  type PurchaseModel,
} from "./purchaseModel";
import { digamma, lnBeta, lnGamma, logAddExp, logisticOfMinus } from "./special";
import type { WeightedPurchaseSummaries } from "./summary";

/**
 * The beta-geometric family of purchase models, one module with the drop-out shift as its
 * parameter (as lifetimes and pymc-marketing do). Purchases arrive at Poisson rate λ ~ Gamma(r, α)
 * while a customer is active; a customer drops out with probability p ~ Beta(a, b)
 *   - BG/NBD (Fader, Hardie & Lee 2005), shift 0: after each repeat purchase, so a customer
 *     without repeat purchases is alive for sure;
 *   - MBG/NBD (Batislam, Denizel & Filiztekin 2007), shift 1: also right after the first
 *     purchase, so customers without repeat purchases are not assumed alive.
 * With shift s, the x-th drop-out chance enters as Beta(a, b + x − 1 + s). Parameters [r, alpha, a, b].
 */
type Shift = 0 | 1;

function bgFamilyModel(name: "bgnbd" | "mbgnbd", shift: Shift): PurchaseModel {
  /** Drop-outs a customer with x repeat purchases had the chance of: x for BG/NBD, x + 1 for MBG/NBD. */
  const chances = (x: number) => x + shift;
  return {
    name,
    parameterNames: ["r", "alpha", "a", "b"],
    timeScaleParameters: ["alpha"],

    logLikelihood(params, data: PreparedHistories, gradient?: Float64Array): number {
      const [r, alpha, a, b] = params as unknown as [number, number, number, number];
      const groups = data.xValues.length;
      // Per distinct x: the gamma/beta-function part of the likelihood and its derivatives.
      const base = new Float64Array(groups);
      const dR = new Float64Array(groups);
      const dA = new Float64Array(groups);
      const dB = new Float64Array(groups);
      const lnRatio = new Float64Array(groups); // ln a − ln(b + chances − 1)
      const lnA = Math.log(a);
      const common = lnGamma(a + b) - lnGamma(b) - lnGamma(r);
      const psiR = digamma(r);
      const psiAB = digamma(a + b);
      const psiB = digamma(b);
      for (let g = 0; g < groups; g++) {
        const x = data.xValues[g] as number;
        const n = chances(x);
        base[g] = common + lnGamma(r + x) + lnGamma(b + n) - lnGamma(a + b + n);
        if (gradient) {
          const psiABn = digamma(a + b + n);
          dR[g] = digamma(r + x) - psiR;
          dA[g] = psiAB - psiABn;
          dB[g] = digamma(b + n) - psiABn - psiB + psiAB;
        }
        lnRatio[g] = n > 0 ? lnA - Math.log(b + n - 1) : 0;
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
        const n = chances(x);
        const rx = r + x;
        const T = data.T[i] as number;
        const lnT = Math.log(alpha + T);
        const l1 = -rx * lnT;
        if (n === 0) {
          // No chance to drop out yet (BG/NBD without repeat purchases): alive for sure.
          ll += w * l1;
          if (gradient) {
            gr -= w * lnT;
            galpha -= (w * rx) / (alpha + T);
          }
          continue;
        }
        const tx = data.tx[i] as number;
        const lnTx = Math.log(alpha + tx);
        const l2 = (lnRatio[g] as number) - rx * lnTx;
        const total = logAddExp(l1, l2);
        ll += w * total;
        if (gradient) {
          const w2 = Math.exp(l2 - total);
          const w1 = 1 - w2;
          gr -= w * (w1 * lnT + w2 * lnTx);
          galpha -= w * rx * (w1 / (alpha + T) + w2 / (alpha + tx));
          ga += (w * w2) / a;
          gb -= (w * w2) / (b + n - 1);
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
      const n = chances(x);
      if (n === 0) return 1;
      const [r, alpha, a, b] = params as unknown as [number, number, number, number];
      // 1 / (1 + a/(b+n−1)·((α+T)/(α+tₓ))^(r+x)), in log form: the power overflows for large x.
      const t = Math.log(a) - Math.log(b + n - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
      return logisticOfMinus(t);
    },

    expectedIfAlive(params, t, x, _tx, T) {
      const [r, alpha, a, b] = params as unknown as [number, number, number, number];
      return betaGeometricExpectation(r + x, alpha + T, t, a, b + chances(x));
    },

    countIfAlive(params, n, t, x, _tx, T) {
      if (!(t > 0)) return n === 0 ? 1 : 0;
      const [r, alpha, a, b] = params as unknown as [number, number, number, number];
      // Alive at T: λ ~ Gamma(r+x, α+T), p ~ Beta(a, b+chances). In the next t periods the customer
      // either survives all n purchases and makes no (n+1)-th, or drops out right after the n-th.
      const shape = r + x;
      const scale = alpha + T;
      const bb = b + chances(x);
      const lnNorm = lnBeta(a, bb);
      const survives = Math.exp(lnBeta(a, bb + n) - lnNorm + lnGammaPoissonCount(n, shape, scale, t));
      if (n === 0) return survives;
      let atMostNMinus1 = 0;
      for (let j = 0; j < n; j++) atMostNMinus1 += Math.exp(lnGammaPoissonCount(j, shape, scale, t));
      const dropsOut = Math.exp(lnBeta(a + 1, bb + n - 1) - lnNorm) * Math.max(0, 1 - atMostNMinus1);
      return survives + dropsOut;
    },

    expectedPurchasesNew(params, t) {
      const [r, alpha, a, b] = params as unknown as [number, number, number, number];
      // MBG/NBD: alive after the first purchase with probability b/(a+b); then p ~ Beta(a, b+1).
      const survivesFirst = shift === 1 ? b / (a + b) : 1;
      return survivesFirst * betaGeometricExpectation(r, alpha, t, a, b + shift);
    },
  };
}

export const bgnbd: PurchaseModel = bgFamilyModel("bgnbd", 0);
export const mbgnbd: PurchaseModel = bgFamilyModel("mbgnbd", 1);

export function fitBgNbd(data: WeightedPurchaseSummaries, options?: FitOptions): PurchaseFit {
  return fitPurchaseModel(bgnbd, data, options);
}

export function fitMbgNbd(data: WeightedPurchaseSummaries, options?: FitOptions): PurchaseFit {
  return fitPurchaseModel(mbgnbd, data, options);
}
