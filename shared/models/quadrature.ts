/**
 * ∫ₐᵇ f by adaptive Simpson's rule to a relative tolerance (written here: twenty lines, where a
 * numerics library would add its whole weight to Code.js). For smooth integrands on a finite
 * interval, such as the drop-out density times a purchase probability.
 */
export function integrate(f: (x: number) => number, a: number, b: number, tolerance = 1e-11): number {
  if (!(b > a)) return 0;
  const fa = f(a);
  const fb = f(b);
  const m = (a + b) / 2;
  const fm = f(m);
  const whole = ((b - a) / 6) * (fa + 4 * fm + fb);
  return refine(f, a, b, fa, fm, fb, whole, Math.max(Math.abs(whole), 1e-300) * tolerance, 50);
}

function refine(
  f: (x: number) => number,
  a: number,
  b: number,
  fa: number,
  fm: number,
  fb: number,
  whole: number,
  tolerance: number,
  depth: number,
): number {
  const m = (a + b) / 2;
  const lm = (a + m) / 2;
  const rm = (m + b) / 2;
  const flm = f(lm);
  const frm = f(rm);
  const left = ((m - a) / 6) * (fa + 4 * flm + fm);
  const right = ((b - m) / 6) * (fm + 4 * frm + fb);
  const difference = left + right - whole;
  if (depth <= 0 || Math.abs(difference) <= 15 * tolerance) return left + right + difference / 15;
  return (
    refine(f, a, m, fa, flm, fm, left, tolerance / 2, depth - 1) +
    refine(f, m, b, fm, frm, fb, right, tolerance / 2, depth - 1)
  );
}
