import { describe, expect, it } from "vitest";
import {
  type CommentInput,
  commentThemes,
  sideOfScore,
  THEME_DEFAULTS,
  themeScore,
} from "../../../shared/metrics/commentThemes";
import { seededRandom } from "../../../shared/random";
import { NPS_SCALE } from "../../../shared/surveys/scales";
import { stemOf, Vocabulary } from "../../../shared/text/words";

/** The terms of one text, as written. */
function termsOf(text: string): string[] {
  const vocabulary = new Vocabulary();
  const terms: number[] = [];
  vocabulary.read(text, terms);
  return terms.map((term) => vocabulary.text(term));
}

const negative = (text: string, period = 0): CommentInput => ({ text, side: "negative", period });
const positive = (text: string, period = 0): CommentInput => ({ text, side: "positive", period });

describe("words", () => {
  it("merges the forms of a word in Russian and English", () => {
    expect(new Set(["доставка", "доставки", "доставкой", "доставку"].map(stemOf)).size).toBe(1);
    expect(new Set(["delays", "delay", "delayed"].map(stemOf)).size).toBe(1);
  });

  it("drops stop words, keeps a negation in front of the next word, and stops phrases at punctuation", () => {
    const terms = termsOf("Оператор не отвечает, доставка опять задержалась");
    expect(terms).toContain("не отвечает");
    expect(terms).toContain("оператор");
    expect(terms).not.toContain("оператор отвечает");
    expect(terms).not.toContain("отвечает доставка");
    expect(terms).not.toContain("не");
    const english = termsOf("The app doesn't work and the delivery was late");
    expect(english).toContain("not work");
    expect(english).toContain("delivery");
    expect(english).not.toContain("the");
    // Stop words between two words do not break their pair; a clause break does.
    expect(english).toContain("delivery late");
    expect(termsOf("slow. delivery")).toEqual(["slow", "delivery"]);
  });

  it("writes a term in its most written form and counts it once per text", () => {
    const vocabulary = new Vocabulary();
    const terms: number[] = [];
    vocabulary.read("доставки, доставки", terms);
    vocabulary.read("доставка", terms);
    vocabulary.read("доставки", terms);
    expect(terms).toEqual([0, 0, 0]);
    expect(vocabulary.text(0)).toBe("доставки");
  });
});

describe("sides", () => {
  it("takes NPS groups, or the bottom and top two boxes of a rating scale", () => {
    expect([0, 6, 7, 8, 9, 10].map((s) => sideOfScore(s, NPS_SCALE))).toEqual([
      "negative",
      "negative",
      null,
      null,
      "positive",
      "positive",
    ]);
    const five = { min: 1, max: 5, integer: false };
    expect([1, 2, 3, 4, 5].map((s) => sideOfScore(s, five))).toEqual([
      "negative",
      "negative",
      null,
      "positive",
      "positive",
    ]);
  });
});

describe("themes", () => {
  it("scores a term by its log odds ratio with ½ in every cell (worked by hand)", () => {
    // 4 of 5 detractors, 0 of 5 promoters: ln(4.5/1.5) − ln(0.5/5.5) = ln 33 = 3.4965;
    // se = √(1/4.5 + 1/1.5 + 1/0.5 + 1/5.5) = 1.75235; z = 1.99533.
    const { logOdds, z } = themeScore(4, 5, 0, 5);
    expect(logOdds).toBeCloseTo(Math.log(33), 10);
    expect(z).toBeCloseTo(1.99533, 4);
  });

  it("finds the hand-worked theme through its word forms and gives the shortest example", () => {
    const comments = [
      negative("Доставка опять задержалась"),
      negative("доставки ждали неделю"),
      negative("Долгая доставка, курьер грубил"),
      negative("Что с доставкой?"),
      negative("Цена высокая"),
      positive("Отличный сервис"),
      positive("Всё понравилось, спасибо"),
      positive("Быстро и удобно"),
      positive("Спасибо, отличный сервис"),
      positive("Удобное приложение"),
    ];
    const [period] = commentThemes(comments);
    const delivery = period?.themes.find((theme) => theme.text.startsWith("доставк"));
    expect(delivery).toMatchObject({
      side: "negative",
      negative: 4,
      positive: 0,
      shareNegative: 0.8,
      sharePositive: 0,
    });
    expect(delivery?.z).toBeCloseTo(1.99533, 4);
    expect(delivery?.text).toBe("доставка");
    expect(delivery?.examples.map((i) => comments[i]?.text)).toEqual([
      "Что с доставкой?",
      "доставки ждали неделю",
      "Доставка опять задержалась",
    ]);
    // Every other term is in fewer than 3 comments or not significant.
    expect(period?.themes).toHaveLength(1);
    expect(period).toMatchObject({ negativeComments: 5, positiveComments: 5 });
  });

  it("shows terms found in exactly the same comments once, as the phrase", () => {
    // "hard", "reach", "hard reach" and "reach support" are all in the same 4 comments.
    const comments = [
      ...Array.from({ length: 4 }, () => negative("Hard to reach support")),
      negative("Пришёл не тот заказ"),
      ...Array.from({ length: 4 }, () => positive("Support was quick")),
      positive("Nice"),
    ];
    const [period] = commentThemes(comments);
    expect(period?.themes.map((theme) => [theme.text, theme.negative, theme.positive])).toEqual([
      ["hard reach", 4, 0],
      ["support quick", 0, 4],
    ]);
    // Written forms keep their ё; the stem does not depend on it.
    const vocabulary = new Vocabulary();
    const terms: number[] = [];
    vocabulary.read("пришёл", terms);
    vocabulary.read("пришел", terms);
    expect(vocabulary.text(terms[0] as number)).toBe("пришёл");
    expect(terms).toEqual([0, 0]);
  });

  it("keeps periods apart, and says nothing when one side is missing", () => {
    const comments = [negative("slow delivery", 1), negative("slow", 1), positive("great", 2)];
    const periods = commentThemes(comments);
    expect(periods.map((p) => [p.period, p.negativeComments, p.positiveComments, p.themes.length])).toEqual([
      [1, 2, 0, 0],
      [2, 0, 1, 0],
    ]);
  });

  it("recovers planted themes from simulated comments and rarely invents one", () => {
    const random = seededRandom(11);
    const filler = ["товар", "заказ", "магазин", "сайт", "цена", "качество", "упаковка", "product", "order", "shop"];
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
    const delivery = ["доставка задержалась", "доставки ждали долго", "с доставкой беда", "доставку перенесли"];
    const support = ["support was helpful", "helpful support", "the support team helped"];
    let missed = 0;
    let invented = 0;
    let tested = 0;
    for (let run = 0; run < 20; run++) {
      const comments: CommentInput[] = [];
      for (let i = 0; i < 300; i++) {
        const side = i < 150 ? "negative" : "positive";
        const words = [pick(filler), pick(filler), pick(filler)];
        // Planted: 30 % of detractors speak of delivery, 25 % of promoters of support.
        if (side === "negative" && random() < 0.3) words.push(pick(delivery));
        if (side === "positive" && random() < 0.25) words.push(pick(support));
        comments.push({ text: words.join(", "), side, period: 0 });
      }
      const themes = commentThemes(comments, { ...THEME_DEFAULTS, top: 100 })[0]?.themes ?? [];
      const found = (stem: string, side: string) => themes.some((t) => t.side === side && stemOf(t.text) === stem);
      if (!found(stemOf("доставка"), "negative")) missed++;
      // "support" and "help" (helpful, helped) are in exactly the same comments: either names the theme.
      if (!found(stemOf("support"), "positive") && !found(stemOf("helpful"), "positive")) missed++;
      // Filler words are on both sides alike: any theme among them is a false alarm.
      for (const word of filler) {
        tested++;
        if (themes.some((t) => t.text === word)) invented++;
      }
    }
    expect(missed).toBe(0);
    // Each filler word is tested at α = 5 %: about 10 false alarms expected in 200 tests.
    expect(invented / tested).toBeLessThan(0.1);
  });
});
