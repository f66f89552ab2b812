import { SURVEY_LIMITS } from "../api/surveyLimits";
import { asText, type Cell, isBlank, isErrorCell } from "./values";

/**
 * A client's id, defined once. The client list, the transactions, the survey links and the
 * Responses sheet all name clients by an id cell; they join when their keys are equal.
 */

/** A client id as a map key: a number, or trimmed text. */
export type ClientKey = string | number;

/** Whole-number text ("17", "17.0") joins the same number; "0017" does not: leading zeros mark a code. */
const WHOLE_NUMBER_ID = /^(?:0|[1-9]\d{0,14})(?:\.0+)?$/;

function isDateCell(cell: Cell): cell is Date {
  return cell instanceof Date || Object.prototype.toString.call(cell) === "[object Date]";
}

/**
 * The key of a client id cell: numbers and whole-number text become the same number; other text
 * is trimmed; a date is its yyyy-mm-dd. Null for blank cells.
 */
export function clientKey(cell: Cell): ClientKey | null {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : null;
  if (typeof cell === "string") {
    const text = cell.trim();
    if (text === "") return null;
    return WHOLE_NUMBER_ID.test(text) ? Number(text) : text;
  }
  if (cell === null || cell === undefined) return null;
  if (isDateCell(cell)) {
    const time = cell.getTime();
    return Number.isNaN(time) ? null : cell.toISOString().slice(0, 10);
  }
  return String(cell);
}

/** A client id cell read as a contact id for the Worker. */
export type ContactCell = { kind: "id"; id: string } | { kind: "blank" } | { kind: "invalid" };

/**
 * The contact id of a client id cell: its key as text ("17" for 17, "17.0" and "17"). Invalid when
 * the Worker would refuse it (over 200 characters, control characters), or for an error cell, a
 * checkbox or an invalid date.
 */
export function contactIdOf(cell: Cell): ContactCell {
  if (isBlank(cell)) return { kind: "blank" };
  if (isErrorCell(cell) || typeof cell === "boolean") return { kind: "invalid" };
  const key = clientKey(cell);
  if (key === null) return isDateCell(cell) || typeof cell === "number" ? { kind: "invalid" } : { kind: "blank" };
  const id = String(key);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the Worker refuses control characters
  if (id.length > SURVEY_LIMITS.contactId || /[\u0000-\u001f\u007f]/.test(id)) return { kind: "invalid" };
  return { kind: "id", id };
}

/**
 * A contact id written back as a client id cell (the Responses sheet): a whole-number key as the
 * number, so it joins a client list holding numbers; else kept as text.
 */
export function clientIdCell(contactId: string | null): Cell {
  if (contactId === null) return "";
  const key = clientKey(contactId);
  if (key === null) return "";
  return typeof key === "number" ? key : asText(contactId);
}
