/**
 * Deterministic order of customer ids for breaking ties: numbers before text, numbers ascending,
 * text by code units (the order the metrics engine and the analysis API use).
 */
export function compareIds(a: string | number, b: string | number): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "number") return -1;
  if (typeof b === "number") return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
