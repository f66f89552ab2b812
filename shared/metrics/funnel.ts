import { labelKey } from "../cells/columns";
import type { NumberConvention } from "../cells/numberText";
import {
  asRows,
  type Cell,
  type CellOrigin,
  cellNumber,
  cellPosition,
  displayValue,
  isBlank,
  isErrorCell,
  type Range,
} from "../cells/values";
import { RapportError } from "../errors";
import type { NestedText } from "../i18n/messages.en";
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

/** A stage name as first written, and how many clients are at it. */
export interface StageClients {
  name: string;
  clients: number;
}

/** A stage counted in a column, with the first cell holding it (its index in reading order, for messages). */
interface TalliedStage extends StageClients {
  readonly at: number;
  readonly cell: NestedText;
  readonly value: string;
}

/** A stage column counted in one pass. */
export interface StageTally {
  /** By labelKey, in order of first appearance. */
  readonly stages: Map<string, TalliedStage>;
  /** The first error cell (when errors are not skipped), at its index in reading order. */
  readonly error: { at: number; error: RapportError } | null;
}

/**
 * Counts a stage column (each client's furthest stage) by name, row by row. An error cell is
 * handed to `skip` (sidebars: the row is left out) or kept as the tally's first error.
 */
export function tallyStages(
  cells: Range,
  arg: string,
  firstRow = 0,
  options: { skip?: (error: RapportError) => void; origin?: CellOrigin } = {},
): StageTally {
  const stages = new Map<string, TalliedStage>();
  let error: StageTally["error"] = null;
  const rows = asRows(cells);
  let at = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as readonly Cell[];
    for (let c = 0; c < row.length; c++, at++) {
      const cell = row[c] as Cell;
      if (isBlank(cell)) continue;
      if (isErrorCell(cell)) {
        const problem = new RapportError("input.errorCell", {
          arg,
          cell: cellPosition(r + firstRow, c, row.length, options.origin),
          value: cell as string,
        });
        if (options.skip) options.skip(problem);
        else error ??= { at, error: problem };
        continue;
      }
      const name = String(cell).trim();
      const key = labelKey(name);
      const seen = stages.get(key);
      if (seen) {
        seen.clients++;
        continue;
      }
      stages.set(key, {
        name,
        clients: 1,
        at,
        cell: cellPosition(r + firstRow, c, row.length, options.origin),
        value: displayValue(cell),
      });
    }
  }
  return { stages, error };
}

/**
 * A tally counted into a funnel of `order`: a client at stage k also reached every stage before it.
 * Stages not in the order are returned as `outside`, in order of first appearance.
 */
export function reachedByStage(
  tally: StageTally,
  order: readonly string[],
): { reached: number[]; outside: StageClients[] } {
  const index = new Map<string, number>();
  for (const [i, name] of order.entries()) index.set(labelKey(name), i);
  const at = new Array<number>(order.length).fill(0);
  const outside: StageClients[] = [];
  for (const [key, stage] of tally.stages) {
    const k = index.get(key);
    if (k === undefined) outside.push({ name: stage.name, clients: stage.clients });
    else at[k] = (at[k] as number) + stage.clients;
  }
  // Reached stage k = at stage k or further.
  const reached = new Array<number>(order.length).fill(0);
  let further = 0;
  for (let k = order.length - 1; k >= 0; k--) {
    further += at[k] as number;
    reached[k] = further;
  }
  return { reached, outside };
}

/**
 * The stage column of a client list counted into a funnel (FUNNEL): the first cell, in reading
 * order, that is an error or not one of the stages is an error naming it.
 */
export function countsOfStages(cells: Range, order: readonly string[], arg: string, firstRow = 0): number[] {
  const tally = tallyStages(cells, arg, firstRow);
  const known = new Set(order.map(labelKey));
  const unknown = [...tally.stages].find(([key]) => !known.has(key))?.[1];
  if (tally.error && (!unknown || tally.error.at < unknown.at)) throw tally.error.error;
  if (unknown) {
    throw new RapportError("funnel.unknownStage", {
      arg,
      cell: unknown.cell,
      value: unknown.value,
      stages: order.join(", "),
    });
  }
  return reachedByStage(tally, order).reached;
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
