import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { laterLarger } from "../../../shared/metrics/rankTest";

describe("Mann–Whitney U", () => {
  it("matches R's wilcox.test example worked by hand", () => {
    // ?wilcox.test: x = depression scores, y = another group; W = 35 for x > y. With exact = FALSE
    // and the continuity correction: z = (35 − 25 − ½) / √(10·5·16/12) = 1.16351, p = 0.12231.
    const x = [0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46];
    const y = [1.15, 0.88, 0.9, 0.74, 1.21];
    const test = laterLarger(y, x);
    expect(test?.u).toBe(35);
    expect(test?.z).toBeCloseTo(1.16351, 4);
    expect(test?.p).toBeCloseTo(0.12231, 4);
  });

  it("counts U as the pairs where the later value is larger, ties as ½ (naive count)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 15 }),
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 15 }),
        (earlier, later) => {
          let pairs = 0;
          for (const a of earlier) for (const b of later) pairs += b > a ? 1 : b === a ? 0.5 : 0;
          expect(laterLarger(earlier, later)?.u).toBeCloseTo(pairs, 9);
        },
      ),
    );
  });

  it("gives no answer without values on both sides, and p = ½ when every value ties", () => {
    expect(laterLarger([], [1])).toBeNull();
    expect(laterLarger([2, 2], [2, 2, 2])?.p).toBe(0.5);
  });
});
