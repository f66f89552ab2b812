import { RapportError } from "../errors";
import { type Cell, type CellOrigin, cellNumber, cellPosition, displayValue, isErrorCell } from "./values";

/** A survey scale: the allowed range of scores and whether only whole numbers are allowed. */
export interface Scale {
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
}

/**
 * Reads one non-blank cell as a score on `scale`, or throws an error naming the argument, the
 * cell's position and what was found. Kept separate from the hot loops, which only call it for
 * cells that are not already plain in-scale numbers.
 */
export function readScore(
  cell: Cell,
  scale: Scale,
  arg: string,
  row: number,
  column: number,
  width: number,
  origin?: CellOrigin,
): number {
  const position = cellPosition(row, column, width, origin);
  if (isErrorCell(cell)) throw new RapportError("input.errorCell", { arg, cell: position, value: cell });
  const value = cellNumber(cell);
  if (value === null) {
    throw new RapportError("input.notScore", {
      arg,
      cell: position,
      value: displayValue(cell),
      min: scale.min,
      max: scale.max,
    });
  }
  if (value < scale.min || value > scale.max) {
    throw new RapportError("input.scoreOutOfScale", { arg, cell: position, value, min: scale.min, max: scale.max });
  }
  if (scale.integer && !Number.isInteger(value)) {
    throw new RapportError("input.scoreNotInteger", { arg, cell: position, value });
  }
  return value;
}
