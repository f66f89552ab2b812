/**
 * Special functions the customer-base models need, accurate to about 1e-14 relative for positive
 * arguments and written for speed (no allocation): log-gamma, digamma, log-beta, log-sum-exp and
 * the Gauss hypergeometric function ₂F₁ in log space. ES2020 only (Apps Script).
 */

const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0. Shifts x to ≥ 10 by the recurrence, then Stirling's series (error < 1e-16). */
export function lnGamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  let shift = 0;
  if (x < 10) {
    let product = 1;
    while (x < 10) {
      product *= x;
      x += 1;
    }
    shift = Math.log(product);
  }
  const inv = 1 / x;
  const inv2 = inv * inv;
  const series =
    inv *
    (1 / 12 +
      inv2 *
        (-1 / 360 + inv2 * (1 / 1260 + inv2 * (-1 / 1680 + inv2 * (1 / 1188 + inv2 * (-691 / 360360 + inv2 / 156))))));
  return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + series - shift;
}

/** ψ(x) = d/dx ln Γ(x) for x > 0: recurrence to x ≥ 10, then the asymptotic series. */
export function digamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  let acc = 0;
  while (x < 10) {
    acc -= 1 / x;
    x += 1;
  }
  const inv = 1 / x;
  const inv2 = inv * inv;
  const series =
    inv2 *
    (1 / 12 -
      inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132 - inv2 * (691 / 32760 - inv2 / 12))))));
  return acc + Math.log(x) - 0.5 * inv - series;
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b). */
export function lnBeta(a: number, b: number): number {
  return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
}

/**
 * The regularised incomplete beta function I_x(a, b) = B(x; a, b)/B(a, b), by its continued
 * fraction (modified Lentz), taken on the side of x where it converges fast (Numerical Recipes
 * §6.4). Behind Student's t for fractional degrees of freedom (Welch's test).
 */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (!(x > 0)) return 0;
  if (!(x < 1)) return 1;
  const lnFront = a * Math.log(x) + b * Math.log1p(-x) - lnBeta(a, b);
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(lnFront) * betaContinuedFraction(x, a, b)) / a;
  return 1 - (Math.exp(lnFront) * betaContinuedFraction(1 - x, b, a)) / b;
}

const TINY = 1e-300;

function betaContinuedFraction(x: number, a: number, b: number): number {
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 10_000; m++) {
    const m2 = 2 * m;
    // The even step d₂ₘ, then the odd step d₂ₘ₊₁ of the fraction.
    let aa = (m * (b - m) * x) / ((a - 1 + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + 1 + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-16) break;
  }
  return h;
}

/** ln(eᵃ + eᵇ) without overflow. */
export function logAddExp(a: number, b: number): number {
  if (a === Number.NEGATIVE_INFINITY) return b;
  if (b === Number.NEGATIVE_INFINITY) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/** 1 / (1 + eᵗ), the logistic of −t, stable for large |t|. */
export function logisticOfMinus(t: number): number {
  if (t > 0) {
    const e = Math.exp(-t);
    return e / (1 + e);
  }
  return 1 / (1 + Math.exp(t));
}

/**
 * ln ₂F₁(a, b; c; z) for a, b, c > 0 and 0 ≤ z < 1, by its power series with positive terms,
 * rescaled as it goes so that large sums (b ≫ 1, z near 1) do not overflow. The models do not
 * need it on their hot paths (they use series that converge faster); it is here for the
 * published closed forms, which tests compare against.
 */
export function lnHyp2f1(a: number, b: number, c: number, z: number, maxTerms = 1_000_000): number {
  if (!(a > 0 && b > 0 && c > 0 && z >= 0 && z < 1)) return Number.NaN;
  let term = 1;
  let sum = 1;
  let logScale = 0;
  for (let n = 0; n < maxTerms; n++) {
    term *= (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    sum += term;
    if (sum > 1e250) {
      term /= sum;
      logScale += Math.log(sum);
      sum = 1;
    }
    const ratio = (((a + n + 1) * (b + n + 1)) / ((c + n + 1) * (n + 2))) * z;
    if (ratio < 1 && term * (ratio / (1 - ratio)) <= 1e-17 * sum) break;
  }
  return logScale + Math.log(sum);
}
