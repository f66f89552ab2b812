/**
 * The Segments sidebar's executions through Code.js in the harness: each method computed in the
 * spreadsheet at the Worker threshold (50,000 transactions), and RFM, CLV and clusters on the
 * real local Worker (wrangler dev) at six times that. Each execution must stay far below Apps
 * Script's 6 minutes; the harness's sheets are in memory, so Sheets' own reads and writes come on
 * top (docs/benchmarks.md). The computations alone are also timed in plain Node (see inNode).
 */
import { buildAddon } from "../../addon/build/build";
import { type CellValue, createHarness, type Harness } from "../../addon/harness/index";
import type { Transactions } from "../../shared/cells/transactions";
import { seededRandom } from "../../shared/random";
import { segmentLocally } from "../../shared/segments/compute";
import type { SegmentMethod } from "../../shared/segments/segmentation";
import { startTestWorker } from "../setup/localWorker";
import { asCsv, simulatedBase } from "./clvData";
import { type Bench, type BenchResult, ms, time } from "./lib";

/** The add-on's default threshold (addon/src/features/segments/limits.ts). */
const WORKER_THRESHOLD = 50_000;
/** Goal per execution in the harness: a sixth of Apps Script's 6 minutes, room for slower I/O. */
const EXECUTION_GOAL_MS = 60_000;

/** Exactly `rows` transactions of simulated customers (the last customer's history cut short). */
function transactionsOf(rows: number): Transactions {
  const tx = simulatedBase(Math.ceil(rows / 1.5), 5);
  if (tx.length < rows) throw new Error("not enough simulated transactions");
  const customer = tx.customer.subarray(0, rows);
  const day = tx.day.subarray(0, rows);
  let firstDay = Number.POSITIVE_INFINITY;
  let lastDay = Number.NEGATIVE_INFINITY;
  for (const d of day) {
    firstDay = Math.min(firstDay, d);
    lastDay = Math.max(lastDay, d);
  }
  return {
    customers: tx.customers.slice(0, (customer[rows - 1] as number) + 1),
    customer,
    day,
    amount: (tx.amount as Float64Array).subarray(0, rows),
    length: rows,
    firstDay,
    lastDay,
  };
}

/** A workbook with the transactions and a client list of every customer in shuffled order. */
function workbook(tx: Transactions, date: (ms: number) => Date) {
  const rows: CellValue[][] = [["Client ID", "Date", "Amount"]];
  for (let i = 0; i < tx.length; i++) {
    rows.push([
      tx.customers[tx.customer[i] as number] as number,
      date((tx.day[i] as number) * 86_400_000 + 5 * 3_600_000),
      (tx.amount as Float64Array)[i] as number,
    ]);
  }
  const random = seededRandom(9);
  const ids = [...tx.customers];
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [ids[i], ids[j]] = [ids[j] as number, ids[i] as number];
  }
  const clients: CellValue[][] = [
    ["Client ID", "Name", "Email"],
    ...ids.map((id) => [id, `Client ${id}`, `c${id}@example.com`]),
  ];
  return {
    name: "Bench",
    locale: "en_US",
    timeZone: "America/New_York",
    sheets: [
      { name: "Clients", rows: clients },
      { name: "Transactions", rows },
    ],
  };
}

interface Run {
  engine: string;
  rows: number;
  written: number;
  jobId: string | null;
}

/** Times the compute execution and each block-writing execution of one run. */
function timeRun(
  h: Harness,
  method: string,
): { compute: number; slowestBlock: number; blocks: number; engine: string } {
  let started = performance.now();
  const run = h.run("runSegmentation", { method }) as Run;
  const compute = performance.now() - started;
  let slowestBlock = 0;
  let blocks = 1;
  let written = run.written;
  while (written < run.rows) {
    started = performance.now();
    written = (h.run("writeSegmentation", run.jobId, written) as { written: number }).written;
    slowestBlock = Math.max(slowestBlock, performance.now() - started);
    blocks++;
  }
  return { compute, slowestBlock, blocks, engine: run.engine };
}

function result(name: string, t: ReturnType<typeof timeRun>, expected: string): BenchResult {
  const worst = Math.max(t.compute, t.slowestBlock);
  return {
    name,
    value: `${ms(t.compute)} + ${t.blocks - 1} block(s) ≤ ${ms(t.slowestBlock)}`,
    goal: `each < ${EXECUTION_GOAL_MS / 1000} s, ${expected}`,
    ok: worst < EXECUTION_GOAL_MS && t.engine === expected,
  };
}

async function inSpreadsheet(): Promise<BenchResult[]> {
  const tx = transactionsOf(WORKER_THRESHOLD);
  const probe = createHarness({});
  const h = createHarness({ spreadsheet: workbook(tx, (t) => probe.realm.date(t)) });
  const n = `${(h.spreadsheet.getSheetByName("Transactions")?.getLastRow() ?? 1) - 1}`;
  return ["rfm", "abcXyz", "clv", "clusters"].map((method) =>
    result(`Segments ${method}, ${Number(n).toLocaleString("en-US")} tx (Code.js)`, timeRun(h, method), "local"),
  );
}

/**
 * The same computations in plain Node: the harness runs Code.js in a node:vm context, where code
 * that reads globals (Math, typed-array constructors) in hot loops runs many times slower than in
 * V8 without the context's interceptors (k-means: about 20×); Apps Script has no such layer.
 */
function inNode(): BenchResult[] {
  const tx = transactionsOf(WORKER_THRESHOLD);
  return (["rfm", "abcXyz", "clv", "clusters"] as SegmentMethod[]).map((method) => {
    const t = time(() => segmentLocally(method, tx), { warmup: 1, runs: 3 });
    return {
      name: `segmentLocally ${method}, 50,000 tx (Node)`,
      value: ms(t.medianMs),
      goal: "< 10 s",
      ok: t.medianMs < 10_000,
    };
  });
}

async function onWorker(): Promise<BenchResult[]> {
  const worker = await startTestWorker();
  try {
    const tx = transactionsOf(6 * WORKER_THRESHOLD);
    const probe = createHarness({});
    const h = createHarness({
      spreadsheet: workbook(tx, (t) => probe.realm.date(t)),
      allowUrlPrefixes: [`${worker.url}/`],
    });
    h.run("saveWorkerUrl", `${worker.url}/`);
    h.run("enrollSpreadsheet", worker.enrollmentKey);
    const label = `${tx.length.toLocaleString("en-US")} tx, ${tx.customers.length.toLocaleString("en-US")} clients`;
    return ["rfm", "clv", "clusters"].map((method) =>
      result(`Segments ${method} on the Worker, ${label}`, timeRun(h, method), "worker"),
    );
  } finally {
    await worker.dispose();
  }
}

/** The RFM route through wrangler dev on about a million transactions: the whole request, wall time. */
async function rfmRoute(): Promise<BenchResult> {
  const worker = await startTestWorker();
  try {
    const enrolled = await fetch(`${worker.url}/api/v1/workspaces`, {
      method: "POST",
      headers: { Authorization: `Bearer ${worker.enrollmentKey}`, "Content-Type": "application/json" },
      body: "{}",
    });
    const { token } = (await enrolled.json()) as { token: string };
    const tx = simulatedBase(485_000, 2);
    const csv = asCsv(tx);
    const started = performance.now();
    const response = await fetch(`${worker.url}/api/v1/analyze/rfm`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "text/csv" },
      body: csv,
    });
    const text = await response.text();
    const elapsed = performance.now() - started;
    const ok =
      response.status === 200 && (JSON.parse(text) as { customerCount: number }).customerCount === tx.customers.length;
    return {
      name: `analyze/rfm via wrangler dev, ${(tx.length / 1e6).toFixed(2)} M tx`,
      value: ok
        ? `${ms(elapsed)} wall (${(csv.length / 2 ** 20).toFixed(0)} MB CSV, ${(text.length / 2 ** 20).toFixed(0)} MB JSON)`
        : `HTTP ${response.status}: ${text.slice(0, 120)}`,
      goal: "< 30 s (Paid plan's default CPU limit)",
      ok: ok && elapsed < 30_000,
    };
  } finally {
    await worker.dispose();
  }
}

export const segmentsBench: Bench = {
  title: "Segments sidebar (Code.js in the harness)",
  async run() {
    await buildAddon();
    return [...inNode(), ...(await inSpreadsheet()), ...(await onWorker()), await rfmRoute()];
  },
};
