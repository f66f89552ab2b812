import type { DayNumber } from "../cells/dates";
import type { MessageKey } from "../i18n/messages.en";
import { compareCustomerIds } from "../metrics/customerOrder";
import { bilingual, type CustomerSegmentation, indexSegments, type SegmentInfo } from "./segmentation";

/**
 * CLV tiers (docs/segments.md): a client whose probability of still being active is below
 * LOST_P_ALIVE is "lost" whatever the model expects; the others are ranked by predicted CLV
 * (ties by id) and the top HIGH_SHARE of them are "high", the next MEDIUM_SHARE "medium", the
 * rest "low".
 */
export const LOST_P_ALIVE = 0.25;
export const HIGH_SHARE = 0.2;
export const MEDIUM_SHARE = 0.3;

export type ClvTier = "high" | "medium" | "low" | "lost";
export const CLV_TIERS: readonly ClvTier[] = ["high", "medium", "low", "lost"];

export function clvTierInfo(tier: ClvTier): SegmentInfo {
  return {
    key: tier,
    label: bilingual(`seg.clv.${tier}` as MessageKey),
    description: null,
    action: bilingual(`seg.clv.${tier}.action` as MessageKey),
  };
}

/** The tier of each customer (see above). */
export function clvTiers(
  ids: readonly (string | number)[],
  pAlive: ArrayLike<number>,
  clv: ArrayLike<number>,
): ClvTier[] {
  const n = ids.length;
  const tiers: ClvTier[] = new Array(n);
  const alive: number[] = [];
  for (let i = 0; i < n; i++) {
    if ((pAlive[i] as number) < LOST_P_ALIVE) tiers[i] = "lost";
    else alive.push(i);
  }
  alive.sort(
    (a, b) =>
      (clv[b] as number) - (clv[a] as number) ||
      compareCustomerIds(ids[a] as string | number, ids[b] as string | number),
  );
  const m = alive.length;
  alive.forEach((i, k) => {
    tiers[i] = k < HIGH_SHARE * m ? "high" : k < (HIGH_SHARE + MEDIUM_SHARE) * m ? "medium" : "low";
  });
  return tiers;
}

/** Per-customer predictions: from analyzeClv in Apps Script or the Worker's /analyze/clv. */
export interface ClvPredictions {
  readonly asOf: DayNumber;
  readonly ids: readonly (string | number)[];
  readonly pAlive: ArrayLike<number>;
  readonly expectedPurchases: ArrayLike<number>;
  readonly clv: ArrayLike<number>;
  /** Total spend so far. */
  readonly revenue: ArrayLike<number>;
}

export function clvSegmentation(input: ClvPredictions): CustomerSegmentation {
  const tiers = clvTiers(input.ids, input.pAlive, input.clv);
  const { segments, segment } = indexSegments(
    input.ids.length,
    CLV_TIERS,
    (i) => tiers[i] as ClvTier,
    (key) => clvTierInfo(key as ClvTier),
  );
  return {
    method: "clv",
    asOf: input.asOf,
    segments,
    ids: input.ids,
    segment,
    revenue: input.revenue,
    details: [
      { id: "pAlive", header: bilingual("sheet.segments.clv.pAlive"), values: input.pAlive, digits: 3 },
      {
        id: "expectedPurchases",
        header: bilingual("sheet.segments.clv.purchases"),
        values: input.expectedPurchases,
        digits: 2,
      },
      { id: "clv", header: bilingual("sheet.segments.clv.clv"), values: input.clv, digits: 2 },
    ],
    headers: { segment: bilingual("sheet.segments.clv.segment"), action: bilingual("sheet.segments.clv.action") },
  };
}
