import { describe, expect, it } from "vitest";
import { messageScripts, messagesUsedBy } from "../../addon/build/sidebarMessages";
import { en } from "../../shared/i18n/messages.en";
import { ru } from "../../shared/i18n/messages.ru";

describe("the texts a bundle uses", () => {
  it("finds keys named in the page and the script", () => {
    const used = messagesUsedBy('<h1 data-i18n="ui.help.title"></h1><script>x("ui.nps.working")</script>');
    expect(used).toEqual(expect.arrayContaining(["ui.help.title", "ui.nps.working"]));
    expect(used).not.toContain("ui.dashboard.title");
  });

  it("takes every key under the fixed prefix of a key built at run time", () => {
    const roles = Object.keys(en).filter((k) => k.startsWith("ui.dashboard.role."));
    expect(roles.length).toBeGreaterThan(2);
    // A template literal, as esbuild leaves it, and a concatenation.
    const placeholder = "$" + "{r}"; // source text as esbuild leaves it, not a template here
    expect(messagesUsedBy(`tr(\`ui.dashboard.role.${placeholder}\`)`)).toEqual(expect.arrayContaining(roles));
    expect(messagesUsedBy('t("ui.dashboard.role."+r)')).toEqual(expect.arrayContaining(roles));
    // A prefix of no key adds nothing.
    expect(messagesUsedBy(`\`no.such.prefix.${placeholder}\``)).toEqual([]);
  });

  it("writes each language's texts as JSON that cannot end its script element", () => {
    const html = messageScripts(["ui.help.title"]);
    const en1 = /id="rapport-messages-en">(.*?)<\/script>/.exec(html)?.[1] ?? "";
    const ru1 = /id="rapport-messages-ru">(.*?)<\/script>/.exec(html)?.[1] ?? "";
    expect(JSON.parse(en1)).toEqual({ "ui.help.title": en["ui.help.title"] });
    expect(JSON.parse(ru1)).toEqual({ "ui.help.title": ru["ui.help.title"] });
    expect(messageScripts(Object.keys(en) as (keyof typeof en)[]).match(/<\/script>/g)).toHaveLength(2);
  });
});
