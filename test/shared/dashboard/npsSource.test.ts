import { describe, expect, it } from "vitest";
import type { Answer } from "../../../shared/dashboard/answers";
import { trendRows } from "../../../shared/dashboard/figures";
import { chosenNpsSource, npsSources } from "../../../shared/dashboard/npsSource";
import { countedInFigures, FLAGGED_IN_FIGURES } from "../../../shared/surveys/flags";

const synced = (surveyId: string, surveyTitle: string, score: number, flagged = false): Answer => ({
  score,
  day: null,
  comment: "",
  flagged,
  surveyId,
  surveyTitle,
});
const fromColumn = (score: number): Answer => ({
  score,
  day: null,
  comment: "",
  flagged: false,
  surveyId: null,
  surveyTitle: "",
});

describe("NPS sources", () => {
  const pulse = [synced("s1", "Pulse", 9), synced("s1", "Pulse", 3, true)];
  const spring = [synced("s2", "Spring", 10)];
  const column = [fromColumn(9), fromColumn(10), fromColumn(2)];

  it("offers all synced surveys, each of them when there are several, and the client list's column", () => {
    const offered = npsSources(
      { sheet: "Responses", nps: [...pulse, ...spring] },
      { name: "Clients · NPS", nps: column },
    );
    expect(offered.map((s) => [s.key, s.name, s.answers.length])).toEqual([
      ["responses", "Responses", 3],
      ["survey:s1", "Pulse", 2],
      ["survey:s2", "Spring", 1],
      ["column", "Clients · NPS", 3],
    ]);
    // One survey only: "all synced surveys" says it; no second line for the same answers.
    expect(npsSources({ sheet: "Responses", nps: pulse }, null).map((s) => s.key)).toEqual(["responses"]);
    // A source without answers is not offered.
    expect(
      npsSources({ sheet: "Responses", nps: [] }, { name: "Clients · NPS", nps: column }).map((s) => s.key),
    ).toEqual(["column"]);
  });

  it("keeps the remembered source while it is there, else takes the first", () => {
    const offered = npsSources({ sheet: "Responses", nps: pulse }, { name: "Clients · NPS", nps: column });
    expect(chosenNpsSource(offered, "column")?.key).toBe("column");
    expect(chosenNpsSource(offered, "survey:gone")?.key).toBe("responses");
    expect(chosenNpsSource(offered, null)?.key).toBe("responses");
    expect(chosenNpsSource([], "column")).toBeNull();
  });
});

describe("flagged answers", () => {
  it("are left out of every figure, the trend included, by one rule", () => {
    expect(FLAGGED_IN_FIGURES).toBe(false);
    const answers = [synced("s1", "Pulse", 10, true), synced("s1", "Pulse", 0)].map((a) => ({ ...a, day: 20_000 }));
    expect(countedInFigures(answers)).toHaveLength(1);
    // The month of day 20,000: one counted answer, a detractor: NPS −100 from n = 1.
    const [row] = trendRows(null, null, answers, "month");
    expect(row).toMatchObject({ npsN: 1, nps: -100, detractors: 1, promoters: 0 });
  });
});
