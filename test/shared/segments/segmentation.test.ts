import { describe, expect, it } from "vitest";
import { RFM_SEGMENTS } from "../../../shared/metrics/rfm";
import { ABC_XYZ_CLASSES, abcXyzSegmentInfo } from "../../../shared/segments/abcXyz";
import { CLV_TIERS, clvTierInfo } from "../../../shared/segments/clv";
import { rfmSegmentInfo } from "../../../shared/segments/rfm";
import { NO_PURCHASES, type SegmentInfo } from "../../../shared/segments/segmentation";

describe("segment names and actions", () => {
  it("exist in English and Russian for every RFM segment, ABC/XYZ class and CLV tier", () => {
    const infos: SegmentInfo[] = [
      ...RFM_SEGMENTS.map(rfmSegmentInfo),
      ...ABC_XYZ_CLASSES.map(abcXyzSegmentInfo),
      ...CLV_TIERS.map(clvTierInfo),
      NO_PURCHASES,
    ];
    for (const info of infos) {
      for (const text of [info.label, info.action, ...(info.description ? [info.description] : [])]) {
        expect(text.en.length, info.key).toBeGreaterThan(0);
        expect(text.ru.length, info.key).toBeGreaterThan(0);
        expect(text.en, info.key).not.toMatch(/^seg\./);
        expect(text.ru, info.key).toMatch(/[а-яё]|^[A-Z]{1,2}$/i);
      }
    }
    expect(rfmSegmentInfo("At Risk").action.en).toBe(
      "Personal call and a survey: find out what changed, then a personal offer.",
    );
    expect(rfmSegmentInfo("Champions").action.en).toMatch(/^Referral programme/);
    expect(rfmSegmentInfo("Hibernating").action.en).toMatch(/^Win-back offer/);
  });
});
