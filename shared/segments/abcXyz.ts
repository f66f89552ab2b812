import type { DayNumber } from "../cells/dates";
import type { MessageKey } from "../i18n/messages.en";
import type { AbcXyzTable } from "../metrics/abcXyz";
import { bilingual, type CustomerSegmentation, indexSegments, type SegmentInfo } from "./segmentation";

/** Classes best first: A before B before C; within a letter steady (X) before irregular (Z), then no XYZ. */
export const ABC_XYZ_CLASSES = ["AX", "AY", "AZ", "A", "BX", "BY", "BZ", "B", "CX", "CY", "CZ", "C"] as const;

/** A class's code (written in the sheet), description and suggested action (docs/segments.md). */
export function abcXyzSegmentInfo(code: string): SegmentInfo {
  return {
    key: code,
    label: { en: code, ru: code },
    description: bilingual(`seg.abc.${code}` as MessageKey),
    action: bilingual(`seg.abc.${code}.action` as MessageKey),
  };
}

/** ABC/XYZ classes of every client (computed in Apps Script: the method is linear in the rows). */
export function abcXyzSegmentation(table: AbcXyzTable, asOf: DayNumber): CustomerSegmentation {
  const { segments, segment } = indexSegments(
    table.customers.length,
    ABC_XYZ_CLASSES,
    (c) => (table.abc[c] as string) + (table.xyz[c] ?? ""),
    abcXyzSegmentInfo,
  );
  return {
    method: "abcXyz",
    asOf,
    segments,
    ids: table.customers,
    segment,
    revenue: table.revenue,
    details: [],
    headers: {
      segment: bilingual("sheet.segments.abcXyz.segment"),
      action: bilingual("sheet.segments.abcXyz.action"),
    },
  };
}
