import { describe, expect, it } from "vitest";
import { noAnswers } from "../../../shared/dashboard/answers";
import { customerFigures, latestComments, surveyFigures, trendRows } from "../../../shared/dashboard/figures";
import { FORMATS, REPORT_WIDTH, reportLayout } from "../../../shared/dashboard/report";
import { dayOf, txOf } from "../txHelpers";
import { answer } from "./testData";

describe("report layout", () => {
  const tx = txOf([
    [1, "2024-01-05", 10],
    [1, "2024-02-05", 20],
    [2, "2024-01-25", 30],
    [2, "2024-03-01", 40],
    [3, "2024-03-31", 50],
  ]);
  const nps = [answer(10, dayOf("2024-01-09"), "+fast"), answer(3, dayOf("2024-03-30"), "=SUM(A1)"), answer(8, null)];
  const customers = customerFigures(tx, "month");
  const trend = trendRows(tx, customers, nps, "month");
  const answers = { ...noAnswers(), nps };
  const input = (locale: "en" | "ru") => ({
    locale,
    period: "month" as const,
    generatedAt: new Date(Date.UTC(2024, 3, 1)),
    sources: ["transactions: Sales (ID, Date, Sum)"],
    survey: surveyFigures(answers),
    customers,
    trend,
    alerts: [],
    comments: latestComments(answers),
    notes: ["A note."],
  });

  it("is one rectangular block of values and formats, with no NaN, Infinity or undefined", () => {
    const layout = reportLayout(input("en"));
    expect(layout.values.length).toBe(layout.formats.length);
    for (const [r, row] of layout.values.entries()) {
      expect(row).toHaveLength(REPORT_WIDTH);
      expect(layout.formats[r]).toHaveLength(REPORT_WIDTH);
      for (const cell of row) {
        expect(cell).not.toBeUndefined();
        if (typeof cell === "number") expect(Number.isFinite(cell)).toBe(true);
      }
    }
    for (const format of layout.formats.flat()) expect(Object.values(FORMATS)).toContain(format);
  });

  it("puts each figure beside its label, and points the charts at the trend table", () => {
    const layout = reportLayout(input("en"));
    const find = (label: string) => layout.values.find((row) => row[0] === label);
    expect(find("NPS (points)")?.slice(1, 6)).toEqual([
      (100 * (1 - 1)) / 3,
      expect.any(Number),
      expect.any(Number),
      3,
      "answers",
    ]);
    expect(find("Repeat rate")?.[1]).toBeCloseTo(2 / 3, 12);
    expect(find("Average order value")?.[1]).toBe(30);
    const headerRow = layout.values.findIndex((row) => row[0] === "Period") + 1;
    expect(layout.boldRows).toContain(headerRow);
    const keys = layout.charts.map((c) => c.key);
    expect(keys).toEqual(["nps", "churn", "revenue", "breakdown"]);
    for (const chart of layout.charts.filter((c) => c.type !== "PIE")) {
      expect(chart.ranges[0]).toEqual({ row: headerRow, column: 1, numRows: trend.length + 1, numColumns: 1 });
    }
    const nps = layout.charts.find((c) => c.key === "nps");
    const column = nps?.ranges[1]?.column as number;
    const series = layout.values.slice(headerRow, headerRow + trend.length).map((row) => row[column - 1]);
    expect(series).toEqual(trend.map((r) => r.nps ?? ""));
    expect(new Set(layout.charts.map((c) => c.anchorRow)).size).toBe(4);
    const pie = layout.charts.find((c) => c.key === "breakdown");
    const pieRows = layout.values.slice((pie?.ranges[0]?.row as number) - 1, (pie?.ranges[0]?.row as number) + 3);
    expect(pieRows.map((r) => r.slice(0, 2))).toEqual([
      ["Group", "Answers"],
      ["Promoters (9–10)", 1],
      ["Passives (7–8)", 1],
      ["Detractors (0–6)", 1],
    ]);
  });

  it("writes period labels and respondents' text so that Sheets keeps them as text", () => {
    const layout = reportLayout(input("en"));
    const cells = layout.values.flat().filter((c): c is string => typeof c === "string");
    expect(cells).toContain("'2024-01");
    expect(cells).toContain("'=SUM(A1)");
    expect(cells).toContain("'+fast");
    expect(cells.filter((c) => /^[=+\-@]/.test(c))).toEqual([]);
  });

  it("is in Russian for a Russian reader", () => {
    const layout = reportLayout(input("ru"));
    expect(layout.values[0]?.[0]).toBe("Отчёт Rapport");
    expect(layout.values.some((row) => row[0] === "Повторные покупки")).toBe(true);
    expect(layout.charts.map((c) => c.title)).toEqual([
      "NPS по месяцам",
      "Отток по месяцам",
      "Выручка по месяцам",
      "Структура NPS",
    ]);
  });

  it("explains missing figures in place", () => {
    const layout = reportLayout({
      ...input("en"),
      survey: surveyFigures(noAnswers()),
      trend: trendRows(tx, customers, [], "month"),
      comments: [],
    });
    expect(layout.values.find((row) => row[0] === "NPS (points)")?.[6]).toMatch(/^No NPS answers yet/);
    expect(layout.charts.map((c) => c.key)).toEqual(["churn", "revenue"]);
  });
});
