import type { Labels } from "../cells/columns";
import type { DayNumber } from "../cells/dates";
import type { Transactions } from "../cells/transactions";
import { RapportError } from "../errors";
import { type ChurnTable, churnTable } from "../metrics/churnTable";
import { clv } from "../metrics/customerBase";
import { type CrossSellTarget, crossSellTargets, UPSELL_MIN_INCREASE, upsellByCohort } from "../metrics/expansion";
import {
  emptyNpsBins,
  type NpsBins,
  type NpsCounts,
  npsCountsFromBins,
  npsCountsOfScores,
  npsFromCounts,
} from "../metrics/nps";
import { periodIndex, periodLabel, periodStart } from "../metrics/periods";
import { returnRows, returnTotals } from "../metrics/returns";
import { compensatedSum } from "../metrics/sums";
import { csatShare, isSmallSample, meanScore, npsInterval, tallyScoreList, topTwoBox } from "../metrics/survey";
import { countedInFigures } from "../surveys/flags";
import { sheetScale } from "../surveys/scales";
import { churnAlert, type DashboardAlert, npsAlert } from "./alerts";
import type { Answer, SurveyAnswers, SurveyKind } from "./answers";

/**
 * The dashboard's figures (docs/dashboard.md): survey scores over all answers, customer-base rates
 * from the transaction list, a trend by month or quarter, and alerts between the last two periods.
 * Pure functions of parsed data; the add-on reads the sheets and the sidebar and report show this.
 */

export type TrendPeriod = "month" | "quarter";
export const TREND_PERIODS: readonly TrendPeriod[] = ["month", "quarter"];
export const PERIODS_PER_YEAR: Readonly<Record<TrendPeriod, number>> = { month: 12, quarter: 4 };

/** A figure with the count it rests on; below 100 it is flagged as a small sample. */
export interface Measure {
  readonly value: number;
  readonly n: number;
  readonly smallSample: boolean;
}

const measure = (value: number, n: number): Measure => ({ value, n, smallSample: isSmallSample(n) });

export interface NpsFigure extends Measure {
  /** 95 % adjusted-Wald interval in points. */
  readonly lower: number;
  readonly upper: number;
  readonly promoters: number;
  readonly passives: number;
  readonly detractors: number;
  /** Answers the Worker flagged as suspicious, left out of n and the figure. */
  readonly flagged: number;
}

export interface ScoreFigure extends Measure {
  /** Flagged answers left out of n and the figure. */
  readonly flagged: number;
}

export interface SurveyFigures {
  readonly nps: NpsFigure | null;
  /** Share of 1–5 answers at 4 or 5 (0…1). */
  readonly csat: ScoreFigure | null;
  /** Mean of 1–7 answers. */
  readonly ces: ScoreFigure | null;
}

/** How many answers the figures leave out as flagged. */
const leftOut = (answers: readonly Answer[]) => answers.length - countedInFigures(answers).length;

function scoreFigure(all: readonly Answer[], kind: Exclude<SurveyKind, "nps">): ScoreFigure | null {
  const answers = countedInFigures(all);
  if (answers.length === 0) return null;
  const scale = sheetScale(kind);
  const tally = tallyScoreList(
    answers.map((a) => a.score),
    scale,
    topTwoBox(scale.max),
  );
  const value = kind === "csat" ? csatShare(tally) : meanScore(tally);
  return { ...measure(value, tally.n), flagged: leftOut(all) };
}

/**
 * NPS with its interval, CSAT and CES over the answers the figures count (flagged ones left out and
 * counted as such); null where no answer counts.
 */
export function surveyFigures(answers: SurveyAnswers): SurveyFigures {
  let nps: NpsFigure | null = null;
  const counted = countedInFigures(answers.nps);
  if (counted.length > 0) {
    const counts = npsCountsOfScores(counted.map((a) => a.score));
    const interval = npsInterval(counts);
    nps = {
      ...measure(interval.nps, counts.n),
      lower: interval.lower,
      upper: interval.upper,
      promoters: counts.promoters,
      passives: counts.passives,
      detractors: counts.detractors,
      flagged: leftOut(answers.nps),
    };
  }
  return { nps, csat: scoreFigure(answers.csat, "csat"), ces: scoreFigure(answers.ces, "ces") };
}

/** A rate of one period (churn or retention), n = customers active at the period's start. */
export interface PeriodRate extends Measure {
  readonly period: string;
}

/**
 * Simple CLV = AOV × purchases per active customer per year × expected lifetime in years, where
 * over the complete periods: active customers of a period = the mean of those active at its start
 * and at its end; purchases per year = orders ÷ Σ active × periods per year; churn per period =
 * Σ lost ÷ Σ at start (pooled); expected lifetime = 1 ÷ (churn per period × periods per year).
 * Revenue, not margin; undiscounted. n = customers.
 */
export interface ClvFigure extends Measure {
  readonly aov: number;
  readonly purchasesPerYear: number;
  readonly expectedYears: number;
  readonly churnPerPeriod: number;
  /** Complete periods the rates were pooled over. */
  readonly periods: number;
}

/** Why churn (and so CLV) could not be computed. */
export type ChurnGap = "noRepeatPurchases" | "noCompletePeriod" | "noChurn" | "noAmounts" | null;

export interface CustomerFigures {
  readonly customers: number;
  readonly orders: number;
  /** Sum of amounts, or null when the list has no amounts. */
  readonly revenue: number | null;
  /** Customers with two or more orders ÷ customers; n = customers. */
  readonly repeatRate: Measure;
  /** Revenue ÷ orders; n = orders. */
  readonly aov: Measure | null;
  /** The latest complete period with customers at its start. */
  readonly churn: PeriodRate | null;
  readonly retention: PeriodRate | null;
  readonly clv: ClvFigure | null;
  readonly churnGap: ChurnGap;
  readonly clvGap: ChurnGap;
  /**
   * Clients whose spend in a later period reached their first period's + 10 % (as UPSELL_RATE);
   * n = clients with a first-period spend above 0. `returning`: the same over clients who came back.
   */
  readonly upsell: (Measure & { readonly returning: Measure | null }) | null;
  /**
   * Clients who later bought a category they had not bought in their first period (as
   * CROSS_SELL_RATE), n = clients; with the categories they crossed into, most first. Null without
   * a category column or with fewer than two categories.
   */
  readonly crossSell: (Measure & { readonly returning: Measure | null; readonly targets: CrossSellTarget[] }) | null;
  /** Returns (negative amounts, as RETURN_RATE) ÷ orders, n = orders; null when there are none. */
  readonly returns: (Measure & { readonly revenueRate: number | null; readonly returns: number }) | null;
  /** Days without a purchase after which a customer counts as lost (derived from the data). */
  readonly inactiveDays: number | null;
  readonly table: ChurnTable | null;
  /** Per churn-table row: the data reach the period's last day, so its churn is known. */
  readonly complete: readonly boolean[];
}

/** Orders and revenue per period index, from the first period of the data to the last. */
interface PeriodSums {
  readonly first: number;
  readonly orders: Int32Array;
  readonly revenue: Float64Array | null;
}

function periodSums(tx: Transactions, period: TrendPeriod): PeriodSums {
  const first = periodIndex(tx.firstDay, period);
  const count = periodIndex(tx.lastDay, period) - first + 1;
  const orders = new Int32Array(count);
  const revenue = tx.amount ? new Float64Array(count) : null;
  for (let i = 0; i < tx.length; i++) {
    const k = periodIndex(tx.day[i] as number, period) - first;
    (orders[k] as number)++;
    if (revenue) revenue[k] = (revenue[k] as number) + ((tx.amount as Float64Array)[i] as number);
  }
  return { first, orders, revenue };
}

/** The data reach the last day of the period `index`: its churn and sums are final. */
function reachesEnd(tx: Transactions, index: number, period: TrendPeriod): boolean {
  return tx.lastDay >= periodStart(index + 1, period) - 1;
}

/**
 * Customer-base figures of a transaction list; the churn table by `period` with the derived
 * inactivity threshold; cross-sell when `categories` gives each transaction's category.
 */
export function customerFigures(
  tx: Transactions,
  period: TrendPeriod,
  categories: Labels | null = null,
): CustomerFigures {
  const customers = tx.customers.length;
  const ordersPer = new Int32Array(customers);
  for (let i = 0; i < tx.length; i++) (ordersPer[tx.customer[i] as number] as number)++;
  let repeat = 0;
  for (let c = 0; c < customers; c++) if ((ordersPer[c] as number) >= 2) repeat++;
  const revenue = tx.amount ? compensatedSum(tx.amount) : null;
  if (revenue !== null && !Number.isFinite(revenue)) throw new RapportError("result.notFinite", { where: "" });
  const aov = revenue === null ? null : measure(revenue / tx.length, tx.length);

  let table: ChurnTable | null = null;
  let churnGap: ChurnGap = null;
  try {
    table = churnTable(tx, { period });
  } catch (error) {
    if (!(error instanceof RapportError && error.key === "churn.noRepeatPurchases")) throw error;
    churnGap = "noRepeatPurchases";
  }
  const rows = table?.rows ?? [];
  const complete = rows.map((row) => reachesEnd(tx, periodIndex(row.startDay, period), period));

  let churn: PeriodRate | null = null;
  let retention: PeriodRate | null = null;
  for (let k = rows.length - 1; k >= 0 && table; k--) {
    const row = rows[k];
    if (!row || !complete[k] || row.atStart === 0) continue;
    churn = { ...measure(row.churnRate as number, row.atStart), period: row.period };
    retention = { ...measure(row.retentionRate as number, row.atStart), period: row.period };
    break;
  }
  if (table && !churn) churnGap = "noCompletePeriod";

  let clvFigure: ClvFigure | null = null;
  let clvGap: ChurnGap = churnGap;
  if (table && churn) {
    const sums = periodSums(tx, period);
    let active = 0;
    let atStart = 0;
    let lost = 0;
    let orders = 0;
    let periods = 0;
    rows.forEach((row, k) => {
      if (!complete[k]) return;
      active += (row.atStart + row.atEnd) / 2;
      atStart += row.atStart;
      lost += row.lost;
      orders += sums.orders[periodIndex(row.startDay, period) - sums.first] as number;
      periods++;
    });
    if (!aov) clvGap = "noAmounts";
    else if (lost === 0) clvGap = "noChurn";
    else if (aov.value > 0 && active > 0) {
      const perYear = PERIODS_PER_YEAR[period];
      const churnPerPeriod = lost / atStart;
      const purchasesPerYear = (orders / active) * perYear;
      const expectedYears = 1 / (churnPerPeriod * perYear);
      clvFigure = {
        ...measure(clv({ avgOrderValue: aov.value, purchasesPerYear, expectedYears }), customers),
        aov: aov.value,
        purchasesPerYear,
        expectedYears,
        churnPerPeriod,
        periods,
      };
      clvGap = null;
    }
  }

  return {
    customers,
    orders: tx.length,
    revenue,
    repeatRate: measure(repeat / customers, customers),
    aov,
    churn,
    retention,
    clv: clvFigure,
    churnGap,
    clvGap,
    upsell: upsellFigure(tx, period),
    crossSell: categories ? crossSellFigure(tx, categories, period) : null,
    returns: returnsFigure(tx),
    inactiveDays: table?.inactiveDays ?? null,
    table,
    complete,
  };
}

/** The upsell share of UPSELL_RATE's total row (10 % more in a later period), or null without amounts. */
function upsellFigure(tx: Transactions, period: TrendPeriod): CustomerFigures["upsell"] {
  if (!tx.amount) return null;
  const table = upsellByCohort(tx, { period, window: null, minIncrease: UPSELL_MIN_INCREASE });
  const total = table.rows[table.rows.length - 1];
  if (!total || total.clients === 0) return null;
  return {
    ...measure(total.expanded / total.clients, total.clients),
    returning: total.returned > 0 ? measure(total.expanded / total.returned, total.returned) : null,
  };
}

/** The cross-sell share of CROSS_SELL_RATE's total row and its three commonest categories crossed into. */
function crossSellFigure(tx: Transactions, categories: Labels, period: TrendPeriod): CustomerFigures["crossSell"] {
  if (categories.names.length < 2) return null;
  const { targets, table } = crossSellTargets(tx, categories.label, categories.names, { period, window: null });
  const total = table.rows[table.rows.length - 1];
  if (!total || total.clients === 0) return null;
  return {
    ...measure(total.expanded / total.clients, total.clients),
    returning: total.returned > 0 ? measure(total.expanded / total.returned, total.returned) : null,
    targets: targets.slice(0, 3),
  };
}

/** RETURN_RATE's total over the whole list (negative amounts), or null when nothing was returned. */
function returnsFigure(tx: Transactions): CustomerFigures["returns"] {
  if (!tx.amount) return null;
  const total = returnTotals(tx, returnRows(tx, null));
  if (total.returns === 0 || total.orders === 0) return null;
  return {
    ...measure(total.returns / total.orders, total.orders),
    revenueRate: total.revenueRate,
    returns: total.returns,
  };
}

/** One period of the trend. Fields are null where the period has no data of that kind. */
export interface TrendRow {
  readonly period: string;
  readonly index: number;
  readonly startDay: DayNumber;
  /** The data end inside this period: its churn is not known yet and its sums are partial. */
  readonly partial: boolean;
  readonly nps: number | null;
  readonly npsN: number;
  readonly promoters: number;
  readonly passives: number;
  readonly detractors: number;
  readonly churnRate: number | null;
  readonly atStart: number | null;
  readonly lost: number | null;
  readonly revenue: number | null;
  readonly orders: number | null;
}

/**
 * The trend by period over the span of the transactions and the dated NPS answers. Churn is left
 * blank for a partial period (the data end before its last day) and where no customer was active
 * at the start; orders and revenue are blank outside the transactions' span.
 */
export function trendRows(
  tx: Transactions | null,
  customers: CustomerFigures | null,
  answers: readonly Answer[],
  period: TrendPeriod,
): TrendRow[] {
  const nps = countedInFigures(answers);
  let firstDay = tx ? tx.firstDay : Number.POSITIVE_INFINITY;
  let lastDay = tx ? tx.lastDay : Number.NEGATIVE_INFINITY;
  for (const a of nps) {
    if (a.day === null) continue;
    if (a.day < firstDay) firstDay = a.day;
    if (a.day > lastDay) lastDay = a.day;
  }
  if (!(firstDay <= lastDay)) return [];
  const first = periodIndex(firstDay, period);
  const count = periodIndex(lastDay, period) - first + 1;
  const groups = Array.from({ length: count }, emptyNpsBins);
  for (const a of nps) {
    if (a.day === null) continue;
    ((groups[periodIndex(a.day, period) - first] as NpsBins)[a.score] as number)++;
  }
  const sums = tx ? periodSums(tx, period) : null;
  const churnRows = new Map<number, { atStart: number; lost: number; complete: boolean }>();
  customers?.table?.rows.forEach((row, k) => {
    churnRows.set(periodIndex(row.startDay, period), {
      atStart: row.atStart,
      lost: row.lost,
      complete: customers.complete[k] === true,
    });
  });
  const rows: TrendRow[] = [];
  for (let k = 0; k < count; k++) {
    const index = first + k;
    const { promoters, passives, detractors, n: npsN } = npsCountsFromBins(groups[k] as NpsBins);
    const churn = churnRows.get(index);
    const inTx = sums !== null && index >= sums.first && index < sums.first + sums.orders.length;
    const partial = inTx && tx !== null && !reachesEnd(tx, index, period);
    rows.push({
      period: periodLabel(index, period),
      index,
      startDay: periodStart(index, period),
      partial,
      nps: npsN ? npsFromCounts({ promoters, passives, detractors, n: npsN }) : null,
      npsN,
      promoters,
      passives,
      detractors,
      churnRate: churn?.complete && churn.atStart > 0 ? churn.lost / churn.atStart : null,
      atStart: churn ? churn.atStart : null,
      lost: churn ? churn.lost : null,
      revenue: inTx && sums?.revenue ? (sums.revenue[index - sums.first] as number) : null,
      orders: inTx && sums ? (sums.orders[index - sums.first] as number) : null,
    });
  }
  return rows;
}

/** Alerts between the last two periods (rules in alerts.ts). */
export function trendAlerts(trend: readonly TrendRow[]): DashboardAlert[] {
  const alerts: DashboardAlert[] = [];
  const withNps = trend.filter((r) => r.npsN > 0);
  const [npsBefore, npsAfter] = withNps.slice(-2);
  if (npsBefore && npsAfter) {
    const counts = (r: TrendRow): NpsCounts => ({
      promoters: r.promoters,
      passives: r.passives,
      detractors: r.detractors,
      n: r.npsN,
    });
    const alert = npsAlert(
      { period: npsBefore.period, counts: counts(npsBefore) },
      { period: npsAfter.period, counts: counts(npsAfter) },
    );
    if (alert) alerts.push(alert);
  }
  const withChurn = trend.filter((r) => r.churnRate !== null);
  const [churnBefore, churnAfter] = withChurn.slice(-2);
  if (churnBefore && churnAfter) {
    const alert = churnAlert(
      { period: churnBefore.period, atStart: churnBefore.atStart as number, lost: churnBefore.lost as number },
      { period: churnAfter.period, atStart: churnAfter.atStart as number, lost: churnAfter.lost as number },
    );
    if (alert) alerts.push(alert);
  }
  return alerts;
}

export interface LatestComment {
  readonly kind: SurveyKind;
  readonly score: number;
  readonly day: DayNumber | null;
  readonly comment: string;
}

/** The most recent answers with a comment, newest first; undated ones last; ties: the later row first. */
export function latestComments(answers: SurveyAnswers, limit = 5): LatestComment[] {
  const all: (LatestComment & { order: number })[] = [];
  let order = 0;
  for (const kind of ["nps", "csat", "ces"] as const) {
    for (const a of countedInFigures(answers[kind])) {
      if (a.comment) all.push({ kind, score: a.score, day: a.day, comment: a.comment, order: order++ });
    }
  }
  all.sort((a, b) => {
    if (a.day !== b.day) return a.day === null ? 1 : b.day === null ? -1 : b.day - a.day;
    return b.order - a.order;
  });
  return all.slice(0, limit).map(({ order: _, ...rest }) => rest);
}
