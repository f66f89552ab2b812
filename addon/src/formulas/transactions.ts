import { numberArg, optionalDayArg, optionalNumberArg, periodArg } from "../../../shared/cells/arguments";
import { readCustomerIds } from "../../../shared/cells/columns";
import { readTransactions } from "../../../shared/cells/transactions";
import type { Cell, Range } from "../../../shared/cells/values";
import { t } from "../../../shared/i18n/translate";
import { abcXyzCells, abcXyzTable } from "../../../shared/metrics/abcXyz";
import { churnTable, churnTableCells } from "../../../shared/metrics/churnTable";
import { cohortCells, cohortRetention } from "../../../shared/metrics/cohorts";
import { purchaseFrequency, repeatRate } from "../../../shared/metrics/customerBase";
import { rfmCells, rfmTable } from "../../../shared/metrics/rfm";
import { clientStages, STAGE_DEFAULTS } from "../../../shared/metrics/stages";
import { kaplanMeier, readLifetimes, survivalBandArg, survivalCells } from "../../../shared/metrics/survival";
import { formula } from "./formula";

/*
 * Formulas over a transaction list (customer_ids, dates, amounts: one transaction per row).
 * Tables spill with a header row of stable English column names. JSDoc for Sheets' autocomplete
 * is in addon/stubs/formulas-transactions.js.
 */

const DAYS = { min: 1, integer: true } as const;

/** Quintile scores need five clients: one per score at the least. */
const RFM_MIN_CUSTOMERS = 5;

/** REPEAT_RATE(customer_ids): customers with 2+ orders / customers, 0…1. */
export function REPEAT_RATE(customerIds: Range): number {
  return formula("REPEAT_RATE", ["customer_ids"], () => repeatRate(readCustomerIds(customerIds, "customer_ids")));
}

/** PURCHASE_FREQUENCY(customer_ids): orders per customer. */
export function PURCHASE_FREQUENCY(customerIds: Range): number {
  return formula("PURCHASE_FREQUENCY", ["customer_ids"], () =>
    purchaseFrequency(readCustomerIds(customerIds, "customer_ids")),
  );
}

/** CHURN_TABLE(customer_ids, dates, [period], [inactive_days]): one row per period. */
export function CHURN_TABLE(customerIds: Range, dates: Range, period?: Range, inactiveDays?: Range): Cell[][] {
  return formula("CHURN_TABLE", ["customer_ids", "dates", "period", "inactive_days"], (context) => {
    const by = periodArg(period, "period", "quarter");
    const days = optionalNumberArg(inactiveDays, "inactive_days", DAYS);
    const tx = readTransactions({ customerIds, dates }, context.dates);
    const table = churnTable(tx, { period: by, inactiveDays: days });
    const out = churnTableCells(table);
    if (table.derived) {
      const note: Cell[] = new Array(out[0]?.length ?? 1).fill("");
      note[0] = t(context.locale, "note.inactiveDays", { days: table.inactiveDays });
      out.push(note);
    }
    return out;
  });
}

/** RFM(customer_ids, dates, amounts, [as_of_date]): one row per customer with scores and segment. */
export function RFM(customerIds: Range, dates: Range, amounts: Range, asOfDate?: Range): Cell[][] {
  return formula("RFM", ["customer_ids", "dates", "amounts", "as_of_date"], (context) => {
    const asOf = optionalDayArg(asOfDate, "as_of_date", context.dates);
    const tx = readTransactions({ customerIds, dates, amounts }, context.dates);
    const out = rfmCells(rfmTable(tx, asOf));
    const customers = out.length - 1;
    // Quintiles of fewer than five clients put each in a score of its own: said under the table.
    if (customers < RFM_MIN_CUSTOMERS) {
      const note: Cell[] = new Array(out[0]?.length ?? 1).fill("");
      note[0] = t(context.locale, "note.rfmFewCustomers", { n: customers, min: RFM_MIN_CUSTOMERS });
      out.push(note);
    }
    return out;
  });
}

/** ABC_XYZ(customer_ids, dates, amounts, [a_share], [b_share], [x_cv], [y_cv]). */
export function ABC_XYZ(
  customerIds: Range,
  dates: Range,
  amounts: Range,
  aShare?: Range,
  bShare?: Range,
  xCv?: Range,
  yCv?: Range,
): Cell[][] {
  return formula("ABC_XYZ", ["customer_ids", "dates", "amounts", "a_share", "b_share", "x_cv", "y_cv"], (context) => {
    const options = {
      aShare: numberArg(aShare, "a_share", 0.8, { fraction: true, above: 0, below: 1 }),
      bShare: numberArg(bShare, "b_share", 0.95, { fraction: true, above: 0 }),
      xCv: numberArg(xCv, "x_cv", 0.1, { percent: true, min: 0 }),
      yCv: numberArg(yCv, "y_cv", 0.25, { percent: true, min: 0 }),
    };
    const tx = readTransactions({ customerIds, dates, amounts }, context.dates);
    return abcXyzCells(abcXyzTable(tx, options));
  });
}

/** COHORT_RETENTION(customer_ids, dates, [period]): cohorts × periods since the first purchase. */
export function COHORT_RETENTION(customerIds: Range, dates: Range, period?: Range): Cell[][] {
  return formula("COHORT_RETENTION", ["customer_ids", "dates", "period"], (context) => {
    const by = periodArg(period, "period", "month");
    const tx = readTransactions({ customerIds, dates }, context.dates);
    return cohortCells(cohortRetention(tx, by));
  });
}

/** SURVIVAL(durations, churned, [confidence], [band]): Kaplan–Meier table with the median. */
export function SURVIVAL(durations: Range, churned: Range, confidence?: Range, band?: Range): Cell[][] {
  return formula("SURVIVAL", ["durations", "churned", "confidence", "band"], (context) => {
    const level = numberArg(confidence, "confidence", 0.95, { fraction: true, min: 0.5, max: 0.999 });
    const curve = kaplanMeier(readLifetimes(durations, churned), level, survivalBandArg(band, "band"));
    return survivalCells(curve, t(context.locale, "survival.notReached", {}));
  });
}

/**
 * CLIENT_STAGE(client_ids, customer_ids, dates, [as_of_date], [lapsed_days], [commitment_orders],
 * [commitment_days]): one stage per client, in client_ids order.
 */
export function CLIENT_STAGE(
  clientIds: Range,
  customerIds: Range,
  dates: Range,
  asOfDate?: Range,
  lapsedDays?: Range,
  commitmentOrders?: Range,
  commitmentDays?: Range,
): string | Cell[][] {
  return formula(
    "CLIENT_STAGE",
    ["client_ids", "customer_ids", "dates", "as_of_date", "lapsed_days", "commitment_orders", "commitment_days"],
    (context) => {
      const options = {
        asOfDay: optionalDayArg(asOfDate, "as_of_date", context.dates),
        lapsedDays: optionalNumberArg(lapsedDays, "lapsed_days", DAYS),
        commitmentOrders: numberArg(commitmentOrders, "commitment_orders", STAGE_DEFAULTS.commitmentOrders, {
          min: 2,
          integer: true,
        }),
        commitmentDays: numberArg(commitmentDays, "commitment_days", STAGE_DEFAULTS.commitmentDays, {
          min: 0,
          integer: true,
        }),
      };
      const tx = readTransactions({ customerIds, dates }, context.dates);
      const { stages } = clientStages(clientIds, tx, options);
      if (!Array.isArray(clientIds)) return stages[0] ?? "";
      return stages.map((stage) => [stage ?? ""]);
    },
  );
}
