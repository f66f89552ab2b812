import { numberArg, optionalDayArg, optionalNumberArg, rangeGiven } from "../../../shared/cells/arguments";
import type { DateReading } from "../../../shared/cells/dates";
import { readTransactions } from "../../../shared/cells/transactions";
import type { Range } from "../../../shared/cells/values";
import { RapportError } from "../../../shared/errors";
import { t } from "../../../shared/i18n/translate";
import { analyzeClv } from "../../../shared/models/analysis";
import { purchaseModelArg } from "../../../shared/models/models";
import { fitProblem } from "../../../shared/models/purchaseModel";
import { VALIDATION_TOP } from "../../../shared/models/validation";
import { formula } from "./formula";

type Out = (string | number | boolean)[][];

/** The largest n of CLV_PREDICT's P(exactly n purchases): beyond it the probabilities are all ~0. */
const MAX_PURCHASE_COUNT = 1000;

/** Never NaN or Infinity in a cell: a non-finite number means the model failed, said clearly. */
function finite(rows: Out): Out {
  for (const row of rows) {
    for (const v of row) if (typeof v === "number" && !Number.isFinite(v)) throw new RapportError("models.noFit", {});
  }
  return rows;
}

function transactions(customerIds: Range, dates: Range, amounts: Range | undefined, reading: DateReading) {
  return readTransactions(
    rangeGiven(amounts) ? { customerIds, dates, amounts: amounts as Range } : { customerIds, dates },
    reading,
  );
}

/**
 * CLV_FIT(customer_ids, dates, [amounts], [calibration_end], [period_days], [model]): the fitted
 * purchase model (and spend model with amounts) as name/value rows. JSDoc for Sheets is in
 * addon/stubs/formulas-clv.js.
 */
export function CLV_FIT(
  customerIds: Range,
  dates: Range,
  amounts?: Range,
  calibrationEnd?: Range,
  periodDays?: Range,
  model?: Range,
): Out {
  return formula(
    "CLV_FIT",
    ["customer_ids", "dates", "amounts", "calibration_end", "period_days", "model"],
    (context) => {
      const reading = context.dates;
      const options = {
        model: purchaseModelArg(model).name,
        periodDays: numberArg(periodDays, "period_days", 7, { min: 1, max: 366 }),
        calibrationEnd: optionalDayArg(calibrationEnd, "calibration_end", reading),
      };
      const result = analyzeClv(transactions(customerIds, dates, amounts, reading), options);
      const { fit, spend } = result;
      const rows: Out = [["model", fit.model]];
      for (const name of result.model.parameterNames) rows.push([name, fit.params[name] as number]);
      rows.push(["log_likelihood", fit.logLikelihood], ["customers", fit.customers], ["converged", fit.converged]);
      if (spend) {
        rows.push(
          ["p", spend.p],
          ["q", spend.q],
          ["gamma", spend.gamma],
          ["spend_frequency_correlation", spend.frequencySpendCorrelation],
        );
      }
      // Why a fit that did not converge cannot be used, in words; blank when it can.
      const problem = fitProblem(fit);
      rows.push(["note", problem ? t(context.locale, problem.key, problem.params) : ""]);
      return finite(rows);
    },
  );
}

/**
 * CLV_PREDICT(customer_ids, dates, amounts, [horizon_months], [monthly_discount],
 * [calibration_end], [period_days], [model], [purchases]): one row per customer with P(alive),
 * expected purchases and spend, and the predicted CLV over the horizon; with `purchases` = n, also
 * P(exactly n purchases over the horizon).
 */
export function CLV_PREDICT(
  customerIds: Range,
  dates: Range,
  amounts: Range,
  horizonMonths?: Range,
  monthlyDiscount?: Range,
  calibrationEnd?: Range,
  periodDays?: Range,
  model?: Range,
  purchases?: Range,
): Out {
  return formula(
    "CLV_PREDICT",
    [
      "customer_ids",
      "dates",
      "amounts",
      "horizon_months",
      "monthly_discount",
      "calibration_end",
      "period_days",
      "model",
      "purchases",
    ],
    (context) => {
      const reading = context.dates;
      const purchaseCount = optionalNumberArg(purchases, "purchases", {
        min: 0,
        max: MAX_PURCHASE_COUNT,
        integer: true,
      });
      const options = {
        model: purchaseModelArg(model).name,
        horizonMonths: numberArg(horizonMonths, "horizon_months", 12, { min: 0.01, max: 1200 }),
        monthlyDiscount: numberArg(monthlyDiscount, "monthly_discount", 0.01, { fraction: true }),
        periodDays: numberArg(periodDays, "period_days", 7, { min: 1, max: 366 }),
        calibrationEnd: optionalDayArg(calibrationEnd, "calibration_end", reading),
        predictions: true,
        purchaseCount: purchaseCount ?? null,
      };
      if (!rangeGiven(amounts)) throw new RapportError("input.empty", { arg: "amounts" });
      const result = analyzeClv(transactions(customerIds, dates, amounts, reading), options);
      const { summary } = result;
      const predictions = result.predictions as NonNullable<typeof result.predictions>;
      const p = summary.periodDays;
      const rows: Out = new Array(summary.length + 1);
      const header = [
        "customer",
        "frequency",
        "recency",
        "T",
        "p_alive",
        "expected_purchases",
        "expected_spend",
        "clv",
      ];
      const countProbability = predictions.purchaseCountProbability;
      rows[0] = countProbability ? [...header, `p_${purchaseCount}_purchases`] : header;
      for (let i = 0; i < summary.length; i++) {
        const row: Out[number] = [
          summary.ids[i] as string | number,
          summary.x[i] as number,
          (summary.recencyDays[i] as number) / p,
          (summary.ageDays[i] as number) / p,
          predictions.pAlive[i] as number,
          predictions.expectedPurchases[i] as number,
          predictions.expectedSpend[i] as number,
          predictions.clv[i] as number,
        ];
        if (countProbability) row.push(countProbability[i] as number);
        rows[i + 1] = row;
      }
      return finite(rows);
    },
  );
}

/**
 * CLV_VALIDATE(customer_ids, dates, calibration_end, [period_days], [model]): fits on the data up
 * to calibration_end and compares predicted with actual repeat purchases after it, by calibration
 * frequency 0 … 7+, with a total row.
 */
export function CLV_VALIDATE(
  customerIds: Range,
  dates: Range,
  calibrationEnd: Range,
  periodDays?: Range,
  model?: Range,
): Out {
  return formula("CLV_VALIDATE", ["customer_ids", "dates", "calibration_end", "period_days", "model"], (context) => {
    const reading = context.dates;
    const end = optionalDayArg(calibrationEnd, "calibration_end", reading);
    if (end === undefined) throw new RapportError("input.empty", { arg: "calibration_end" });
    const result = analyzeClv(transactions(customerIds, dates, undefined, reading), {
      model: purchaseModelArg(model).name,
      periodDays: numberArg(periodDays, "period_days", 7, { min: 1, max: 366 }),
      calibrationEnd: end,
      validation: true,
    });
    const table = result.validation as NonNullable<typeof result.validation>;
    const rows: Out = [
      ["calibration_purchases", "customers", "actual", "predicted", "actual_per_customer", "predicted_per_customer"],
    ];
    const perCustomer = (v: number, n: number) => (n > 0 ? v / n : 0);
    for (const row of table.rows) {
      rows.push([
        row.orMore ? `${VALIDATION_TOP}+` : row.frequency,
        row.customers,
        row.actual,
        row.predicted,
        perCustomer(row.actual, row.customers),
        perCustomer(row.predicted, row.customers),
      ]);
    }
    const t = table.total;
    rows.push([
      "total",
      t.customers,
      t.actual,
      t.predicted,
      perCustomer(t.actual, t.customers),
      perCustomer(t.predicted, t.customers),
    ]);
    return finite(rows);
  });
}
