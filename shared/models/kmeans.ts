import { seededRandom } from "../random";
import { finish, type Work } from "./work";

/**
 * k-means with k-means++ starts and a seeded generator (results repeat run to run), and the
 * silhouette score for choosing k. Points are rows of a flat Float64Array (n × d).
 */

export interface KMeansResult {
  readonly k: number;
  /** k × d centroids. */
  readonly centroids: Float64Array;
  /** Cluster of each point. */
  readonly assignment: Int32Array;
  /** Sum of squared distances to the assigned centroids. */
  readonly inertia: number;
  readonly iterations: number;
}

function distance2(points: Float64Array, i: number, centroids: Float64Array, c: number, d: number): number {
  let s = 0;
  for (let j = 0; j < d; j++) {
    const diff = (points[i * d + j] as number) - (centroids[c * d + j] as number);
    s += diff * diff;
  }
  return s;
}

/** k-means++ seeding: each next centre drawn with probability proportional to D². */
function plusPlus(points: Float64Array, n: number, d: number, k: number, random: () => number): Float64Array {
  const centroids = new Float64Array(k * d);
  const best = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  let pick = Math.floor(random() * n);
  for (let c = 0; c < k; c++) {
    for (let j = 0; j < d; j++) centroids[c * d + j] = points[pick * d + j] as number;
    let total = 0;
    for (let i = 0; i < n; i++) {
      const dist = distance2(points, i, centroids, c, d);
      if (dist < (best[i] as number)) best[i] = dist;
      total += best[i] as number;
    }
    if (c === k - 1) break;
    if (total === 0) {
      pick = Math.floor(random() * n);
      continue;
    }
    let target = random() * total;
    pick = n - 1;
    for (let i = 0; i < n; i++) {
      target -= best[i] as number;
      if (target <= 0) {
        pick = i;
        break;
      }
    }
  }
  return centroids;
}

/** Lloyd iterations from the given centroids until no point changes cluster. */
export function lloyd(
  points: Float64Array,
  n: number,
  d: number,
  start: Float64Array,
  maxIterations = 100,
): KMeansResult {
  return finish(lloydWork(points, n, d, start, maxIterations));
}

/** The same iterations, pausing after each pass over the points (see `Work`). */
export function* lloydWork(
  points: Float64Array,
  n: number,
  d: number,
  start: Float64Array,
  maxIterations = 100,
): Work<KMeansResult> {
  const k = start.length / d;
  const centroids = Float64Array.from(start);
  const assignment = new Int32Array(n).fill(-1);
  const sums = new Float64Array(k * d);
  const counts = new Float64Array(k);
  let iterations = 0;
  let inertia = 0;
  for (; iterations < maxIterations; iterations++) {
    let changed = 0;
    inertia = 0;
    for (let i = 0; i < n; i++) {
      let bestC = 0;
      let bestD = Number.POSITIVE_INFINITY;
      for (let c = 0; c < k; c++) {
        const dist = distance2(points, i, centroids, c, d);
        if (dist < bestD) {
          bestD = dist;
          bestC = c;
        }
      }
      inertia += bestD;
      if (assignment[i] !== bestC) {
        assignment[i] = bestC;
        changed++;
      }
    }
    yield n * k;
    if (changed === 0) break;
    sums.fill(0);
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const c = assignment[i] as number;
      counts[c] = (counts[c] as number) + 1;
      for (let j = 0; j < d; j++) sums[c * d + j] = (sums[c * d + j] as number) + (points[i * d + j] as number);
    }
    for (let c = 0; c < k; c++) {
      const count = counts[c] as number;
      if (count === 0) {
        // An empty cluster takes the point farthest from its centre.
        let far = 0;
        let farD = -1;
        for (let i = 0; i < n; i++) {
          const dist = distance2(points, i, centroids, assignment[i] as number, d);
          if (dist > farD) {
            farD = dist;
            far = i;
          }
        }
        for (let j = 0; j < d; j++) centroids[c * d + j] = points[far * d + j] as number;
        assignment[far] = c;
        continue;
      }
      for (let j = 0; j < d; j++) centroids[c * d + j] = (sums[c * d + j] as number) / count;
    }
  }
  return { k, centroids, assignment, inertia, iterations };
}

/** k-means: the best of `restarts` k-means++ starts (lowest inertia), all from one seed. */
export function kmeans(points: Float64Array, n: number, d: number, k: number, seed = 1, restarts = 4): KMeansResult {
  return finish(kmeansWork(points, n, d, k, seed, restarts));
}

/** The same, pausing after each pass over the points (see `Work`). */
export function* kmeansWork(
  points: Float64Array,
  n: number,
  d: number,
  k: number,
  seed = 1,
  restarts = 4,
): Work<KMeansResult> {
  const random = seededRandom(seed);
  let best: KMeansResult | null = null;
  for (let r = 0; r < restarts; r++) {
    const centroids = plusPlus(points, n, d, k, random);
    yield n * k;
    const result = yield* lloydWork(points, n, d, centroids);
    if (!best || result.inertia < best.inertia) best = result;
  }
  return best as KMeansResult;
}

/**
 * Mean silhouette (b − a)/max(a, b) over the points listed in `sample` (all points when
 * omitted), with distances to every point. Points alone in their cluster score 0.
 */
export function silhouette(
  points: Float64Array,
  n: number,
  d: number,
  assignment: Int32Array,
  k: number,
  sample?: Int32Array,
): number {
  return finish(silhouetteWork(points, n, d, assignment, k, sample));
}

/** The same score, pausing after each sampled point's distances (see `Work`). */
export function* silhouetteWork(
  points: Float64Array,
  n: number,
  d: number,
  assignment: Int32Array,
  k: number,
  sample?: Int32Array,
): Work<number> {
  const sizes = new Float64Array(k);
  for (let i = 0; i < n; i++) sizes[assignment[i] as number] = (sizes[assignment[i] as number] as number) + 1;
  const members = sample ?? Int32Array.from({ length: n }, (_, i) => i);
  const sumTo = new Float64Array(k);
  let total = 0;
  for (let s = 0; s < members.length; s++) {
    const i = members[s] as number;
    sumTo.fill(0);
    for (let j = 0; j < n; j++) {
      let dist = 0;
      for (let t = 0; t < d; t++) {
        const diff = (points[i * d + t] as number) - (points[j * d + t] as number);
        dist += diff * diff;
      }
      const c = assignment[j] as number;
      sumTo[c] = (sumTo[c] as number) + Math.sqrt(dist);
    }
    yield n;
    const own = assignment[i] as number;
    if ((sizes[own] as number) <= 1) continue;
    const a = (sumTo[own] as number) / ((sizes[own] as number) - 1);
    let b = Number.POSITIVE_INFINITY;
    for (let c = 0; c < k; c++) {
      if (c === own || (sizes[c] as number) === 0) continue;
      b = Math.min(b, (sumTo[c] as number) / (sizes[c] as number));
    }
    if (b === Number.POSITIVE_INFINITY) continue;
    const m = Math.max(a, b);
    total += m > 0 ? (b - a) / m : 0;
  }
  return total / members.length;
}

/** Up to m distinct indices out of n, drawn with the generator (all when n ≤ m), ascending. */
export function sampleIndices(n: number, m: number, random: () => number): Int32Array {
  if (n <= m) return Int32Array.from({ length: n }, (_, i) => i);
  const chosen = new Set<number>();
  while (chosen.size < m) chosen.add(Math.floor(random() * n));
  return Int32Array.from(chosen).sort();
}
