/**
 * Shapes that cross google.script.run between the segments sidebar and Code.js. Plain JSON only:
 * strings, numbers, booleans, null, arrays and plain objects (dates as ISO strings).
 */

import type { SkippedRowsView } from "../../sidebar/shapes";

/** Segments sidebar: a sheet the sidebar reads or writes. */
export interface SegmentSheetView {
  name: string;
  /** Data rows below the header. */
  rows: number;
  /** The columns found, e.g. "A · Client ID, B · Date, D · Amount". */
  columns: string;
}

export type SegmentMethodName = "rfm" | "abcXyz" | "clv" | "clusters";

export interface SegmentsState {
  /** Every sheet, for the pickers. */
  sheets: string[];
  transactions: SegmentSheetView | null;
  clients: SegmentSheetView | null;
  /** What stops a run with these sheets (no transactions sheet, a missing column…), in words; null if none. */
  problem: string | null;
  enrolled: boolean;
  /** Transactions above which RFM, CLV and clusters go to the Worker (docs/segments.md). */
  threshold: number;
  /** True when the transactions have more rows than the threshold. */
  large: boolean;
}

export interface SegmentsRequest {
  method: SegmentMethodName;
  /** Sheet names chosen in the sidebar; the detected sheets when absent. */
  transactionsSheet?: string;
  clientsSheet?: string;
  /** Compute in Apps Script even when the data is above the threshold. */
  computeHere?: boolean;
}

export interface SegmentSummaryView {
  key: string;
  /** The name written in the sheet, in the user's language. */
  label: string;
  description: string | null;
  action: string;
  customers: number;
  share: number;
  revenue: number;
  revenueShare: number;
  averageRevenue: number;
}

export interface SegmentationRun {
  method: SegmentMethodName;
  engine: "local" | "worker";
  /** yyyy-mm-dd. */
  asOf: string;
  transactions: number;
  /** Clients with purchases (in the summary). */
  customers: number;
  summary: SegmentSummaryView[];
  /** Client-list rows whose id has no purchase, and how they are marked. */
  noPurchases: { rows: number; label: string; action: string };
  /** Clients with purchases missing from the client list. */
  notInList: number;
  /** What the method cannot say about these data (shared/segments/caveats.ts); null when nothing. */
  caveat: string | null;
  /** Transaction rows left out because a cell in them cannot be read; null when none. */
  skipped: SkippedRowsView | null;
  sheet: string;
  /** The columns written, e.g. ["H · RFM code", "I · RFM segment", "J · RFM action"]. */
  columns: string[];
  /** The same as letters, adjacent columns as a range: "H–J". */
  columnRange: string;
  /** Client-list rows below the header. */
  rows: number;
  /** Rows written so far. */
  written: number;
  /** Rows written per execution. */
  blockRows: number;
  /** Set while rows remain to be written: pass it to writeSegmentation. */
  jobId: string | null;
}

export interface WriteProgress {
  written: number;
  rows: number;
  done: boolean;
}
