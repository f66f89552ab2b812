import type { SurveyResponse } from "../../shared/api/surveys";
import type { Cell } from "../../shared/cells/values";
import { seededRandom } from "../../shared/random";
import { planColumns, planMerge, ResponseIndex, writeBlocks } from "../../shared/sheets/responsesSync";
import { type Bench, ms, time } from "./lib";

const ROWS = 100_000;
const PAGE = 500;

/**
 * The add-on's own work in "Sync answers", without Sheets or the network: indexing a Responses
 * sheet of 100,000 answers (the three columns read once per execution) and merging one page of 500
 * answers into it (half new, half edits of rows spread over the sheet) into write blocks.
 */
export const syncBench: Bench = {
  title: "Survey sync: merge a page of 500 answers into 100,000 rows",
  run() {
    const random = seededRandom(11);
    const { layout } = planColumns([], "en", []);
    const ids: Cell[] = Array.from(
      { length: ROWS },
      (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    );
    const surveys: Cell[] = ids.map(() => "s1");
    const updated: Cell[] = ids.map((_, i) => new Date(Date.UTC(2026, 0, 1) + i * 1000));
    const survey = { id: "s1", title: "Spring check-in", type: "nps" as const, factors: null };
    const page: SurveyResponse[] = Array.from({ length: PAGE }, (_, i) => ({
      id: i % 2 ? `new-${i}` : (ids[Math.floor(random() * ROWS)] as string),
      surveyId: "s1",
      contactId: String(1000 + i),
      source: "personal",
      score: i % 11,
      answers: null,
      comment: i % 3 ? "=a comment that must stay text" : null,
      language: "en",
      finished: true,
      flags: [],
      createdAt: "2026-04-21T10:00:00.000Z",
      updatedAt: "2026-04-22T10:00:00.000Z",
    }));
    const owned = Object.values(layout.columns);
    let blocks = 0;
    const indexing = time(() => new ResponseIndex(ids, surveys, updated));
    const index = new ResponseIndex(ids, surveys, updated);
    const merging = time(() => {
      const plan = planMerge(index, page, survey, layout);
      blocks = writeBlocks(plan.updates, owned).length + 1;
    });
    return [
      {
        name: "index 100,000 rows (ids, survey ids, updated)",
        value: ms(indexing.medianMs),
        goal: "≤ 500 ms",
        ok: indexing.medianMs <= 500,
      },
      {
        name: "merge 500 answers into write blocks",
        value: `${ms(merging.medianMs)} (${blocks} blocks)`,
        goal: "≤ 100 ms",
        ok: merging.medianMs <= 100,
      },
    ];
  },
};
