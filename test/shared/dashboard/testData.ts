import type { Answer } from "../../../shared/dashboard/answers";

/** Φ(x) by Simpson's rule on the normal density: an independent reference for p-values. */
export function phi(x: number): number {
  const n = 20_000;
  const a = 0;
  const h = (Math.abs(x) - a) / n;
  const f = (t: number) => Math.exp((-t * t) / 2) / Math.sqrt(2 * Math.PI);
  let sum = f(a) + f(Math.abs(x));
  for (let i = 1; i < n; i++) sum += f(a + i * h) * (i % 2 ? 4 : 2);
  const half = (sum * h) / 3;
  return x >= 0 ? 0.5 + half : 0.5 - half;
}
export const twoSided = (z: number) => 2 * (1 - phi(Math.abs(z)));

export const answer = (score: number, day: number | null = null, comment = "", flagged = false): Answer => ({
  score,
  day,
  comment,
  flagged,
  surveyId: null,
  surveyTitle: "",
});
