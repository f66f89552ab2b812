import { describe, expect, it } from "vitest";
import { seededRandom } from "../../shared/random";

describe("seededRandom (mulberry32)", () => {
  it("repeats a seed's sequence exactly and gives another for another seed", () => {
    const take = (seed: number) => {
      const next = seededRandom(seed);
      return Array.from({ length: 5 }, next);
    };
    expect(take(42)).toEqual(take(42));
    expect(take(42)).not.toEqual(take(43));
  });

  it("is mulberry32: the same numbers as the C reference written with BigInt arithmetic", () => {
    // uint32_t z = (state += 0x6D2B79F5); z = (z ^ z >> 15) * (z | 1); z ^= z + (z ^ z >> 7) * (z | 61);
    // return z ^ z >> 14;  — with every product taken mod 2³², no Math.imul.
    const M = 0xffffffffn;
    let state = 123456789n;
    const reference = () => {
      state = (state + 0x6d2b79f5n) & M;
      let z = state;
      z = ((z ^ (z >> 15n)) * (z | 1n)) & M;
      z = (z ^ ((z + (z ^ (z >> 7n)) * (z | 61n)) & M)) & M;
      return Number(z ^ (z >> 14n)) / 4294967296;
    };
    const next = seededRandom(123456789);
    for (let i = 0; i < 1000; i++) expect(next()).toBe(reference());
  });

  it("stays in [0, 1) and spreads evenly over ten bins", () => {
    const next = seededRandom(7);
    const bins = new Array(10).fill(0);
    for (let i = 0; i < 100_000; i++) {
      const u = next();
      expect(u >= 0 && u < 1).toBe(true);
      bins[Math.floor(u * 10)]++;
    }
    // 10,000 expected per bin; 4 standard deviations is ±380.
    for (const count of bins) expect(Math.abs(count - 10_000)).toBeLessThan(380);
  });
});
