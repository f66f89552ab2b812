/**
 * What a person types into a preview cell, read as Sheets reads typed input in the spreadsheet's
 * locale, and a cell's content shown back in the formula bar.
 */
import type { CellValue } from "../harness/index";

const RU_NUMBER = /^[-+]?\d[\d\u00a0 ]*(?:,\d+)?$/;
const EN_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const RU_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

const iso = (y: string, m: string, d: string) => `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;

/**
 * Typed text in the form the harness's setValue() reads as Sheets would: "11,5" is a number and
 * "05.01.1997" a date in a Russian spreadsheet; "1/5/1997" (month first) a date in an American one;
 * TRUE/FALSE (ИСТИНА/ЛОЖЬ) booleans. Formulas and anything else pass unchanged.
 */
export function typedInput(text: string, locale: string): CellValue {
  const trimmed = text.trim();
  if (text.startsWith("=") || text.startsWith("'")) return text;
  const ru = locale.startsWith("ru");
  if (/^(true|истина)$/i.test(trimmed)) return true;
  if (/^(false|ложь)$/i.test(trimmed)) return false;
  if (ru && RU_NUMBER.test(trimmed)) return Number(trimmed.replace(/[\u00a0 ]/g, "").replace(",", "."));
  const date = ru ? RU_DATE.exec(trimmed) : EN_DATE.exec(trimmed);
  if (date) {
    const [, a, b, year] = date as unknown as [string, string, string, string];
    return ru ? iso(year, b, a) : iso(year, a, b);
  }
  return text;
}

/** A cell as the formula bar shows it: its formula, or its value as a person would type it again. */
export function inputText(value: CellValue, formula: string, display: string, locale: string): string {
  if (formula) return formula;
  if (typeof value === "number") return locale.startsWith("ru") ? String(value).replace(".", ",") : String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return display;
  return value;
}
