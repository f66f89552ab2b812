import {
  choiceArg,
  numberArg,
  optionalDayArg,
  optionalNumberArg,
  periodArg,
  scalarCell,
} from "../../../shared/cells/arguments";
import { labelKey, readLabels } from "../../../shared/cells/columns";
import { cellFlag } from "../../../shared/cells/flags";
import { readTransactions } from "../../../shared/cells/transactions";
import {
  asRows,
  type Cell,
  cellNumber,
  cellPosition,
  displayValue,
  isBlank,
  isErrorCell,
  type Range,
} from "../../../shared/cells/values";
import { RapportError } from "../../../shared/errors";
import type { Locale } from "../../../shared/i18n/locale";
import { t } from "../../../shared/i18n/translate";
import {
  crossSellByCohort,
  crossSellTargets,
  type ExpansionTable,
  UPSELL_MIN_INCREASE,
  upsellByCohort,
} from "../../../shared/metrics/expansion";
import {
  countsOfStages,
  type Funnel,
  funnelOfCounts,
  isCountColumn,
  stagesFound,
} from "../../../shared/metrics/funnel";
import { zForConfidence } from "../../../shared/metrics/normal";
import { readContracts, renewalsByPeriod } from "../../../shared/metrics/renewals";
import { type ReturnTotals, returnRows, returnsByClient, returnsByPeriod } from "../../../shared/metrics/returns";
import { blankIfNull, formula } from "./formula";

/* Growth and loyalty formulas: funnels, returns, renewals. JSDoc for Sheets is in addon/stubs/formulas-growth.js. */

const CONFIDENCE = { fraction: true, min: 0.5, max: 0.999 } as const;

/** stage_order: names in a range (any shape) or one text "Lead, First purchase > Repeat". */
function stageOrderArg(value: Range | undefined): string[] | null {
  if (value === undefined) return null;
  const names: string[] = [];
  for (const row of asRows(value)) {
    for (const cell of row) {
      if (isBlank(cell) || isErrorCell(cell)) continue;
      names.push(
        ...String(cell)
          .split(/[,;>→]/)
          .map((s) => s.trim())
          .filter((s) => s !== ""),
      );
    }
  }
  return names.length > 0 ? names : null;
}

/** Counts per stage from a counts column: whole numbers of 0 or more. */
function countsOf(
  cells: readonly { cell: Cell; row: number; column: number; width: number }[],
  arg: string,
  convention: Parameters<typeof cellNumber>[1],
): number[] {
  const counts: number[] = [];
  for (const { cell, row, column, width } of cells) {
    if (isBlank(cell)) continue;
    const value = cellNumber(cell, convention);
    if (value === null || value < 0 || !Number.isInteger(value)) {
      throw new RapportError("funnel.notCount", {
        arg,
        cell: cellPosition(row, column, width),
        value: displayValue(cell),
      });
    }
    counts.push(value);
  }
  return counts;
}

/**
 * FUNNEL(stages_or_counts, [stage_order], [confidence]): per stage, how many reached it, the
 * conversion from the stage before with its interval, from the first stage, and how many were lost.
 */
export function FUNNEL(stagesOrCounts: Range, stageOrder?: Range, confidence?: Range): Cell[][] {
  return formula("FUNNEL", ["stages_or_counts", "stage_order", "confidence"], (context) => {
    const arg = "stages_or_counts";
    const z = zForConfidence(numberArg(confidence, "confidence", 0.95, CONFIDENCE));
    const order = stageOrderArg(stageOrder);
    const rows = asRows(stagesOrCounts);
    const width = rows[0]?.length ?? 0;
    let names: string[];
    let counts: number[];
    const convention = context.dates.numbers;
    if (width === 2) {
      // Names beside counts; a title row on top (text over text) is skipped.
      const titled =
        rows.length > 1 && !isBlank(rows[0]?.[1] as Cell) && cellNumber(rows[0]?.[1] as Cell, convention) === null;
      const body = rows
        .map((row, r) => ({ name: row[0] as Cell, cell: row[1] as Cell, row: r, column: 1, width: 2 }))
        .filter((item) => !(titled && item.row === 0) && !(isBlank(item.name) && isBlank(item.cell)));
      names = body.map((item) => displayValue(item.name));
      counts = countsOf(body, arg, convention);
    } else {
      const column = rows.map((row) => {
        if (row.length !== 1) throw new RapportError("input.notOneColumn", { arg, columns: row.length });
        return row[0] as Cell;
      });
      const titled = column.length > 1 && typeof column[0] === "string" && cellNumber(column[0], convention) === null;
      const skip = titled && isCountColumn(column.slice(1), convention) ? 1 : 0;
      const body = column.slice(skip);
      if (isCountColumn(body, convention)) {
        counts = countsOf(
          body.map((cell, i) => ({ cell, row: i + skip, column: 0, width: 1 })),
          arg,
          convention,
        );
        if (order && order.length !== counts.length) {
          throw new RapportError("funnel.orderCount", { arg, names: order.length, counts: counts.length });
        }
        names = order ?? counts.map((_, i) => String(i + 1));
      } else {
        if (!order) throw new RapportError("funnel.orderNeeded", { arg, stages: stagesFound(rows, 6).join(", ") });
        names = order;
        // A title on top ("Stage") that is not one of the stages is skipped.
        const known = new Set(order.map(labelKey));
        const first = labelKey(String(column[0] ?? ""));
        const titledStages = column.length > 1 && typeof column[0] === "string" && !known.has(first);
        counts = countsOfStages(titledStages ? rows.slice(1) : rows, order, arg, titledStages ? 1 : 0);
      }
    }
    if (counts.length < 2) throw new RapportError("funnel.tooFewStages", { arg });
    return funnelCells(funnelOfCounts(names, counts, z, arg), t(context.locale, "funnel.note.weakest", {}));
  });
}

function funnelCells(funnel: Funnel, weakestNote: string): Cell[][] {
  const out: Cell[][] = [["stage", "reached", "conversion", "lower", "upper", "from_first", "lost", "note"]];
  for (const [i, step] of funnel.steps.entries()) {
    out.push([
      step.stage,
      step.reached,
      blankIfNull(step.conversion),
      blankIfNull(step.lower),
      blankIfNull(step.upper),
      blankIfNull(step.fromFirst),
      i === 0 ? "" : step.lost,
      i === funnel.weakest ? weakestNote : "",
    ]);
  }
  return out;
}

/** A returns column read as flags, one per transaction row (blank = not a return). */
function returnFlags(value: Range, height: number): (boolean | null)[] {
  const rows = asRows(value);
  if (rows.length !== height) {
    throw new RapportError("input.heightMismatch", {
      arg: "returns",
      rows: rows.length,
      other: "customer_ids",
      otherRows: height,
    });
  }
  return rows.map((row, r) => {
    const cell = row[0] as Cell;
    if (isBlank(cell)) return false;
    const flag = cellFlag(cell);
    if (flag === null)
      throw new RapportError("returns.notFlag", {
        arg: "returns",
        cell: cellPosition(r, 0, 1),
        value: displayValue(cell),
      });
    return flag;
  });
}

/**
 * RETURN_RATE(customer_ids, dates, amounts, [by="month"], [returns]): per period (or per client),
 * orders, returns, sales, returned and the return rates by orders and by revenue, with a total row.
 */
export function RETURN_RATE(customerIds: Range, dates: Range, amounts: Range, by?: Range, returns?: Range): Cell[][] {
  return formula("RETURN_RATE", ["customer_ids", "dates", "amounts", "by", "returns"], (context) => {
    const perClient = /^(client|clients|customer|клиент|клиенты)$/i.test(String(scalarCell(by, "by") ?? "").trim());
    const period = perClient ? "month" : periodArg(by, "by", "month");
    const tx = readTransactions({ customerIds, dates, amounts, keepRows: returns !== undefined }, context.dates);
    let flags: (boolean | null)[] | null = null;
    if (returns !== undefined) {
      const byRow = returnFlags(returns, asRows(customerIds).length);
      flags = Array.from(tx.row as Int32Array, (r) => byRow[r] ?? null);
    }
    const isReturn = returnRows(tx, flags);
    const table = perClient ? returnsByClient(tx, isReturn) : returnsByPeriod(tx, isReturn, period);
    return returnCells(table, perClient ? "client" : "period");
  });
}

function returnCells(rows: readonly ReturnTotals[], first: string): Cell[][] {
  const out: Cell[][] = [
    [first, "orders", "returns", "sales", "returned", "return_rate_orders", "return_rate_revenue"],
  ];
  for (const row of rows) {
    out.push([
      row.label,
      row.orders,
      row.returns,
      row.sales,
      row.returned,
      blankIfNull(row.orderRate),
      blankIfNull(row.revenueRate),
    ]);
  }
  return out;
}

/**
 * RENEWAL_RATE(contract_ends, renewed, [period="month"], [grace_days=0], [as_of]): per period
 * the contracts were due, how many renewed (on time or late), lapsed or are still open, with the
 * renewal and on-time rates over the decided ones.
 */
export function RENEWAL_RATE(
  contractEnds: Range,
  renewed: Range,
  period?: Range,
  graceDays?: Range,
  asOf?: Range,
): Cell[][] {
  return formula("RENEWAL_RATE", ["contract_ends", "renewed", "period", "grace_days", "as_of"], (context) => {
    const by = periodArg(period, "period", "month");
    const grace = numberArg(graceDays, "grace_days", 0, { min: 0, integer: true });
    // Without as_of, today on the spreadsheet's calendar (the formula then moves only when its
    // inputs change: the docs advise TODAY()).
    const today = optionalDayArg(asOf, "as_of", context.dates) ?? context.dates.clock.dayOf(new Date());
    const contracts = readContracts(contractEnds, renewed, context.dates, today, grace, {
      ends: "contract_ends",
      renewed: "renewed",
    });
    const out: Cell[][] = [["period", "due", "renewed", "on_time", "lapsed", "open", "renewal_rate", "on_time_rate"]];
    for (const row of renewalsByPeriod(contracts, by)) {
      out.push([
        row.label,
        row.due,
        row.renewed,
        row.onTime,
        row.lapsed,
        row.open,
        blankIfNull(row.renewalRate),
        blankIfNull(row.onTimeRate),
      ]);
    }
    return out;
  });
}

const WINDOW = { min: 1, integer: true } as const;

function expansionCells(table: ExpansionTable, expanded: string, rate: string, locale: Locale): Cell[][] {
  const out: Cell[][] = [["cohort", "clients", "returned", expanded, rate, `${rate}_returning`, "periods_seen"]];
  for (const row of table.rows) {
    out.push([
      row.label,
      row.clients,
      row.returned,
      row.expanded,
      blankIfNull(row.rate),
      blankIfNull(row.rateReturning),
      blankIfNull(row.periodsSeen),
    ]);
  }
  if (table.leftOut > 0) {
    const note: Cell[] = new Array(out[0]?.length ?? 1).fill("");
    note[0] = t(locale, "note.upsellLeftOut", { n: table.leftOut });
    out.push(note);
  }
  return out;
}

/**
 * UPSELL_RATE(customer_ids, dates, amounts, [period="month"], [min_increase=10%], [window]): per
 * cohort (period of the first purchase), clients, those who bought again later, those whose spend
 * in some later period reached the first period's × (1 + min_increase), and the two rates.
 */
export function UPSELL_RATE(
  customerIds: Range,
  dates: Range,
  amounts: Range,
  period?: Range,
  minIncrease?: Range,
  window?: Range,
): Cell[][] {
  return formula("UPSELL_RATE", ["customer_ids", "dates", "amounts", "period", "min_increase", "window"], (context) => {
    const options = {
      period: periodArg(period, "period", "month"),
      minIncrease: numberArg(minIncrease, "min_increase", UPSELL_MIN_INCREASE, { percent: true, above: 0 }),
      window: optionalNumberArg(window, "window", WINDOW) ?? null,
    };
    const tx = readTransactions({ customerIds, dates, amounts }, context.dates);
    return expansionCells(upsellByCohort(tx, options), "upsold", "upsell_rate", context.locale);
  });
}

/** CROSS_SELL_RATE's views: a row per cohort (default) or per category clients crossed into. */
const CROSS_SELL_VIEWS = {
  cohorts: ["cohorts", "cohort", "когорты"],
  categories: ["categories", "category", "категории"],
};

/**
 * CROSS_SELL_RATE(customer_ids, dates, categories, [period="month"], [window], [show]): per cohort,
 * clients, those who bought again later, those who bought a category they had not bought in their
 * first period, and the two rates; or, with show "categories", which categories they crossed into.
 */
export function CROSS_SELL_RATE(
  customerIds: Range,
  dates: Range,
  categories: Range,
  period?: Range,
  window?: Range,
  show?: Range,
): Cell[][] {
  return formula("CROSS_SELL_RATE", ["customer_ids", "dates", "categories", "period", "window", "show"], (context) => {
    const options = {
      period: periodArg(period, "period", "month"),
      window: optionalNumberArg(window, "window", WINDOW) ?? null,
    };
    const view = choiceArg(show, "show", CROSS_SELL_VIEWS, "cohorts", "expansion.show");
    const tx = readTransactions({ customerIds, dates, keepRows: true }, context.dates);
    const labels = readLabels(
      categories,
      tx.row as Int32Array,
      asRows(customerIds).length,
      "categories",
      "customer_ids",
    );
    if (view === "cohorts") {
      const table = crossSellByCohort(tx, labels.label, labels.names.length, options);
      return expansionCells(table, "cross_sold", "cross_sell_rate", context.locale);
    }
    const { targets } = crossSellTargets(tx, labels.label, labels.names, options);
    const out: Cell[][] = [["category", "clients", "share_of_cross_sold"]];
    for (const target of targets) out.push([target.category, target.clients, blankIfNull(target.share)]);
    return out;
  });
}
