import { describe, expect, it } from "vitest";
import { RFM_COLUMNS, RfmResponse } from "../../shared/api/analysis";
import { ErrorBody } from "../../shared/api/common";
import { dayFromYmd, isoDay } from "../../shared/cells/dates";
import type { Transactions } from "../../shared/cells/transactions";
import { rfmCells, rfmTable } from "../../shared/metrics/rfm";
import { isClustersAnswer, isClvAnswer, isRfmAnswer } from "../../shared/segments/fromApi";
import { Random, simulateCustomer } from "../shared/models/simulate";
import { enroll, request } from "./helpers";

const post = (path: string, body: BodyInit, token: string, type = "text/csv") =>
  request(path, { method: "POST", headers: { Authorization: `Bearer ${token}`, "Content-Type": type }, body });

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  const body = ErrorBody.parse(await response.json());
  expect(body.error.code).toBe(code);
  return body.error;
}

/** Rows [customer, day, amount] from a small deterministic generator (customers buy 1–6 times). */
function generated(customers: number, seed: number): [string | number, number, number][] {
  let s = seed;
  const next = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  const start = dayFromYmd(2023, 1, 1);
  const rows: [string | number, number, number][] = [];
  for (let c = 0; c < customers; c++) {
    const id = c % 3 === 0 ? `C-${c}` : 1000 + c;
    const orders = 1 + Math.floor(next() * 6);
    for (let k = 0; k < orders; k++) {
      rows.push([id, start + Math.floor(next() * 500), Math.round(next() * 20000) / 100]);
    }
  }
  return rows;
}

function csv(rows: [string | number, number, number][]): string {
  return `customer,date,amount\n${rows.map(([id, day, amount]) => `${id},${isoDay(day)},${amount}`).join("\n")}\n`;
}

function transactions(rows: [string | number, number, number][]): Transactions {
  const index = new Map<string | number, number>();
  const customers: (string | number)[] = [];
  const customer = Int32Array.from(rows, ([id]) => {
    let c = index.get(id);
    if (c === undefined) {
      c = customers.length;
      index.set(id, c);
      customers.push(id);
    }
    return c;
  });
  const day = Int32Array.from(rows, (r) => r[1]);
  return {
    customers,
    customer,
    day,
    amount: Float64Array.from(rows, (r) => r[2]),
    length: rows.length,
    firstDay: Math.min(...day),
    lastDay: Math.max(...day),
  };
}

/** The response's columns as the RFM() formula's rows: header, then one row per customer. */
function asFormulaRows(body: RfmResponse): unknown[][] {
  const c = body.customers;
  if (!c) throw new Error("expected per-customer columns");
  const columns = body.header.map((name) => c[name as keyof typeof c] as unknown[]);
  return [body.header, ...c.customer.map((_, k) => columns.map((column) => column[k]))];
}

describe("POST /api/v1/analyze/rfm", () => {
  it("requires the workspace token", async () => {
    const response = await request("/api/v1/analyze/rfm", { method: "POST", body: "customer,date,amount\n1,0,1\n" });
    await expectError(response, 401, "unauthorized");
  });

  it("scores a small list as worked out by hand", async () => {
    // Days since 1970-01-01; as of day 100. Recency A 0, B 10, C 0, D 70, E 5; orders 1, 2, 3, 1, 4;
    // spend 10, 50, 15, 100, 4. With five customers each quintile holds one; ties go to the smaller id.
    const body = [
      "customer,date,amount",
      "1,100,10",
      "2,50,20",
      "2,90,30",
      "3,10,5",
      "3,20,5",
      "3,100,5",
      "4,30,100",
      "5,60,1",
      "5,70,1",
      "5,80,1",
      "5,95,1",
    ].join("\n");
    const { token } = await enroll();
    const response = await post("/api/v1/analyze/rfm", body, token);
    expect(response.status).toBe(200);
    const result = RfmResponse.parse(await response.json());
    expect(result.asOf).toBe("1970-04-11");
    expect(result.transactions).toBe(11);
    expect(result.customerCount).toBe(5);
    expect(asFormulaRows(result)).toEqual([
      [...RFM_COLUMNS],
      [3, 0, 3, 15, 5, 4, 3, 543, "Champions"],
      [1, 0, 1, 10, 4, 1, 2, 412, "Promising"],
      [5, 5, 4, 4, 3, 5, 1, 351, "Loyal"],
      [2, 10, 2, 50, 2, 3, 4, 234, "At Risk"],
      [4, 70, 1, 100, 1, 2, 5, 125, "Hibernating"],
    ]);
    expect(result.segments).toEqual([
      { segment: "Champions", customers: 1, revenue: 15 },
      { segment: "Loyal", customers: 1, revenue: 4 },
      { segment: "Promising", customers: 1, revenue: 10 },
      { segment: "At Risk", customers: 1, revenue: 50 },
      { segment: "Hibernating", customers: 1, revenue: 100 },
    ]);
  });

  it("returns exactly the RFM() table, as of the last date or as_of", async () => {
    const rows = generated(900, 7);
    const tx = transactions(rows);
    const { token } = await enroll();
    for (const asOf of [undefined, dayFromYmd(2023, 10, 15)]) {
      const query = asOf === undefined ? "" : `?as_of=${isoDay(asOf)}`;
      const response = await post(`/api/v1/analyze/rfm${query}`, csv(rows), token);
      expect(response.status).toBe(200);
      const result = RfmResponse.parse(await response.json());
      const formula = rfmCells(rfmTable(tx, asOf));
      expect(asFormulaRows(result)).toEqual(formula);
      expect(result.customerCount).toBe(formula.length - 1);
      expect(result.asOf).toBe(isoDay(asOf ?? tx.lastDay));
      // The summary counts every customer once, and each segment's revenue is its customers' spend.
      expect(result.segments.reduce((n, s) => n + s.customers, 0)).toBe(result.customerCount);
      for (const s of result.segments) {
        const spend = formula.slice(1).filter((row) => row[8] === s.segment);
        expect(s.customers).toBe(spend.length);
        expect(s.revenue).toBeCloseTo(
          spend.reduce((sum, row) => sum + (row[3] as number), 0),
          6,
        );
      }
    }
  });

  it("answers what the add-on's checks accept, as do /clv and /segments", async () => {
    const { token } = await enroll();
    // Purchases from the BG/NBD process, so that the CLV models converge.
    const random = new Random(4);
    const rows: [string | number, number, number][] = [];
    const start = dayFromYmd(2023, 1, 1);
    for (let c = 0; c < 400; c++) {
      const first = start + Math.floor(random.next() * 90);
      for (const t of [0, ...simulateCustomer("bgnbd", [0.3, 4, 0.8, 2.5], (start + 540 - first) / 7, random)]) {
        rows.push([c, first + Math.floor(t * 7), Math.round(random.gamma(6, 5) * 100) / 100]);
      }
    }
    const body = csv(rows);
    expect(isRfmAnswer(await (await post("/api/v1/analyze/rfm", body, token)).json())).toBe(true);
    const clv = await post("/api/v1/analyze/clv?horizon_months=12", body, token);
    const clvBody = await clv.json();
    expect(clv.status, JSON.stringify(clvBody).slice(0, 300)).toBe(200);
    expect(isClvAnswer(clvBody)).toBe(true);
    expect(isClustersAnswer(await (await post("/api/v1/analyze/segments", body, token)).json())).toBe(true);
  });

  it("returns only the summary with customers=false", async () => {
    const { token } = await enroll();
    const response = await post("/api/v1/analyze/rfm?customers=false", csv(generated(50, 3)), token);
    const result = RfmResponse.parse(await response.json());
    expect(result.customers).toBeNull();
    expect(result.segments.reduce((n, s) => n + s.customers, 0)).toBe(50);
  });

  it("refuses bodies and options it cannot use, with the JSON error shape", async () => {
    const { token } = await enroll();
    const noAmount = await expectError(
      await post("/api/v1/analyze/rfm", "customer,date\n1,2024-01-01\n", token),
      400,
      "validation_failed",
    );
    expect(noAmount.message).toBe("the body has no amount column; RFM needs customer,date,amount");
    expect(noAmount.details).toEqual({ key: "analysis.csvNoAmount", params: {} });
    const badAmount = await expectError(
      await post("/api/v1/analyze/rfm", "customer,date,amount\n1,2024-01-01,12,5\n", token),
      400,
      "validation_failed",
    );
    expect(badAmount.message).toBe("line 2: expected 3 fields, found 4");
    await expectError(await post("/api/v1/analyze/rfm", "customer,date,amount\n", token), 400, "validation_failed");
    await expectError(
      await post("/api/v1/analyze/rfm", JSON.stringify({ customer: [1] }), token, "application/json"),
      400,
      "bad_request",
    );
    const badQuery = await expectError(
      await post("/api/v1/analyze/rfm?as_of=2024-02-30", csv(generated(5, 1)), token),
      400,
      "validation_failed",
    );
    expect(badQuery.message).toContain("as_of");
    const early = await expectError(
      await post("/api/v1/analyze/rfm?as_of=2000-01-01", csv(generated(5, 1)), token),
      422,
      "unprocessable",
    );
    expect(early.message).toBe("there are no transactions on or before as_of: choose a later date");
  });
});
