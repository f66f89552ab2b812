import { describe, expect, it } from "vitest";
import { CDNOW_EXTRACT_PATH, readCdnow } from "../../../scripts/lib/cdnow";
import { dayFromYmd } from "../../../shared/cells/dates";
import { analyzeClv } from "../../../shared/models/analysis";
import { errorOf, loadAddon } from "../helpers";

// The demo workbook's CDNOW extract: 303 customers, 959 transactions (1997-01 to 1998-06).
const rows = readCdnow(CDNOW_EXTRACT_PATH);
const ids = rows.map((r) => [Number(r.customerId)]);
const isoDates = rows.map((r) => [r.date]);
const amounts = rows.map((r) => [r.amount]);

/** The same transactions as Node-side columns, for reference results from shared/ directly. */
function reference(options: Parameters<typeof analyzeClv>[1], withAmounts = true) {
  const index = new Map<string, number>();
  const customers: number[] = [];
  const customer = new Int32Array(rows.length);
  const day = new Int32Array(rows.length);
  rows.forEach((r, i) => {
    let c = index.get(r.customerId);
    if (c === undefined) {
      c = customers.length;
      index.set(r.customerId, c);
      customers.push(Number(r.customerId));
    }
    const [y, m, d] = r.date.split("-").map(Number) as [number, number, number];
    customer[i] = c;
    day[i] = dayFromYmd(y, m, d);
  });
  return analyzeClv(
    {
      customers,
      customer,
      day,
      amount: withAmounts ? Float64Array.from(rows, (r) => r.amount) : null,
      length: rows.length,
      firstDay: Math.min(...day),
      lastDay: Math.max(...day),
    },
    options,
  );
}

describe("CLV custom functions", () => {
  const addon = loadAddon();

  it("CLV_FIT returns name/value rows of the purchase and spend models", () => {
    const out = addon.callCustomFunction("CLV_FIT", ids, isoDates, amounts) as [string, unknown][];
    expect(out.map((r) => r[0])).toEqual([
      "model",
      "r",
      "alpha",
      "a",
      "b",
      "log_likelihood",
      "customers",
      "converged",
      "p",
      "q",
      "gamma",
      "spend_frequency_correlation",
      "note",
    ]);
    const ref = reference({});
    expect(out[0]?.[1]).toBe("bgnbd");
    expect(out[1]?.[1]).toBeCloseTo(ref.fit.params.r as number, 10);
    expect(out[5]?.[1]).toBeCloseTo(ref.fit.logLikelihood, 8);
    expect(out[6]?.[1]).toBe(303);
    expect(out[7]?.[1]).toBe(true);
    expect(out[9]?.[1]).toBeCloseTo(ref.spend?.q as number, 8);
    expect(out[12]?.[1]).toBe("");
  });

  it("CLV_FIT says in words why a fit whose parameters ran off cannot be used; CLV_PREDICT refuses it", () => {
    // Five clients who each bought regularly up to the last week: nobody is seen leaving.
    const loyal: [string, number, number][] = [];
    const every = [10, 8, 10, 9, 12];
    every.forEach((gap, c) => {
      for (let day = 70 - gap * (c + 2); day <= 70; day += gap) loyal.push([`K${c}`, day, 20 + c]);
    });
    const day = (d: number) => new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10);
    const [lIds, lDates, lAmounts] = [
      loyal.map((r) => [r[0]]),
      loyal.map((r) => [day(r[1])]),
      loyal.map((r) => [r[2]]),
    ];
    const out = addon.callCustomFunction("CLV_FIT", lIds, lDates, lAmounts) as [string, unknown][];
    const byName = new Map(out.map(([k, v]) => [k, v]));
    expect(byName.get("converged")).toBe(false);
    expect(String(byName.get("note"))).toMatch(
      /^the bgnbd fit cannot be used: (a|b) ran off to [0-9.e+-]+, which would call every client alive \(P\(alive\) = 1 for all\)/,
    );
    expect(errorOf(() => addon.callCustomFunction("CLV_PREDICT", lIds, lDates, lAmounts))).toMatch(
      /^CLV_PREDICT: the bgnbd fit cannot be used: (a|b) ran off to .*which would call every client alive/,
    );
    const ru = loadAddon({ spreadsheet: { locale: "ru_RU" } });
    const ruOut = ru.callCustomFunction("CLV_FIT", lIds, lDates, lAmounts) as [string, unknown][];
    expect(String(ruOut.find(([k]) => k === "note")?.[1])).toMatch(
      /^подгонку bgnbd нельзя использовать: параметр (a|b) ушёл в/,
    );
  });

  it("CLV_FIT without amounts, for the Pareto/NBD, on date cells and weeks", () => {
    const dateCells = rows.map((r) => [addon.realm.date(Date.parse(`${r.date}T00:00:00Z`))]);
    const out = addon.callCustomFunction("CLV_FIT", ids, dateCells, "", "", 7, "Pareto/NBD") as [string, unknown][];
    expect(out.map((r) => r[0])).toEqual([
      "model",
      "r",
      "alpha",
      "s",
      "beta",
      "log_likelihood",
      "customers",
      "converged",
      "note",
    ]);
    expect(out[0]?.[1]).toBe("pareto");
    expect(out[5]?.[1]).toBeCloseTo(reference({ model: "pareto" }, false).fit.logLikelihood, 8);
  });

  it("CLV_PREDICT returns a header and one finite row per customer", () => {
    const out = addon.callCustomFunction("CLV_PREDICT", ids, isoDates, amounts, 6, 0.02) as unknown[][];
    expect(out[0]).toEqual([
      "customer",
      "frequency",
      "recency",
      "T",
      "p_alive",
      "expected_purchases",
      "expected_spend",
      "clv",
    ]);
    expect(out).toHaveLength(304);
    const ref = reference({ predictions: true, horizonMonths: 6, monthlyDiscount: 0.02 });
    expect(out[1]?.[0]).toBe(ref.summary.ids[0]);
    for (let i = 1; i < out.length; i++) {
      for (const v of (out[i] as unknown[]).slice(1)) expect(Number.isFinite(v)).toBe(true);
      expect(out[i]?.[7]).toBeCloseTo(ref.predictions?.clv[i - 1] as number, 8);
    }
  });

  it("CLV_PREDICT takes a horizon that is not a whole number of months (39 weeks)", () => {
    const weeks39 = (39 * 7 * 12) / 365;
    const out = addon.callCustomFunction("CLV_PREDICT", ids, isoDates, amounts, weeks39, 0) as unknown[][];
    const ref = reference({ predictions: true, horizonMonths: weeks39, monthlyDiscount: 0 });
    for (let i = 1; i < out.length; i += 37) {
      expect(out[i]?.[5]).toBeCloseTo(ref.predictions?.expectedPurchases[i - 1] as number, 10);
    }
    const twelve = addon.callCustomFunction("CLV_PREDICT", ids, isoDates, amounts, 12, 0) as unknown[][];
    expect(Number(out[1]?.[5])).toBeLessThan(Number(twelve[1]?.[5]));
  });

  it("CLV_PREDICT adds P(exactly n purchases over the horizon), a distribution over n", () => {
    const weeks52 = (52 * 7 * 12) / 365;
    const byCount = [0, 1, 2, 3].map(
      (n) =>
        addon.callCustomFunction("CLV_PREDICT", ids, isoDates, amounts, weeks52, 0, "", 7, "bgnbd", n) as unknown[][],
    );
    expect(byCount[2]?.[0]?.[8]).toBe("p_2_purchases");
    const ref = reference({ predictions: true, horizonMonths: weeks52, monthlyDiscount: 0, purchaseCount: 1 });
    for (let i = 1; i < 304; i += 29) {
      expect(byCount[1]?.[i]?.[8]).toBeCloseTo(ref.predictions?.purchaseCountProbability?.[i - 1] as number, 12);
      // A customer no longer active makes no purchase: P(0) is at least 1 − P(alive).
      expect(Number(byCount[0]?.[i]?.[8])).toBeGreaterThanOrEqual(1 - Number(byCount[0]?.[i]?.[4]) - 1e-12);
      const total = byCount.reduce((sum, out) => sum + Number(out[i]?.[8]), 0);
      expect(total).toBeLessThanOrEqual(1 + 1e-12);
      // Mean ≥ Σ n·P(n) over the first four counts; the rest of the mass lies beyond 3 purchases.
      const partialMean = byCount.reduce((sum, out, n) => sum + n * Number(out[i]?.[8]), 0);
      expect(partialMean).toBeLessThanOrEqual(Number(byCount[0]?.[i]?.[5]) + 1e-12);
      expect(Number(byCount[0]?.[i]?.[5]) - partialMean).toBeGreaterThanOrEqual(4 * (1 - total) - 1e-12);
    }
    expect(errorOf(() => addon.callCustomFunction("CLV_PREDICT", ids, isoDates, amounts, 12, 0, "", 7, "", 1.5))).toBe(
      "CLV_PREDICT: purchases must be a whole number; got 1.5",
    );
  });

  it("CLV_VALIDATE compares holdout purchases by calibration frequency", () => {
    const out = addon.callCustomFunction("CLV_VALIDATE", ids, isoDates, "1997-09-30") as unknown[][];
    expect(out).toHaveLength(10);
    expect(out.map((r) => r[0])).toEqual(["calibration_purchases", 0, 1, 2, 3, 4, 5, 6, "7+", "total"]);
    const ref = reference({ calibrationEnd: dayFromYmd(1997, 9, 30), validation: true }, false);
    expect(out[9]?.[2]).toBe(ref.validation?.total.actual);
    expect(out[9]?.[3]).toBeCloseTo(ref.validation?.total.predicted as number, 8);
  });

  it("explains bad input in the spreadsheet's language", () => {
    const once = [[1], [2], [3]];
    const days = [["2024-01-01"], ["2024-01-02"], ["2024-01-03"]];
    expect(errorOf(() => addon.callCustomFunction("CLV_FIT", once, days))).toBe(
      "CLV_FIT: all 3 clients bought on one day only: repeat behaviour cannot be estimated without repeat purchases; use a longer period of data",
    );
    expect(errorOf(() => addon.callCustomFunction("CLV_FIT", ids, isoDates, "", "", 7, "gamma"))).toBe(
      'CLV_FIT: model: "gamma" is not a model; use bgnbd, mbgnbd or pareto',
    );
    expect(errorOf(() => addon.callCustomFunction("CLV_PREDICT", ids, isoDates, amounts, 0))).toBe(
      "CLV_PREDICT: horizon_months must be at least 0.01; got 0",
    );
    expect(errorOf(() => addon.callCustomFunction("CLV_PREDICT", ids, isoDates, ""))).toContain("amounts is empty");
    expect(errorOf(() => addon.callCustomFunction("CLV_VALIDATE", ids, isoDates, "1998-12-31"))).toContain(
      "there is no holdout period",
    );
    expect(errorOf(() => addon.callCustomFunction("CLV_FIT", ids, isoDates, amounts, "soon"))).toBe(
      'CLV_FIT: calibration_end: "soon" is not a date; use a date cell, TODAY() or text such as 2024-03-01 or 01.03.2024',
    );
    const ru = loadAddon({ spreadsheet: { locale: "ru_RU" } });
    expect(errorOf(() => ru.callCustomFunction("CLV_FIT", once, days))).toBe(
      "CLV_FIT: все клиенты (3) покупали только в один день: без повторных покупок нельзя оценить повторное поведение; возьмите данные за более долгий период",
    );
  });
});
