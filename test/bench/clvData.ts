/** Inputs for the CLV benchmarks: the CDNOW sample and simulated customer bases. */
import { CDNOW_FULL_PATH, hasFullCdnow, readCdnow } from "../../scripts/lib/cdnow";
import { CDNOW_CALIBRATION_END, cdnowTransactions, readCdnowSample } from "../../scripts/lib/cdnowSample";
import { dayFromYmd, isoDay } from "../../shared/cells/dates";
import type { Transactions } from "../../shared/cells/transactions";
import { type CustomerSummary, summarize } from "../../shared/models/summary";
import { Random, simulateCustomer } from "../shared/models/simulate";

/**
 * The CDNOW sample's calibration summary: from CDNOW_master.txt when it is beside the project
 * (transactions of the 2,357 sample customers, summarised), else from the committed fixture.
 */
export function cdnowSampleSummary(): { summary: CustomerSummary; source: string } {
  const sample = readCdnowSample();
  if (hasFullCdnow()) {
    const ids = new Set(sample.map((c) => String(c.id)));
    const tx = cdnowTransactions(readCdnow(CDNOW_FULL_PATH).filter((r) => ids.has(r.customerId)));
    return {
      summary: summarize(tx, { calibrationEnd: CDNOW_CALIBRATION_END, periodDays: 7 }),
      source: "CDNOW_master.txt",
    };
  }
  const n = sample.length;
  const summary: CustomerSummary = {
    ids: sample.map((c) => c.id),
    x: Int32Array.from(sample, (c) => c.x),
    recencyDays: Int32Array.from(sample, (c) => c.recencyDays),
    ageDays: Int32Array.from(sample, (c) => c.ageDays),
    firstDay: Int32Array.from(sample, (c) => CDNOW_CALIBRATION_END - c.ageDays),
    monetary: Float64Array.from(sample, (c) => (c.x > 0 ? c.repeatCents / 100 / c.x : 0)),
    revenue: null,
    holdout: null,
    calibrationEnd: CDNOW_CALIBRATION_END,
    holdoutEnd: null,
    periodDays: 7,
    length: n,
  };
  return { summary, source: "committed fixture" };
}

/**
 * n simulated customers (BG/NBD with CDNOW's parameters, Gamma-Gamma spend), first purchases
 * spread over 12 weeks from 2023-01-01, observed for 39 weeks; rows grouped by customer, ids
 * 1…n ascending (as an export sorted by customer would send them).
 */
export function simulatedBase(n: number, seed = 1): Transactions {
  const random = new Random(seed);
  const start = dayFromYmd(2023, 1, 1);
  const end = start + 273;
  let capacity = Math.ceil(n * 2.5);
  let customer = new Int32Array(capacity);
  let day = new Int32Array(capacity);
  let amount = new Float64Array(capacity);
  let rows = 0;
  const push = (c: number, d: number, a: number) => {
    if (rows === capacity) {
      capacity *= 2;
      const grow = <T extends Int32Array | Float64Array>(old: T, make: (k: number) => T) => {
        const next = make(capacity);
        next.set(old);
        return next;
      };
      customer = grow(customer, (k) => new Int32Array(k));
      day = grow(day, (k) => new Int32Array(k));
      amount = grow(amount, (k) => new Float64Array(k));
    }
    customer[rows] = c;
    day[rows] = d;
    amount[rows] = a;
    rows++;
  };
  for (let c = 0; c < n; c++) {
    const first = start + Math.floor(random.next() * 84);
    const nu = random.gamma(3.74, 15.44);
    push(c, first, Math.round(random.gamma(6.25, nu) * 100) / 100);
    for (const t of simulateCustomer("bgnbd", [0.243, 4.414, 0.793, 2.426], (end - first) / 7, random)) {
      push(c, first + Math.floor(t * 7), Math.round(random.gamma(6.25, nu) * 100) / 100);
    }
  }
  return {
    customers: Array.from({ length: n }, (_, i) => i + 1),
    customer: customer.slice(0, rows),
    day: day.slice(0, rows),
    amount: amount.slice(0, rows),
    length: rows,
    firstDay: start,
    lastDay: end,
  };
}

/** The transactions as the analysis API's CSV body (dates as day numbers: the compact form). */
export function asCsv(tx: Transactions): string {
  const lines: string[] = new Array(tx.length + 1);
  lines[0] = "customer,date,amount";
  for (let i = 0; i < tx.length; i++) {
    lines[i + 1] = `${tx.customers[tx.customer[i] as number]},${tx.day[i]},${(tx.amount as Float64Array)[i]}`;
  }
  return `${lines.join("\n")}\n`;
}

export { isoDay };
