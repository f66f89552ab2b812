import type { DayNumber } from "../cells/dates";
import type { MessageKey } from "../i18n/messages.en";
import type { FrequencyLevel, RecencyLevel, SpendLevel } from "../models/clustering";
import { bilingual, type CustomerSegmentation, type SegmentInfo } from "./segmentation";

export type ClusterAction = "champions" | "growing" | "newcomers" | "atRisk" | "cooling" | "winBack" | "lost";

/**
 * The suggested action of a behavioural cluster, from its profile's levels (docs/segments.md):
 *   recent  + frequent → champions · recent + occasional → growing · recent + one-time → newcomers
 *   lapsing + frequent → atRisk    · lapsing + other → cooling
 *   lapsed  + frequent or high spend → winBack · lapsed + other → lost
 */
export function clusterAction(levels: {
  recency: RecencyLevel;
  frequency: FrequencyLevel;
  spend: SpendLevel | null;
}): ClusterAction {
  if (levels.recency === "recent") {
    return levels.frequency === "frequent" ? "champions" : levels.frequency === "occasional" ? "growing" : "newcomers";
  }
  if (levels.recency === "lapsing") return levels.frequency === "frequent" ? "atRisk" : "cooling";
  return levels.frequency === "frequent" || levels.spend === "high" ? "winBack" : "lost";
}

/** What the sidebar needs of a cluster profile (shared/models/clustering.ts or the /segments response). */
export interface ClusterProfile {
  readonly segment: number;
  readonly levels: { recency: RecencyLevel; frequency: FrequencyLevel; spend: SpendLevel | null };
  readonly label: { en: string; ru: string };
}

export function clusterInfo(profile: ClusterProfile): SegmentInfo {
  return {
    key: String(profile.segment),
    label: { en: profile.label.en, ru: profile.label.ru },
    description: null,
    action: bilingual(`seg.cluster.${clusterAction(profile.levels)}.action` as MessageKey),
  };
}

/** Per-customer clusters: from segmentCustomers in Apps Script or the Worker's /analyze/segments. */
export interface ClustersInput {
  readonly asOf: DayNumber;
  /** Profiles ordered by `segment` (0 = most valuable), as both sources give them. */
  readonly profiles: readonly ClusterProfile[];
  readonly ids: readonly (string | number)[];
  /** Per customer: the profile's `segment`. */
  readonly segment: ArrayLike<number>;
  readonly revenue: ArrayLike<number>;
}

export function clustersSegmentation(input: ClustersInput): CustomerSegmentation {
  const n = input.ids.length;
  const position = new Map<number, number>();
  input.profiles.forEach((p, i) => {
    position.set(p.segment, i);
  });
  const segment = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const at = position.get(input.segment[i] as number);
    if (at === undefined) throw new Error(`customer ${i} is in an unknown cluster ${input.segment[i]}`);
    segment[i] = at;
  }
  return {
    method: "clusters",
    asOf: input.asOf,
    segments: input.profiles.map(clusterInfo),
    ids: input.ids,
    segment,
    revenue: input.revenue,
    details: [],
    headers: {
      segment: bilingual("sheet.segments.clusters.segment"),
      action: bilingual("sheet.segments.clusters.action"),
    },
  };
}
