import { countNps, npsFromCounts } from "../../shared/metrics/nps";
import { csatShare, ratingScale, tallyScores } from "../../shared/metrics/survey";
import { seededRandom } from "../../shared/random";
import { type Bench, ms, timeAgainst } from "./lib";

const N = 1_000_000;

/**
 * NPS and CSAT over 1,000,000 scores shaped as Sheets passes a column (a 1,000,000×1 array), each
 * against a bare loop that only sums the same array, timed in alternation in the same run.
 */
export const surveyBench: Bench = {
  title: "Survey metrics on 1,000,000 scores",
  run() {
    const random = seededRandom(7);
    const npsColumn: number[][] = Array.from({ length: N }, () => [Math.floor(random() * 11)]);
    const csatColumn: number[][] = Array.from({ length: N }, () => [1 + Math.floor(random() * 5)]);
    let sink = 0;
    const sumLoop = (rows: number[][]) => () => {
      let sum = 0;
      for (let i = 0; i < rows.length; i++) sum += (rows[i] as number[])[0] as number;
      sink += sum;
    };
    const nps = timeAgainst(() => {
      sink += npsFromCounts(countNps(npsColumn));
    }, sumLoop(npsColumn));
    const csat = timeAgainst(() => {
      sink += csatShare(tallyScores(csatColumn, ratingScale(5), 4));
    }, sumLoop(csatColumn));
    if (Number.isNaN(sink)) throw new Error("unreachable");
    return [
      { name: "minimal summing loop (0–10 scores)", value: ms(nps.baseline.medianMs), goal: "reference", ok: true },
      {
        name: "NPS(scores)",
        value: `${ms(nps.fn.medianMs)} (${nps.ratio.toFixed(2)}× loop)`,
        goal: "≤ 3× loop",
        ok: nps.ratio <= 3,
      },
      { name: "minimal summing loop (1–5 scores)", value: ms(csat.baseline.medianMs), goal: "reference", ok: true },
      {
        name: "CSAT(scores)",
        value: `${ms(csat.fn.medianMs)} (${csat.ratio.toFixed(2)}× loop)`,
        goal: "≤ 3× loop",
        ok: csat.ratio <= 3,
      },
    ];
  },
};
