import type { Cell } from "./values";

const TRUE_WORDS = new Set(["true", "yes", "y", "1", "истина", "да", "д"]);
const FALSE_WORDS = new Set(["false", "no", "n", "0", "ложь", "нет", "н"]);

/**
 * A yes/no cell: TRUE/FALSE (booleans or text, also Russian ИСТИНА/ЛОЖЬ), 1/0, yes/no, да/нет.
 * Null for anything else (including blank).
 */
export function cellFlag(cell: Cell): boolean | null {
  if (typeof cell === "boolean") return cell;
  if (typeof cell === "number") return cell === 1 ? true : cell === 0 ? false : null;
  if (typeof cell === "string") {
    const word = cell.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
  }
  return null;
}
