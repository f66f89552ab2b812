/**
 * A total order of customer ids that does not depend on row order, for tie-breaking and for
 * sorting outputs: numbers first (numerically), then text by UTF-16 code units (not
 * localeCompare, which differs between runtimes).
 */
export function compareCustomerIds(a: string | number, b: string | number): number {
  if (typeof a === "number") {
    if (typeof b === "number") return a - b;
    return -1;
  }
  if (typeof b === "number") return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** rank[c] = position of customer c when all ids are sorted by compareCustomerIds. */
export function customerIdRanks(customers: readonly (string | number)[]): Int32Array {
  const order = new Int32Array(customers.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((x, y) => compareCustomerIds(customers[x] as string | number, customers[y] as string | number));
  const rank = new Int32Array(customers.length);
  for (let i = 0; i < order.length; i++) rank[order[i] as number] = i;
  return rank;
}
