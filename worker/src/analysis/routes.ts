import { type Context, Hono } from "hono";
import {
  ANALYSIS_BODY_LIMIT,
  ANALYSIS_MAX_CUSTOMERS,
  ANALYSIS_MAX_ROWS,
  ClvQuery,
  type ClvResponse,
  RFM_COLUMNS,
  RfmQuery,
  type RfmResponse,
  SegmentsQuery,
  type SegmentsResponse,
} from "../../../shared/api/analysis";
import { URL_FETCH_MAX_BYTES } from "../../../shared/api/common";
import { parseDay, TransactionCsvReader } from "../../../shared/api/transactionsCsv";
import { isoDay } from "../../../shared/cells/dates";
import type { Transactions } from "../../../shared/cells/transactions";
import { isRapportError, RapportError } from "../../../shared/errors";
import { t } from "../../../shared/i18n/translate";
import { RFM_SEGMENTS, type RfmSegment, rfmSegment, rfmTable } from "../../../shared/metrics/rfm";
import { fitSummaryWork, predictRowsWork, summarizeForClv } from "../../../shared/models/analysis";
import { segmentCustomersWork } from "../../../shared/models/clustering";
import { expectedSpend } from "../../../shared/models/gammaGamma";
import { validateHoldout } from "../../../shared/models/validation";
import type { Work } from "../../../shared/models/work";
import { utf8Length } from "../../../shared/utf8";
import type { AppEnv } from "../env";
import { ApiError } from "../errors";
import { validate } from "../validation";
import { CSV_WORK_PER_CHARACTER, runInSlices, slicePacer } from "./cooperative";

/** A RapportError as an API error: English message, key and parameters in details for clients that translate. */
function apiError(status: 400 | 422, code: "validation_failed" | "unprocessable", error: RapportError): ApiError {
  return new ApiError(status, code, t("en", error.key, error.params), { key: error.key, params: error.params });
}

/**
 * Reads the CSV body as it streams in, within the analysis size limit: a body over the limit
 * is refused by its Content-Length before reading, or as soon as it passes the limit.
 */
async function readTransactions(c: Context<AppEnv>): Promise<Transactions> {
  const type = (c.req.header("Content-Type") ?? "").toLowerCase();
  if (!/^text\/(csv|plain)\b/.test(type)) {
    throw new ApiError(400, "bad_request", "Send the transactions as CSV with 'Content-Type: text/csv'.");
  }
  const tooLarge = () =>
    new ApiError(413, "payload_too_large", `The request body is larger than ${ANALYSIS_BODY_LIMIT} bytes.`);
  const declared = Number(c.req.header("Content-Length") ?? "0");
  if (declared > ANALYSIS_BODY_LIMIT) throw tooLarge();
  const csv = new TransactionCsvReader(ANALYSIS_MAX_ROWS, ANALYSIS_MAX_CUSTOMERS);
  const reader = c.req.raw.body?.getReader();
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
  let size = 0;
  const pace = slicePacer();
  try {
    for (;;) {
      if (!reader) break;
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > ANALYSIS_BODY_LIMIT) throw tooLarge();
      const text = decoder.decode(value, { stream: true });
      csv.push(text);
      const turn = pace(text.length * CSV_WORK_PER_CHARACTER);
      if (turn) await turn;
    }
    csv.push(decoder.decode());
    return csv.finish();
  } catch (error) {
    await reader?.cancel().catch(() => {});
    if (isRapportError(error)) throw apiError(400, "validation_failed", error);
    if (error instanceof TypeError) throw new ApiError(400, "bad_request", "The body is not valid UTF-8 text.");
    throw error;
  }
}

/** What the data cannot support becomes a 422 with the reason. */
function unprocessable(error: unknown): never {
  if (isRapportError(error)) throw apiError(422, "unprocessable", error);
  throw error;
}

/** Runs a model step. */
function modelStep<T>(step: () => T): T {
  try {
    return step();
  } catch (error) {
    unprocessable(error);
  }
}

/** Runs a long model computation in slices, so survey pages are served while it runs. */
async function modelWork<T>(work: () => Work<T>): Promise<T> {
  try {
    return await runInSlices(work());
  } catch (error) {
    unprocessable(error);
  }
}

const round = (v: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
};

type Column = [string, number, (i: number) => unknown];

/** Values sized between two pauses, and what one weighs in likelihood row evaluations (see `Work`). */
const SIZE_PIECE = 4096;
const SIZE_WORK = 3;

/** The longest JSON text of a number: "-1.2345678901234567e-308". */
const NUMBER_JSON_MAX = 24;

/**
 * Bytes the per-customer columns take as JSON: a bound from the ids and the number of numbers
 * first, and only when that bound is over `limit`, the exact size (a second pass over the values).
 */
function* columnsSize(columns: readonly Column[], limit: number): Work<number> {
  let bound = 0;
  const numeric: Column[] = [];
  for (const column of columns) {
    const [name, length, value] = column;
    bound += name.length + 4 + length;
    if (length > 0 && typeof value(0) === "number") {
      bound += length * NUMBER_JSON_MAX;
      numeric.push(column);
    } else {
      for (let i = 0; i < length; i++) {
        bound += utf8Length(JSON.stringify(value(i)));
        if ((i + 1) % SIZE_PIECE === 0) yield SIZE_PIECE * SIZE_WORK;
      }
    }
  }
  if (bound <= limit) return bound;
  let exact = bound;
  for (const [, length, value] of numeric) {
    exact -= length * NUMBER_JSON_MAX;
    for (let i = 0; i < length; i++) {
      exact += JSON.stringify(value(i)).length;
      if ((i + 1) % SIZE_PIECE === 0) yield SIZE_PIECE * SIZE_WORK;
    }
  }
  return exact;
}

/**
 * A JSON response written as it is sent: the small part with JSON.stringify, the per-customer
 * columns element by element, so a million customers never sit in memory as one string. An answer
 * over 50 MB, more than one UrlFetchApp call can receive, is refused before it starts (422): the
 * caller can ask without the per-customer columns, or send fewer rows.
 */
async function streamJson(head: Record<string, unknown>, columns: Column[] | null): Promise<Response> {
  if (columns && (await runInSlices(columnsSize(columns, URL_FETCH_MAX_BYTES))) > URL_FETCH_MAX_BYTES) {
    const customers = columns[0]?.[1] ?? 0;
    throw apiError(422, "unprocessable", new RapportError("analysis.responseTooLarge", { customers, mb: 50 }));
  }
  const encoder = new TextEncoder();
  function* parts(): Generator<string> {
    const text = JSON.stringify({ ...head, customers: null });
    if (!columns) {
      yield text;
      return;
    }
    yield `${text.slice(0, -"null}".length)}{`;
    for (let c = 0; c < columns.length; c++) {
      const [name, length, value] = columns[c] as [string, number, (i: number) => unknown];
      let chunk = `${c > 0 ? "," : ""}${JSON.stringify(name)}:[`;
      for (let i = 0; i < length; i++) {
        chunk += (i > 0 ? "," : "") + JSON.stringify(value(i));
        if (chunk.length > 65_536) {
          yield chunk;
          chunk = "";
        }
      }
      yield `${chunk}]`;
    }
    yield "}}";
  }
  const source = parts();
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = source.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  return new Response(stream, { headers: { "Content-Type": "application/json; charset=UTF-8" } });
}

/** `POST /api/v1/analyze/…` (behind the workspace token). */
export const analysis = new Hono<AppEnv>()
  .post("/clv", validate("query", ClvQuery), async (c) => {
    const q = c.req.valid("query");
    const options = {
      model: q.model,
      periodDays: q.period_days,
      calibrationEnd: q.calibration_end === undefined ? undefined : (parseDay(q.calibration_end) as number),
      penalizer: q.penalizer,
      horizonMonths: q.horizon_months,
      monthlyDiscount: q.monthly_discount,
      predictions: false,
      validation: false,
    };
    let tx: Transactions | null = await readTransactions(c);
    const transactions = tx.length;
    options.validation = options.calibrationEnd !== undefined && options.calibrationEnd < tx.lastDay;
    const summary = modelStep(() => summarizeForClv(tx as Transactions, options));
    tx = null; // the rows are no longer needed: let them go before fitting
    const fits = await modelWork(() =>
      fitSummaryWork(summary, { ...options, predictions: q.customers && summary.monetary !== null }),
    );
    const { fit, spend, collapsed } = fits;
    const validation = options.validation
      ? modelStep(() => validateHoldout(fits.model, fit.values, summary, collapsed))
      : null;
    const head: Omit<ClvResponse, "customers"> = {
      summary: {
        customers: summary.length,
        transactions,
        calibrationEnd: isoDay(summary.calibrationEnd),
        holdoutEnd: summary.holdoutEnd === null ? null : isoDay(summary.holdoutEnd),
        periodDays: summary.periodDays,
      },
      model: {
        name: fit.model,
        params: { ...fit.params },
        logLikelihood: fit.logLikelihood,
        converged: fit.converged,
        iterations: fit.iterations,
        customers: fit.customers,
        penalizer: fit.penalizer,
      },
      spend: spend && {
        params: { p: spend.p, q: spend.q, gamma: spend.gamma },
        logLikelihood: spend.logLikelihood,
        converged: spend.converged,
        iterations: spend.iterations,
        customers: spend.customers,
        excluded: fits.spendExcluded,
        frequencySpendCorrelation: spend.frequencySpendCorrelation,
      },
      horizonMonths: q.horizon_months,
      monthlyDiscount: q.monthly_discount,
      validation: validation && {
        holdoutPeriods: validation.holdoutPeriods,
        rows: validation.rows.map((r) => ({ ...r })),
        total: {
          customers: validation.total.customers,
          actual: validation.total.actual,
          predicted: validation.total.predicted,
        },
      },
    };
    if (!q.customers) return streamJson(head, null);
    if (!fit.converged) {
      throw apiError(422, "unprocessable", new RapportError("models.notConverged", { model: fit.model }));
    }
    const rows = await modelWork(() =>
      predictRowsWork(fits, { horizonMonths: q.horizon_months, monthlyDiscount: q.monthly_discount }),
    );
    const n = summary.length;
    const p = summary.periodDays;
    const rowOf = collapsed.rowOf;
    const spendOf = (i: number) =>
      spend ? expectedSpend(spend, summary.x[i] as number, (summary.monetary as Float64Array)[i] as number) : 0;
    const columns: Column[] = [
      ["id", n, (i) => summary.ids[i]],
      ["frequency", n, (i) => summary.x[i]],
      ["recency", n, (i) => round((summary.recencyDays[i] as number) / p, 6)],
      ["T", n, (i) => round((summary.ageDays[i] as number) / p, 6)],
      ["pAlive", n, (i) => round(rows.pAlive[rowOf[i] as number] as number, 6)],
      ["expectedPurchases", n, (i) => round(rows.expectedPurchases[rowOf[i] as number] as number, 6)],
    ];
    if (spend) {
      columns.push(
        ["expectedSpend", n, (i) => round(spendOf(i), 4)],
        ["clv", n, (i) => round(spendOf(i) * (rows.discountedPurchases[rowOf[i] as number] as number), 4)],
      );
    }
    return streamJson(head, columns);
  })
  .post("/segments", validate("query", SegmentsQuery), async (c) => {
    const q = c.req.valid("query");
    const tx = await readTransactions(c);
    const result = await modelWork(() =>
      segmentCustomersWork(tx, {
        asOf: q.as_of === undefined ? undefined : (parseDay(q.as_of) as number),
        k: q.k,
        seed: q.seed,
      }),
    );
    const head: Omit<SegmentsResponse, "customers"> = {
      k: result.k,
      chosenBy: result.chosenBy,
      silhouette: result.silhouette,
      scores: [...result.scores],
      asOf: isoDay(result.asOf),
      profiles: result.profiles.map((p) => ({ ...p, levels: { ...p.levels }, label: { ...p.label } })),
    };
    if (!q.customers) return streamJson(head, null);
    const n = result.customers.length;
    const columns: Column[] = [
      ["id", n, (i) => result.customers[i]],
      ["segment", n, (i) => result.segment[i]],
      ["recencyDays", n, (i) => result.recencyDays[i]],
      ["frequency", n, (i) => result.frequency[i]],
    ];
    const monetary = result.monetary;
    if (monetary) columns.push(["monetary", n, (i) => round(monetary[i] as number, 4)]);
    return streamJson(head, columns);
  })
  .post("/rfm", validate("query", RfmQuery), async (c) => {
    const q = c.req.valid("query");
    const tx = await readTransactions(c);
    if (!tx.amount) throw apiError(400, "validation_failed", new RapportError("analysis.csvNoAmount", {}));
    const asOf = q.as_of === undefined ? undefined : (parseDay(q.as_of) as number);
    const table = modelStep(() => {
      try {
        return rfmTable(tx, asOf);
      } catch (error) {
        // The formula names its argument as_of_date; here the option is the query's as_of.
        if (isRapportError(error) && error.key === "tx.nothingBeforeAsOf") {
          throw new RapportError(error.key, { arg: "as_of" });
        }
        throw error;
      }
    });
    const n = table.order.length;
    const segmentOf = (c: number) => rfmSegment(table.r[c] as number, table.f[c] as number);
    const counts = new Map<RfmSegment, { customers: number; revenue: number }>();
    for (let c = 0; c < n; c++) {
      const entry = counts.get(segmentOf(c)) ?? { customers: 0, revenue: 0 };
      entry.customers++;
      entry.revenue += table.monetary[c] as number;
      counts.set(segmentOf(c), entry);
    }
    const head: Omit<RfmResponse, "customers"> = {
      asOf: isoDay(table.asOfDay),
      transactions: tx.length,
      customerCount: n,
      header: [...RFM_COLUMNS],
      segments: RFM_SEGMENTS.filter((s) => counts.has(s)).map((segment) => ({
        segment,
        ...(counts.get(segment) as { customers: number; revenue: number }),
      })),
    };
    if (!q.customers) return streamJson(head, null);
    // The RFM() table's rows, best first, one array per column: the same values as the formula.
    const at = (k: number) => table.order[k] as number;
    const columns: Column[] = [
      ["customer", n, (k) => table.customers[at(k)]],
      ["recency_days", n, (k) => table.recencyDays[at(k)]],
      ["frequency", n, (k) => table.frequency[at(k)]],
      ["monetary", n, (k) => table.monetary[at(k)]],
      ["r_score", n, (k) => table.r[at(k)]],
      ["f_score", n, (k) => table.f[at(k)]],
      ["m_score", n, (k) => table.m[at(k)]],
      ["rfm_score", n, (k) => table.score[at(k)]],
      ["segment", n, (k) => segmentOf(at(k))],
    ];
    return streamJson(head, columns);
  });
