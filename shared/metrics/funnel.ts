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

/**
 * The stage column of a client list (each client's furthest stage) counted into a funnel: a
 * client at stage k also reached every stage before it. A cell that is not one of the stages is
 * an error naming it.
 */
export function countsOfStages(cells: Range, order: readonly string[], arg: string, firstRow = 0): number[] {
  const index = new Map<string, number>();
  for (const [i, name] of order.entries()) index.set(labelKey(name), i);
  const at = new Array<number>(order.length).fill(0);
  const rows = asRows(cells);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as readonly Cell[];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c] as Cell;
      if (isBlank(cell)) continue;
      if (isErrorCell(cell)) {
        throw new RapportError("input.errorCell", {
          arg,
          cell: cellPosition(r + firstRow, c, row.length),
          value: cell as string,
        });
      }
      const k = index.get(labelKey(String(cell)));
      if (k === undefined) {
        throw new RapportError("funnel.unknownStage", {
          arg,
          cell: cellPosition(r + firstRow, c, row.length),
          value: displayValue(cell),
          stages: order.join(", "),
        });
      }
      at[k] = (at[k] as number) + 1;
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
