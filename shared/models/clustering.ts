import type { DayNumber } from "../cells/dates";
import type { Transactions } from "../cells/transactions";
import { RapportError } from "../errors";
import { t } from "../i18n/translate";
import { seededRandom } from "../random";
import { type KMeansResult, kmeansWork, lloydWork, sampleIndices, silhouetteWork } from "./kmeans";
import { finish, type Work } from "./work";

/** Fewest customers worth segmenting. */
export const SEGMENTS_MIN_CUSTOMERS = 10;
/** k is chosen on at most this many customers (a seeded sample); the final clustering uses all. */
const SELECTION_SAMPLE = 20_000;
/** Silhouettes are averaged over at most this many of those (they cost n² distances). */
const SILHOUETTE_SAMPLE = 2_000;
export const K_MIN = 2;
export const K_MAX = 8;

export interface SegmentOptions {
  /** Recency is measured to this day [the last day of the data]. */
  asOf?: DayNumber;
  /** Number of segments [chosen by silhouette from 2 to 8]. */
  k?: number;
  /** Seed of the k-means++ starts and samples [1]. */
  seed?: number;
}

export type RecencyLevel = "recent" | "lapsing" | "lapsed";
export type FrequencyLevel = "frequent" | "occasional" | "oneTime";
export type SpendLevel = "high" | "medium" | "low";

export interface SegmentProfile {
  /** 0-based; segments are ordered by mean revenue per customer (by frequency without amounts). */
  readonly segment: number;
  readonly size: number;
  /** Share of customers, 0–1. */
  readonly share: number;
  /** Total spend of the segment's customers (0 without amounts). */
  readonly revenue: number;
  /** Share of all revenue, 0–1. */
  readonly revenueShare: number;
  /** Mean days since the last purchase. */
  readonly recencyDays: number;
  /** Mean number of purchase days. */
  readonly frequency: number;
  /** Mean spend per purchase day (null without amounts). */
  readonly monetary: number | null;
  readonly levels: { recency: RecencyLevel; frequency: FrequencyLevel; spend: SpendLevel | null };
  /** Plain-language description, e.g. "Recent, frequent buyers, high spend". */
  readonly label: { en: string; ru: string };
}

export interface Segmentation {
  readonly k: number;
  readonly chosenBy: "silhouette" | "given";
  /** Mean silhouette of the chosen clustering (−1…1; higher = better separated). */
  readonly silhouette: number;
  /** Silhouette of each k tried. */
  readonly scores: readonly { k: number; silhouette: number }[];
  readonly asOf: DayNumber;
  readonly profiles: readonly SegmentProfile[];
  /** Per customer (order of first appearance): id, segment and R/F/M. */
  readonly customers: readonly (string | number)[];
  readonly segment: Int32Array;
  readonly recencyDays: Int32Array;
  readonly frequency: Int32Array;
  readonly monetary: Float64Array | null;
}

/** Per-customer recency (days since the last purchase at asOf), frequency (purchase days) and revenue. */
function rfm(tx: Transactions, asOf: DayNumber) {
  const n = tx.customers.length;
  const last = new Int32Array(n).fill(-2147483648);
  const revenue = tx.amount ? new Float64Array(n) : null;
  const frequency = new Int32Array(n);
  // Distinct days per customer: sort (customer, day) keys once.
  const keys = new Float64Array(tx.length);
  const span = tx.lastDay - tx.firstDay + 1;
  for (let i = 0; i < tx.length; i++) {
    const c = tx.customer[i] as number;
    const d = tx.day[i] as number;
    keys[i] = c * span + (d - tx.firstDay);
    if (d > (last[c] as number)) last[c] = d;
    if (revenue) revenue[c] = (revenue[c] as number) + ((tx.amount as Float64Array)[i] as number);
  }
  keys.sort();
  for (let i = 0; i < keys.length; i++) {
    if (i > 0 && keys[i] === keys[i - 1]) continue;
    const c = Math.floor((keys[i] as number) / span);
    frequency[c] = (frequency[c] as number) + 1;
  }
  const recencyDays = new Int32Array(n);
  for (let c = 0; c < n; c++) recencyDays[c] = Math.max(0, asOf - (last[c] as number));
  return { recencyDays, frequency, revenue };
}

/** Standardised log features (log1p R, log F, log1p M): each column mean 0, sd 1 (0 if constant). */
function features(recency: Int32Array, frequency: Int32Array, monetary: Float64Array | null) {
  const n = recency.length;
  const d = monetary ? 3 : 2;
  const points = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    points[i * d] = Math.log1p(recency[i] as number);
    points[i * d + 1] = Math.log(frequency[i] as number);
    if (monetary) points[i * d + 2] = Math.log1p(Math.max(0, monetary[i] as number));
  }
  for (let j = 0; j < d; j++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += points[i * d + j] as number;
    const mean = sum / n;
    let sq = 0;
    for (let i = 0; i < n; i++) sq += ((points[i * d + j] as number) - mean) ** 2;
    const sd = Math.sqrt(sq / n);
    for (let i = 0; i < n; i++) points[i * d + j] = sd > 0 ? ((points[i * d + j] as number) - mean) / sd : 0;
  }
  return { points, d };
}

function distinctPoints(points: Float64Array, n: number, d: number, cap: number): number {
  const seen = new Set<string>();
  for (let i = 0; i < n && seen.size < cap; i++) {
    let key = "";
    for (let j = 0; j < d; j++) key += `${(points[i * d + j] as number).toPrecision(12)},`;
    seen.add(key);
  }
  return seen.size;
}

function selectRows(points: Float64Array, d: number, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length * d);
  for (let s = 0; s < rows.length; s++) {
    const i = rows[s] as number;
    for (let j = 0; j < d; j++) out[s * d + j] = points[i * d + j] as number;
  }
  return out;
}

const level = (z: number): -1 | 0 | 1 => (z > 0.5 ? 1 : z < -0.5 ? -1 : 0);

/**
 * Behavioural segments: k-means on standardised log recency, frequency and mean spend, k chosen
 * by the silhouette (2 … 8) unless given, each segment described by its size, revenue share,
 * mean R/F/M and a plain-language label in English and Russian.
 */
export function segmentCustomers(tx: Transactions, options: SegmentOptions = {}): Segmentation {
  return finish(segmentCustomersWork(tx, options));
}

/** The same segmentation, pausing after each pass over the clients (see `Work`). */
export function* segmentCustomersWork(tx: Transactions, options: SegmentOptions = {}): Work<Segmentation> {
  const asOf = options.asOf ?? tx.lastDay;
  const seed = options.seed ?? 1;
  const n = tx.customers.length;
  if (n < SEGMENTS_MIN_CUSTOMERS) {
    throw new RapportError("segments.tooFewCustomers", { customers: n, min: SEGMENTS_MIN_CUSTOMERS });
  }
  const { recencyDays, frequency, revenue } = rfm(tx, asOf);
  const monetary = revenue ? Float64Array.from(revenue, (r, i) => r / (frequency[i] as number)) : null;
  const { points, d } = features(recencyDays, frequency, monetary);
  const distinct = distinctPoints(points, n, d, K_MAX + 1);
  if (distinct < 2) throw new RapportError("segments.identical", {});
  const kMax = Math.min(K_MAX, distinct);
  if (options.k !== undefined && !(Number.isInteger(options.k) && options.k >= K_MIN && options.k <= kMax)) {
    throw new RapportError("segments.badK", { value: String(options.k), max: kMax });
  }

  const random = seededRandom(seed);
  const selectionRows = sampleIndices(n, SELECTION_SAMPLE, random);
  const selection = selectionRows.length === n ? points : selectRows(points, d, selectionRows);
  const m = selectionRows.length;
  const silhouetteRows = sampleIndices(m, SILHOUETTE_SAMPLE, random);
  const candidates = options.k !== undefined ? [options.k] : [];
  if (options.k === undefined) for (let k = K_MIN; k <= kMax; k++) candidates.push(k);
  const scores: { k: number; silhouette: number }[] = [];
  let best: KMeansResult | null = null;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const k of candidates) {
    const result = yield* kmeansWork(selection, m, d, k, seed + k);
    const score = yield* silhouetteWork(selection, m, d, result.assignment, k, silhouetteRows);
    scores.push({ k, silhouette: score });
    if (score > bestScore + 1e-12) {
      bestScore = score;
      best = result;
    }
  }
  const chosen = best as KMeansResult;
  const final = m === n ? chosen : yield* lloydWork(points, n, d, chosen.centroids);
  return describe(tx, asOf, final, bestScore, scores, options.k !== undefined, points, d, {
    recencyDays,
    frequency,
    revenue,
    monetary,
  });
}

function describe(
  tx: Transactions,
  asOf: DayNumber,
  result: KMeansResult,
  score: number,
  scores: { k: number; silhouette: number }[],
  given: boolean,
  points: Float64Array,
  d: number,
  data: { recencyDays: Int32Array; frequency: Int32Array; revenue: Float64Array | null; monetary: Float64Array | null },
): Segmentation {
  const n = tx.customers.length;
  const k = result.k;
  const size = new Float64Array(k);
  const revenue = new Float64Array(k);
  const sumR = new Float64Array(k);
  const sumF = new Float64Array(k);
  const sumM = new Float64Array(k);
  const sumZ = new Float64Array(k * d);
  let totalRevenue = 0;
  for (let i = 0; i < n; i++) {
    const c = result.assignment[i] as number;
    size[c] = (size[c] as number) + 1;
    sumR[c] = (sumR[c] as number) + (data.recencyDays[i] as number);
    sumF[c] = (sumF[c] as number) + (data.frequency[i] as number);
    if (data.revenue && data.monetary) {
      revenue[c] = (revenue[c] as number) + (data.revenue[i] as number);
      sumM[c] = (sumM[c] as number) + (data.monetary[i] as number);
      totalRevenue += data.revenue[i] as number;
    }
    for (let j = 0; j < d; j++) sumZ[c * d + j] = (sumZ[c * d + j] as number) + (points[i * d + j] as number);
  }
  // Most valuable first: by revenue per customer, or by frequency without amounts.
  const order = Array.from({ length: k }, (_, c) => c).sort((a, b) => {
    const va = data.revenue ? (revenue[a] as number) / (size[a] as number) : (sumF[a] as number) / (size[a] as number);
    const vb = data.revenue ? (revenue[b] as number) / (size[b] as number) : (sumF[b] as number) / (size[b] as number);
    return vb - va || a - b;
  });
  const rank = new Int32Array(k);
  order.forEach((c, r) => {
    rank[c] = r;
  });
  const seen = new Map<string, number>();
  const profiles: SegmentProfile[] = order.map((c, r) => {
    const count = size[c] as number;
    const z = (j: number) => (sumZ[c * d + j] as number) / count;
    const meanF = (sumF[c] as number) / count;
    const recency: RecencyLevel = ["recent", "lapsing", "lapsed"][level(z(0)) + 1] as RecencyLevel;
    const frequency: FrequencyLevel = meanF <= 1.2 ? "oneTime" : level(z(1)) > 0 ? "frequent" : "occasional";
    const spend: SpendLevel | null = data.monetary ? (["low", "medium", "high"][level(z(2)) + 1] as SpendLevel) : null;
    const label = (locale: "en" | "ru") => {
      const parts = {
        recency: t(locale, `segments.recency.${recency}`),
        frequency: t(locale, `segments.frequency.${frequency}`),
      };
      return spend
        ? t(locale, "segments.label", { ...parts, spend: t(locale, `segments.spend.${spend}`) })
        : t(locale, "segments.labelNoSpend", parts);
    };
    let en = label("en");
    let ru = label("ru");
    const twin = (seen.get(en) ?? 0) + 1;
    seen.set(en, twin);
    if (twin > 1) {
      en = `${en} (${twin})`;
      ru = `${ru} (${twin})`;
    }
    return {
      segment: r,
      size: count,
      share: count / n,
      revenue: revenue[c] as number,
      revenueShare: totalRevenue > 0 ? (revenue[c] as number) / totalRevenue : 0,
      recencyDays: (sumR[c] as number) / count,
      frequency: meanF,
      monetary: data.monetary ? (sumM[c] as number) / count : null,
      levels: { recency, frequency, spend },
      label: { en, ru },
    };
  });
  const segment = new Int32Array(n);
  for (let i = 0; i < n; i++) segment[i] = rank[result.assignment[i] as number] as number;
  return {
    k,
    chosenBy: given ? "given" : "silhouette",
    silhouette: score,
    scores,
    asOf,
    profiles,
    customers: tx.customers,
    segment,
    recencyDays: data.recencyDays,
    frequency: data.frequency,
    monetary: data.monetary,
  };
}
