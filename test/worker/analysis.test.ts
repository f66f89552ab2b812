import { describe, expect, it } from "vitest";
import { ANALYSIS_BODY_LIMIT, ClvResponse, SegmentsResponse } from "../../shared/api/analysis";
import { ErrorBody } from "../../shared/api/common";
import { dayFromYmd, isoDay } from "../../shared/cells/dates";
import type { Transactions } from "../../shared/cells/transactions";
import { analyzeClv } from "../../shared/models/analysis";
import { segmentCustomers } from "../../shared/models/clustering";
import { Random, simulateCustomer } from "../shared/models/simulate";
import { enroll, request } from "./helpers";

/** Simulated BG/NBD customers as transaction rows (ids C0…, ISO dates or day numbers, amounts). */
function simulated(n: number, seed: number) {
  const random = new Random(seed);
  const rows: [string, number, number][] = [];
  const start = dayFromYmd(2023, 1, 1);
  for (let c = 0; c < n; c++) {
    const first = start + Math.floor(random.next() * 90);
    const nu = random.gamma(4, 15);
    for (const t of [0, ...simulateCustomer("bgnbd", [0.3, 4, 0.8, 2.5], (start + 540 - first) / 7, random)]) {
      rows.push([`C${c}`, first + Math.floor(t * 7), Math.round(random.gamma(6, nu) * 100) / 100]);
    }
  }
  return rows;
}

function csv(rows: [string, number, number][], dates: "iso" | "days" = "iso"): string {
  const lines = rows.map(([id, day, amount]) => `${id},${dates === "iso" ? isoDay(day) : day},${amount}`);
  return `customer,date,amount\n${lines.join("\n")}\n`;
}

function transactions(rows: [string, number, number][]): Transactions {
  const index = new Map<string, number>();
  const customers: string[] = [];
  const customer = new Int32Array(rows.length);
  rows.forEach(([id], i) => {
    let c = index.get(id);
    if (c === undefined) {
      c = customers.length;
      index.set(id, c);
      customers.push(id);
    }
    customer[i] = c;
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

const post = (path: string, body: BodyInit, token: string, type = "text/csv") =>
  request(path, { method: "POST", headers: { Authorization: `Bearer ${token}`, "Content-Type": type }, body });

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  const body = ErrorBody.parse(await response.json());
  expect(body.error.code).toBe(code);
  return body.error;
}

describe("POST /api/v1/analyze/clv", () => {
  const rows = simulated(1500, 3);

  it("requires the workspace token", async () => {
    const response = await request("/api/v1/analyze/clv", { method: "POST", body: csv(rows) });
    await expectError(response, 401, "unauthorized");
  });

  it("fits, predicts per customer and returns what shared/ computes", async () => {
    const { token } = await enroll();
    const response = await post("/api/v1/analyze/clv?horizon_months=6&monthly_discount=0.02", csv(rows), token);
    expect(response.status).toBe(200);
    const body = ClvResponse.parse(await response.json());
    const ref = analyzeClv(transactions(rows), { predictions: true, horizonMonths: 6, monthlyDiscount: 0.02 });
    expect(body.model.name).toBe("bgnbd");
    expect(body.model.params.r).toBeCloseTo(ref.fit.params.r as number, 12);
    expect(body.model.logLikelihood).toBeCloseTo(ref.fit.logLikelihood, 8);
    expect(body.model.converged).toBe(true);
    expect(body.spend?.params.q).toBeCloseTo(ref.spend?.q as number, 10);
    expect(body.summary).toEqual({
      customers: 1500,
      transactions: rows.length,
      calibrationEnd: isoDay(ref.summary.calibrationEnd),
      holdoutEnd: null,
      periodDays: 7,
    });
    expect(body.validation).toBeNull();
    const customers = body.customers;
    if (!customers) throw new Error("expected per-customer results");
    expect(customers.id).toEqual(ref.summary.ids);
    expect(customers.clv?.[7]).toBeCloseTo(ref.predictions?.clv[7] as number, 4);
    expect(customers.pAlive[100]).toBeCloseTo(ref.predictions?.pAlive[100] as number, 6);
    expect(customers.frequency).toEqual(Array.from(ref.summary.x));
  });

  it("validates against the holdout after calibration_end; day numbers work as dates; summary only on request", async () => {
    const { token } = await enroll();
    const end = isoDay(dayFromYmd(2023, 12, 31));
    const response = await post(
      `/api/v1/analyze/clv?model=pareto&calibration_end=${end}&customers=false`,
      csv(rows, "days"),
      token,
    );
    expect(response.status).toBe(200);
    const body = ClvResponse.parse(await response.json());
    expect(body.customers).toBeNull();
    expect(body.model.name).toBe("pareto");
    expect(body.validation?.rows).toHaveLength(8);
    const ref = analyzeClv(transactions(rows), {
      model: "pareto",
      calibrationEnd: dayFromYmd(2023, 12, 31),
      validation: true,
    });
    expect(body.validation?.total.actual).toBe(ref.validation?.total.actual);
    expect(body.validation?.total.predicted).toBeCloseTo(ref.validation?.total.predicted as number, 8);
  });

  it("accepts bodies far above the 1 MiB default limit, in any row order", async () => {
    const { token } = await enroll();
    const big = simulated(20000, 4).reverse();
    const text = csv(big);
    expect(text.length).toBeGreaterThan(1024 * 1024);
    const response = await post("/api/v1/analyze/clv?customers=false", text, token);
    expect(response.status).toBe(200);
    expect(ClvResponse.parse(await response.json()).summary.customers).toBe(20000);
  });

  it("refuses malformed input with the JSON error shape, naming the line", async () => {
    const { token } = await enroll();
    expect(
      (await expectError(await post("/api/v1/analyze/clv", "a,b\n1,2\n", token), 400, "validation_failed")).message,
    ).toContain("the first line must name the columns");
    const badDate = "customer,date,amount\nA,2024-01-01,5\nB,2024-02-30,7\n";
    const error = await expectError(await post("/api/v1/analyze/clv", badDate, token), 400, "validation_failed");
    expect(error.message).toBe(
      'line 3: "2024-02-30" is not a date; use yyyy-mm-dd or a day number (days since 1970-01-01)',
    );
    expect(error.details).toEqual({ key: "analysis.csvDate", params: { line: 3, value: "2024-02-30" } });
    const badAmount = "customer,date,amount\nA,2024-01-01,ten\n";
    expect(
      (await expectError(await post("/api/v1/analyze/clv", badAmount, token), 400, "validation_failed")).message,
    ).toContain("line 2");
    await expectError(
      await post("/api/v1/analyze/clv", JSON.stringify({ a: 1 }), token, "application/json"),
      400,
      "bad_request",
    );
    const query = await expectError(
      await post("/api/v1/analyze/clv?model=gamma", csv(rows), token),
      400,
      "validation_failed",
    );
    expect(query.message).toContain("model");
    await expectError(
      await post("/api/v1/analyze/clv?calibration_end=2024-13-01", csv(rows), token),
      400,
      "validation_failed",
    );
    await expectError(
      await post("/api/v1/analyze/clv", new Uint8Array([0x63, 0xff, 0xfe, 0x0a]), token),
      400,
      "bad_request",
    );
  });

  it("explains data the models cannot use with 422", async () => {
    const { token } = await enroll();
    const once = "customer,date\nA,2024-01-01\nB,2024-01-02\nC,2024-01-05\n";
    const error = await expectError(await post("/api/v1/analyze/clv", once, token), 422, "unprocessable");
    expect(error.message).toContain("all 3 clients bought on one day only");
  });

  it("stops a Pareto/NBD fit that wanders (2,000 look-alike clients) within its work budget: 422 with the reason", async () => {
    const { token } = await enroll();
    // Each client made 5 purchases on random days of one year: nothing tells them apart.
    const random = new Random(11);
    const start = dayFromYmd(2024, 1, 1);
    const lines = ["customer,date,amount"];
    for (let c = 0; c < 2000; c++) {
      for (let k = 0; k < 5; k++) lines.push(`L${c},${isoDay(start + Math.floor(random.next() * 365))},10`);
    }
    const body = `${lines.join("\n")}\n`;
    expect(body.length).toBeGreaterThan(150_000);
    const pareto = await expectError(await post("/api/v1/analyze/clv?model=pareto", body, token), 422, "unprocessable");
    expect(pareto.message).toContain("did not settle within its work budget");
    expect(pareto.details).toMatchObject({ key: "models.fitBudget" });
    // BG/NBD settles, but where its parameters ran off: predictions from it are refused, saying why.
    const bg = await expectError(await post("/api/v1/analyze/clv", body, token), 422, "unprocessable");
    expect(bg.details).toMatchObject({ key: "models.runawayAlive" });
    expect(bg.message).toContain("which would call every client alive");
  });

  it("refuses, before answering, an answer over the 50 MB one Apps Script request can receive", async () => {
    const { token } = await enroll();
    // 2,700 customers whose 9,900-character ids are backslashes: 27 MB sent, but JSON doubles
    // every backslash, so the ids alone come back as 53.5 MB.
    const pad = "\\".repeat(9_890);
    const lines = ["customer,date,amount"];
    for (let c = 0; c < 2_700; c++) lines.push(`${pad}${String(c).padStart(6, "0")},2024-01-0${1 + (c % 9)},5`);
    const body = `${lines.join("\n")}\n`;
    const error = await expectError(await post("/api/v1/analyze/rfm", body, token), 422, "unprocessable");
    expect(error.details).toMatchObject({ key: "analysis.responseTooLarge", params: { customers: 2_700, mb: 50 } });
    // Without the per-customer columns the same request is answered.
    const summary = await post("/api/v1/analyze/rfm?customers=false", body, token);
    expect(summary.status).toBe(200);
    // Just under: 2,450 such customers (48.5 MB) are answered whole.
    const fewer = `${lines.slice(0, 2_451).join("\n")}\n`;
    const whole = await post("/api/v1/analyze/rfm", fewer, token);
    expect(whole.status).toBe(200);
    expect((await whole.text()).length).toBeGreaterThan(48_000_000);
  });

  it("refuses bodies over the analysis limit (413)", async () => {
    const { token } = await enroll();
    const chunk = new TextEncoder().encode(`${"x".repeat(50)},2024-01-01,1\n`.repeat(20000));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("customer,date,amount\n"));
      },
      pull(controller) {
        if (sent > ANALYSIS_BODY_LIMIT + chunk.length) controller.close();
        else {
          controller.enqueue(chunk);
          sent += chunk.length;
        }
      },
    });
    const response = await post("/api/v1/analyze/clv", stream, token);
    await expectError(response, 413, "payload_too_large");
  }, 60_000);
});

describe("POST /api/v1/analyze/segments", () => {
  const rows = simulated(600, 8);

  it("returns profiles with labels and the per-customer assignment", async () => {
    const { token } = await enroll();
    const response = await post("/api/v1/analyze/segments", csv(rows), token);
    expect(response.status).toBe(200);
    const body = SegmentsResponse.parse(await response.json());
    const ref = segmentCustomers(transactions(rows));
    expect(body.k).toBe(ref.k);
    expect(body.profiles.map((p) => p.label.en)).toEqual(ref.profiles.map((p) => p.label.en));
    expect(body.profiles[0]?.label.ru.length).toBeGreaterThan(0);
    expect(body.customers?.segment).toEqual(Array.from(ref.segment));
    expect(body.customers?.id).toEqual(ref.customers);
  });

  it("honours k and as_of, and explains too few customers", async () => {
    const { token } = await enroll();
    const response = await post("/api/v1/analyze/segments?k=3&as_of=2024-12-31&customers=false", csv(rows), token);
    const body = SegmentsResponse.parse(await response.json());
    expect(body.k).toBe(3);
    expect(body.asOf).toBe("2024-12-31");
    expect(body.customers).toBeNull();
    const few = "customer,date,amount\nA,2024-01-01,5\nB,2024-01-03,7\n";
    await expectError(await post("/api/v1/analyze/segments", few, token), 422, "unprocessable");
    await expectError(await post("/api/v1/analyze/segments?k=12", csv(rows), token), 400, "validation_failed");
  });
});
