import type { Locale } from "./locale";
import type { MessageKey, MessageParam, MessageParams } from "./messages.en";

/**
 * A template with its parameters filled in: `{name}` is the parameter; a nested text parameter is
 * rendered by `nested` (in the same language). `{n, plural, one {# answer} other {# answers}}`
 * picks the form Intl.PluralRules gives for n in `locale` (Russian: one, few, many, other) and
 * writes n for `#` as it was given (already formatted, "1 234"). Shared by Code.js and the
 * sidebars, which hold their own texts.
 */
export function fillTemplate(
  template: string,
  params: MessageParams,
  nested: (key: MessageKey, params?: MessageParams) => string,
  locale: Locale,
): string {
  const has = (name: string) => Object.keys(params).includes(name); // Object.hasOwn is newer than Apps Script's V8
  const withPlurals = template.replace(
    /\{(\w+), plural,((?:\s*[\w=]+\s*\{[^{}]*\})+)\s*\}/g,
    (whole, name: string, cases: string) => {
      if (!has(name)) return whole;
      const given = String(params[name] as MessageParam);
      // A count may come formatted ("1 234", "1,234"): its digits decide the form.
      const n = Number(given.replace(/[^\d.-]/g, ""));
      const forms = new Map<string, string>();
      for (const m of cases.matchAll(/([\w=]+)\s*\{([^{}]*)\}/g)) forms.set(m[1] as string, m[2] as string);
      const form = forms.get(`=${n}`) ?? forms.get(new Intl.PluralRules(locale).select(n)) ?? forms.get("other") ?? "";
      return form.replace(/#/g, given);
    },
  );
  return withPlurals.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!has(name)) return whole;
    const value = params[name] as MessageParam;
    return typeof value === "object" ? nested(value.key, value.params) : String(value);
  });
}
