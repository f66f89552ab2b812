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

/** Customers in id order: `byId[k]` is the customer whose id sorts k-th (compareCustomerIds). */
export function customersById(customers: readonly (string | number)[]): Int32Array {
  const n = customers.length;
  let numbers = 0;
  let wholeNumbers = 0;
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < n; c++) {
    const id = customers[c];
    if (typeof id !== "number") continue;
    numbers++;
    if (Number.isInteger(id)) wholeNumbers++;
    if (id < low) low = id;
    if (id > high) high = id;
  }
  const byId = new Int32Array(n);
  if (numbers > 0 && wholeNumbers === numbers && high - low <= 8 * n + 65_536) {
    // Whole-number ids in a compact range (the usual case): place them by value, O(n + range).
    const slot = new Int32Array(high - low + 1).fill(-1);
    for (let c = 0; c < n; c++) {
      const id = customers[c];
      if (typeof id === "number") slot[id - low] = c;
    }
    let k = 0;
    for (let v = 0; v < slot.length; v++) if ((slot[v] as number) >= 0) byId[k++] = slot[v] as number;
  } else {
    // Otherwise one native sort of the values; ids are distinct, so a value's count of smaller
    // values is its position.
    const sortedNumbers = new Float64Array(numbers);
    let k = 0;
    for (let c = 0; c < n; c++) {
      const id = customers[c];
      if (typeof id === "number") sortedNumbers[k++] = id;
    }
    sortedNumbers.sort();
    for (let c = 0; c < n; c++) {
      const id = customers[c];
      if (typeof id === "number") byId[countBelow(sortedNumbers, id)] = c;
    }
  }
  const texts: number[] = [];
  for (let c = 0; c < n; c++) if (typeof customers[c] !== "number") texts.push(c);
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

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Indexes of `values` in ascending order, by an LSD radix sort of the numbers' bits (four passes
 * of 16 bits): O(n), no comparisons. Doubles are mapped to unsigned integers that sort like the
 * numbers (sign bit flipped for positives, all bits for negatives); 0 and −0 are the same.
 */
export function ascendingIndexes(values: ArrayLike<number>): Int32Array {
  const n = values.length;
  const cell = new Float64Array(1);
  const words = new Uint32Array(cell.buffer);
  const [loWord, hiWord] = LITTLE_ENDIAN ? [0, 1] : [1, 0];
  let hi = new Uint32Array(n);
  let lo = new Uint32Array(n);
  let index = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    cell[0] = v === 0 ? 0 : v;
    let h = words[hiWord] as number;
    let l = words[loWord] as number;
    if (h >= 0x80000000) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else {
      h = (h | 0x80000000) >>> 0;
    }
    hi[i] = h;
    lo[i] = l;
    index[i] = i;
  }
  let hiNext = new Uint32Array(n);
  let loNext = new Uint32Array(n);
  let indexNext = new Int32Array(n);
  const counts = new Int32Array(65_537);
  for (let pass = 0; pass < 4; pass++) {
    const keys = pass < 2 ? lo : hi;
    const shift = pass % 2 === 0 ? 0 : 16;
    counts.fill(0);
    for (let i = 0; i < n; i++) (counts[(((keys[i] as number) >>> shift) & 0xffff) + 1] as number)++;
    if (counts[((((keys[0] ?? 0) as number) >>> shift) & 0xffff) + 1] === n) continue; // one digit: nothing to move
    for (let d = 0; d < 65_536; d++) counts[d + 1] = (counts[d + 1] as number) + (counts[d] as number);
    for (let i = 0; i < n; i++) {
      const slot = (counts[((keys[i] as number) >>> shift) & 0xffff] as number)++;
      hiNext[slot] = hi[i] as number;
      loNext[slot] = lo[i] as number;
      indexNext[slot] = index[i] as number;
    }
    [hi, hiNext] = [hiNext, hi];
    [lo, loNext] = [loNext, lo];
    [index, indexNext] = [indexNext, index];
  }
  return index;
}

/**
 * Ranks of values among all values, as whole-number keys for orderByKey: `below[c]` counts
 * values smaller than customer c's, `above[c]` values larger. Linear: a radix sort, then one walk
 * through the groups of equal values.
 */
export function valueRanks(values: ArrayLike<number>): { below: Int32Array; above: Int32Array } {
  const n = values.length;
  const order = ascendingIndexes(values);
  const below = new Int32Array(n);
  const above = new Int32Array(n);
  let groupStart = 0;
  for (let p = 1; p <= n; p++) {
    if (p < n && (values[order[p] as number] as number) === (values[order[p - 1] as number] as number)) continue;
    for (let q = groupStart; q < p; q++) {
      const c = order[q] as number;
      below[c] = groupStart;
      above[c] = n - p;
    }
    groupStart = p;
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
