import type { ClvResponse, RfmResponse, SegmentsResponse } from "../api/analysis";
import { parseDay } from "../api/transactionsCsv";
import type { Transactions } from "../cells/transactions";
import { RapportError } from "../errors";
import { clustersSegmentation } from "./clusters";
import { clvSegmentation } from "./clv";
import { customerRevenue } from "./compute";
import { rfmSegmentation } from "./rfm";
import type { CustomerSegmentation } from "./segmentation";

/**
 * Segmentations from the Worker's analysis responses (docs/api.md). The per-customer arrays must
 * all have one entry per customer: a response that does not is refused rather than misaligned.
 */

function day(iso: string): number {
  const d = parseDay(iso);
  if (d === null) throw new RapportError("worker.badResponse", { url: "" });
  return d;
}

function sameLength(n: number, ...columns: (ArrayLike<unknown> | undefined)[]): void {
  for (const column of columns) {
    if (!column || column.length !== n) throw new RapportError("worker.badResponse", { url: "" });
  }
}

export function rfmFromResponse(response: RfmResponse): CustomerSegmentation {
  const c = response.customers;
  if (!c) throw new RapportError("worker.badResponse", { url: "" });
  sameLength(c.customer.length, c.segment, c.rfm_score, c.monetary);
  return rfmSegmentation({
    asOf: day(response.asOf),
    ids: c.customer,
    segment: c.segment,
    code: c.rfm_score,
    monetary: c.monetary,
  });
}

/** Revenue per customer comes from the transactions the add-on sent (the response has predictions only). */
export function clvFromResponse(response: ClvResponse, tx: Transactions): CustomerSegmentation {
  const c = response.customers;
  if (!c?.clv) throw new RapportError("worker.badResponse", { url: "" });
  sameLength(c.id.length, c.pAlive, c.expectedPurchases, c.clv);
  return clvSegmentation({
    asOf: day(response.summary.calibrationEnd),
    ids: c.id,
    pAlive: c.pAlive,
    expectedPurchases: c.expectedPurchases,
    clv: c.clv,
    revenue: customerRevenue(tx, c.id),
  });
}

export function clustersFromResponse(response: SegmentsResponse, tx: Transactions): CustomerSegmentation {
  const c = response.customers;
  if (!c) throw new RapportError("worker.badResponse", { url: "" });
  sameLength(c.id.length, c.segment);
  return clustersSegmentation({
    asOf: day(response.asOf),
    profiles: response.profiles,
    ids: c.id,
    segment: c.segment,
    revenue: customerRevenue(tx, c.id),
  });
}
