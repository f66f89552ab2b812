import { scalarCell } from "../cells/arguments";
import { singleColumn } from "../cells/columns";
import { cellFlag } from "../cells/flags";
import { type Cell, cellNumber, cellPosition, displayValue, isBlank, isErrorCell, type Range } from "../cells/values";
import { RapportError } from "../errors";
import { zForConfidence } from "./normal";

/**
 * Kaplan–Meier survival of customer lifetimes (docs/formulas.md): Ŝ(t) = Π over event times tᵢ ≤ t
 * of (1 − dᵢ/nᵢ), where nᵢ is the number still at risk (duration ≥ tᵢ) and dᵢ the churn events at
 * tᵢ; customers who have not churned are right-censored at their duration. σ² = Σ dᵢ/(nᵢ(nᵢ − dᵢ))
 * is Greenwood's variance of ln Ŝ, so SE(Ŝ) = Ŝ·σ. The confidence band is one of R's
 * `survfit(conf.type = …)`:
 *   log-log (the default): Ŝ^exp(±z·σ/|ln Ŝ|), always inside 0…1;
 *   log: Ŝ·exp(±z·σ), the upper limit capped at 1 (R's own default);
 *   plain: Ŝ ± z·Ŝ·σ, cut to 0…1.
 * Where Ŝ reaches 0 the band is 0…0. The median is the first time with Ŝ ≤ 0.5 (the middle of the
 * flat stretch when Ŝ is exactly 0.5 there, as R does); its confidence limits are the first times
 * the band's lower and upper limits reach 0.5 (Brookmeyer & Crowley), null when never reached.
 */
export const SURVIVAL_BANDS = ["log-log", "log", "plain"] as const;
export type SurvivalBand = (typeof SURVIVAL_BANDS)[number];

/** The band argument as people type it: "log-log" (also "loglog"), "log" or "plain" (also "linear"). */
export function survivalBandArg(value: Range | undefined, arg: string): SurvivalBand {
  const cell = scalarCell(value, arg);
  if (cell === undefined) return "log-log";
  const word =
    typeof cell === "string"
      ? cell
          .trim()
          .toLowerCase()
          .replace(/[\s_]+/g, "-")
      : "";
  const band = word === "loglog" ? "log-log" : word === "linear" ? "plain" : word;
  // Checked against the list: "constructor" and the like name no band.
  if (!(SURVIVAL_BANDS as readonly string[]).includes(band)) {
    throw new RapportError("survival.band", { arg, value: displayValue(cell) });
  }
  return band as SurvivalBand;
}

export interface SurvivalRow {
  readonly time: number;
  readonly atRisk: number;
  readonly events: number;
  readonly survival: number;
  /** Standard error of Ŝ: Ŝ·√(Greenwood's sum). */
  readonly stdErr: number;
  readonly lower: number;
  readonly upper: number;
}

export interface SurvivalCurve {
  /** Time 0 first, then every time with at least one churn event, ascending. */
  readonly rows: SurvivalRow[];
  readonly n: number;
  readonly events: number;
  /** The median lifetime, or null when survival never falls to 0.5. */
  readonly median: number | null;
  /** The median's confidence limits; null when the band's limit never falls to 0.5. */
  readonly medianLower: number | null;
  readonly medianUpper: number | null;
  readonly confidence: number;
  readonly band: SurvivalBand;
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

export function kaplanMeier(
  lifetimes: Lifetimes,
  confidence = 0.95,
  bandType: SurvivalBand = "log-log",
): SurvivalCurve {
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
  let i = 0;
  const band = (s: number, sigma: number): [number, number] => {
    if (s >= 1) return [1, 1];
    if (s <= 0) return [0, 0];
    if (bandType === "plain") return [Math.max(0, s - z * s * sigma), Math.min(1, s + z * s * sigma)];
    if (bandType === "log") return [s * Math.exp(-z * sigma), Math.min(1, s * Math.exp(z * sigma))];
    const c = (z * sigma) / Math.abs(Math.log(s));
    return [s ** Math.exp(c), s ** Math.exp(-c)];
  };
  // Time 0 always starts the table, so a chart begins at survival 1 (or below, with churn at 0).
  if (n === 0 || (lifetimes.time[order[0] as number] as number) > 0) {
    rows.push({ time: 0, atRisk: n, events: 0, survival: 1, stdErr: 0, lower: 1, upper: 1 });
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
      const sigma = Math.sqrt(greenwood);
      const [lower, upper] = band(survival, sigma);
      rows.push({
        time: t,
        atRisk,
        events,
        survival,
        stdErr: survival > 0 ? survival * sigma : 0,
        lower: Math.min(lower, survival),
        upper: Math.max(upper, survival),
      });
      totalEvents += events;
    }
    atRisk -= leaving;
  }
  return {
    rows,
    n,
    events: totalEvents,
    median: halfway(rows, (r) => r.survival),
    medianLower: halfway(rows, (r) => r.lower),
    medianUpper: halfway(rows, (r) => r.upper),
    confidence,
    band: bandType,
  };
}

/** Within this of 0.5 a step counts as exactly 0.5 (products of fractions are not exact). */
const HALF_TOLERANCE = 1e-9;

/**
 * The first time a step function reaches 0.5: where it first falls below 0.5, or the middle of
 * the stretch over which it is exactly 0.5 (up to the next step), as R's quantile.survfit does.
 */
function halfway(rows: readonly SurvivalRow[], value: (row: SurvivalRow) => number): number | null {
  for (let k = 0; k < rows.length; k++) {
    const v = value(rows[k] as SurvivalRow);
    if (v > 0.5 + HALF_TOLERANCE) continue;
    const time = (rows[k] as SurvivalRow).time;
    if (v < 0.5 - HALF_TOLERANCE) return time;
    const next = rows[k + 1];
    return next ? (time + next.time) / 2 : time;
  }
  return null;
}

export const SURVIVAL_HEADER = [
  "time",
  "at_risk",
  "events",
  "survival",
  "lower",
  "upper",
  "std_err",
  "median",
  "median_lower",
  "median_upper",
] as const;

/**
 * The table under its header; the median and its limits sit in the first row's last three
 * columns (blank below), with `notReached` where the curve or band never falls to 0.5.
 */
export function survivalCells(curve: SurvivalCurve, notReached: string): Cell[][] {
  const out: Cell[][] = [[...SURVIVAL_HEADER]];
  const median = (v: number | null): Cell => (v === null ? notReached : v);
  curve.rows.forEach((r, k) => {
    const row: Cell[] = [r.time, r.atRisk, r.events, r.survival, r.lower, r.upper, r.stdErr];
    if (k === 0) row.push(median(curve.median), median(curve.medianLower), median(curve.medianUpper));
    else row.push("", "", "");
    out.push(row);
  });
  return out;
}
