import type { Locale } from "../i18n/locale";

/**
 * Numbers inside sentences the add-on writes (alerts, notes), in the reader's convention:
 * "12.5" and "12.5%" in English, "12,5" and "12,5 %" in Russian. Cells keep numbers as numbers
 * with a number format; only text needs this. Written by hand: Apps Script's Intl data vary.
 */

const MINUS = "\u2212";

export function fixed(value: number, digits: number, locale: Locale): string {
  const text = Math.abs(value).toFixed(digits);
  const negative = value < 0 && Number(text) !== 0;
  const local = locale === "ru" ? text.replace(".", ",") : text;
  return negative ? `${MINUS}${local}` : local;
}

/** With an explicit sign, as NPS and changes are read: "+18.5", "−3.0", "0.0". */
export function signed(value: number, digits: number, locale: Locale): string {
  const text = fixed(value, digits, locale);
  return value > 0 && Number(Math.abs(value).toFixed(digits)) !== 0 ? `+${text}` : text;
}

/** A share 0…1 as a percentage. */
export function percent(share: number, digits: number, locale: Locale): string {
  const text = fixed(100 * share, digits, locale);
  return locale === "ru" ? `${text}\u00a0%` : `${text}%`;
}

/** A p-value as written after a result: "p = 0.031", or "p < 0.001". */
export function pValue(p: number, locale: Locale): string {
  return p < 0.001 ? `p < ${fixed(0.001, 3, locale)}` : `p = ${fixed(p, 3, locale)}`;
}
