import { clientKey } from "../cells/clientId";
import { type Cell, isErrorCell } from "../cells/values";
import type { Locale } from "../i18n/locale";
import { type Bilingual, type CustomerSegmentation, inLocale, NO_PURCHASES } from "./segmentation";

/**
 * The key two ids are matched by: clientKey's (so "17", 17 and "17.0" are one client) as text,
 * so that an id that went through the analysis API's CSV comes back equal even when the sheet
 * held it as an unusual number (12.5, 10000000000000000) and the API reads it as text.
 */
export function matchKey(cell: Cell): string | null {
  const key = clientKey(cell);
  return key === null ? null : String(key);
}

/** A client-list row with no id (blank or an error cell): nothing is written there. */
export const BLANK_ROW = -2;
/** A client-list row whose id has no purchase in the segmentation. */
export const NO_PURCHASE_ROW = -1;

export interface Alignment {
  /** Per client-list row: the customer index in the segmentation, NO_PURCHASE_ROW or BLANK_ROW. */
  readonly rows: Int32Array;
  readonly matched: number;
  readonly withoutPurchases: number;
  readonly blank: number;
  /** Customers of the segmentation whose id is in no row of the client list. */
  readonly notInList: number;
}

/**
 * Matches the client list to the segmented customers by id, never by position: "17", 17 and
 * "17.0" are the same client (clientKey), a client listed twice gets the same result twice.
 */
export function alignToClients(clientIds: readonly Cell[], resultIds: readonly (string | number)[]): Alignment {
  const index = new Map<string, number>();
  for (let i = 0; i < resultIds.length; i++) {
    const key = matchKey(resultIds[i] as Cell);
    if (key !== null && !index.has(key)) index.set(key, i);
  }
  const rows = new Int32Array(clientIds.length);
  const seen = new Uint8Array(resultIds.length);
  let matched = 0;
  let withoutPurchases = 0;
  let blank = 0;
  let listed = 0;
  for (let r = 0; r < clientIds.length; r++) {
    const cell = clientIds[r] as Cell;
    const key = isErrorCell(cell) ? null : matchKey(cell);
    if (key === null) {
      rows[r] = BLANK_ROW;
      blank++;
      continue;
    }
    const i = index.get(key);
    if (i === undefined) {
      rows[r] = NO_PURCHASE_ROW;
      withoutPurchases++;
      continue;
    }
    rows[r] = i;
    matched++;
    if (!seen[i]) {
      seen[i] = 1;
      listed++;
    }
  }
  return { rows, matched, withoutPurchases, blank, notInList: resultIds.length - listed };
}

/** The headers of the columns a segmentation writes: its figures, the segment, the action. */
export function outputHeaders(seg: CustomerSegmentation): Bilingual[] {
  return [...seg.details.map((d) => d.header), seg.headers.segment, seg.headers.action];
}

const rounded = (value: number, digits: number) => {
  const f = 10 ** digits;
  const r = Math.round(value * f) / f;
  return Number.isFinite(r) ? r : "";
};

/** The cells of each client-list row, in the order of outputHeaders(), texts in `locale`. */
export function outputRows(seg: CustomerSegmentation, alignment: Alignment, locale: Locale): Cell[][] {
  const width = seg.details.length + 2;
  const labels = seg.segments.map((s) => inLocale(s.label, locale));
  const actions = seg.segments.map((s) => inLocale(s.action, locale));
  const none = [inLocale(NO_PURCHASES.label, locale), inLocale(NO_PURCHASES.action, locale)];
  const out: Cell[][] = new Array(alignment.rows.length);
  for (let r = 0; r < out.length; r++) {
    const i = alignment.rows[r] as number;
    const row: Cell[] = new Array(width).fill("");
    if (i === NO_PURCHASE_ROW) {
      row[width - 2] = none[0] as string;
      row[width - 1] = none[1] as string;
    } else if (i >= 0) {
      seg.details.forEach((d, j) => {
        row[j] = rounded(d.values[i] as number, d.digits);
      });
      const s = seg.segment[i] as number;
      row[width - 2] = labels[s] as string;
      row[width - 1] = actions[s] as string;
    }
    out[r] = row;
  }
  return out;
}

/**
 * Where each output column goes in the client list (1-based): a column whose header already
 * names it, in English or Russian (case and surrounding spaces ignored), is reused so that a
 * re-run updates the same columns; the others are appended after the last used column.
 */
export function placeColumns(header: readonly Cell[], headers: readonly Bilingual[], lastColumn: number): number[] {
  const found = new Map<string, number>();
  header.forEach((cell, c) => {
    const text = String(cell ?? "")
      .trim()
      .toLowerCase();
    if (text && !found.has(text)) found.set(text, c + 1);
  });
  let next = Math.max(lastColumn, header.length);
  const taken = new Set<number>();
  return headers.map((h) => {
    const at = found.get(h.en.trim().toLowerCase()) ?? found.get(h.ru.trim().toLowerCase());
    if (at !== undefined && !taken.has(at)) {
      taken.add(at);
      return at;
    }
    next++;
    taken.add(next);
    return next;
  });
}

/** Consecutive runs of columns, so that each run is written with one setValues. */
export function columnRuns(columns: readonly number[]): { first: number; indexes: number[] }[] {
  const order = columns.map((c, i) => ({ c, i })).sort((a, b) => a.c - b.c);
  const runs: { first: number; indexes: number[] }[] = [];
  for (const { c, i } of order) {
    const last = runs[runs.length - 1];
    if (last && last.first + last.indexes.length === c) last.indexes.push(i);
    else runs.push({ first: c, indexes: [i] });
  }
  return runs;
}
