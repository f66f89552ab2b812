/**
 * The preview's formula engine: what Sheets does with a formula typed into a cell. Built-in
 * functions and operators come from fast-formula-parser (an Excel-compatible evaluator: writing
 * one by hand would be a project of its own); every top-level function of Code.js is a custom
 * function, called through the Apps Script harness as a formula cell would call it (read-only, 30 s).
 *
 * Sheets' rules followed here:
 * - A range argument arrives as a 2-D array of values, blanks as ""; a single cell as its value.
 * - An array result spills right and down from the formula's cell; when a cell in the way holds
 *   anything, the formula shows #REF! ("Array result was not expanded because it would overwrite
 *   data in F3.") and nothing spills.
 * - An error thrown by a custom function shows #ERROR! with its message on hover; an unknown
 *   function #NAME?; a formula that cannot be read #ERROR! "Formula parse error.".
 * - Every formula is computed again after any change to the workbook (inputs may be anywhere).
 * - Built-in names win over custom functions of the same name, as in Sheets.
 */
import FormulaParser, { type Argument, type CellRef, type RangeRef } from "fast-formula-parser";
import { columnLetter } from "../../shared/cells/a1";
import type { CellValue, FakeSheet, Harness } from "../harness/index";

/** A formula's error shown in its cell: the code (#ERROR!, #REF!, #NAME?…) and the hover text. */
export interface CellError {
  code: string;
  message: string;
}

/** Where a formula's array result was written: its anchor and the values it put in each cell. */
interface Spill {
  sheet: FakeSheet;
  row: number;
  column: number;
  values: CellValue[][];
}

// A CommonJS package: its error class is a property of the default export, not a named export.
const { FormulaError } = FormulaParser;

const HYPERLINK_ONLY = /^=\s*HYPERLINK\(/i;
/** Passes until formulas that read other formulas settle (Sheets orders by dependency; this is enough for a demo). */
const MAX_PASSES = 4;

const key = (sheet: string, row: number, column: number) => `${sheet}\u0000${row}:${column}`;

/** Sheets' built-in function names (they win over a custom function of the same name). */
const BUILT_IN = new Set(Object.keys((new FormulaParser({}) as unknown as { functions: object }).functions));

/**
 * A formula as typed in a spreadsheet in `locale`, in the parser's syntax: Russian spreadsheets
 * separate arguments with ";" and decimals with "," (=ROUND(1,5; 0)); text in quotes is left alone.
 */
export function formulaInParserSyntax(formula: string, locale: string): string {
  const body = formula.replace(/^=/, "");
  if (!locale.startsWith("ru")) return body;
  // Split into quoted text, quoted sheet names and the rest; only the rest is rewritten.
  return body
    .split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/(\d),(\d)/g, "$1.$2").replace(/;/g, ",")))
    .join("");
}

export class SheetCalculator {
  private readonly spills = new Map<string, Spill>();
  private readonly errors = new Map<string, CellError>();
  /** Built once per workbook: Code.js's functions and the sheets it reads do not change under it. */
  private formulaParser: FormulaParser | null = null;

  constructor(private readonly harness: Harness) {}

  /** The error a formula cell shows, or undefined. Rows and columns are 0-based. */
  errorAt(sheet: string, row: number, column: number): CellError | undefined {
    return this.errors.get(key(sheet, row, column));
  }

  /** A sheet's formula errors, "row:column" (0-based) → error. */
  errorsOn(sheet: string): Map<string, CellError> {
    const prefix = `${sheet}\u0000`;
    const out = new Map<string, CellError>();
    for (const [at, error] of this.errors) if (at.startsWith(prefix)) out.set(at.slice(prefix.length), error);
    return out;
  }

  /** Recomputes every formula in the workbook (HYPERLINK cells are the harness's own). */
  recalculate(): void {
    const ss = this.harness.spreadsheet;
    const cells: { sheet: FakeSheet; row: number; column: number; formula: string }[] = [];
    for (const sheet of ss.getSheets()) {
      for (const [at, formula] of sheet.formulas) {
        if (HYPERLINK_ONLY.test(formula)) continue;
        const [row, column] = at.split(":").map(Number) as [number, number];
        cells.push({ sheet, row, column, formula });
      }
    }
    cells.sort((a, b) => a.sheet.getIndex() - b.sheet.getIndex() || a.row - b.row || a.column - b.column);
    this.clearSpills();
    this.errors.clear();
    if (cells.length === 0) return;
    this.formulaParser ??= this.parser();
    const parser = this.formulaParser;
    let previous = "";
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      this.errors.clear();
      const results = cells.map((cell) => this.evaluate(parser, cell));
      const signature = JSON.stringify(results);
      if (signature === previous) break;
      previous = signature;
      if (pass < MAX_PASSES - 1) this.clearSpills();
    }
  }

  private parser(): FormulaParser {
    const ss = this.harness.spreadsheet;
    const sheetNamed = (name: string): FakeSheet => {
      const sheet = ss.getSheetByName(name);
      if (!sheet) throw FormulaError.REF;
      return sheet;
    };
    // Every top-level function of Code.js, by its upper-case name: Sheets matches them case-insensitively.
    const functions: Record<string, (...args: Argument[]) => unknown> = Object.create(null);
    for (const name of this.harness.globalFunctions()) {
      const upper = name.toUpperCase();
      if (!BUILT_IN.has(upper)) functions[upper] = (...args: Argument[]) => this.callCustom(name, args);
    }
    return new FormulaParser({
      functions,
      onCell: (ref: CellRef) => blankAsEmpty(sheetNamed(ref.sheet).read(ref.row - 1, ref.col - 1)),
      onRange: (ref: RangeRef) => {
        const sheet = sheetNamed(ref.sheet);
        // A whole column (B:B) runs to the sheet's last row, as Sheets passes it to a function.
        const lastRow = Math.min(ref.to.row, sheet.getMaxRows());
        const lastColumn = Math.min(ref.to.col, sheet.getMaxColumns());
        const rows: unknown[][] = [];
        for (let r = ref.from.row; r <= lastRow; r++) {
          const row: unknown[] = [];
          for (let c = ref.from.col; c <= lastColumn; c++) row.push(blankAsEmpty(sheet.read(r - 1, c - 1)));
          rows.push(row);
        }
        return rows;
      },
    });
  }

  private thrown: Error | null = null;
  /** The formula cell being computed: a custom function's active range. */
  private calling: { sheet: FakeSheet; row: number; column: number } | null = null;

  private callCustom(name: string, args: Argument[]): unknown {
    const values = args.map((arg) => {
      const value = arg.value;
      if (!Array.isArray(value)) return value ?? "";
      const grid = (value as unknown[][]).map((row) => row.map((v) => v ?? ""));
      // A one-cell range reaches a custom function as its value, not as [[value]].
      return grid.length === 1 && grid[0]?.length === 1 ? grid[0][0] : grid;
    });
    try {
      const at = this.calling;
      const result = at
        ? this.harness.callCustomFunctionAt(at.sheet.getRange(at.row + 1, at.column + 1), name, ...values)
        : this.harness.callCustomFunction(name, ...values);
      return result === undefined || result === null ? "" : result;
    } catch (error) {
      this.thrown = error as Error;
      throw error;
    }
  }

  private evaluate(
    parser: FormulaParser,
    cell: { sheet: FakeSheet; row: number; column: number; formula: string },
  ): unknown {
    const { sheet, row, column, formula } = cell;
    const position = { sheet: sheet.getName(), row: row + 1, col: column + 1 };
    let result: unknown;
    this.thrown = null;
    this.calling = cell;
    try {
      result = parser.parse(
        formulaInParserSyntax(formula, this.harness.spreadsheet.getSpreadsheetLocale()),
        position,
        true,
      );
    } catch (error) {
      return this.fail(cell, this.describe(error));
    }
    if (result instanceof FormulaError) return this.fail(cell, { code: result.error, message: result.message || "" });
    const grid = Array.isArray(result) ? (result as unknown[][]) : [[result]];
    const values = grid.map((r) => (Array.isArray(r) ? r : [r]).map(cellValue));
    const blocked = this.blockedCell(sheet, row, column, values);
    if (blocked) {
      return this.fail(cell, {
        code: "#REF!",
        message: `Array result was not expanded because it would overwrite data in ${blocked}.`,
      });
    }
    values.forEach((rowValues, r) => {
      rowValues.forEach((value, c) => {
        sheet.write(row + r, column + c, value, r === 0 && c === 0 ? formula : "");
      });
    });
    if (values.length > 1 || (values[0]?.length ?? 0) > 1) {
      this.spills.set(key(sheet.getName(), row, column), { sheet, row, column, values });
    }
    return values;
  }

  private describe(error: unknown): CellError {
    if (this.thrown) return { code: "#ERROR!", message: this.thrown.message };
    if (error instanceof FormulaError) {
      const unknown = /Function (\S+) is not implemented/.exec(error.message)?.[1];
      if (unknown) return { code: "#NAME?", message: `Unknown function: '${unknown}'.` };
      if (error.error === "#ERROR!") return { code: "#ERROR!", message: "Formula parse error." };
      return { code: error.error, message: error.message || "" };
    }
    return { code: "#ERROR!", message: (error as Error).message ?? String(error) };
  }

  private fail(cell: { sheet: FakeSheet; row: number; column: number; formula: string }, error: CellError): CellError {
    cell.sheet.write(cell.row, cell.column, error.code, cell.formula);
    this.errors.set(key(cell.sheet.getName(), cell.row, cell.column), error);
    return error;
  }

  /** The first cell (A1) an array result would overwrite, or null when its way is clear. */
  private blockedCell(sheet: FakeSheet, row: number, column: number, values: CellValue[][]): string | null {
    for (let r = 0; r < values.length; r++) {
      for (let c = 0; c < (values[r]?.length ?? 0); c++) {
        if (r === 0 && c === 0) continue;
        const at = `${row + r}:${column + c}`;
        if (sheet.read(row + r, column + c) !== "" || sheet.formulas.has(at)) {
          return `${columnLetter(column + c + 1)}${row + r + 1}`;
        }
      }
    }
    return null;
  }

  /** Empties what earlier results spilled, except cells something else has written since. */
  private clearSpills(): void {
    for (const spill of this.spills.values()) {
      spill.values.forEach((rowValues, r) => {
        rowValues.forEach((value, c) => {
          if (r === 0 && c === 0) return;
          const current = spill.sheet.read(spill.row + r, spill.column + c);
          const mine = current === value || (current instanceof Date && value instanceof Date && +current === +value);
          if (mine && !spill.sheet.formulas.has(`${spill.row + r}:${spill.column + c}`)) {
            spill.sheet.write(spill.row + r, spill.column + c, "", "");
          }
        });
      });
    }
    this.spills.clear();
  }
}

function blankAsEmpty(value: CellValue): CellValue | null {
  return value === "" ? null : value;
}

/** A result value as a cell holds it: a number, text, boolean or date; an error as its code. */
function cellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return "";
  if (value instanceof FormulaError) return value.error;
  if (typeof value === "number") return Number.isFinite(value) ? value : "#NUM!";
  if (typeof value === "string" || typeof value === "boolean" || value instanceof Date) return value;
  return String(value);
}
