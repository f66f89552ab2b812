import { dateReading } from "../../shared/cells/dates";
import { readTransactions, type Transactions } from "../../shared/cells/transactions";

export const utc = dateReading("UTC", "en_US");

/** Transactions from [id, "YYYY-MM-DD", amount] rows, read as a formula would read them. */
export function txOf(rows: readonly (readonly [string | number, string, number?])[]): Transactions {
  const withAmounts = rows.some((r) => r[2] !== undefined);
  return readTransactions(
    {
      customerIds: rows.map((r) => [r[0]]),
      dates: rows.map((r) => [r[1]]),
      amounts: withAmounts ? rows.map((r) => [r[2] ?? 0]) : undefined,
    },
    utc,
  );
}

/** Day number of an ISO date, computed with Date.UTC (independent of shared/metrics/periods). */
export const dayOf = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);

/** ISO date of a day number. */
export const isoOf = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
