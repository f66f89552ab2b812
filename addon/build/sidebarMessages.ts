import { en, type MessageKey } from "../../shared/i18n/messages.en";
import { ru } from "../../shared/i18n/messages.ru";

/**
 * The texts a sidebar uses, found in its page and its bundled script, so that each sidebar
 * carries its own few dozen texts instead of the whole catalog of every surface (~110 KB).
 *
 * A key is used when its name appears in the page or the script (`data-i18n="…"`, `tr("…")`,
 * a table of keys). A key built at run time (`tr(\`ui.dashboard.role.${role}\`)`, or
 * `"survey.status." + kind`) leaves its fixed prefix before `${` or `" +`: every key under such
 * a prefix is taken. The sidebars' tr() throws on a key that is missing, and the browser tests
 * open every sidebar in both languages.
 */
const KEYS = Object.keys(en) as MessageKey[];

/** Fixed prefixes of keys built at run time: "ui.dashboard.role." in `ui.dashboard.role.${role}`. */
const DYNAMIC_PREFIX = /([A-Za-z][\w-]*(?:\.[\w-]+)*\.)(?:\$\{|["'`]\s*\+)/g;

export function messagesUsedBy(text: string): MessageKey[] {
  const prefixes = new Set<string>();
  for (const match of text.matchAll(DYNAMIC_PREFIX)) {
    const prefix = match[1] as string;
    if (KEYS.some((k) => k.startsWith(prefix))) prefixes.add(prefix);
  }
  return KEYS.filter((key) => text.includes(key) || [...prefixes].some((p) => key.startsWith(p)));
}

/** JSON that can stand inside a <script> element: "</" cannot end it early. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/<\//g, "<\\/");
}

/** The <script type="application/json"> elements holding a sidebar's texts in each language. */
export function messageScripts(keys: readonly MessageKey[]): string {
  const pick = (catalog: Record<MessageKey, string>) => Object.fromEntries(keys.map((k) => [k, catalog[k]]));
  return [
    `<script type="application/json" id="rapport-messages-en">${scriptJson(pick(en))}</script>`,
    `<script type="application/json" id="rapport-messages-ru">${scriptJson(pick(ru))}</script>`,
  ].join("\n");
}
