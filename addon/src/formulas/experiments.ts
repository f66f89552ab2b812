import { numberArg, optionalNumberArg } from "../../../shared/cells/arguments";
import { readNumbers } from "../../../shared/cells/columns";
import type { Cell, Range } from "../../../shared/cells/values";
import { percent, pValue } from "../../../shared/dashboard/format";
import { RapportError } from "../../../shared/errors";
import type { Locale } from "../../../shared/i18n/locale";
import { t } from "../../../shared/i18n/translate";
import {
  compareMeans,
  compareProportions,
  describeSample,
  sampleSizePerGroup,
  type Verdict,
} from "../../../shared/metrics/experiments";
import { formula } from "./formula";

/* A/B-test formulas. Their JSDoc for Sheets' autocomplete is in addon/stubs/formulas-experiments.js. */

const CONFIDENCE = { fraction: true, min: 0.5, max: 0.999 } as const;
const COUNT = { min: 0, integer: true } as const;

function requiredCount(value: Range | undefined, arg: string): number {
  const count = optionalNumberArg(value, arg, COUNT);
  if (count === undefined) throw new RapportError("input.empty", { arg });
  return count;
}

/** The verdict cell: what the test says, in words, with its level and p-value. */
function verdictText(verdict: Verdict, confidence: number, p: number, locale: Locale): string {
  const inPercent = Math.round(confidence * 1000) / 10;
  const level = percent(confidence, Number.isInteger(inPercent) ? 0 : 1, locale);
  return t(locale, `abTest.verdict.${verdict}`, { level, p: pValue(p, locale) });
}

/**
 * AB_TEST(successes_a, trials_a, successes_b, trials_b, [confidence]): a header row
 * `difference, lower, upper, z, p_value, verdict` over one row of values (B − A).
 */
export function AB_TEST(
  successesA: Range,
  trialsA: Range,
  successesB: Range,
  trialsB: Range,
  confidence?: Range,
): Cell[][] {
  return formula("AB_TEST", ["successes_a", "trials_a", "successes_b", "trials_b", "confidence"], (context) => {
    const level = numberArg(confidence, "confidence", 0.95, CONFIDENCE);
    const test = compareProportions(
      { successes: requiredCount(successesA, "successes_a"), trials: requiredCount(trialsA, "trials_a") },
      { successes: requiredCount(successesB, "successes_b"), trials: requiredCount(trialsB, "trials_b") },
      level,
    );
    let verdict = verdictText(test.verdict, level, test.pValue, context.locale);
    if (test.smallSample) verdict += `; ${t(context.locale, "abTest.note.smallSample", {})}`;
    return [
      ["difference", "lower", "upper", "z", "p_value", "verdict"],
      [test.difference, test.lower, test.upper, test.z, test.pValue, verdict],
    ];
  });
}

/**
 * AB_TEST_MEANS(values_a, values_b, [confidence]): Welch's t test of two groups' means, a header
 * row `difference, lower, upper, t, df, p_value, verdict` over one row of values (B − A).
 */
export function AB_TEST_MEANS(valuesA: Range, valuesB: Range, confidence?: Range): Cell[][] {
  return formula("AB_TEST_MEANS", ["values_a", "values_b", "confidence"], (context) => {
    const level = numberArg(confidence, "confidence", 0.95, CONFIDENCE);
    const numbers = context.dates.numbers;
    const test = compareMeans(
      describeSample(readNumbers(valuesA, "values_a", numbers)),
      describeSample(readNumbers(valuesB, "values_b", numbers)),
      level,
    );
    return [
      ["difference", "lower", "upper", "t", "df", "p_value", "verdict"],
      [
        test.difference,
        test.lower,
        test.upper,
        test.t,
        test.df,
        test.pValue,
        verdictText(test.verdict, level, test.pValue, context.locale),
      ],
    ];
  });
}

/**
 * AB_SAMPLE_SIZE(baseline_rate, min_detectable_lift, [power], [confidence]): clients needed in
 * each group to detect a relative lift of the conversion rate.
 */
export function AB_SAMPLE_SIZE(baselineRate: Range, lift: Range, power?: Range, confidence?: Range): number {
  return formula("AB_SAMPLE_SIZE", ["baseline_rate", "min_detectable_lift", "power", "confidence"], () => {
    const baseline = optionalNumberArg(baselineRate, "baseline_rate", { fraction: true, above: 0, below: 1 });
    if (baseline === undefined) throw new RapportError("input.empty", { arg: "baseline_rate" });
    const change = optionalNumberArg(lift, "min_detectable_lift", { percent: true, above: -1, max: 100 });
    if (change === undefined) throw new RapportError("input.empty", { arg: "min_detectable_lift" });
    return sampleSizePerGroup(
      baseline,
      change,
      numberArg(power, "power", 0.8, { fraction: true, min: 0.5, max: 0.999 }),
      numberArg(confidence, "confidence", 0.95, CONFIDENCE),
    );
  });
}
