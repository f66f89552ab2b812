import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dayFromYmd, isoDay } from "../../shared/cells/dates";
import type { Transactions } from "../../shared/cells/transactions";
import { summarize } from "../../shared/models/summary";
import type { CdnowRow } from "./cdnow";

/**
 * The standard CDNOW sample of the customer-base literature (Fader, Hardie & Lee 2005; BTYD's
 * cdnowElog, lifetimes' cdnow summary): 2,357 of the 23,570 customers of CDNOW_master.txt (a
 * random tenth of the customers who first bought in Q1 1997), 39-week calibration period
 * ending 1997-09-30, 39-week holdout to 1998-06-30. The committed fixture holds one summary
 * line per customer, keyed by CDNOW_master's customer id, so tests run without the full file.
 */
export const CDNOW_SAMPLE_PATH = fileURLToPath(new URL("../../test/shared/fixtures/cdnow-sample.csv", import.meta.url));
export const CDNOW_CALIBRATION_END = dayFromYmd(1997, 9, 30);

export interface CdnowSampleCustomer {
  id: number;
  first: string;
  x: number;
  recencyDays: number;
  ageDays: number;
  /** Total spend on repeat purchase days in the calibration period, in cents. */
  repeatCents: number;
  holdout: number;
}

/** Reads the committed summary table. */
export function readCdnowSample(path = CDNOW_SAMPLE_PATH): CdnowSampleCustomer[] {
  const out: CdnowSampleCustomer[] = [];
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (!/^\d/.test(line)) continue;
    const [id, first, x, recency, age, repeat, holdout] = line.split(",");
    out.push({
      id: Number(id),
      first: first as string,
      x: Number(x),
      recencyDays: Number(recency),
      ageDays: Number(age),
      repeatCents: Math.round(Number(repeat) * 100),
      holdout: Number(holdout),
    });
  }
  return out;
}

/** CDNOW rows as a Transactions list (the shape readTransactions produces). */
export function cdnowTransactions(rows: readonly CdnowRow[]): Transactions {
  const customers: number[] = [];
  const index = new Map<string, number>();
  const customer = new Int32Array(rows.length);
  const day = new Int32Array(rows.length);
  const amount = new Float64Array(rows.length);
  let firstDay = Number.POSITIVE_INFINITY;
  let lastDay = Number.NEGATIVE_INFINITY;
  rows.forEach((row, i) => {
    let c = index.get(row.customerId);
    if (c === undefined) {
      c = customers.length;
      index.set(row.customerId, c);
      customers.push(Number(row.customerId));
    }
    const [y, m, d] = row.date.split("-").map(Number) as [number, number, number];
    customer[i] = c;
    day[i] = dayFromYmd(y, m, d);
    amount[i] = row.amount;
    firstDay = Math.min(firstDay, day[i] as number);
    lastDay = Math.max(lastDay, day[i] as number);
  });
  return { customers, customer, day, amount, length: rows.length, firstDay, lastDay };
}

/** The sample's summary computed from CDNOW_master rows, for the given customer ids. */
export function cdnowSampleFromMaster(rows: readonly CdnowRow[], ids: readonly number[]): CdnowSampleCustomer[] {
  const wanted = new Set(ids.map(String));
  const tx = cdnowTransactions(rows.filter((r) => wanted.has(r.customerId)));
  const s = summarize(tx, { calibrationEnd: CDNOW_CALIBRATION_END, periodDays: 7 });
  const byId = new Map<number, CdnowSampleCustomer>();
  for (let i = 0; i < s.length; i++) {
    const x = s.x[i] as number;
    byId.set(s.ids[i] as number, {
      id: s.ids[i] as number,
      first: isoDay(s.firstDay[i] as number),
      x,
      recencyDays: s.recencyDays[i] as number,
      ageDays: s.ageDays[i] as number,
      repeatCents: Math.round((s.monetary?.[i] as number) * x * 100),
      holdout: s.holdout?.[i] as number,
    });
  }
  return ids.map((id) => byId.get(id) as CdnowSampleCustomer);
}

export function writeCdnowSample(customers: readonly CdnowSampleCustomer[], path = CDNOW_SAMPLE_PATH): void {
  const lines = [
    "# The standard CDNOW sample (2,357 customers; Fader, Hardie & Lee 2005), summarised from CDNOW_master.txt",
    "# by scripts/make-cdnow-sample.ts: calibration to 1997-09-30, holdout to 1998-06-30, one line per customer.",
    "# x = repeat purchase days in calibration, recency/age in days (tx, T), repeat_spend = total spend on",
    "# those days, holdout = purchase days after the calibration end.",
    "id,first,x,recency_days,age_days,repeat_spend,holdout",
    ...customers.map((c) =>
      [c.id, c.first, c.x, c.recencyDays, c.ageDays, (c.repeatCents / 100).toFixed(2), c.holdout].join(","),
    ),
  ];
  writeFileSync(path, `${lines.join("\n")}\n`);
}
