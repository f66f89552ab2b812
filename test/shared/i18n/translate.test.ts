import { describe, expect, it } from "vitest";
import { RapportError } from "../../../shared/errors";
import { localeFromTag } from "../../../shared/i18n/locale";
import { en } from "../../../shared/i18n/messages.en";
import { ru } from "../../../shared/i18n/messages.ru";
import { errorMessage, t } from "../../../shared/i18n/translate";

/** The parameters a text uses, plain ({n}) or plural ({n, plural, …}), each once. */
const placeholders = (text: string) =>
  [...new Set([...text.matchAll(/\{(\w+)(?:\}|, plural,)/g)].map((m) => m[1]))].sort();

describe("messages", () => {
  it("has a Russian text for every English one, with the same parameters", () => {
    expect(Object.keys(ru).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(ru[key]), key).toEqual(placeholders(en[key]));
      expect(ru[key].trim(), key).not.toBe("");
    }
  });

  it("fills parameters, including nested texts rendered in the same language", () => {
    const params = {
      arg: "scores",
      cell: { key: "cell.row", params: { row: 4 } },
      value: 11,
      min: 0,
      max: 10,
    } as const;
    expect(t("en", "input.scoreOutOfScale", params)).toBe("scores, row 4: 11 is outside the scale 0 to 10");
    expect(t("ru", "input.scoreOutOfScale", params)).toBe("scores, строка 4: 11 вне шкалы от 0 до 10");
  });

  it("leaves unknown placeholders visible rather than silently empty", () => {
    expect(t("en", "ui.nps.share")).toBe("{count} · {share}");
    expect(t("en", "ui.nps.answers")).toBe("{n, plural, one {# answer} other {# answers}}");
  });

  it("renders errors of any kind", () => {
    expect(errorMessage(new RapportError("input.empty", { arg: "scores" }), "en")).toContain("scores is empty");
    expect(errorMessage(new Error("plain"), "ru")).toBe("plain");
    expect(errorMessage("text", "en")).toBe("text");
  });
});

describe("localeFromTag", () => {
  it.each([
    ["ru", "ru"],
    ["ru_RU", "ru"],
    ["ru-RU", "ru"],
    ["RU", "ru"],
    ["en_US", "en"],
    ["de_DE", "en"],
    ["", "en"],
    [null, "en"],
    ["rus", "en"],
  ])("%j → %s", (tag, locale) => {
    expect(localeFromTag(tag)).toBe(locale);
  });
});

describe("survey wording", () => {
  it("asks CES as a statement, as its agree–disagree scale reads (CES 2.0), in both languages", () => {
    for (const locale of ["en", "ru"] as const) {
      const question = t(locale, "ui.surveys.default.ces");
      expect(question.endsWith("?"), question).toBe(false);
      expect(t(locale, "survey.page.ces.low")).toMatch(/disagree|не согласен/i);
    }
  });
});

describe("plural forms", () => {
  it("follow each language's rules, as Intl.PluralRules gives them", () => {
    const en = [1, 2, 21].map((n) => t("en", "ui.nps.answers", { n }));
    expect(en).toEqual(["1 answer", "2 answers", "21 answers"]);
    const ru = [1, 2, 5, 11, 21, 22, 25, 111].map((n) => t("ru", "ui.dashboard.n.answers", { n }));
    expect(ru).toEqual([
      "n = 1 ответ",
      "n = 2 ответа",
      "n = 5 ответов",
      "n = 11 ответов",
      "n = 21 ответ",
      "n = 22 ответа",
      "n = 25 ответов",
      "n = 111 ответов",
    ]);
    // A count already formatted for reading keeps its look; its digits choose the form.
    expect(t("ru", "ui.dashboard.n.answers", { n: "1\u00a0001" })).toBe("n = 1\u00a0001 ответ");
    expect(t("en", "ui.send.sendsScheduled", { count: 1 })).toBe(
      "Scheduled sends every morning for 1 survey or message.",
    );
  });
});

describe("punctuation", () => {
  it("never ends a sentence right after a date, whose Russian form ends in a point (3 дек. 2026 г.)", () => {
    for (const [key, text] of Object.entries(ru)) {
      expect(/\{(date|when|day)\}\.(\s|$)/.test(text), key).toBe(false);
    }
  });
});
