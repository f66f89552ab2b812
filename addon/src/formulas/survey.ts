import type { Range } from "../../../shared/cells/values";
import { countNps, npsFromCounts } from "../../../shared/metrics/nps";
import { formula } from "./formula";

/** NPS(scores): Net Promoter Score in points, −100…100. JSDoc for Sheets is in addon/stubs/formulas.js. */
export function NPS(scores: Range): number {
  return formula("NPS", () => npsFromCounts(countNps(scores, "scores")));
}
