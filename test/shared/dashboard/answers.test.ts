import { describe, expect, it } from "vitest";
import { dateReading } from "../../../shared/cells/dates";
import type { Cell } from "../../../shared/cells/values";
import { answersFromResponses, answersFromScoreColumn } from "../../../shared/dashboard/answers";
import { responsesHeader } from "../../../shared/sheets/responses";
import { messageOf } from "../helpers";
import { dayOf, utc } from "../txHelpers";
import { answer } from "./testData";

describe("survey answers", () => {
  const header = responsesHeader("en");
  const row = (id: string, type: string, score: Cell, created: Cell = "", flags = "", comment = ""): Cell[] => [
    id,
    "s1",
    "Survey",
    type,
    "17",
    score,
    comment,
    "en",
    true,
    flags,
    created,
    "",
  ];

  it("splits a Responses sheet by survey type, skipping answers without a score and other types", () => {
    const rows = [
      row("r1", "nps", 9, "2024-03-01", "", "great"),
      row("r2", "NPS", 3, "2024-03-02", "too_fast"),
      row("r3", "csat", 4),
      row("r4", "ces", 6.5),
      row("r5", "csi", 80),
      row("r6", "nps", ""),
      row("", "nps", 10),
    ];
    const answers = answersFromResponses("Responses", header, rows, utc);
    expect(answers.nps).toEqual([
      { score: 9, day: dayOf("2024-03-01"), comment: "great", flagged: false, surveyId: "s1", surveyTitle: "Survey" },
      { score: 3, day: dayOf("2024-03-02"), comment: "", flagged: true, surveyId: "s1", surveyTitle: "Survey" },
    ]);
    expect(answers.csat.map((a) => a.score)).toEqual([4]);
    expect(answers.ces.map((a) => a.score)).toEqual([6.5]);
  });

  it("finds the columns by their Russian headers too", () => {
    const answers = answersFromResponses("Responses", responsesHeader("ru"), [row("r1", "csat", "5")], utc);
    expect(answers.csat).toEqual([
      { score: 5, day: null, comment: "", flagged: false, surveyId: "s1", surveyTitle: "Survey" },
    ]);
  });

  it("names the sheet, column and cell of a score outside its type's scale", () => {
    const rows = [row("r1", "nps", 9), row("r2", "csat", 7)];
    expect(messageOf(() => answersFromResponses("Responses", header, rows, utc))).toBe(
      "Responses · Score, cell F3: 7 is outside the scale 1 to 5",
    );
    expect(messageOf(() => answersFromResponses("Responses", header, [row("r1", "nps", 8.5)], utc))).toBe(
      "Responses · Score, cell F2: 8.5 is not a whole number; NPS scores are whole numbers from 0 to 10",
    );
    expect(messageOf(() => answersFromResponses("Responses", header, [row("r1", "ces", "n/a")], utc), "ru")).toBe(
      "Responses · Score, ячейка F2: «n/a» не является оценкой от 1 до 7",
    );
  });

  it("reads NPS from a score column of the client list with its dates and comments", () => {
    const col = (...v: Cell[]) => v.map((c) => [c]);
    const answers = answersFromScoreColumn(
      { cells: col(9, "", "6", 10), origin: { row: 2, column: 5 }, name: "Clients · NPS score" },
      { cells: col("2024-01-05", "", "", "05.02.2024"), origin: { row: 2, column: 6 }, name: "Clients · Survey date" },
      { cells: col("ok", "ignored", "", "=1+1"), origin: { row: 2, column: 7 }, name: "Clients · Comment" },
      dateReading("UTC", "ru_RU"),
    );
    expect(answers).toEqual([
      answer(9, dayOf("2024-01-05"), "ok"),
      answer(6, null, ""),
      answer(10, dayOf("2024-02-05"), "=1+1"),
    ]);
  });

  it("names the cell of a bad score or date in the client list", () => {
    const col = (...v: Cell[]) => v.map((c) => [c]);
    const scores = { cells: col(9, 11), origin: { row: 2, column: 5 }, name: "Clients · NPS score" };
    expect(messageOf(() => answersFromScoreColumn(scores, null, null, utc))).toBe(
      "Clients · NPS score, cell E3: 11 is outside the scale 0 to 10",
    );
    const dates = { cells: col("soon", ""), origin: { row: 2, column: 6 }, name: "Clients · Survey date" };
    const ok = { ...scores, cells: col(9, 8) };
    expect(messageOf(() => answersFromScoreColumn(ok, dates, null, utc))).toMatch(
      /^Clients · Survey date, cell F2: "soon" is not a date/,
    );
  });
});
