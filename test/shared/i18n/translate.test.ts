import { describe, expect, it } from "vitest";
import { RapportError } from "../../../shared/errors";
import { localeFromTag } from "../../../shared/i18n/locale";
import { en } from "../../../shared/i18n/messages.en";
import { ru } from "../../../shared/i18n/messages.ru";
import { errorMessage, t } from "../../../shared/i18n/translate";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

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
    expect(t("en", "ui.nps.answers")).toBe("{n} answers");
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
