/**
 * Orders of customers that do not depend on row order: equal values are ordered by customer id.
 * These sorts run on up to a million customers, so they avoid comparator sorts: values become
 * whole-number keys (a value's rank among the distinct values) and customers are placed by
 * stable counting sorts, O(n) after one native numeric sort of the values.
 */

/**
 * The order of customer ids: numbers first (numerically), then text by UTF-16 code units (not
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

/** Number of entries of ascending `sorted` strictly below `value`. */
export function countBelow(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Number of entries of ascending `sorted` strictly above `value`. */
export function countAbove(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= value) lo = mid + 1;
    else hi = mid;
  }
  return sorted.length - lo;
}

/** Customers in id order: `byId[k]` is the customer whose id sorts k-th (compareCustomerIds). */
export function customersById(customers: readonly (string | number)[]): Int32Array {
  const n = customers.length;
  let numbers = 0;
  for (let c = 0; c < n; c++) if (typeof customers[c] === "number") numbers++;
  // Numeric ids (the common case): one native sort of the values; ids are distinct, so a value's
  // count of smaller values is its position.
  const sortedNumbers = new Float64Array(numbers);
  const texts: number[] = [];
  let k = 0;
  for (let c = 0; c < n; c++) {
    const id = customers[c] as string | number;
    if (typeof id === "number") sortedNumbers[k++] = id;
    else texts.push(c);
  }
  sortedNumbers.sort();
  const byId = new Int32Array(n);
  for (let c = 0; c < n; c++) {
    const id = customers[c] as string | number;
    if (typeof id === "number") byId[countBelow(sortedNumbers, id)] = c;
  }
  texts.sort((a, b) => compareCustomerIds(customers[a] as string, customers[b] as string));
  for (let i = 0; i < texts.length; i++) byId[numbers + i] = texts[i] as number;
  return byId;
}

/**
 * Stable counting sort: the customers of `base`, in order of `keys[c]` (whole numbers from 0 to
 * `maxKey`), keeping `base`'s order between equal keys.
 */
export function orderByKey(keys: ArrayLike<number>, maxKey: number, base: Int32Array): Int32Array {
  const n = base.length;
  const order = new Int32Array(n);
  if (maxKey > 4 * n + 1024) {
    // Sparse keys (few customers spread over a wide range): sort packed (key, position) pairs.
    const packed = new Float64Array(n);
    for (let p = 0; p < n; p++) packed[p] = (keys[base[p] as number] as number) * n + p;
    packed.sort();
    for (let p = 0; p < n; p++) order[p] = base[(packed[p] as number) % n] as number;
    return order;
  }
  const start = new Int32Array(maxKey + 2);
  for (let p = 0; p < n; p++) (start[(keys[base[p] as number] as number) + 1] as number)++;
  for (let k = 0; k <= maxKey; k++) start[k + 1] = (start[k + 1] as number) + (start[k] as number);
  for (let p = 0; p < n; p++) {
    const c = base[p] as number;
    order[(start[keys[c] as number] as number)++] = c;
  }
  return order;
}

/**
 * Ranks of values among all values, as whole-number keys for orderByKey: `below[c]` counts
 * values smaller than customer c's, `above[c]` values larger. One native sort.
 */
export function valueRanks(values: ArrayLike<number>): { below: Int32Array; above: Int32Array } {
  const n = values.length;
  const sorted = Float64Array.from(values).sort();
  const below = new Int32Array(n);
  const above = new Int32Array(n);
  for (let c = 0; c < n; c++) {
    below[c] = countBelow(sorted, values[c] as number);
    above[c] = countAbove(sorted, values[c] as number);
  }
  return { below, above };
}

/** Customers by `values` ascending, equal values in `byId` order. */
export function orderAscending(values: ArrayLike<number>, byId: Int32Array): Int32Array {
  return orderByKey(valueRanks(values).below, values.length, byId);
}

/** Customers by `values` descending, equal values in `byId` order. */
export function orderDescending(values: ArrayLike<number>, byId: Int32Array): Int32Array {
  return orderByKey(valueRanks(values).above, values.length, byId);
}
