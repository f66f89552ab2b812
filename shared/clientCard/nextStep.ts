import type { MessageKey, MessageParams } from "../i18n/messages.en";
import { npsCategory } from "../metrics/nps";
import type { RfmSegment } from "../metrics/rfm";
import type { Stage } from "../metrics/stages";

/**
 * The client card's suggested next step: rules over what the card shows, first match wins
 * (docs/client-card.md explains each and its thresholds).
 *
 *   1 closeLoop       the latest survey answer, given in the last RECENT_ANSWER_DAYS days (or
 *                     undated), is negative: NPS 0–6, CSAT 1–2, CES 5–7
 *   2 firstPurchase   no purchase yet (rules 2–5, 7 and 8 need the transactions)
 *   3 winBackHigh     lapsed (stage dissolution, or P(alive) < LAPSED_P_ALIVE) and a high spender
 *                     (RFM monetary score 4–5)
 *   4 winBack         lapsed, other clients
 *   5 atRisk          RFM segment At Risk or Can't Lose
 *   6 referral        the latest answer is positive: NPS 9–10, CSAT 5, CES 1–2
 *   7 secondPurchase  exactly one order
 *   8 reward          stage commitment, or RFM segment Champions or Loyal
 *   9 survey          never answered a survey
 *  10 keepInTouch     everyone else
 */

export const RECENT_ANSWER_DAYS = 90;
export const LAPSED_P_ALIVE = 0.3;

export type NextStepRule =
  | "closeLoop"
  | "firstPurchase"
  | "winBackHigh"
  | "winBack"
  | "atRisk"
  | "referral"
  | "secondPurchase"
  | "reward"
  | "survey"
  | "keepInTouch";

/** A survey answer as the rules read it. */
export interface AnswerFacts {
  /** nps (0–10), csat (1–5), ces (1–7); other types are not judged. */
  readonly type: string;
  readonly score: number | null;
  readonly survey: string;
  /** Days from the answer to the as-of date; null when the answer has no date. */
  readonly daysAgo: number | null;
}

export interface NextStepInput {
  /** Null when there are no transactions to count from (the purchase rules are skipped). */
  readonly orders: number | null;
  readonly daysSinceLastPurchase: number | null;
  readonly stage: Stage | null;
  readonly rfmSegment: RfmSegment | null;
  /** The RFM segment's name in the reader's language, for the text. */
  readonly rfmLabel: string | null;
  /** RFM monetary score 1–5. */
  readonly monetaryScore: number | null;
  readonly pAlive: number | null;
  /** The latest answer (by date; undated answers count as latest only when none is dated). */
  readonly latestAnswer: AnswerFacts | null;
  /** Whether the client answered any survey. */
  readonly answered: boolean;
}

export interface NextStep {
  readonly rule: NextStepRule;
  readonly key: MessageKey;
  readonly params: MessageParams;
}

/** How an answer reads: negative, positive or neither, by the scale of its survey type. */
export function answerTone(answer: Pick<AnswerFacts, "type" | "score">): "negative" | "positive" | "neutral" {
  const s = answer.score;
  if (s === null) return "neutral";
  switch (answer.type) {
    case "nps": {
      const category = npsCategory(s);
      return category === "detractor" ? "negative" : category === "promoter" ? "positive" : "neutral";
    }
    case "csat":
      return s <= 2 ? "negative" : s >= 5 ? "positive" : "neutral";
    case "ces":
      return s >= 5 ? "negative" : s <= 2 ? "positive" : "neutral";
    default:
      return "neutral";
  }
}

const step = (rule: NextStepRule, params: MessageParams = {}): NextStep => ({
  rule,
  key: `next.${rule}` as MessageKey,
  params,
});

export function nextStep(input: NextStepInput): NextStep {
  const answer = input.latestAnswer;
  const tone = answer ? answerTone(answer) : "neutral";
  const answerParams: MessageParams = answer ? { score: answer.score ?? "", survey: answer.survey } : {};
  if (answer && tone === "negative" && (answer.daysAgo === null || answer.daysAgo <= RECENT_ANSWER_DAYS)) {
    return step("closeLoop", answerParams);
  }
  if (input.orders === 0) return step("firstPurchase");
  const lapsed = input.stage === "dissolution" || (input.pAlive !== null && input.pAlive < LAPSED_P_ALIVE);
  if (lapsed) {
    const days = { days: input.daysSinceLastPurchase ?? "" };
    return (input.monetaryScore ?? 0) >= 4 ? step("winBackHigh", days) : step("winBack", days);
  }
  if (input.rfmSegment === "At Risk" || input.rfmSegment === "Can't Lose") {
    return step("atRisk", { segment: input.rfmLabel ?? input.rfmSegment });
  }
  if (answer && tone === "positive") return step("referral", answerParams);
  if (input.orders === 1) return step("secondPurchase");
  if (input.stage === "commitment" || input.rfmSegment === "Champions" || input.rfmSegment === "Loyal") {
    return step("reward");
  }
  if (!input.answered) return step("survey");
  return step("keepInTouch");
}
