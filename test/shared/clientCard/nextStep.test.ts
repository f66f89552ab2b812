import { describe, expect, it } from "vitest";
import { answerTone, nextStep } from "../../../shared/clientCard/nextStep";
import { t } from "../../../shared/i18n/translate";
import { answer, base } from "./testData";

describe("nextStep rules", () => {
  it.each([
    ["closeLoop", { latestAnswer: answer("nps", 4) }],
    ["closeLoop", { latestAnswer: answer("csat", 2), orders: 0 }],
    ["closeLoop", { latestAnswer: answer("ces", 6, null), stage: "dissolution" as const }],
    ["firstPurchase", { orders: 0, latestAnswer: answer("nps", 6, 200) }],
    ["winBackHigh", { stage: "dissolution" as const, monetaryScore: 5 }],
    ["winBack", { pAlive: 0.2, monetaryScore: 3 }],
    ["winBack", { stage: "dissolution" as const, monetaryScore: null }],
    ["atRisk", { rfmSegment: "At Risk" as const }],
    ["atRisk", { rfmSegment: "Can't Lose" as const, latestAnswer: answer("nps", 10) }],
    ["referral", { latestAnswer: answer("nps", 9), orders: 1 }],
    ["referral", { latestAnswer: answer("ces", 1) }],
    ["secondPurchase", { orders: 1, latestAnswer: answer("nps", 8) }],
    ["reward", { stage: "commitment" as const }],
    ["reward", { rfmSegment: "Champions" as const, answered: false }],
    ["survey", { answered: false }],
    ["keepInTouch", {}],
    ["keepInTouch", { orders: null, stage: null, rfmSegment: null, pAlive: null }],
  ])("%s when %j", (rule, change) => {
    expect(nextStep({ ...base, ...change }).rule).toBe(rule);
  });

  it("a negative answer older than 90 days no longer asks to close the loop", () => {
    expect(nextStep({ ...base, latestAnswer: answer("nps", 3, 90) }).rule).toBe("closeLoop");
    expect(nextStep({ ...base, latestAnswer: answer("nps", 3, 91) }).rule).toBe("keepInTouch");
  });

  it("says what to do in both languages, with the facts that triggered it", () => {
    const step = nextStep({ ...base, stage: "dissolution", monetaryScore: 4, daysSinceLastPurchase: 230 });
    expect(t("en", step.key, step.params)).toBe(
      "A valuable client who has gone quiet (230 days since the last purchase): a personal call from their manager with your best offer.",
    );
    expect(t("ru", step.key, step.params)).toContain("дней с последней покупки: 230");
    const loop = nextStep({ ...base, latestAnswer: answer("nps", 2) });
    expect(t("en", loop.key, loop.params)).toMatch(/^Call them about their answer \(2 in “Q2”\)/);
  });

  it("reads answers by the scale of their survey type", () => {
    expect(["nps", "csat", "ces", "csi"].map((type) => answerTone(answer(type, 5)))).toEqual([
      "negative",
      "positive",
      "negative",
      "neutral",
    ]);
    expect(answerTone(answer("nps", null))).toBe("neutral");
    expect(answerTone(answer("nps", 7))).toBe("neutral");
  });
});
