import { singleColumn } from "../cells/columns";
import { cellFlag } from "../cells/flags";
import { type Cell, cellNumber, cellPosition, displayValue, isBlank, isErrorCell, type Range } from "../cells/values";
import { RapportError } from "../errors";
import { zForConfidence } from "./normal";

/**
 * Kaplan–Meier survival of customer lifetimes (docs/formulas.md): Ŝ(t) = Π over event times tᵢ ≤ t
 * of (1 − dᵢ/nᵢ), where nᵢ is the number still at risk (duration ≥ tᵢ) and dᵢ the churn events at
 * tᵢ; customers who have not churned are right-censored at their duration. The confidence band
 * uses Greenwood's variance Σ dᵢ/(nᵢ(nᵢ − dᵢ)) on the log(−log) scale, Ŝ^exp(±z·σ/|ln Ŝ|), which
 * stays inside 0…1 (the plain Ŝ ± z·SE band does not). Where Ŝ reaches 0 the band is 0…0.
 */
export interface SurvivalRow {
  readonly time: number;
  readonly atRisk: number;
  readonly events: number;
  readonly survival: number;
  readonly lower: number;
  readonly upper: number;
}

export interface SurvivalCurve {
  /** Time 0 first, then every time with at least one churn event, ascending. */
  readonly rows: SurvivalRow[];
  readonly n: number;
  readonly events: number;
  /** First time with Ŝ ≤ 0.5, or null when survival never falls that low. */
  readonly median: number | null;
  readonly confidence: number;
}

/** Durations and churn flags of the same customers, in columns; blank rows already left out. */
export interface Lifetimes {
  readonly time: Float64Array;
  readonly churned: Uint8Array;
}

/**
 * Reads durations (numbers ≥ 0) and churned flags (TRUE/FALSE, 1/0, yes/no, да/нет) of the same
 * height. Rows blank in both are skipped; anything else that is not a duration or a flag is an
 * error naming the argument and the row.
 */
export function readLifetimes(
  durations: Range,
  churned: Range,
  names = { durations: "durations", churned: "churned" },
): Lifetimes {
  const times = singleColumn(durations, names.durations);
  const flags = singleColumn(churned, names.churned);
  if (flags.length !== times.length) {
    throw new RapportError("input.heightsDiffer", {
      arg: names.churned,
      rows: flags.length,
      other: names.durations,
      otherRows: times.length,
    });
  }
  const time = new Float64Array(times.length);
  const event = new Uint8Array(times.length);
  let n = 0;
  for (let r = 0; r < times.length; r++) {
    const t = times[r] as Cell;
    const f = flags[r] as Cell;
    const tBlank = isBlank(t);
    const fBlank = isBlank(f);
    if (tBlank && fBlank) continue;
    if (tBlank || fBlank) {
      throw new RapportError("input.blankInRow", {
        arg: tBlank ? names.durations : names.churned,
        cell: cellPosition(r, 0, 1),
      });
    }
    const position = cellPosition(r, 0, 1);
    for (const [cell, arg] of [
      [t, names.durations],
      [f, names.churned],
    ] as const) {
      if (isErrorCell(cell)) throw new RapportError("input.errorCell", { arg, cell: position, value: cell });
    }
    const value = cellNumber(t);
    if (value === null)
      throw new RapportError("input.notNumber", { arg: names.durations, cell: position, value: displayValue(t) });
    if (value < 0) throw new RapportError("survival.negativeDuration", { arg: names.durations, cell: position, value });
    const flag = cellFlag(f);
    if (flag === null)
      throw new RapportError("survival.notFlag", { arg: names.churned, cell: position, value: displayValue(f) });
    time[n] = value;
    event[n] = flag ? 1 : 0;
    n++;
  }
  if (n === 0) throw new RapportError("input.empty", { arg: names.durations });
  return { time: time.slice(0, n), churned: event.slice(0, n) };
}

export function kaplanMeier(lifetimes: Lifetimes, confidence = 0.95): SurvivalCurve {
  const n = lifetimes.time.length;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => (lifetimes.time[a] as number) - (lifetimes.time[b] as number));
  const z = zForConfidence(confidence);
  const rows: SurvivalRow[] = [];
  let survival = 1;
  let greenwood = 0;
  let atRisk = n;
  let totalEvents = 0;
  let median: number | null = null;
  let i = 0;
  const band = (s: number): [number, number] => {
    if (s >= 1) return [1, 1];
    if (s <= 0) return [0, 0];
    const c = (z * Math.sqrt(greenwood)) / Math.abs(Math.log(s));
    return [s ** Math.exp(c), s ** Math.exp(-c)];
  };
  // Time 0 always starts the table, so a chart begins at survival 1 (or below, with churn at 0).
  if (n === 0 || (lifetimes.time[order[0] as number] as number) > 0) {
    rows.push({ time: 0, atRisk: n, events: 0, survival: 1, lower: 1, upper: 1 });
  }
  while (i < n) {
    const t = lifetimes.time[order[i] as number] as number;
    let events = 0;
    let leaving = 0;
    while (i < n && (lifetimes.time[order[i] as number] as number) === t) {
      events += lifetimes.churned[order[i] as number] as number;
      leaving++;
      i++;
    }
    if (events > 0 || t === 0) {
      survival *= 1 - events / atRisk;
      if (events > 0 && events < atRisk) greenwood += events / (atRisk * (atRisk - events));
      const [lower, upper] = band(survival);
      rows.push({
        time: t,
        atRisk,
        events,
        survival,
        lower: Math.min(lower, survival),
        upper: Math.max(upper, survival),
      });
      if (median === null && survival <= 0.5) median = t;
      totalEvents += events;
    }
    atRisk -= leaving;
  }
  return { rows, n, events: totalEvents, median, confidence };
}

export const SURVIVAL_HEADER = ["time", "at_risk", "events", "survival", "lower", "upper"] as const;

export function survivalCells(curve: SurvivalCurve): Cell[][] {
  const out: Cell[][] = [[...SURVIVAL_HEADER]];
  for (const r of curve.rows) out.push([r.time, r.atRisk, r.events, r.survival, r.lower, r.upper]);
  return out;
}
