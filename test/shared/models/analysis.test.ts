import { describe, expect, it } from "vitest";
import { dayFromYmd } from "../../../shared/cells/dates";
import type { Transactions } from "../../../shared/cells/transactions";
import { analyzeClv } from "../../../shared/models/analysis";
import { DAYS_PER_MONTH } from "../../../shared/models/clv";
import { expectedSpend } from "../../../shared/models/gammaGamma";
import { PURCHASE_MODELS } from "../../../shared/models/models";
import { expectedPurchases } from "../../../shared/models/purchaseModel";
import { thrown } from "../helpers";
import { Random, simulateCustomer } from "./simulate";

const key = (fn: () => unknown): string => thrown(fn).key;

/** Day-level transactions of simulated BG/NBD customers, first purchases spread over 90 days. */
function simulatedTransactions(n: number, seed: number, days = 365): Transactions {
  const random = new Random(seed);
  const customer: number[] = [];
  const day: number[] = [];
  const amount: number[] = [];
  const start = dayFromYmd(2023, 1, 1);
  for (let c = 0; c < n; c++) {
    const first = start + Math.floor(random.next() * 90);
    const nu = random.gamma(4, 15);
    const times = [0, ...simulateCustomer("bgnbd", [0.3, 4, 0.8, 2.5], (start + days - first) / 7, random)];
    for (const t of times) {
      customer.push(c);
      day.push(first + Math.floor(t * 7));
      amount.push(Math.round(random.gamma(6, nu) * 100) / 100);
    }
  }
  return {
    customers: Array.from({ length: n }, (_, i) => `C${i}`),
    customer: Int32Array.from(customer),
    day: Int32Array.from(day),
    amount: Float64Array.from(amount),
    length: customer.length,
    firstDay: Math.min(...day),
    lastDay: Math.max(...day),
  };
}

describe("analyzeClv", () => {
  const tx = simulatedTransactions(3000, 1);

  it("predicts CLV as Σ E[M]·(E[Y(i·f)] − E[Y((i−1)·f)])/(1+d)ⁱ, customer by customer", () => {
    const result = analyzeClv(tx, { predictions: true, horizonMonths: 6, monthlyDiscount: 0.02 });
    const { summary, fit, spend, predictions } = result;
    expect(fit.converged).toBe(true);
    if (!spend || !predictions) throw new Error("expected spend and predictions");
    const f = DAYS_PER_MONTH / 7;
    for (const i of [0, 1, 2, 50, 700, 2999]) {
      const x = summary.x[i] as number;
      const txp = (summary.recencyDays[i] as number) / 7;
      const T = (summary.ageDays[i] as number) / 7;
      let value = 0;
      for (let m = 1; m <= 6; m++) {
        const step =
          expectedPurchases(result.model, fit.values, m * f, x, txp, T) -
          expectedPurchases(result.model, fit.values, (m - 1) * f, x, txp, T);
        value += step / 1.02 ** m;
      }
      const m = expectedSpend(spend, x, summary.monetary?.[i] as number);
      expect(predictions.expectedSpend[i]).toBeCloseTo(m, 10);
      expect(predictions.clv[i]).toBeCloseTo(m * value, 8);
      expect(predictions.expectedPurchases[i]).toBeCloseTo(
        expectedPurchases(result.model, fit.values, 6 * f, x, txp, T),
        10,
      );
      expect(predictions.pAlive[i]).toBeCloseTo(result.model.pAlive(fit.values, x, txp, T), 12);
    }
  });

  it("runs every model, and validates against a holdout", () => {
    const calibrationEnd = dayFromYmd(2023, 9, 30);
    for (const model of Object.keys(PURCHASE_MODELS) as (keyof typeof PURCHASE_MODELS)[]) {
      const result = analyzeClv(tx, { model, calibrationEnd, validation: true, predictions: true });
      const table = result.validation;
      if (!table) throw new Error("expected a validation table");
      expect(table.rows).toHaveLength(8);
      expect(table.total.customers).toBe(result.summary.length);
      // Simulated from BG/NBD: every model should track the holdout in total.
      expect(Math.abs(table.total.predicted / table.total.actual - 1)).toBeLessThan(0.15);
      for (const v of result.predictions?.clv ?? []) expect(Number.isFinite(v) && v >= 0).toBe(true);
    }
  });

  it("excludes customers with a mean repeat spend of 0 or less from the spend fit; their spend follows the formula, floored at 0", () => {
    const amounts = Float64Array.from(tx.amount as Float64Array);
    // Customer C0..C9's transactions become free or returns.
    for (let i = 0; i < tx.length; i++) if ((tx.customer[i] as number) < 10) amounts[i] = -(amounts[i] as number);
    const result = analyzeClv({ ...tx, amount: amounts }, { predictions: true });
    const { summary, spend, predictions } = result;
    if (!spend || !predictions) throw new Error("expected spend and predictions");
    let excluded = 0;
    for (let i = 0; i < summary.length; i++) {
      if ((summary.x[i] as number) > 0 && (summary.monetary?.[i] as number) <= 0) {
        excluded++;
        const x = summary.x[i] as number;
        const w = (spend.p * x) / (spend.p * x + spend.q - 1);
        const formula = (1 - w) * ((spend.p * spend.gamma) / (spend.q - 1)) + w * (summary.monetary?.[i] as number);
        expect(predictions.expectedSpend[i]).toBeCloseTo(Math.max(0, formula), 10);
        // Below what any paying client with as many purchases gets.
        expect(predictions.expectedSpend[i]).toBeLessThan((1 - w) * ((spend.p * spend.gamma) / (spend.q - 1)) + 1e-9);
      }
    }
    expect(excluded).toBeGreaterThan(0);
    expect(result.spendExcluded).toBe(excluded);
  });

  it("explains what it cannot do", () => {
    expect(key(() => analyzeClv(tx, { validation: true }))).toBe("models.noHoldout");
    expect(key(() => analyzeClv(tx, { calibrationEnd: dayFromYmd(2020, 1, 1) }))).toBe("models.calibrationBeforeData");
    expect(key(() => analyzeClv({ ...tx, amount: null }, { predictions: true }))).toBe("input.empty");
    const once: Transactions = {
      customers: ["a", "b", "c"],
      customer: Int32Array.of(0, 1, 2),
      day: Int32Array.of(1, 5, 9),
      amount: null,
      length: 3,
      firstDay: 1,
      lastDay: 9,
    };
    expect(key(() => analyzeClv(once))).toBe("models.allOneTime");
  });
});
