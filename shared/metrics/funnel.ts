import { labelKey } from "../cells/columns";
import type { NumberConvention } from "../cells/numberText";
import {
  asRows,
  type Cell,
  cellNumber,
  cellPosition,
  displayValue,
  isBlank,
  isErrorCell,
  type Range,
} from "../cells/values";
import { RapportError } from "../errors";
import { wilsonInterval } from "./experiments";

/**
 * A conversion funnel (lead → first purchase → repeat → regular, or any stages): how many reached
 * each stage, the conversion from the stage before with a Wilson interval, the conversion from
 * the first stage, how many were lost, and the weakest step (the lowest conversion).
 */

export interface FunnelStep {
  readonly stage: string;
  readonly reached: number;
  /** reached / reached at the stage before; null for the first stage or when none reached that. */
  readonly conversion: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  /** reached / reached at the first stage; null when none reached the first. */
  readonly fromFirst: number | null;
  /** Lost between the stage before and this one. */
  readonly lost: number;
}

export interface Funnel {
  readonly steps: FunnelStep[];
  /** Index of the step with the lowest conversion from the stage before (ties: the first), or null. */
  readonly weakest: number | null;
}

/** A funnel from the counts that reached each stage, in order; a count above the one before is an error. */
export function funnelOfCounts(stages: readonly string[], counts: readonly number[], z: number, arg: string): Funnel {
  const steps: FunnelStep[] = [];
  let weakest: number | null = null;
  for (let i = 0; i < counts.length; i++) {
    const reached = counts[i] as number;
    const first = counts[0] as number;
    if (i === 0) {
      steps.push({
        stage: stages[0] as string,
        reached,
        conversion: null,
        lower: null,
        upper: null,
        fromFirst: null,
        lost: 0,
      });
      continue;
    }
    const before = counts[i - 1] as number;
    if (reached > before) {
      throw new RapportError("funnel.widens", {
        arg,
        stage: stages[i] as string,
        count: reached,
        before: stages[i - 1] as string,
        beforeCount: before,
      });
    }
    const conversion = before > 0 ? reached / before : null;
    const interval = before > 0 ? wilsonInterval(reached, before, z) : null;
    steps.push({
      stage: stages[i] as string,
      reached,
      conversion,
      lower: interval?.lower ?? null,
      upper: interval?.upper ?? null,
      fromFirst: first > 0 ? reached / first : null,
      lost: before - reached,
    });
    const worst = weakest === null ? null : (steps[weakest]?.conversion ?? null);
    if (conversion !== null && (worst === null || conversion < worst)) weakest = i;
  }
  if (steps[0]) steps[0] = { ...steps[0], fromFirst: counts[0] ? 1 : null };
  return { steps, weakest };
}

/** Clients at a stage outside the order ("Lost"), as first written, and how many. */
export interface OutsideStage {
  name: string;
  clients: number;
}

export interface StageCountOptions {
  /**
   * When given, a stage not in the order is counted here (by labelKey) instead of being an error:
   * the Dashboard shows those clients beside the funnel.
   */
  readonly outside?: Map<string, OutsideStage>;
  /** When given, an error cell is handed here (the row is left out) instead of thrown. */
  readonly skip?: (error: RapportError) => void;
  /** The range's first cell in the sheet, for messages (default: the range's own row 1). */
  readonly origin?: { row: number; column: number };
}

/**
 * The stage column of a client list (each client's furthest stage) counted into a funnel: a
 * client at stage k also reached every stage before it. A cell that is not one of the stages is
 * an error naming it (or counted in `outside`).
 */
export function countsOfStages(
  cells: Range,
  order: readonly string[],
  arg: string,
  firstRow = 0,
  options: StageCountOptions = {},
): number[] {
  const index = new Map<string, number>();
  for (const [i, name] of order.entries()) index.set(labelKey(name), i);
  const at = new Array<number>(order.length).fill(0);
  const rows = asRows(cells);
  const { outside, skip, origin } = options;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as readonly Cell[];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c] as Cell;
      if (isBlank(cell)) continue;
      const position = () => cellPosition(r + firstRow, c, row.length, origin);
      if (isErrorCell(cell)) {
        const error = new RapportError("input.errorCell", { arg, cell: position(), value: cell as string });
        if (!skip) throw error;
        skip(error);
        continue;
      }
      const name = String(cell).trim();
      const key = labelKey(name);
      const k = index.get(key);
      if (k !== undefined) {
        at[k] = (at[k] as number) + 1;
        continue;
      }
      if (!outside) {
        throw new RapportError("funnel.unknownStage", {
          arg,
          cell: position(),
          value: displayValue(cell),
          stages: order.join(", "),
        });
      }
      const seen = outside.get(key);
      if (seen) seen.clients++;
      else outside.set(key, { name, clients: 1 });
    }
  }
  // Reached stage k = at stage k or further.
  const reached = new Array<number>(order.length).fill(0);
  let further = 0;
  for (let k = order.length - 1; k >= 0; k--) {
    further += at[k] as number;
    reached[k] = further;
  }
  return reached;
}

/** The distinct stage names of a stage column, in order of first appearance (for messages). */
export function stagesFound(cells: Range, limit: number): string[] {
  const seen = new Map<string, string>();
  for (const row of asRows(cells)) {
    for (const cell of row) {
      if (isBlank(cell) || isErrorCell(cell)) continue;
      const name = String(cell).trim();
      if (!seen.has(labelKey(name))) seen.set(labelKey(name), name);
      if (seen.size >= limit) return [...seen.values()];
    }
  }
  return [...seen.values()];
}

/** True when every non-blank cell of the column is a number (a funnel given as counts). */
export function isCountColumn(cells: readonly Cell[], convention: NumberConvention): boolean {
  let any = false;
  for (const cell of cells) {
    if (isBlank(cell)) continue;
    if (cellNumber(cell, convention) === null) return false;
    any = true;
  }
  return any;
}
