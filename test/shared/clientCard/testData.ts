import type { AnswerFacts, NextStepInput } from "../../../shared/clientCard/nextStep";

export const base: NextStepInput = {
  orders: 3,
  daysSinceLastPurchase: 20,
  stage: "expansion",
  rfmSegment: "Need Attention",
  rfmLabel: "Need Attention",
  monetaryScore: 3,
  pAlive: 0.8,
  latestAnswer: null,
  answered: true,
};
export const answer = (type: string, score: number | null, daysAgo: number | null = 10): AnswerFacts => ({
  type,
  score,
  survey: "Q2",
  daysAgo,
});
