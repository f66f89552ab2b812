import { normalCdf } from "./normal";

/**
 * The Mann–Whitney U test (Wilcoxon rank-sum) of whether values in `later` tend to be larger than
 * in `earlier`: durations are skewed and have long tails, so their means are a poor basis for a
 * t test, while ranks are not moved by one request that waited a week. Normal approximation with
 * the tie correction and a continuity correction of ½ (R's wilcox.test with exact = FALSE).
 */
export interface RankTest {
  /** Pairs (earlier, later) with the later larger, ties counting ½. */
  readonly u: number;
  readonly z: number;
  /** One-sided p-value of "later tends to be larger". */
  readonly p: number;
}

export function laterLarger(earlier: ArrayLike<number>, later: ArrayLike<number>): RankTest | null {
  const m = earlier.length;
  const n = later.length;
  if (m === 0 || n === 0) return null;
  const total = m + n;
  const values = new Float64Array(total);
  for (let i = 0; i < m; i++) values[i] = earlier[i] as number;
  for (let j = 0; j < n; j++) values[m + j] = later[j] as number;
  const order = Int32Array.from({ length: total }, (_, i) => i).sort(
    (a, b) => (values[a] as number) - (values[b] as number),
  );
  // Mid-ranks for ties, and Σ(t³ − t) over the groups of ties for the variance.
  let rankSumLater = 0;
  let ties = 0;
  for (let start = 0; start < total; ) {
    let end = start + 1;
    while (end < total && values[order[end] as number] === values[order[start] as number]) end++;
    const rank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) if ((order[k] as number) >= m) rankSumLater += rank;
    const t = end - start;
    ties += t * t * t - t;
    start = end;
  }
  const u = rankSumLater - (n * (n + 1)) / 2;
  const mean = (m * n) / 2;
  const variance = ((m * n) / 12) * (total + 1 - ties / (total * (total - 1)));
  if (!(variance > 0)) return { u, z: 0, p: 0.5 };
  const difference = u - mean;
  const z = (difference - Math.sign(difference) * 0.5) / Math.sqrt(variance);
  return { u, z, p: 1 - normalCdf(z) };
}
