/**
 * Rows a sidebar leaves out because a cell in them cannot be read ("n/a" in a score column, a
 * date nobody can read). A formula fails loudly on such a row, as Sheets' own functions do; a
 * sidebar computes from the rows it can read and says how many it left out, and why, naming the
 * first few cells, so one bad cell never blanks a whole panel.
 */
import { RapportError } from "../errors";
import type { Locale } from "../i18n/locale";
import { errorMessage, t } from "../i18n/translate";
import { type Cell, isBlank } from "./values";

/** How many left-out rows are described one by one. */
export const SKIPPED_EXAMPLES = 5;

export interface SkippedRows {
  readonly count: number;
  /** The first few rows' errors, in sheet order: each names its cell. */
  readonly examples: readonly RapportError[];
}

/** Collects the rows a reader leaves out; pass `skip` where a reader takes one. */
export class RowSkips {
  private count = 0;
  private readonly examples: RapportError[] = [];

  readonly skip = (error: RapportError): void => {
    this.count++;
    if (this.examples.length < SKIPPED_EXAMPLES) this.examples.push(error);
  };

  /** What was left out, or null when every row was read. */
  result(): SkippedRows | null {
    return this.count === 0 ? null : { count: this.count, examples: this.examples.slice() };
  }
}

/** Left-out rows as a sidebar shows them: a sentence, and each example's message. */
export interface SkippedRowsView {
  summary: string;
  examples: string[];
  /** Rows left out beyond the examples. */
  more: number;
}

export function skippedRowsView(sheet: string, rows: SkippedRows, locale: Locale): SkippedRowsView {
  return {
    summary: t(locale, "rows.skipped", { n: rows.count, sheet }),
    examples: rows.examples.map((error) => errorMessage(error, locale)),
    more: rows.count - rows.examples.length,
  };
}

/** Runs `read` for one row; a RapportError it throws is handed to `skip` (when given) instead. */
export function readOrSkip<T>(skip: ((error: RapportError) => void) | undefined, read: () => T): T | undefined {
  if (!skip) return read();
  try {
    return read();
  } catch (error) {
    if (!(error instanceof RapportError)) throw error;
    skip(error);
    return undefined;
  }
}

/**
 * Reads two lined-up one-column ranges (the rows rowsOfSameHeight gives) row by row: rows blank in
 * both are passed over; `read` turns a row into a value or throws a RapportError naming its cell,
 * which fails the whole read (formulas) or, with `skip`, leaves that row out (sidebars).
 */
export function readRowPairs<T>(
  first: readonly (readonly Cell[])[],
  second: readonly (readonly Cell[])[],
  read: (a: Cell, b: Cell, row: number) => T,
  skip?: (error: RapportError, row: number) => void,
): T[] {
  const out: T[] = [];
  for (let r = 0; r < first.length; r++) {
    const a = (first[r] as readonly Cell[])[0];
    const b = (second[r] as readonly Cell[])[0];
    if (isBlank(a) && isBlank(b)) continue;
    const value = readOrSkip(skip && ((error) => skip(error, r)), () => read(a, b, r));
    if (value !== undefined) out.push(value);
  }
  return out;
}
