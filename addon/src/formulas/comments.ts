import { numberArg, periodArg, rangeGiven } from "../../../shared/cells/arguments";
import { singleColumn } from "../../../shared/cells/columns";
import { readDay } from "../../../shared/cells/dates";
import { readScore, type Scale } from "../../../shared/cells/scores";
import {
  type Cell,
  cellPosition,
  isBlank,
  isErrorCell,
  type Range,
  rowsOfSameHeight,
} from "../../../shared/cells/values";
import { RapportError } from "../../../shared/errors";
import type { Locale } from "../../../shared/i18n/locale";
import { t } from "../../../shared/i18n/translate";
import {
  type CommentInput,
  commentThemes,
  type PeriodThemes,
  sideOfScore,
  THEME_DEFAULTS,
} from "../../../shared/metrics/commentThemes";
import { periodIndex, periodLabel } from "../../../shared/metrics/periods";
import { isSmallSample } from "../../../shared/metrics/survey";
import { NPS_SCALE } from "../../../shared/surveys/scales";
import { formula } from "./formula";

/* What comments say: COMMENT_THEMES. JSDoc for Sheets is in addon/stubs/formulas-comments.js. */

const HEADER = [
  "period",
  "theme",
  "side",
  "negative_comments",
  "positive_comments",
  "share_negative",
  "share_positive",
  "log_odds",
  "z",
  "example",
];

/** The side names a table shows: NPS's own words, or low and high ratings. */
function sideNames(nps: boolean): { negative: string; positive: string } {
  return nps ? { negative: "detractors", positive: "promoters" } : { negative: "negative", positive: "positive" };
}

function themeRows(
  periods: readonly PeriodThemes[],
  comments: readonly CommentInput[],
  options: {
    label: (period: number) => string;
    nps: boolean;
    locale: Locale;
    minCount: number;
  },
): Cell[][] {
  const out: Cell[][] = [HEADER];
  const names = sideNames(options.nps);
  const localNames = {
    negative: t(options.locale, options.nps ? "themes.side.detractors" : "themes.side.low", {}),
    positive: t(options.locale, options.nps ? "themes.side.promoters" : "themes.side.high", {}),
  };
  const note = (label: string, text: string): Cell[] => {
    const row: Cell[] = new Array(HEADER.length).fill("");
    row[0] = label;
    row[1] = text;
    return row;
  };
  for (const period of periods) {
    const label = options.label(period.period);
    const n = period.negativeComments + period.positiveComments;
    if (period.negativeComments === 0 || period.positiveComments === 0) {
      out.push(
        note(
          label,
          t(options.locale, "themes.oneSide", {
            negative: localNames.negative,
            positive: localNames.positive,
            negativeCount: period.negativeComments,
            positiveCount: period.positiveComments,
          }),
        ),
      );
      continue;
    }
    for (const theme of period.themes) {
      const example = theme.examples[0];
      out.push([
        label,
        theme.text,
        names[theme.side],
        theme.negative,
        theme.positive,
        theme.shareNegative,
        theme.sharePositive,
        theme.logOdds,
        theme.z,
        example === undefined ? "" : (comments[example] as CommentInput).text,
      ]);
    }
    if (period.themes.length === 0) {
      out.push(
        note(
          label,
          t(options.locale, "themes.none", {
            negative: localNames.negative,
            positive: localNames.positive,
            min: options.minCount,
          }),
        ),
      );
    }
    if (isSmallSample(n)) out.push(note(label, t(options.locale, "themes.smallSample", { n })));
  }
  return out;
}

/**
 * COMMENT_THEMES(comments, scores, [scale_max=10], [min_count=3], [top=10], [dates], [period]):
 * the words and two-word phrases that set detractors' (or low ratings') comments apart from
 * promoters' (high ratings'), with counts, shares, log odds, z and an example, per period.
 */
export function COMMENT_THEMES(
  comments: Range,
  scores: Range,
  scaleMax?: Range,
  minCount?: Range,
  top?: Range,
  dates?: Range,
  period?: Range,
): Cell[][] {
  return formula(
    "COMMENT_THEMES",
    ["comments", "scores", "scale_max", "min_count", "top", "dates", "period"],
    (context) => {
      const max = numberArg(scaleMax, "scale_max", 10, { min: 3, max: 10, integer: true });
      const scale: Scale = max === 10 ? NPS_SCALE : { min: 1, max, integer: false };
      const options = {
        ...THEME_DEFAULTS,
        minCount: numberArg(minCount, "min_count", THEME_DEFAULTS.minCount, { min: 1, integer: true }),
        top: numberArg(top, "top", THEME_DEFAULTS.top, { min: 1, integer: true }),
      };
      rowsOfSameHeight(comments, scores, { first: "comments", second: "scores" });
      const texts = singleColumn(comments, "comments");
      const scoreCells = singleColumn(scores, "scores");
      const byPeriod = dates !== undefined && rangeGiven(dates);
      const by = periodArg(period, "period", "month");
      let dateCells: readonly Cell[] | null = null;
      if (byPeriod) {
        rowsOfSameHeight(comments, dates as Range, { first: "comments", second: "dates" });
        dateCells = singleColumn(dates as Range, "dates");
      }
      const read: CommentInput[] = [];
      for (let r = 0; r < texts.length; r++) {
        const text = texts[r];
        const score = scoreCells[r];
        if (isErrorCell(text)) {
          throw new RapportError("input.errorCell", {
            arg: "comments",
            cell: cellPosition(r, 0, 1),
            value: text as string,
          });
        }
        // A comment without a score, or a score without a comment, says nothing here.
        if (isBlank(text) || String(text).trim() === "" || isBlank(score)) continue;
        const side = sideOfScore(readScore(score, scale, "scores", r, 0, 1), scale);
        let p = 0;
        if (dateCells) {
          const date = dateCells[r];
          if (isBlank(date)) throw new RapportError("input.blankInRow", { arg: "dates", cell: cellPosition(r, 0, 1) });
          p = periodIndex(readDay(date, context.dates, "dates", r, 0, 1), by);
        }
        read.push({ text: String(text).trim(), side, period: p });
      }
      if (read.length === 0) throw new RapportError("input.empty", { arg: "comments" });
      const periods = commentThemes(read, options);
      return themeRows(periods, read, {
        label: (p) => (byPeriod ? periodLabel(p, by) : "all"),
        nps: max === 10,
        locale: context.locale,
        minCount: options.minCount,
      });
    },
  );
}
