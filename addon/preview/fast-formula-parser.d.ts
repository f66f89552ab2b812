// The parts of fast-formula-parser (MIT, no bundled types) the preview's sheet calculator uses.
declare module "fast-formula-parser" {
  export interface CellRef {
    sheet: string;
    row: number;
    col: number;
  }
  export interface RangeRef {
    sheet: string;
    from: { row: number; col: number };
    to: { row: number; col: number };
  }
  /** A function argument as the parser hands it over. */
  export interface Argument {
    value: unknown;
    isArray: boolean;
    isRangeRef: boolean;
    isCellRef: boolean;
  }
  export class FormulaError extends Error {
    constructor(error: string, message?: string, details?: unknown);
    readonly error: string;
    readonly details?: unknown;
    static readonly REF: FormulaError;
    static readonly NAME: FormulaError;
    static readonly VALUE: FormulaError;
  }
  export default class FormulaParser {
    constructor(config: {
      functions?: Record<string, (...args: Argument[]) => unknown>;
      onCell?: (ref: CellRef) => unknown;
      onRange?: (ref: RangeRef) => unknown[][];
    });
    static FormulaError: typeof FormulaError;
    parse(formula: string, position: CellRef, allowReturnArray?: boolean): unknown;
  }
}
