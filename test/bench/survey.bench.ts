import { countNps, npsFromCounts } from "../../shared/metrics/nps";
import { type Bench, ms, seeded, time } from "./lib";

const N = 1_000_000;

/** NPS over 1,000,000 scores shaped as Sheets passes a column (a 1,000,000×1 array), against a bare summing loop. */
export const surveyBench: Bench = {
  title: "Survey metrics on 1,000,000 scores",
  run() {
    const random = seeded(7);
    const column: number[][] = Array.from({ length: N }, () => [Math.floor(random() * 11)]);
    let sink = 0;
    const baseline = time(() => {
      let sum = 0;
      for (let i = 0; i < column.length; i++) sum += (column[i] as number[])[0] as number;
      sink += sum;
    });
    const nps = time(() => {
      sink += npsFromCounts(countNps(column));
    });
    if (Number.isNaN(sink)) throw new Error("unreachable");
    const ratio = nps.medianMs / baseline.medianMs;
    return [
      { name: "minimal summing loop", value: ms(baseline.medianMs), goal: "reference", ok: true },
      {
        name: "NPS(scores)",
        value: `${ms(nps.medianMs)} (${ratio.toFixed(2)}× loop)`,
        goal: "≤ 3× loop",
        ok: ratio <= 3,
      },
    ];
  },
};
