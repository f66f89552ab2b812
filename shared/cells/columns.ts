import { RapportError } from "../errors";
import { clientKey } from "./clientId";
import { CustomerIndex } from "./customerIndex";
import { type NumberConvention, notNumberError } from "./numberText";
import {
  asRows,
  type Cell,
  type CellOrigin,
  cellNumber,
  cellPosition,
  isBlank,
  isErrorCell,
  type Range,
} from "./values";

/** A one-column range's cells (a single value is a column of one); a wider range is an error. */
export function singleColumn(range: Range, arg: string): readonly Cell[] {
  const rows = asRows(range);
  const out: Cell[] = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as readonly Cell[];
    if (row.length !== 1) throw new RapportError("input.notOneColumn", { arg, columns: row.length });
    out[r] = row[0];
  }
  return out;
}

/** Customer ids alone (one order per row), numbered by first appearance as readTransactions does. */
export interface CustomerIds {
  readonly customers: (string | number)[];
  /** Orders (non-blank rows) per customer. */
  readonly orders: Int32Array;
  /** Non-blank rows. */
  readonly length: number;
}

/** Reads a column of customer ids, one order per row: blanks skipped, error cells refused. */
export function readCustomerIds(range: Range, arg = "customer_ids"): CustomerIds {
  const cells = singleColumn(range, arg);
  const index = new CustomerIndex();
  const counts: number[] = [];
  let length = 0;
  for (let r = 0; r < cells.length; r++) {
    const cell = cells[r];
    const key = clientKey(cell);
    if (key === null) continue;
    if (isErrorCell(cell)) {
      throw new RapportError("input.errorCell", { arg, cell: cellPosition(r, 0, 1), value: cell as string });
    }
    const c = index.indexOf(key);
    if (c === counts.length) counts.push(0);
    counts[c] = (counts[c] as number) + 1;
    length++;
  }
  if (length === 0) throw new RapportError("input.empty", { arg });
  return { customers: index.customers, orders: Int32Array.from(counts), length };
}

/**
 * The numbers of a range of any shape, row by row (revenue per client, scores): blanks skipped,
 * numeric text read by the spreadsheet's convention, anything else an error naming the cell.
 */
export function readNumbers(range: Range, arg: string, convention: NumberConvention): Float64Array {
  const rows = asRows(range);
  const out: number[] = [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as readonly Cell[];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (typeof cell === "number" && Number.isFinite(cell)) {
        out.push(cell);
        continue;
      }
      if (isBlank(cell)) continue;
      const position = cellPosition(r, c, row.length);
      if (isErrorCell(cell)) throw new RapportError("input.errorCell", { arg, cell: position, value: cell as string });
      const value = cellNumber(cell, convention);
      if (value === null) throw notNumberError(cell, convention, arg, position);
      out.push(value);
    }
  }
  return Float64Array.from(out);
}

/** Labels (stages, categories) match whatever their case and surrounding spaces. */
export const labelKey = (name: string): string => name.trim().toLocaleLowerCase();

/** A label column lined up with kept transaction rows: numbers by first appearance and the names. */
export interface Labels {
  /** Per transaction: index into `names`. */
  readonly label: Int32Array;
  /** Each label as first written. */
  readonly names: string[];
}

/**
 * Reads a label (category, product) for each of `rows` (0-based rows of a one-column range of
 * `height` rows, as readTransactions keeps them). A blank or error cell in a kept row is an error.
 */
export function readLabels(
  range: Range,
  rows: Int32Array,
  height: number,
  arg: string,
  other: string,
  /** The range's first cell in the sheet, for messages. */
  origin?: CellOrigin,
): Labels {
  const cells = singleColumn(range, arg);
  if (cells.length !== height) {
    throw new RapportError("input.heightMismatch", { arg, rows: cells.length, other, otherRows: height });
  }
  const index = new Map<string, number>();
  const names: string[] = [];
  const label = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as number;
    const cell = cells[r];
    if (isBlank(cell)) throw new RapportError("input.blankInRow", { arg, cell: cellPosition(r, 0, 1, origin) });
    if (isErrorCell(cell)) {
      throw new RapportError("input.errorCell", { arg, cell: cellPosition(r, 0, 1, origin), value: cell as string });
    }
    const text = cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell).trim();
    const key = labelKey(text);
    let k = index.get(key);
    if (k === undefined) {
      k = names.length;
      index.set(key, k);
      names.push(text);
    }
    label[i] = k;
  }
  return { label, names };
}
