import { describe, expect, it } from "vitest";
import { errorOf, loadAddon } from "../helpers";

/**
 * COMMENT_THEMES through the built Code.js. The scoring is checked by hand and by simulation in
 * test/shared/metrics/commentThemes.test.ts; here, how a sheet's cells arrive and what the table says.
 */
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

const comments = [
  ["Доставка опять задержалась"],
  ["доставки ждали неделю"],
  ["Долгая доставка, курьер грубил"],
  ["Что с доставкой?"],
  ["Цена высокая"],
  ["Нормально"],
  [""],
  ["Отличный сервис"],
  ["Всё понравилось, спасибо"],
  ["Быстро и удобно"],
  ["Спасибо, отличный сервис"],
  ["Удобное приложение"],
];
const scores = [[2], [5], ["3"], [0], [6], [8], [10], [9], [10], [9], [10], [9]];

describe("COMMENT_THEMES", () => {
  it("lists the theme that sets detractors apart, with its example and the small-sample note", () => {
    const addon = loadAddon();
    const out = addon.callCustomFunction("COMMENT_THEMES", comments, scores) as unknown[][];
    expect(out[0]).toEqual([
      "period",
      "theme",
      "side",
      "negative_comments",
      "positive_comments",
      "share_negative",
      "share_positive",
      "log_odds",
      "z",
      "example",
    ]);
    expect(out[1]?.slice(0, 7)).toEqual(["all", "доставка", "detractors", 4, 0, 0.8, 0]);
    expect(out[1]?.[7]).toBeCloseTo(Math.log(33), 10);
    expect(out[1]?.[9]).toBe("Что с доставкой?");
    expect(out[2]?.slice(0, 2)).toEqual([
      "all",
      "n = 10 comments is below 100: a theme here can be chance; read its examples",
    ]);
    expect(out).toHaveLength(3);
  });

  it("splits by period and speaks Russian in a Russian spreadsheet", () => {
    const ru = loadAddon({ spreadsheet: { locale: "ru_RU" } });
    const dates = comments.map((_, i) => [day(i < 6 ? "2024-01-15" : "2024-02-15")]);
    const out = ru.callCustomFunction("COMMENT_THEMES", comments, scores, 10, 3, 10, dates, "месяц") as unknown[][];
    expect(out.slice(1).map((row) => row.slice(0, 2))).toEqual([
      ["2024-01", "комментарии только одной группы (критики: 5, промоутеры: 0): сравнивать не с чем"],
      ["2024-02", "комментарии только одной группы (критики: 0, промоутеры: 5): сравнивать не с чем"],
    ]);
  });

  it("reads a 1–5 rating scale and says when nothing stands out", () => {
    const addon = loadAddon();
    const out = addon.callCustomFunction(
      "COMMENT_THEMES",
      [["slow"], ["fine"], ["great"], ["ok"]],
      [[1], [3], [5], [4]],
      5,
    ) as unknown[][];
    expect(out.slice(1).map((row) => row[1])).toEqual([
      "no word or phrase sets low ratings apart from high ratings here (p < 0.05, in at least 3 comments)",
      "n = 3 comments is below 100: a theme here can be chance; read its examples",
    ]);
  });

  it("names the cell of a score off the scale and uneven ranges", () => {
    const addon = loadAddon();
    expect(errorOf(() => addon.callCustomFunction("COMMENT_THEMES", [["a"], ["b"]], [[3], [11]]))).toBe(
      "COMMENT_THEMES: scores, row 2: 11 is outside the scale 0 to 10",
    );
    expect(errorOf(() => addon.callCustomFunction("COMMENT_THEMES", [["a"], ["b"]], [[3]]))).toMatch(
      /^COMMENT_THEMES: scores has 1 rows? but comments has 2/,
    );
  });
});
