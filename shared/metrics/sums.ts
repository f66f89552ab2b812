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
