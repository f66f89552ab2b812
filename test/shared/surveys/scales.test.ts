import { describe, expect, it } from "vitest";
import { SURVEY_TYPES } from "../../../shared/api/surveyLimits";
import { NPS_SCALE, SURVEY_SCALES, sheetScale } from "../../../shared/surveys/scales";

describe("survey scales", () => {
  it("has one scale per survey type: NPS 0–10, CSAT 1–5, CES 1–7, CSI 1–5, answered in whole numbers", () => {
    expect(Object.keys(SURVEY_SCALES).sort()).toEqual([...SURVEY_TYPES].sort());
    expect(SURVEY_SCALES).toEqual({
      nps: { min: 0, max: 10, integer: true },
      csat: { min: 1, max: 5, integer: true },
      ces: { min: 1, max: 7, integer: true },
      csi: { min: 1, max: 5, integer: true },
    });
    expect(NPS_SCALE).toBe(SURVEY_SCALES.nps);
  });

  it("reads sheet cells of CSAT and CES as possibly averaged, and NPS only as whole numbers", () => {
    expect(sheetScale("nps").integer).toBe(true);
    expect(sheetScale("csat")).toEqual({ min: 1, max: 5, integer: false });
    expect(sheetScale("ces")).toEqual({ min: 1, max: 7, integer: false });
  });
});
