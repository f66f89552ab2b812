import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RapportError } from "../../../shared/errors";
import { countsOfStages, funnelOfCounts } from "../../../shared/metrics/funnel";

const Z95 = 1.959963984540054;

describe("funnel", () => {
  it("gives conversions, losses and the weakest step, worked by hand", () => {
    // 1000 leads → 400 first purchases → 100 repeat → 60 regular.
    const funnel = funnelOfCounts(["lead", "first", "repeat", "regular"], [1000, 400, 100, 60], Z95, "counts");
    expect(funnel.steps.map((s) => s.conversion)).toEqual([null, 0.4, 0.25, 0.6]);
    expect(funnel.steps.map((s) => s.fromFirst)).toEqual([1, 0.4, 0.1, 0.06]);
    expect(funnel.steps.map((s) => s.lost)).toEqual([0, 600, 300, 40]);
    expect(funnel.weakest).toBe(2);
    // Wilson's interval for 400 of 1000 by hand: centre (0.4 + z²/2000)/(1 + z²/1000) = 0.400383,
    // half-width z/(1 + z²/1000)·√(0.24/1000 + z²/4·10⁻⁶) = 0.030308.
    expect(funnel.steps[1]?.lower).toBeCloseTo(0.370075, 5);
    expect(funnel.steps[1]?.upper).toBeCloseTo(0.430691, 5);
  });

  it("leaves conversions blank after a stage nobody reached, and refuses a widening funnel", () => {
    const funnel = funnelOfCounts(["a", "b", "c"], [5, 0, 0], Z95, "counts");
    expect(funnel.steps.map((s) => s.conversion)).toEqual([null, 0, null]);
    expect(funnel.weakest).toBe(1);
    expect(() => funnelOfCounts(["a", "b"], [5, 6], Z95, "counts")).toThrow(RapportError);
  });

  it("counts a stage column as a naive count of clients at or beyond each stage", () => {
    const order = ["Lead", "First purchase", "Repeat", "Regular"];
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 60 }), (stages) => {
        // Written in any case and with spaces around, as people type.
        const cells = stages.map((k, i) => [i % 2 ? ` ${(order[k] as string).toUpperCase()} ` : (order[k] as string)]);
        const naive = order.map((_, k) => stages.filter((s) => s >= k).length);
        expect(countsOfStages(cells, order, "stages")).toEqual(naive);
      }),
    );
  });

  it("names the cell holding a stage that is not in the order", () => {
    try {
      countsOfStages([["Lead"], ["Prospect"]], ["Lead", "Repeat"], "stages");
      expect.unreachable();
    } catch (error) {
      expect((error as RapportError).key).toBe("funnel.unknownStage");
      expect((error as RapportError).params).toMatchObject({ value: "Prospect", stages: "Lead, Repeat" });
    }
  });

  it("reports whichever comes first in the column, an error cell or a stage not in the order", () => {
    const key = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return (error as RapportError).key;
      }
      return null;
    };
    expect(key(() => countsOfStages([["Lead"], ["#N/A"], ["Prospect"]], ["Lead"], "stages"))).toBe("input.errorCell");
    expect(key(() => countsOfStages([["Prospect"], ["#N/A"]], ["Lead"], "stages"))).toBe("funnel.unknownStage");
  });
});
