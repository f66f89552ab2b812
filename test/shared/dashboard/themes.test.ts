import { describe, expect, it } from "vitest";
import { noAnswers } from "../../../shared/dashboard/answers";
import { surveyFigures } from "../../../shared/dashboard/figures";
import { reportLayout } from "../../../shared/dashboard/report";
import { themesFigure } from "../../../shared/dashboard/themes";
import { answer } from "./testData";

describe("What clients say", () => {
  // Worked by hand (as COMMENT_THEMES' example): 4 of 5 detractors write about delivery, none of
  // the 5 promoters; z = ln 33 / 1.75235 = 1.995. A passive and a flagged answer are not compared.
  const nps = [
    answer(2, null, "Доставка опять задержалась"),
    answer(5, null, "доставки ждали неделю"),
    answer(3, null, "Долгая доставка, курьер грубил"),
    answer(0, null, "Что с доставкой?"),
    answer(6, null, "Цена высокая"),
    answer(8, null, "доставка нормальная, доставка"),
    answer(1, null, "доставка, доставка, доставка", true),
    answer(10, null, "Отличный сервис"),
    answer(9, null, "Всё понравилось, спасибо"),
    answer(10, null, "Быстро и удобно"),
    answer(9, null, "Спасибо, отличный сервис"),
    answer(10, null, "Удобное приложение"),
    answer(10, null, ""),
  ];

  it("compares detractors' comments with promoters', leaving out passives, flagged answers and blanks", () => {
    const figure = themesFigure(nps);
    expect(figure).toMatchObject({ negative: 5, positive: 5, n: 10, smallSample: true });
    expect(figure?.themes.map((t) => [t.text, t.side, t.negative, t.positive])).toEqual([
      ["доставка", "negative", 4, 0],
    ]);
    expect(figure?.themes[0]?.z).toBeCloseTo(1.99533, 4);
    expect(figure?.themes[0]?.examples).toEqual(["Что с доставкой?", "доставки ждали неделю"]);
  });

  it("is absent without comments", () => {
    expect(themesFigure([answer(9, null), answer(3, null)])).toBeNull();
  });

  it("goes into the report in the reader's language", () => {
    const figure = themesFigure(nps);
    const layout = reportLayout({
      locale: "ru",
      period: "month",
      generatedAt: new Date(Date.UTC(2024, 3, 1)),
      sources: [],
      survey: surveyFigures({ ...noAnswers(), nps }),
      customers: null,
      trend: [],
      alerts: [],
      comments: [],
      themes: figure,
      notes: [],
    });
    const title = layout.values.findIndex((row) => row[0] === "О чём пишут клиенты");
    expect(title).toBeGreaterThan(0);
    expect(layout.values[title + 1]?.[0]).toMatch(/^Из 10 комментариев к NPS: критиков — 5, промоутеров — 5\./);
    expect(layout.values[title + 2]?.[0]).toBe("n < 100: может сильно меняться случайно");
    expect(layout.values[title + 4]?.slice(0, 7)).toEqual(["'доставка", "критики", 4, 0, 0.8, 0, "'Что с доставкой?"]);
  });
});
