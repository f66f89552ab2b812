import { RapportError } from "../errors";
import type { NestedText } from "../i18n/messages.en";
import { type Cell, displayValue } from "./values";

/**
 * How a spreadsheet's locale writes numbers, for numbers that arrive as text (pasted or imported
 * columns). Sheets itself reads typed numbers by the spreadsheet's locale: "1.234" is 1.234 in an
 * English spreadsheet and 1234 in a German one. Rapport reads numeric text the same way:
 *   dot: decimal ".", groups "," (en_US, en_GB, ja_JP, zh_CN, de_CH, es_MX, …);
 *   commaDot: decimal ",", groups "." or spaces (de_DE, es_ES, it_IT, pt_BR, nl_NL, tr_TR, …);
 *   commaSpace: decimal ",", groups spaces (ru_RU, uk_UA, fr_FR, pl_PL, sv_SE, fi_FI, cs_CZ, …).
 * Text written in the other convention is read too when it can mean only one number ("3,5" in an
 * English sheet, "1,234.56" in a German one); text that could mean two ("1.234" in a Russian sheet:
 * 1.234 to an English eye, 1234 to a German one) is refused, naming the cell.
 */
export type NumberConvention = "dot" | "commaDot" | "commaSpace";

/** Languages (and a few regions) whose decimal separator is a dot, after CLDR. */
const DOT_LANGUAGES = new Set(["en", "ja", "zh", "ko", "th", "he", "iw", "hi", "ms", "fil", "tl", "ga", "mt", "sw"]);
const DOT_LOCALES = new Set(["de_CH", "it_CH", "rm_CH", "es_MX", "es_US", "es_PR", "es_DO", "es_GT", "es_PA"]);
/** Comma-decimal languages that group digits with dots (the rest group with spaces). */
const DOT_GROUPING_LANGUAGES = new Set([
  "de",
  "es",
  "it",
  "pt",
  "nl",
  "id",
  "tr",
  "da",
  "el",
  "ro",
  "hr",
  "sl",
  "sr",
  "vi",
]);
/** English locales that write a decimal comma. */
const COMMA_ENGLISH = new Set(["en_ZA"]);

/** The convention of a spreadsheet locale such as "ru_RU", "en-US" or "de". */
export function numberConvention(locale: string): NumberConvention {
  const normal = locale.replace("-", "_");
  const language = (normal.split("_")[0] ?? "").toLowerCase();
  if (COMMA_ENGLISH.has(normal)) return "commaSpace";
  if (DOT_LOCALES.has(normal) || DOT_LANGUAGES.has(language)) return "dot";
  return DOT_GROUPING_LANGUAGES.has(language) ? "commaDot" : "commaSpace";
}

const SPACES = /[\s\u00a0\u202f']/g;
const PLAIN_NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i;
const GROUPED_COMMA = /^[-+]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
const GROUPED_DOT = /^[-+]?\d{1,3}(?:\.\d{3})+(?:,\d*)?$/;
const DECIMAL_COMMA = /^[-+]?\d*,\d+$/;
const CURRENCY = /^[$€£₽]|[$€£₽]$|\s?(?:руб\.?|р\.)$/i;

/** A number read from text, or why not: not a number at all, or two readings. */
export type NumberTextReading = number | "notNumber" | "ambiguous";

/**
 * Reads a number typed as text: "9", "1 234,56", "1,234.56", "1.234,56", "-3.5", "$12.50". Why by
 * hand: the convention comes from the spreadsheet, and a column may mix the two; no library reads
 * one convention and recognises the other only where it is unambiguous.
 */
export function readNumberText(text: string, convention: NumberConvention): NumberTextReading {
  const s = text.trim().replace(CURRENCY, "").replace(SPACES, "");
  if (s === "") return "notNumber";
  const plain = PLAIN_NUMBER.test(s); // digits with at most one ".": "1.5", "1.234", "17"
  const groupedComma = GROUPED_COMMA.test(s); // "1,234", "1,234.5"
  const groupedDot = GROUPED_DOT.test(s); // "1.234", "1.234,5", "1.234.567"
  const decimalComma = DECIMAL_COMMA.test(s); // "3,5", "1,234"
  const english = () => Number(s.replace(/,/g, ""));
  const german = () => Number(s.replace(/\./g, "").replace(",", "."));
  if (!s.includes(",") && !s.includes(".")) return plain ? Number(s) : "notNumber";
  if (convention === "dot") {
    if (plain) return Number(s);
    if (groupedComma) return english();
    if (groupedDot || decimalComma) return german(); // only a comma-decimal reading exists
    return "notNumber";
  }
  // Comma-decimal spreadsheets: a comma is the decimal mark wherever it can be.
  if (decimalComma) return Number(s.replace(",", "."));
  if (groupedDot && s.includes(",")) return german(); // "1.234,56"
  if (groupedDot) {
    // "1.234" or "1.234.567": dots as groups (German style) or one decimal dot (English style).
    if (convention === "commaDot" || !plain) return german();
    return "ambiguous";
  }
  if (plain) return Number(s); // "1.5": a decimal dot, nothing else it could be
  if (groupedComma) return english(); // "1,234.56"
  return "notNumber";
}

/**
 * Why a cell is not a number, as the error naming its cell: "ambiguous" text says which two
 * numbers it could be and how to write either.
 */
export function notNumberError(
  cell: Cell,
  convention: NumberConvention,
  arg: string,
  position: NestedText,
): RapportError {
  const value = displayValue(cell);
  if (typeof cell === "string" && readNumberText(cell, convention) === "ambiguous") {
    const digits = cell.trim();
    return new RapportError("input.ambiguousNumber", {
      arg,
      cell: position,
      value,
      asDecimal: digits.replace(".", ","),
      asWhole: digits.replace(/\./g, ""),
    });
  }
  return new RapportError("input.notNumber", { arg, cell: position, value });
}

/** readNumberText as a number, or null for anything that is not one (or not surely one). */
export function parseNumberText(text: string, convention: NumberConvention): number | null {
  const read = readNumberText(text, convention);
  return typeof read === "number" && Number.isFinite(read) ? read : null;
}
