import type { Transactions } from "../cells/transactions";
import type { Cell } from "../cells/values";
import { abcXyzTable } from "../metrics/abcXyz";
import { rfmTable } from "../metrics/rfm";
import { compensatedSum } from "../metrics/sums";
import { analyzeClv } from "../models/analysis";
import { segmentCustomers } from "../models/clustering";
import type { PurchaseModelName } from "../models/purchaseModel";
import { abcXyzSegmentation } from "./abcXyz";
import { matchKey } from "./align";
import { clustersSegmentation } from "./clusters";
import { clvSegmentation } from "./clv";
import { rfmSegmentationOfTable } from "./rfm";
import type { CustomerSegmentation, SegmentMethod } from "./segmentation";

/** Months of the CLV horizon and monthly discount the sidebar uses (CLV_PREDICT's defaults). */
export const CLV_HORIZON_MONTHS = 12;
/**
 * The purchase model of the sidebars (Segments' CLV columns and summary, the Client card): MBG/NBD.
 * BG/NBD lets a client drop out only after a repeat purchase, so a client who bought once, long
 * ago, gets P(alive) = 100 % beside "Hibernating"; MBG/NBD lets them drop out after the first
 * purchase too, so their P(alive) falls with time as a person expects. Formulas keep BG/NBD as
 * their default (it is what the literature's tables use) and take `model` to choose.
 */
export const SIDEBAR_PURCHASE_MODEL: PurchaseModelName = "mbgnbd";
export const CLV_MONTHLY_DISCOUNT = 0.01;

/**
 * Segments a transaction list in the process that read it (Apps Script for small data): the
 * same engine as the RFM, ABC_XYZ and CLV_PREDICT formulas and the Worker's analysis routes.
 */
export function segmentLocally(method: SegmentMethod, tx: Transactions): CustomerSegmentation {
  switch (method) {
    case "rfm":
      return rfmSegmentationOfTable(rfmTable(tx));
    case "abcXyz":
      return abcXyzSegmentation(abcXyzTable(tx), tx.lastDay);
    case "clv": {
      const result = analyzeClv(tx, {
        model: SIDEBAR_PURCHASE_MODEL,
        predictions: true,
        horizonMonths: CLV_HORIZON_MONTHS,
        monthlyDiscount: CLV_MONTHLY_DISCOUNT,
      });
      const predictions = result.predictions as NonNullable<typeof result.predictions>;
      return clvSegmentation({
        asOf: result.summary.calibrationEnd,
        ids: result.summary.ids,
        pAlive: predictions.pAlive,
        expectedPurchases: predictions.expectedPurchases,
        clv: predictions.clv,
        revenue: result.summary.revenue as Float64Array,
      });
    }
    case "clusters": {
      const result = segmentCustomers(tx);
      return clustersSegmentation({
        asOf: result.asOf,
        profiles: result.profiles,
        ids: result.customers,
        segment: result.segment,
        revenue: customerRevenue(tx, result.customers),
      });
    }
  }
}

/** Total spend of each of `ids` in the transactions (0 for an id without purchases or without amounts). */
export function customerRevenue(tx: Transactions, ids: readonly (string | number)[]): Float64Array {
  const out = new Float64Array(ids.length);
  const amount = tx.amount;
  if (!amount) return out;
  // Rows grouped per customer (a counting sort), then a compensated sum per customer.
  const start = new Int32Array(tx.customers.length + 1);
  for (let i = 0; i < tx.length; i++) (start[(tx.customer[i] as number) + 1] as number)++;
  for (let c = 0; c < tx.customers.length; c++) start[c + 1] = (start[c + 1] as number) + (start[c] as number);
  const fill = start.slice(0, tx.customers.length);
  const grouped = new Float64Array(tx.length);
  for (let i = 0; i < tx.length; i++) grouped[(fill[tx.customer[i] as number] as number)++] = amount[i] as number;
  const byKey = new Map<string, number>();
  tx.customers.forEach((id, c) => {
    byKey.set(String(id), c);
  });
  for (let i = 0; i < ids.length; i++) {
    const key = matchKey(ids[i] as Cell);
    const c = key === null ? undefined : byKey.get(key);
    if (c !== undefined) out[i] = compensatedSum(grouped, start[c] as number, start[c + 1] as number);
  }
  return out;
}
