import { readScore } from "../cells/scores";
import { asRows, type Cell, type CellOrigin, isBlank, type Range, requireValues } from "../cells/values";
import { NPS_SCALE } from "../surveys/scales";

/**
 * The Net Promoter Score's one classifier and tally. Every surface (the NPS formulas, the Worker's
 * survey summary, the Dashboard, the report's trend, the client card) counts through these.
 */

/** Answer counts behind an NPS. Passives count in n but in neither share. */
export interface NpsCounts {
  readonly promoters: number;
  readonly passives: number;
  readonly detractors: number;
  readonly n: number;
}

export type NpsCategory = "promoter" | "passive" | "detractor";

/** Lowest score of a promoter (9–10) and of a passive (7–8); below that, a detractor (0–6). */
export const PROMOTER_MIN = 9;
export const PASSIVE_MIN = 7;

/** The category of a whole score from 0 to 10 (validated by the caller). */
export function npsCategory(score: number): NpsCategory {
  return score >= PROMOTER_MIN ? "promoter" : score >= PASSIVE_MIN ? "passive" : "detractor";
}

/** NPS in points, 100·(P − D)/n, over answered scores only. Requires n > 0. */
export function npsFromCounts(counts: NpsCounts): number {
  return (100 * (counts.promoters - counts.detractors)) / counts.n;
}

/** Eleven bins, one per score 0–10, each the number of answers that gave it. */
export type NpsBins = number[];

export function emptyNpsBins(): NpsBins {
  return [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
}

/** Promoters, passives and detractors of score bins (`bins[s]` answers gave score s). */
export function npsCountsFromBins(bins: readonly number[]): NpsCounts {
  let detractors = 0;
  let passives = 0;
  let promoters = 0;
  for (let s = 0; s <= 10; s++) {
    const count = bins[s] ?? 0;
    if (s >= PROMOTER_MIN) promoters += count;
    else if (s >= PASSIVE_MIN) passives += count;
    else detractors += count;
  }
  return { promoters, passives, detractors, n: promoters + passives + detractors };
}

/** NPS counts of scores already read and validated as whole numbers from 0 to 10. */
export function npsCountsOfScores(scores: Iterable<number>): NpsCounts {
  const bins = emptyNpsBins();
  for (const s of scores) (bins[s] as number)++;
  return npsCountsFromBins(bins);
}

/**
 * Counts promoters (9–10), passives (7–8) and detractors (0–6) in a range as Sheets passes it.
 * Blank cells are skipped; anything that is not a whole score from 0 to 10 throws an error that
 * names `arg` and the cell (by its sheet address when `origin` is known). One pass, no
 * intermediate arrays: this runs on million-row columns.
 */
export function countNps(range: Range, arg = "scores", origin?: CellOrigin): NpsCounts {
  const rows = asRows(range);
  // The fast path takes whole numbers 0–10 only; anything else goes through readScore, which
  // either parses it (numeric text) or throws the right message.
  const bins = emptyNpsBins();
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as readonly Cell[];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (typeof cell === "number" && cell >>> 0 === cell && cell <= 10) {
        (bins[cell] as number)++;
      } else if (!isBlank(cell)) {
        (bins[readScore(cell, NPS_SCALE, arg, r, c, row.length, origin)] as number)++;
      }
    }
  }
  const counts = npsCountsFromBins(bins);
  requireValues(counts.n, arg);
  return counts;
}
