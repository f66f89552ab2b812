import { NPS_SCALE, readScore } from "../cells/scores";
import { asRows, type Cell, type CellOrigin, isBlank, type Range, requireValues } from "../cells/values";

/** Answer counts behind an NPS. Passives count in n but in neither share. */
export interface NpsCounts {
  readonly promoters: number;
  readonly passives: number;
  readonly detractors: number;
  readonly n: number;
}

/** NPS in points, 100·(P − D)/n, over answered scores only. Requires n > 0. */
export function npsFromCounts(counts: NpsCounts): number {
  return (100 * (counts.promoters - counts.detractors)) / counts.n;
}

/**
 * Counts promoters (9–10), passives (7–8) and detractors (0–6) in a range as Sheets passes it.
 * Blank cells are skipped; anything that is not a whole score from 0 to 10 throws an error that
 * names `arg` and the cell (by its sheet address when `origin` is known). One pass, no
 * intermediate arrays: this runs on million-row columns.
 */
export function countNps(range: Range, arg = "scores", origin?: CellOrigin): NpsCounts {
  const rows = asRows(range);
  // bins[s] counts score s. The fast path takes whole numbers 0–10 only; anything else goes
  // through readScore, which either parses it (numeric text) or throws the right message.
  const bins = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
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
  let detractors = 0;
  for (let s = 0; s <= 6; s++) detractors += bins[s] as number;
  const passives = (bins[7] as number) + (bins[8] as number);
  const promoters = (bins[9] as number) + (bins[10] as number);
  const n = promoters + passives + detractors;
  requireValues(n, arg);
  return { promoters, passives, detractors, n };
}
