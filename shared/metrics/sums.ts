/**
 * Sum of `values[from]` … `values[to − 1]` with Neumaier's compensation: money totals come out as
 * 2411.53, not 2411.5299999999997, and do not drift with the order of the rows.
 */
export function compensatedSum(values: ArrayLike<number>, from = 0, to = values.length): number {
  let sum = 0;
  let compensation = 0;
  for (let k = from; k < to; k++) {
    const v = values[k] as number;
    const t = sum + v;
    compensation += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  return sum + compensation;
}

/**
 * A money total as totals are compared: to 12 significant digits, so totals equal to the cent are
 * equal whatever the binary rounding of their parts (0.07 + 0.04 is 0.11000000000000001 in
 * floating point, and must tie with a single 0.11).
 */
export function moneyKey(total: number): number {
  return Number(total.toPrecision(12));
}
