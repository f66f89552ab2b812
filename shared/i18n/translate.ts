import { isRapportError } from "../errors";
import type { Locale } from "./locale";
import { en, type MessageKey, type MessageParams } from "./messages.en";
import { ru } from "./messages.ru";
import { fillTemplate } from "./template";

const catalogs: Record<Locale, Record<MessageKey, string>> = { en, ru };

/** The text for `key` in `locale` with `{name}` parameters filled in. */
export function t(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const template = catalogs[locale][key] as string | undefined;
  // Code.js carries only the texts its code names (addon/build/build.ts): say which one is missing.
  if (template === undefined) throw new Error(`Rapport: the text "${key}" was not built into this bundle`);
  return fillTemplate(template, params, (k, p) => t(locale, k, p), locale);
}

/** A person-readable message for any thrown value; RapportErrors are translated, others keep their text. */
export function errorMessage(error: unknown, locale: Locale): string {
  if (isRapportError(error)) return t(locale, error.key, error.params);
  if (error instanceof Error) return error.message;
  return String(error);
}
