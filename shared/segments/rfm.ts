import type { DayNumber } from "../cells/dates";
import type { MessageKey } from "../i18n/messages.en";
import { RFM_SEGMENTS, type RfmSegment, type RfmTable, rfmSegment } from "../metrics/rfm";
import { bilingual, type CustomerSegmentation, indexSegments, type SegmentInfo } from "./segmentation";

/** Message-key stem of each RFM segment (names and actions in seg.rfm.*). */
const STEM: Record<RfmSegment, string> = {
  Champions: "champions",
  Loyal: "loyal",
  "Potential Loyalists": "potentialLoyalists",
  New: "new",
  Promising: "promising",
  "Need Attention": "needAttention",
  "About to Sleep": "aboutToSleep",
  "At Risk": "atRisk",
  "Can't Lose": "cantLose",
  Hibernating: "hibernating",
};

/** An RFM segment's name and suggested action (docs/segments.md lists them). */
export function rfmSegmentInfo(segment: RfmSegment): SegmentInfo {
  const stem = STEM[segment];
  return {
    key: segment,
    label: bilingual(`seg.rfm.${stem}` as MessageKey),
    description: null,
    action: bilingual(`seg.rfm.${stem}.action` as MessageKey),
  };
}

/** Per-customer RFM results: from rfmTable in Apps Script or the Worker's /analyze/rfm. */
export interface RfmInput {
  readonly asOf: DayNumber;
  readonly ids: readonly (string | number)[];
  readonly segment: readonly RfmSegment[];
  /** R·100 + F·10 + M, e.g. 545. */
  readonly code: ArrayLike<number>;
  /** Total spend. */
  readonly monetary: ArrayLike<number>;
}

export function rfmSegmentation(input: RfmInput): CustomerSegmentation {
  const { segments, segment } = indexSegments(
    input.ids.length,
    RFM_SEGMENTS,
    (i) => input.segment[i] as RfmSegment,
    (key) => rfmSegmentInfo(key as RfmSegment),
  );
  return {
    method: "rfm",
    asOf: input.asOf,
    segments,
    ids: input.ids,
    segment,
    revenue: input.monetary,
    details: [{ id: "code", header: bilingual("sheet.segments.rfm.code"), values: input.code, digits: 0 }],
    headers: { segment: bilingual("sheet.segments.rfm.segment"), action: bilingual("sheet.segments.rfm.action") },
  };
}

/** The segmentation of an RFM table computed in Apps Script. */
export function rfmSegmentationOfTable(table: RfmTable): CustomerSegmentation {
  const n = table.customers.length;
  const segment: RfmSegment[] = new Array(n);
  for (let c = 0; c < n; c++) segment[c] = rfmSegment(table.r[c] as number, table.f[c] as number);
  return rfmSegmentation({
    asOf: table.asOfDay,
    ids: table.customers,
    segment,
    code: table.score,
    monetary: table.monetary,
  });
}
