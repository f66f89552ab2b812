import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** One CDNOW transaction: customer, calendar day, number of CDs, dollar value. */
export interface CdnowRow {
  customerId: string;
  /** YYYY-MM-DD */
  date: string;
  cds: number;
  amount: number;
}

/** The full data set beside the project (developers' machines and CI only, never users'). */
export const CDNOW_FULL_PATH = fileURLToPath(new URL("../../../shared/data/CDNOW_master.txt", import.meta.url));
/** The committed extract the demo workbook and tests use. */
export const CDNOW_EXTRACT_PATH = fileURLToPath(new URL("../../addon/preview/demo/cdnow-extract.txt", import.meta.url));

export function hasFullCdnow(): boolean {
  return existsSync(CDNOW_FULL_PATH);
}

/** Parses CDNOW_master.txt's format: "customer_id date number_of_cds dollar_value", header optional. */
export function parseCdnow(text: string): CdnowRow[] {
  const rows: CdnowRow[] = [];
  for (const line of text.split(/\r?\n/)) {
    const parts = line.trim().split(/\s+/);
    if (parts.length !== 4 || !/^\d+$/.test(parts[0] as string)) continue;
    const [id, ymd, cds, amount] = parts as [string, string, string, string];
    rows.push({
      customerId: String(Number(id)),
      date: `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}`,
      cds: Number(cds),
      amount: Number(amount),
    });
  }
  return rows;
}

export function readCdnow(path: string): CdnowRow[] {
  return parseCdnow(readFileSync(path, "utf8"));
}
