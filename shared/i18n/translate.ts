import { isRapportError } from "../errors";
import type { Locale } from "./locale";
import { en, type MessageKey, type MessageParam, type MessageParams } from "./messages.en";
import { ru } from "./messages.ru";

const catalogs: Record<Locale, Record<MessageKey, string>> = { en, ru };

/** The text for `key` in `locale` with `{name}` parameters filled in. */
export function t(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const template = catalogs[locale][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!Object.keys(params).includes(name)) return whole; // Object.hasOwn is newer than Apps Script's V8
    const value = params[name] as MessageParam;
    return typeof value === "object" ? t(locale, value.key, value.params) : String(value);
  });
}

/** A person-readable message for any thrown value; RapportErrors are translated, others keep their text. */
export function errorMessage(error: unknown, locale: Locale): string {
  if (isRapportError(error)) return t(locale, error.key, error.params);
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Every text of one language, for sidebars that render on the client. */
export function catalog(locale: Locale): Readonly<Record<MessageKey, string>> {
  return catalogs[locale];
}
