import { describe, expect, it } from "vitest";
import { CDNOW_EXTRACT_PATH, readCdnow } from "../../../scripts/lib/cdnow";
import type { Cell } from "../../../shared/cells/values";
import { clientAnswers, clientFacts, latestAnswerFacts, predictCustomer } from "../../../shared/clientCard/card";
import { analyzeClv, fitClv } from "../../../shared/models/analysis";
import { readResponses, responsesHeader } from "../../../shared/sheets/responses";
import { dayOf, txOf, utc } from "../txHelpers";

describe("clientFacts", () => {
  // Client 1: three orders; client 2: one order long ago; client 3: two orders; gaps 30 and 10 days.
  const tx = txOf([
    [1, "2024-01-01", 10],
    [2, "2023-01-01", 500],
    [1, "2024-01-31", 20],
    [3, "2024-02-01", 5],
    [1, "2024-02-10", 30.5],
    [3, "2024-02-11", 5],
  ]);

  it("summarises the client's purchases as of the last date", () => {
    const facts = clientFacts(tx, "1");
    expect(facts.asOf).toBe(dayOf("2024-02-11"));
    expect(facts.purchases).toEqual({
      orders: 3,
      firstDay: dayOf("2024-01-01"),
      lastDay: dayOf("2024-02-10"),
      daysSinceLast: 1,
      total: 60.5,
      average: 60.5 / 3,
    });
    // Three clients: quintile positions 0, 1, 2 score ⌊5i/3⌋ + 1 = 1, 2, 4. Recency 1, 405, 0 → R 2, 1, 4;
    // orders 3, 1, 2 → F 4, 1, 2; spend 60.5, 500, 10 → M 2, 4, 1. R 2 with F 4 is At Risk.
    expect(facts.rfm).toEqual({ segment: "At Risk", r: 2, f: 4, m: 2, code: 242 });
  });

  it("derives the stage with CLIENT_STAGE's thresholds", () => {
    // Gaps 30, 10 (client 1) and 10 (client 3): the 90th percentile is 30 days.
    expect(clientFacts(tx, 1).stage).toBe("expansion");
    expect(clientFacts(tx, 2).stage).toBe("dissolution");
    expect(clientFacts(tx, 99).stage).toBe("awareness");
    expect(clientFacts(tx, 99).purchases).toBeNull();
    const once = clientFacts(
      txOf([
        [1, "2024-01-01", 3],
        [2, "2024-01-02", 4],
      ]),
      1,
    );
    expect(once.stage).toBeNull();
    expect(once.stageError?.key).toBe("stage.noRepeatPurchases");
  });
});

describe("predictCustomer", () => {
  it("gives CLV_PREDICT's numbers for a client from the cached parameters", () => {
    const demo = txOf(readCdnow(CDNOW_EXTRACT_PATH).map((r) => [Number(r.customerId), r.date, r.amount] as const));
    const ref = analyzeClv(demo, { predictions: true });
    const fits = fitClv(demo, { predictions: true });
    const spend = fits.spend as NonNullable<typeof fits.spend>;
    const models = {
      model: fits.fit.model,
      values: [...fits.fit.values],
      spend: { p: spend.p, q: spend.q, gamma: spend.gamma },
      periodDays: 7,
    };
    for (const i of [0, 17, 150]) {
      const p = predictCustomer(models, fits.summary, i, { horizonMonths: 12, monthlyDiscount: 0.01 });
      expect(p.pAlive).toBeCloseTo(ref.predictions?.pAlive[i] as number, 12);
      expect(p.expectedPurchases).toBeCloseTo(ref.predictions?.expectedPurchases[i] as number, 12);
      expect(p.clv).toBeCloseTo(ref.predictions?.clv[i] as number, 9);
    }
    const noSpend = predictCustomer({ ...models, spend: null }, fits.summary, 0, {
      horizonMonths: 12,
      monthlyDiscount: 0.01,
    });
    expect(noSpend.clv).toBeNull();
  });
});

describe("answers", () => {
  const header = responsesHeader("ru");
  const row = (id: string, client: string | number, score: number, created: string, comment = ""): Cell[] => [
    id,
    "s1",
    "Q2 NPS",
    "nps",
    client,
    score,
    comment,
    "ru",
    true,
    "",
    created,
    created,
  ];
  const records = readResponses(
    header,
    [
      row("r1", 7, 9, "2024-01-05"),
      row("r2", "8", 3, "2024-03-01", "slow delivery"),
      row("r3", 7, 4, "2024-02-01", "=HYPERLINK(1)"),
      row("r4", "", 10, "2024-02-02"),
    ],
    utc,
  );

  it("keeps a client's answers, latest first, whatever the id's cell type", () => {
    expect(clientAnswers(records, "7").map((r) => r.responseId)).toEqual(["r3", "r1"]);
    expect(clientAnswers(records, 8).map((r) => r.comment)).toEqual(["slow delivery"]);
    expect(clientAnswers(records, "")).toEqual([]);
  });

  it("judges the latest scored answer and its age", () => {
    const facts = latestAnswerFacts(
      [
        { type: "nps", score: 9, survey: "A", day: dayOf("2024-01-05") },
        { type: "nps", score: null, survey: "B", day: dayOf("2024-03-01") },
        { type: "csat", score: 2, survey: "C", day: dayOf("2024-02-01") },
        { type: "nps", score: 5, survey: "D", day: null },
      ],
      dayOf("2024-02-11"),
    );
    expect(facts).toEqual({ type: "csat", score: 2, survey: "C", daysAgo: 10 });
    expect(latestAnswerFacts([{ type: "nps", score: 5, survey: "D", day: null }], 0)?.daysAgo).toBeNull();
    expect(latestAnswerFacts([], 0)).toBeNull();
  });
});
