import { buildAddon } from "../../addon/build/build";
import { createHarness } from "../../addon/harness/index";
import { seededRandom } from "../../shared/random";
import { type Bench, ms, time } from "./lib";

/** Words comments are made of: a vocabulary of a few thousand word forms, as real comments have. */
const STEMS_RU = ["доставк", "оператор", "поддержк", "заказ", "товар", "цен", "качеств", "сайт", "курьер", "упаковк"];
const ENDINGS_RU = ["а", "и", "у", "ой", "ами", "ах", "е", "ом"];
const WORDS_EN = ["delivery", "support", "price", "quality", "order", "app", "team", "refund", "delay", "courier"];
const GLUE = ["очень", "опять", "быстро", "долго", "не", "хорошо", "plus", "slow", "fast", "really", "again"];

/** n comments with NPS scores; detractors mention some words more often than promoters. */
function inputs(n: number, seed: number) {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const comments: string[][] = [];
  const scores: number[][] = [];
  for (let i = 0; i < n; i++) {
    const score = Math.floor(random() * 11);
    const words: string[] = [];
    const length = 3 + Math.floor(random() * 12);
    for (let w = 0; w < length; w++) {
      const r = random();
      // A long tail of rare words (numbered forms), as typos and names give real comments.
      if (r < 0.15) words.push(`слово${Math.floor(random() * 5000)}`);
      else if (r < 0.5) words.push(pick(STEMS_RU) + pick(ENDINGS_RU));
      else if (r < 0.75) words.push(pick(WORDS_EN));
      else words.push(pick(GLUE));
      if (score <= 6 && random() < 0.05) words.push("задержка");
    }
    comments.push([words.join(random() < 0.2 ? ", " : " ")]);
    scores.push([score]);
  }
  return { comments, scores };
}

/** COMMENT_THEMES through the built Code.js in the harness on 100,000 comments (and 200,000). */
export const commentsBench: Bench = {
  title: "Comment themes (Code.js, harness)",
  async run() {
    await buildAddon();
    const addon = createHarness({ now: () => Date.UTC(2024, 6, 1) });
    let input = inputs(100_000, 5);
    const a = time(() => addon.callCustomFunction("COMMENT_THEMES", input.comments, input.scores), {
      warmup: 1,
      runs: 3,
    }).medianMs;
    input = inputs(200_000, 6);
    const b = time(() => addon.callCustomFunction("COMMENT_THEMES", input.comments, input.scores), {
      warmup: 1,
      runs: 3,
    }).medianMs;
    return [
      { name: "COMMENT_THEMES, 100,000 comments of 3–15 words", value: ms(a), goal: "< 1 s", ok: a < 1000 },
      {
        name: "the same, 200,000: growth for twice the rows",
        value: `${(b / a).toFixed(2)}×`,
        goal: "≤ 2.3× (n log n)",
        ok: b / a <= 2.3,
      },
    ];
  },
};
