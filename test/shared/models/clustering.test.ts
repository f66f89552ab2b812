import { describe, expect, it } from "vitest";
import type { Transactions } from "../../../shared/cells/transactions";
import { segmentCustomers } from "../../../shared/models/clustering";
import { kmeans, silhouette } from "../../../shared/models/kmeans";
import { seededRandom } from "../../../shared/random";
import { thrown } from "../helpers";

const key = (fn: () => unknown): string => thrown(fn).key;

/** Gaussian blobs in 2-D around the given centres. */
function blobs(centres: [number, number][], perBlob: number, spread: number, seed: number) {
  const random = seededRandom(seed);
  const normal = () => Math.sqrt(-2 * Math.log(random() || 1e-12)) * Math.cos(2 * Math.PI * random());
  const points = new Float64Array(centres.length * perBlob * 2);
  const truth = new Int32Array(centres.length * perBlob);
  centres.forEach(([x, y], b) => {
    for (let i = 0; i < perBlob; i++) {
      const p = b * perBlob + i;
      points[2 * p] = x + spread * normal();
      points[2 * p + 1] = y + spread * normal();
      truth[p] = b;
    }
  });
  return { points, truth, n: truth.length };
}

/** Silhouette straight from its definition, for comparison. */
function naiveSilhouette(points: Float64Array, n: number, assignment: Int32Array): number {
  const dist = (i: number, j: number) =>
    Math.hypot(points[2 * i]! - points[2 * j]!, points[2 * i + 1]! - points[2 * j + 1]!);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const byCluster = new Map<number, number[]>();
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const c = assignment[j]!;
      byCluster.set(c, [...(byCluster.get(c) ?? []), dist(i, j)]);
    }
    const own = byCluster.get(assignment[i]!) ?? [];
    if (own.length === 0) continue;
    const a = own.reduce((s, v) => s + v, 0) / own.length;
    let b = Number.POSITIVE_INFINITY;
    for (const [c, ds] of byCluster)
      if (c !== assignment[i]) b = Math.min(b, ds.reduce((s, v) => s + v, 0) / ds.length);
    total += (b - a) / Math.max(a, b);
  }
  return total / n;
}

describe("k-means", () => {
  const { points, truth, n } = blobs(
    [
      [0, 0],
      [10, 0],
      [0, 10],
    ],
    60,
    1,
    3,
  );

  it("finds well-separated blobs, the same way every time", () => {
    const result = kmeans(points, n, 2, 3, 7);
    // Same partition as the truth, up to the cluster numbering.
    const mapping = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const seen = mapping.get(truth[i]!);
      if (seen === undefined) mapping.set(truth[i]!, result.assignment[i]!);
      else expect(result.assignment[i]).toBe(seen);
    }
    expect(new Set(mapping.values()).size).toBe(3);
    expect(Array.from(kmeans(points, n, 2, 3, 7).assignment)).toEqual(Array.from(result.assignment));
  });

  it("computes the silhouette as defined", () => {
    for (const k of [2, 3, 4]) {
      const result = kmeans(points, n, 2, k, 1);
      expect(silhouette(points, n, 2, result.assignment, k)).toBeCloseTo(
        naiveSilhouette(points, n, result.assignment),
        10,
      );
    }
  });
});

/** Transactions of three kinds of customers: loyal big spenders, lapsed one-timers, and in-between. */
function customers(counts: [number, number, number], seed: number): Transactions {
  const random = seededRandom(seed);
  const ids: string[] = [];
  const customer: number[] = [];
  const day: number[] = [];
  const amount: number[] = [];
  const add = (c: number, d: number, a: number) => {
    customer.push(c);
    day.push(d);
    amount.push(a);
  };
  let c = 0;
  for (let i = 0; i < counts[0]; i++, c++) {
    ids.push(`L${i}`);
    for (let k = 0; k < 12 + Math.floor(random() * 6); k++)
      add(c, 300 + Math.floor(random() * 60) + k * 3, 150 + 50 * random());
  }
  for (let i = 0; i < counts[1]; i++, c++) {
    ids.push(`O${i}`);
    add(c, Math.floor(random() * 40), 10 + 5 * random());
  }
  for (let i = 0; i < counts[2]; i++, c++) {
    ids.push(`M${i}`);
    for (let k = 0; k < 3; k++) add(c, 150 + Math.floor(random() * 60) + k * 20, 40 + 10 * random());
  }
  return {
    customers: ids,
    customer: Int32Array.from(customer),
    day: Int32Array.from(day),
    amount: Float64Array.from(amount),
    length: customer.length,
    firstDay: Math.min(...day),
    lastDay: Math.max(...day),
  };
}

describe("segmentCustomers", () => {
  const tx = customers([40, 120, 80], 5);

  it("chooses k by silhouette and describes each segment in plain words", () => {
    const result = segmentCustomers(tx);
    expect(result.chosenBy).toBe("silhouette");
    expect(result.k).toBe(3);
    expect(result.scores.map((s) => s.k)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(result.silhouette).toBe(Math.max(...result.scores.map((s) => s.silhouette)));
    const [loyal, middle, once] = result.profiles;
    expect(loyal?.size).toBe(40);
    expect(loyal?.label.en).toBe("Recent, frequent buyers, high spend");
    expect(loyal?.label.ru).toBe("Активные, частые покупки, высокий чек");
    expect(middle?.size).toBe(80);
    expect(once?.size).toBe(120);
    expect(once?.levels).toEqual({ recency: "lapsed", frequency: "oneTime", spend: "low" });
    expect(once?.label.en).toBe("Long inactive, one-time buyers, low spend");
    // Per customer: the loyal ones (listed first) are all in segment 0.
    expect(Array.from(result.segment.slice(0, 40))).toEqual(new Array(40).fill(0));
    const shares = result.profiles.reduce((t, p) => t + p.revenueShare, 0);
    expect(shares).toBeCloseTo(1, 12);
    expect(result.profiles.reduce((t, p) => t + p.size, 0)).toBe(240);
    // Means are the plain averages of the customers' R/F/M.
    const members = Array.from(result.segment).flatMap((s, i) => (s === 2 ? [i] : []));
    expect(once?.frequency).toBeCloseTo(members.reduce((t, i) => t + result.frequency[i]!, 0) / members.length, 12);
  });

  it("repeats exactly with the same seed and honours a given k", () => {
    const a = segmentCustomers(tx, { k: 4, seed: 9 });
    const b = segmentCustomers(tx, { k: 4, seed: 9 });
    expect(a.k).toBe(4);
    expect(a.chosenBy).toBe("given");
    expect(Array.from(a.segment)).toEqual(Array.from(b.segment));
    expect(a.profiles).toEqual(b.profiles);
  });

  it("works without amounts, on recency and frequency", () => {
    const result = segmentCustomers({ ...tx, amount: null }, { k: 3 });
    expect(result.monetary).toBeNull();
    expect(result.profiles[0]?.label.en).toBe("Recent, frequent buyers");
  });

  it("clusters large inputs on a sample, then all customers", () => {
    const big = customers([5000, 12000, 8000], 2);
    const result = segmentCustomers(big, { k: 3 });
    expect(result.profiles.map((p) => p.size)).toEqual([5000, 8000, 12000]);
  });

  it("explains what it cannot segment", () => {
    const few = customers([2, 2, 2], 1);
    expect(key(() => segmentCustomers(few))).toBe("segments.tooFewCustomers");
    const same: Transactions = {
      customers: Array.from({ length: 12 }, (_, i) => i),
      customer: Int32Array.from({ length: 12 }, (_, i) => i),
      day: new Int32Array(12).fill(5),
      amount: new Float64Array(12).fill(9),
      length: 12,
      firstDay: 5,
      lastDay: 5,
    };
    expect(key(() => segmentCustomers(same))).toBe("segments.identical");
    expect(key(() => segmentCustomers(tx, { k: 9 }))).toBe("segments.badK");
  });
});
