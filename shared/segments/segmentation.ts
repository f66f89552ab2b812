import type { DayNumber } from "../cells/dates";
import type { Locale } from "../i18n/locale";
import type { MessageKey, MessageParams } from "../i18n/messages.en";
import { t } from "../i18n/translate";

/**
 * A segmentation of customers as the Segments sidebar writes it: one segment per customer, each
 * segment with a name and a suggested action in English and Russian, optional figures per
 * customer (RFM code, P(alive), CLV…), and each customer's revenue for the summary. The four
 * methods (rfm.ts, abcXyz.ts, clv.ts, clusters.ts in this folder) build this same shape from
 * plain per-customer arrays, whether those were computed in Apps Script or by the Worker.
 */

export type SegmentMethod = "rfm" | "abcXyz" | "clv" | "clusters";
export const SEGMENT_METHODS: readonly SegmentMethod[] = ["rfm", "abcXyz", "clv", "clusters"];

export function isSegmentMethod(value: unknown): value is SegmentMethod {
  return typeof value === "string" && (SEGMENT_METHODS as readonly string[]).includes(value);
}

/** A text in both languages: plain JSON, so it crosses google.script.run and can be cached. */
export interface Bilingual {
  en: string;
  ru: string;
}

export function bilingual(key: MessageKey, params?: MessageParams): Bilingual {
  return { en: t("en", key, params), ru: t("ru", key, params) };
}

export interface SegmentInfo {
  /** Stable id: "Champions", "AX", "high", "0" (a cluster), "none". */
  readonly key: string;
  /** What is written in the segment column. */
  readonly label: Bilingual;
  /** A longer description for the sidebar, when the label is a code (ABC/XYZ). */
  readonly description: Bilingual | null;
  readonly action: Bilingual;
}

/** The pseudo-segment of client-list rows whose id has no purchase: not in any method's result. */
export const NO_PURCHASES: SegmentInfo = {
  key: "none",
  label: bilingual("seg.none"),
  description: null,
  action: bilingual("seg.none.action"),
};

/** A figure per customer written beside the segment (numbers are rounded as written). */
export interface DetailColumn {
  readonly id: string;
  readonly header: Bilingual;
  readonly values: ArrayLike<number>;
  /** Decimals kept in the sheet. */
  readonly digits: number;
}

export interface CustomerSegmentation {
  readonly method: SegmentMethod;
  readonly asOf: DayNumber;
  /** Segments present, in display order (best first). */
  readonly segments: readonly SegmentInfo[];
  /** Per customer: the id (as the sheets key it, see clientKey). */
  readonly ids: readonly (string | number)[];
  /** Per customer: index into `segments`. */
  readonly segment: Int32Array;
  /** Per customer: total spend, for the summary's revenue shares. */
  readonly revenue: ArrayLike<number>;
  /** Figures written before the segment column. */
  readonly details: readonly DetailColumn[];
  /** Headers of the segment and action columns. */
  readonly headers: { readonly segment: Bilingual; readonly action: Bilingual };
}

/** A segment's text in one language. */
export function inLocale(text: Bilingual, locale: Locale): string {
  return locale === "ru" ? text.ru : text.en;
}

/**
 * Numbers every customer's segment by its position in `order` (keys in display order), keeping
 * only the segments someone is in. `keyOf(i)` is customer i's segment key.
 */
export function indexSegments(
  n: number,
  order: readonly string[],
  keyOf: (i: number) => string,
  info: (key: string) => SegmentInfo,
): { segments: SegmentInfo[]; segment: Int32Array } {
  const rank = new Map<string, number>();
  order.forEach((key, r) => {
    rank.set(key, r);
  });
  const raw = new Int32Array(n);
  const used = new Uint8Array(order.length);
  for (let i = 0; i < n; i++) {
    const key = keyOf(i);
    const r = rank.get(key);
    if (r === undefined) throw new Error(`segment ${key} is not in the order`);
    raw[i] = r;
    used[r] = 1;
  }
  const position = new Int32Array(order.length).fill(-1);
  const segments: SegmentInfo[] = [];
  for (let r = 0; r < order.length; r++) {
    if (!used[r]) continue;
    position[r] = segments.length;
    segments.push(info(order[r] as string));
  }
  const segment = new Int32Array(n);
  for (let i = 0; i < n; i++) segment[i] = position[raw[i] as number] as number;
  return { segments, segment };
}
