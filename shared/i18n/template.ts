import type { MessageKey, MessageParam, MessageParams } from "./messages.en";

/**
 * A template with its `{name}` parameters filled in; a nested text parameter is rendered by
 * `nested` (in the same language). Shared by Code.js and the sidebars, which hold their own texts.
 */
export function fillTemplate(
  template: string,
  params: MessageParams,
  nested: (key: MessageKey, params?: MessageParams) => string,
): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!Object.keys(params).includes(name)) return whole; // Object.hasOwn is newer than Apps Script's V8
    const value = params[name] as MessageParam;
    return typeof value === "object" ? nested(value.key, value.params) : String(value);
  });
}
