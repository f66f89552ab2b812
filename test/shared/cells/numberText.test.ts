import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type NumberConvention,
  notNumberError,
  numberConvention,
  parseNumberText,
  readNumberText,
} from "../../../shared/cells/numberText";
import { t } from "../../../shared/i18n/translate";

describe("numeric text by the spreadsheet's locale", () => {
  it("knows each locale's convention", () => {
    expect(["en_US", "en_GB", "en-US", "ja_JP", "zh_CN", "de_CH", "es_MX", "he_IL"].map(numberConvention)).toEqual(
      Array(8).fill("dot"),
    );
    expect(["de_DE", "es_ES", "it_IT", "pt_BR", "nl_NL", "tr_TR", "id_ID"].map(numberConvention)).toEqual(
      Array(7).fill("commaDot"),
    );
    expect(["ru_RU", "uk_UA", "fr_FR", "pl_PL", "sv_SE", "fi_FI", "cs_CZ", "en_ZA"].map(numberConvention)).toEqual(
      Array(8).fill("commaSpace"),
    );
  });

  // text, English sheet, German sheet, Russian sheet
  it.each([
    ["9", 9, 9, 9],
    [" 10 ", 10, 10, 10],
    ["-3.5", -3.5, -3.5, -3.5],
    ["+4", 4, 4, 4],
    ["1e3", 1000, 1000, 1000],
    [".5", 0.5, 0.5, 0.5],
    ["$12.50", 12.5, 12.5, 12.5],
    ["12,50 ₽", 12.5, 12.5, 12.5],
    ["1 234,56", 1234.56, 1234.56, 1234.56],
    ["1\u00a0234,56", 1234.56, 1234.56, 1234.56],
    ["1,234.56", 1234.56, 1234.56, 1234.56],
    ["1.234,56", 1234.56, 1234.56, 1234.56],
    ["12,5", 12.5, 12.5, 12.5],
    ["1,234,567", 1234567, 1234567, 1234567],
    ["1.234.567", 1234567, 1234567, 1234567],
    // The two that differ by locale: each sheet reads them as it would a typed number.
    ["1,234", 1234, 1.234, 1.234],
    ["1.234", 1.234, 1234, "ambiguous"],
    ["", "notNumber", "notNumber", "notNumber"],
    ["n/a", "notNumber", "notNumber", "notNumber"],
    ["1.2.3", "notNumber", "notNumber", "notNumber"],
    ["12,3,4", "notNumber", "notNumber", "notNumber"],
    ["--1", "notNumber", "notNumber", "notNumber"],
    ["9 out of 10", "notNumber", "notNumber", "notNumber"],
  ])("%j → English %s, German %s, Russian %s", (text, en, de, ru) => {
    expect(readNumberText(text, "dot")).toBe(en);
    expect(readNumberText(text, "commaDot")).toBe(de);
    expect(readNumberText(text, "commaSpace")).toBe(ru);
  });

  it("reads what each convention writes back as the same number (property)", () => {
    const write = (value: number, convention: NumberConvention): string => {
      const [whole, fraction] = Math.abs(value).toFixed(2).split(".") as [string, string];
      const group = convention === "dot" ? "," : convention === "commaDot" ? "." : "\u00a0";
      const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
      return `${value < 0 ? "-" : ""}${grouped}${convention === "dot" ? "." : ","}${fraction}`;
    };
    fc.assert(
      fc.property(
        fc.integer({ min: -99_999_999, max: 99_999_999 }),
        fc.constantFrom<NumberConvention>("dot", "commaDot", "commaSpace"),
        (cents, convention) => {
          const value = cents / 100;
          expect(parseNumberText(write(value, convention), convention)).toBeCloseTo(value, 9);
        },
      ),
    );
  });

  it("names the cell and both readings when text is ambiguous", () => {
    const error = notNumberError("1.234", "commaSpace", "amounts", { key: "cell.a1", params: { cell: "C7" } });
    expect(t("en", error.key, error.params)).toBe(
      'amounts, cell C7: "1.234" can be read two ways in this spreadsheet (a decimal point, or a point between thousands); write "1,234" or "1234"',
    );
    expect(t("ru", error.key, error.params)).toBe(
      "amounts, ячейка C7: «1.234» в этой таблице можно прочитать двояко (точка как десятичный знак или как разделитель тысяч); напишите «1,234» или «1234»",
    );
    expect(notNumberError("n/a", "commaSpace", "amounts", { key: "cell.a1", params: { cell: "C7" } }).key).toBe(
      "input.notNumber",
    );
  });
});
