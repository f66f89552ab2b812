import { RapportError } from "../errors";
import type { NestedText } from "../i18n/messages.en";
import { asRows, type Cell, cellPosition, isBlank, isErrorCell, type Range } from "./values";

/** One argument of a cell-by-cell formula such as CHURN_RATE(B2:B13, C2:C13). */
export interface GridInput {
  readonly name: string;
  readonly value: Range | undefined;
  /** Optional arguments may be omitted or blank: the function then gets `undefined` for them. */
  readonly optional?: boolean;
}

/** Where a value sits, for messages: "" for single values, ", row 3" inside a range. */
export type Where = "" | NestedText;

const NOWHERE: Where = "";

/** ", row 3" (or ", row 3, column 2") for a cell of a range argument. */
export function whereCell(row: number, column: number, width: number): Where {
  return { key: "where.at", params: { cell: cellPosition(row, column, width) } };
}

interface Shape {
  rows: readonly (readonly Cell[])[];
  height: number;
  width: number;
  single: boolean;
}

function shapeOf(input: GridInput): Shape | null {
  if (input.value === undefined) return null;
  const rows = asRows(input.value);
  const height = rows.length;
  const width = height ? (rows[0] as readonly Cell[]).length : 0;
  return { rows, height, width, single: height === 1 && width === 1 };
}

/**
 * Applies `fn` cell by cell over arguments of the same shape, as Sheets' array formulas do: a
 * single value is used for every cell, ranges must have the same height and width. A position
 * where every required argument is blank gives a blank result (so a column of results stays
 * aligned with its inputs); a position where only some are blank is an error naming the argument
 * and the cell; ranges blank everywhere are the "empty" error. With single values only, the result
 * is a single value, otherwise rows of cells. Error cells are reported before `fn` sees them.
 */
export function mapGrid(
  inputs: readonly GridInput[],
  fn: (cells: readonly (Cell | undefined)[], where: Where) => number,
): number | Cell[][] {
  const shapes = inputs.map(shapeOf);
  let height = 1;
  let width = 1;
  let leader = -1;
  shapes.forEach((shape, i) => {
    if (!shape || shape.single) return;
    if (leader < 0) {
      leader = i;
      height = shape.height;
      width = shape.width;
    } else if (shape.height !== height || shape.width !== width) {
      const first = inputs[leader] as GridInput;
      throw new RapportError("input.shapeMismatch", {
        arg: (inputs[i] as GridInput).name,
        rows: shape.height,
        columns: shape.width,
        other: first.name,
        otherRows: height,
        otherColumns: width,
      });
    }
  });
  const single = leader < 0;
  const out: Cell[][] = [];
  const cells: (Cell | undefined)[] = new Array(inputs.length);
  let computed = 0;
  for (let r = 0; r < height; r++) {
    const row: Cell[] = new Array(width);
    for (let c = 0; c < width; c++) {
      let blankRequired = 0;
      let required = 0;
      let firstBlank = -1;
      for (let i = 0; i < inputs.length; i++) {
        const shape = shapes[i];
        const cell = shape
          ? shape.single
            ? (shape.rows[0] as readonly Cell[])[0]
            : (shape.rows[r] as readonly Cell[])[c]
          : undefined;
        const blank = cell === undefined || isBlank(cell);
        if (!(inputs[i] as GridInput).optional) {
          required++;
          if (blank) {
            blankRequired++;
            if (firstBlank < 0) firstBlank = i;
          }
        }
        if (!blank && isErrorCell(cell)) {
          const name = (inputs[i] as GridInput).name;
          if (single || shape?.single) throw new RapportError("arg.errorCell", { arg: name, value: cell });
          throw new RapportError("input.errorCell", { arg: name, cell: cellPosition(r, c, width), value: cell });
        }
        cells[i] = blank ? undefined : cell;
      }
      if (blankRequired === required && !single) {
        row[c] = "";
        continue;
      }
      if (blankRequired > 0) {
        const name = (inputs[firstBlank] as GridInput).name;
        if (single || shapes[firstBlank]?.single !== false) throw new RapportError("input.empty", { arg: name });
        throw new RapportError("input.blankInRow", { arg: name, cell: cellPosition(r, c, width) });
      }
      const value = fn(cells, single ? NOWHERE : whereCell(r, c, width));
      if (!Number.isFinite(value))
        throw new RapportError("result.notFinite", { where: single ? "" : whereCell(r, c, width) });
      if (single) return value;
      row[c] = value;
      computed++;
    }
    out.push(row);
  }
  // Ranges with nothing in them are the "empty input" error, as for every other formula.
  if (computed === 0) throw new RapportError("input.empty", { arg: (inputs[leader] as GridInput).name });
  return out;
}
