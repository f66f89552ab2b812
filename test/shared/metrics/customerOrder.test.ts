import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ascendingIndexes,
  compareCustomerIds,
  customersById,
  orderAscending,
  orderByKey,
  orderDescending,
  valueRanks,
} from "../../../shared/metrics/customerOrder";

describe("customer orders", () => {
  it("orders ids numbers first, then text by code units", () => {
    const ids = ["b", 10, "A", 2, "a", -1];
    expect([...customersById(ids)].map((c) => ids[c])).toEqual([-1, 2, 10, "A", "a", "b"]);
  });

  const idsArb = fc.uniqueArray(fc.oneof(fc.integer({ min: -50, max: 50 }), fc.string({ maxLength: 3 })), {
    minLength: 1,
    maxLength: 60,
    selector: (v) => `${typeof v}:${v}`,
  });

  it("matches a comparator sort by (value, id) (property)", () => {
    fc.assert(
      fc.property(
        idsArb.chain((ids) =>
          fc.tuple(
            fc.constant(ids),
            fc.array(fc.integer({ min: -5, max: 5 }), { minLength: ids.length, maxLength: ids.length }),
          ),
        ),
        ([ids, values]) => {
          const byId = customersById(ids);
          const naive = ids.map((_, i) => i);
          naive.sort(
            (a, b) =>
              (values[a] as number) - (values[b] as number) || compareCustomerIds(ids[a] as never, ids[b] as never),
          );
          expect([...orderAscending(values, byId)]).toEqual(naive);
          const naiveDesc = ids.map((_, i) => i);
          naiveDesc.sort(
            (a, b) =>
              (values[b] as number) - (values[a] as number) || compareCustomerIds(ids[a] as never, ids[b] as never),
          );
          expect([...orderDescending(values, byId)]).toEqual(naiveDesc);
        },
      ),
    );
  });

  it("sorts sparse keys the same way as dense ones", () => {
    // Keys by customer: 0 → 3, 1 → 1, 2 → 3, 3 → 0; equal keys keep the base order (2 before 0).
    const base = Int32Array.from([2, 0, 1, 3]);
    const dense = [3, 1, 3, 0];
    expect([...orderByKey(dense, 3, base)]).toEqual([3, 1, 2, 0]);
    const sparse = [3_000_000, 1, 3_000_000, 0];
    expect([...orderByKey(sparse, 3_000_000, base)]).toEqual([3, 1, 2, 0]);
  });
});

describe("radix ranks", () => {
  it("sorts doubles of every sign and size like a numeric sort, 0 and −0 alike (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { maxLength: 300 }), (values) => {
        const sorted = [...ascendingIndexes(values)].map((i) => values[i] as number);
        const expected = [...values].sort((a, b) => a - b);
        expect(sorted.map((v) => (v === 0 ? 0 : v))).toEqual(expected.map((v) => (v === 0 ? 0 : v)));
      }),
    );
  });

  it("counts smaller and larger values for each entry (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(-2.5, -0, 0, 1e-300, 3, 3, 11.77, 1e300), { maxLength: 60 }), (values) => {
        const { below, above } = valueRanks(values);
        values.forEach((v, i) => {
          expect(below[i]).toBe(values.filter((w) => w < v).length);
          expect(above[i]).toBe(values.filter((w) => w > v).length);
        });
      }),
    );
  });

  it("orders ids outside a compact range by a sort", () => {
    const ids = [1e12, 5, -3e9, "x"];
    expect([...customersById(ids)].map((c) => ids[c])).toEqual([-3e9, 5, 1e12, "x"]);
  });
});
