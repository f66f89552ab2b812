import { RapportError } from "../errors";
import { clientKey } from "./clientId";
import { CustomerIndex } from "./customerIndex";
import { type DateReading, type DayNumber, readDay } from "./dates";
import { notNumberError } from "./numberText";
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

/**
 * A transaction list in columns, ready for the metrics: one entry per non-blank row.
 * Customers are numbered in order of first appearance; `customers[i]` is the id as the sheet
 * had it (a number stays a number, so results written back keep the cell's type).
 */
export interface Transactions {
  /** Distinct customer ids, in order of first appearance. */
  readonly customers: (string | number)[];
  /** Per transaction: index into `customers`. */
  readonly customer: Int32Array;
  /** Per transaction: calendar day (days since 1970-01-01 in the spreadsheet's calendar). */
  readonly day: Int32Array;
  /** Per transaction: amount, when amounts were given. */
  readonly amount: Float64Array | null;
  /** Per transaction: its row in the ranges (0-based), when asked for with `keepRows`. */
  readonly row?: Int32Array;
  /** Number of transactions (non-blank rows). */
  readonly length: number;
  /** First and last day seen (inclusive). */
  readonly firstDay: DayNumber;
  readonly lastDay: DayNumber;
}

/** The ranges of a transaction list as a formula receives them, with their argument names. */
export interface TransactionInput {
  customerIds: Range;
  dates: Range;
  amounts?: Range;
  /** Argument names used in messages, e.g. "customer_ids". */
  names?: { customerIds?: string; dates?: string; amounts?: string };
  /** Where each range starts in its sheet, when known (sidebars): messages then name cells. */
  origins?: { customerIds?: CellOrigin; dates?: CellOrigin; amounts?: CellOrigin };
  /**
   * Sidebars: a row with a cell that cannot be read is handed here and left out, instead of
   * failing the whole list (formulas leave it unset and fail loudly).
   */
  skip?: (error: RapportError, row: number) => void;
  /** Keep each transaction's row in the ranges, to line up a further column (returns, categories). */
  keepRows?: boolean;
}

/**
 * A one-column range's rows (a wider range is an error naming the argument); cell r is rows[r][0].
 * No copy: on a million rows a copied column is 8 MB of garbage per argument.
 */
function columnOf(range: Range, arg: string): readonly (readonly Cell[])[] {
  const rows = asRows(range);
  for (let r = 0; r < rows.length; r++) {
    const width = (rows[r] as readonly Cell[]).length;
    if (width !== 1) throw new RapportError("input.notOneColumn", { arg, columns: width });
  }
  return rows;
}

/**
 * Reads customer ids, dates and (optionally) amounts of the same height into columns. Rows blank
 * in every range are skipped; a row with some cells blank, an id that is an error cell, a cell
 * that is not a date or an amount that is not a number is an error naming the argument and row.
 * One pass over the rows and no per-row objects: this runs on a million rows.
 */
export function readTransactions(input: TransactionInput, reading: DateReading): Transactions {
  const idName = input.names?.customerIds ?? "customer_ids";
  const dateName = input.names?.dates ?? "dates";
  const amountName = input.names?.amounts ?? "amounts";
  const ids = columnOf(input.customerIds, idName);
  const dates = columnOf(input.dates, dateName);
  const amounts = input.amounts === undefined ? null : columnOf(input.amounts, amountName);
  if (dates.length !== ids.length) {
    throw new RapportError("input.heightMismatch", {
      arg: dateName,
      rows: dates.length,
      other: idName,
      otherRows: ids.length,
    });
  }
  if (amounts && amounts.length !== ids.length) {
    throw new RapportError("input.heightMismatch", {
      arg: amountName,
      rows: amounts.length,
      other: idName,
      otherRows: ids.length,
    });
  }

  const height = ids.length;
  const customer = new Int32Array(height);
  const day = new Int32Array(height);
  const amount = amounts ? new Float64Array(height) : null;
  const rowOf = input.keepRows ? new Int32Array(height) : null;
  const index = new CustomerIndex();
  const customers = index.customers;
  let n = 0;
  let firstDay = Number.POSITIVE_INFINITY;
  let lastDay = Number.NEGATIVE_INFINITY;
  const origins = input.origins ?? {};

  const skip = input.skip;
  let firstProblem: RapportError | null = null;

  for (let r = 0; r < height; r++) {
    const idCell = (ids[r] as readonly Cell[])[0];
    const dateCell = (dates[r] as readonly Cell[])[0];
    const amountCell = amounts ? (amounts[r] as readonly Cell[])[0] : "";
    const key = clientKey(idCell);
    const idBlank = key === null;
    const dateBlank = isBlank(dateCell);
    const amountBlank = amounts ? isBlank(amountCell) : true;
    if (idBlank && dateBlank && amountBlank) continue;
    // The row is checked whole before its customer is counted: a left-out row adds no customer.
    let problem: RapportError | null = null;
    let d = 0;
    let value = 0;
    if (idBlank || dateBlank || (amounts && amountBlank)) {
      const [arg, origin] = idBlank
        ? [idName, origins.customerIds]
        : dateBlank
          ? [dateName, origins.dates]
          : [amountName, origins.amounts];
      problem = new RapportError("input.blankInRow", { arg, cell: cellPosition(r, 0, 1, origin) });
    } else if (isErrorCell(idCell)) {
      problem = new RapportError("input.errorCell", {
        arg: idName,
        cell: cellPosition(r, 0, 1, origins.customerIds),
        value: idCell as string,
      });
    } else {
      // A formula's read (no skip) stays a plain call: no try in the hot loop of a million rows.
      if (skip) {
        try {
          d = readDay(dateCell, reading, dateName, r, 0, 1, origins.dates);
        } catch (error) {
          if (!(error instanceof RapportError)) throw error;
          problem = error;
        }
      } else {
        d = readDay(dateCell, reading, dateName, r, 0, 1, origins.dates);
      }
      if (!problem && amount) {
        const read =
          typeof amountCell === "number" && Number.isFinite(amountCell)
            ? amountCell
            : cellNumber(amountCell, reading.numbers);
        if (read === null) {
          const position = cellPosition(r, 0, 1, origins.amounts);
          problem = isErrorCell(amountCell)
            ? new RapportError("input.errorCell", { arg: amountName, cell: position, value: amountCell as string })
            : notNumberError(amountCell, reading.numbers, amountName, position);
        } else {
          value = read;
        }
      }
    }
    if (problem) {
      if (!skip) throw problem;
      skip(problem, r);
      firstProblem ??= problem;
      continue;
    }
    customer[n] = index.indexOf(key as string | number);
    day[n] = d;
    if (d < firstDay) firstDay = d;
    if (d > lastDay) lastDay = d;
    if (amount) amount[n] = value;
    if (rowOf) rowOf[n] = r;
    n++;
  }
  // Every row left out: nothing to compute from, and the first row's problem says why.
  if (n === 0 && firstProblem) throw firstProblem;
  if (n === 0) throw new RapportError("input.empty", { arg: idName });
  return {
    customers,
    customer: n === height ? customer : customer.slice(0, n),
    day: n === height ? day : day.slice(0, n),
    amount: amount ? (n === height ? amount : amount.slice(0, n)) : null,
    ...(rowOf ? { row: n === height ? rowOf : rowOf.slice(0, n) } : {}),
    length: n,
    firstDay,
    lastDay,
  };
}
