/**
 * Naming a formula's input cells in its error messages. A custom function receives values, not
 * ranges; its own cell's formula (=NPS(Clients!E2:E304)) says where each argument came from, so a
 * message can name the sheet cell to fix ("Clients!E2:E304, cell E5") instead of a position inside
 * the range ("scores, row 4"). When an argument is not a plain reference (a literal, another
 * function), the message names the argument: by its name in English, by its position in Russian
 * (the names are English words).
 */
import { RapportError } from "../errors";
import type { Locale } from "../i18n/locale";
import type { MessageParam, MessageParams, NestedText } from "../i18n/messages.en";
import { columnLetter, columnNumber } from "./a1";

/** Where a plain reference argument starts: `text` as written, 1-based row and column. */
export interface ArgumentReference {
  readonly text: string;
  readonly row: number;
  readonly column: number;
}

/**
 * The arguments of a formula that is exactly one call of `name` (=NAME(a, b) or =NAME(a; b) in a
 * spreadsheet that separates with ";"), as written; null for any other formula, since a second
 * call or an expression around it makes it unknowable which call failed.
 */
export function callArguments(formula: string, name: string): string[] | null {
  const head = new RegExp(`^\\s*=\\s*${name}\\s*\\(`, "i").exec(formula);
  if (!head) return null;
  // One pass: where the top-level "," and ";" are (not in quotes, parentheses or braces), and
  // where the call closes.
  const commas: number[] = [];
  const semicolons: number[] = [];
  let depth = 0;
  let quote: string | null = null;
  let close = -1;
  for (let i = head[0].length; i < formula.length && close < 0; i++) {
    const ch = formula[i] as string;
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === "(" || ch === "{") depth++;
    else if ((ch === ")" || ch === "}") && depth > 0) depth--;
    else if (ch === ")") close = i;
    else if (ch === "," && depth === 0) commas.push(i);
    else if (ch === ";" && depth === 0) semicolons.push(i);
  }
  // The call's closing parenthesis must end the formula.
  if (close < 0 || formula.slice(close + 1).trim() !== "") return null;
  // A spreadsheet that writes decimals with "," separates arguments with ";" (=NPS_CI(E2:E9; 0,9)).
  const cuts = semicolons.length > 0 ? semicolons : commas;
  const bounds = [head[0].length - 1, ...cuts, close];
  const args = bounds.slice(1).map((end, k) => formula.slice((bounds[k] as number) + 1, end).trim());
  return args.length === 1 && args[0] === "" ? [] : args;
}

const REFERENCE =
  /^(?:(?:'(?:[^']|'')+'|[^!'"(),;{}\s]+)!)?\$?([A-Za-z]{1,3})?\$?(\d+)?(?::\$?([A-Za-z]{1,3})?\$?(\d+)?)?$/;

/** A plain reference (E5, E2:E304, E:E, Clients!E2:E, 'My sheet'!B2:C9) and its first cell; null otherwise. */
export function argumentReference(text: string): ArgumentReference | null {
  const m = REFERENCE.exec(text.trim());
  if (!m) return null;
  const [, startColumn, startRow, endColumn, endRow] = m;
  const hasEnd = text.includes(":");
  // A start needs a column (E5, E:E, E2:E) or a row range (2:5); a lone number is not a reference.
  if (!startColumn && !(startRow && hasEnd && endRow && !endColumn)) return null;
  if (!startRow && !hasEnd) return null;
  if (hasEnd && !endColumn && !endRow) return null;
  return {
    text: text.trim(),
    row: startRow ? Number(startRow) : 1,
    column: startColumn ? columnNumber(startColumn.toUpperCase()) : 1,
  };
}

/** The cell of a reference at a 1-based position inside it ("row 4" of E2:E304 is E5). */
function cellOf(reference: ArgumentReference, position: NestedText): NestedText | null {
  const params = position.params ?? {};
  if (position.key === "cell.row") {
    return {
      key: "cell.a1",
      params: { cell: `${columnLetter(reference.column)}${reference.row + Number(params.row) - 1}` },
    };
  }
  if (position.key === "cell.rowColumn") {
    const cell = `${columnLetter(reference.column + Number(params.column) - 1)}${reference.row + Number(params.row) - 1}`;
    return { key: "cell.a1", params: { cell } };
  }
  return null;
}

function isNested(value: MessageParam): value is NestedText {
  return typeof value === "object" && value !== null && "key" in value;
}

/** Positions inside the argument's range, anywhere in the message, become sheet cells. */
function placeCells(params: MessageParams, reference: ArgumentReference): MessageParams {
  const out: Record<string, MessageParam> = Object.create(null);
  for (const [key, value] of Object.entries(params)) {
    if (!isNested(value)) {
      out[key] = value;
      continue;
    }
    const cell = cellOf(reference, value);
    out[key] = cell ?? { key: value.key, params: placeCells(value.params ?? {}, reference) };
  }
  return out;
}

/**
 * The error of a custom function as the person reading its cell should see it: each argument
 * named by what was written for it, positions inside a referenced range named as sheet cells.
 * `params` are the function's argument names in order; `written` the call's arguments as written
 * in its cell, or null when unknown. Russian readers get an argument's position, not its English name.
 */
export function placeError(
  error: RapportError,
  params: readonly string[],
  written: readonly string[] | null,
  locale: Locale,
): RapportError {
  const label = (name: MessageParam): MessageParam => {
    const index = typeof name === "string" ? params.indexOf(name) : -1;
    if (index < 0) return name;
    const reference = written?.[index] === undefined ? null : argumentReference(written[index] as string);
    if (reference) return reference.text;
    return locale === "ru" ? { key: "arg.number", params: { n: index + 1 } } : { key: "arg.name", params: { name } };
  };
  const arg = error.params.arg;
  const argIndex = typeof arg === "string" ? params.indexOf(arg) : -1;
  const argText = argIndex >= 0 ? written?.[argIndex] : undefined;
  const reference = argText === undefined ? null : argumentReference(argText);
  let placed: MessageParams = reference ? placeCells(error.params, reference) : error.params;
  if (arg !== undefined || placed.other !== undefined) {
    placed = {
      ...placed,
      ...(arg !== undefined ? { arg: label(arg) } : {}),
      ...(placed.other !== undefined ? { other: label(placed.other) } : {}),
    };
  }
  return new RapportError(error.key, placed);
}
